import { LightningElement, api } from 'lwc';
import { endChat, subscribeToChat, type ChatState } from 'c/embeddedChatService';
import {
    chatErrorMessage,
    isBuilderContext,
    problemsOf,
    readBoolean,
    readChoice,
    readText
} from 'c/chatComponentSupport';
import DEFAULT_LABEL from '@salesforce/label/c.Chat_End_Default_Label';
import PROP_LABEL from '@salesforce/label/c.Chat_End_Prop_Label';
import PROP_VARIANT from '@salesforce/label/c.Chat_End_Prop_Variant';
import PROP_STRETCH from '@salesforce/label/c.Chat_End_Prop_Stretch';
import PROP_ONLY_DURING_CHAT from '@salesforce/label/c.Chat_End_Prop_Only_During_Chat';
import REASON_LOADING from '@salesforce/label/c.Chat_End_Reason_Loading';
import REASON_ENDING from '@salesforce/label/c.Chat_End_Reason_Ending';

const VARIANTS = ['brand', 'neutral', 'outline', 'destructive', 'success'] as const;
const ACTIVE_STATUSES: readonly string[] = ['requesting', 'queued', 'chatting'];

/** Ends the current chat and closes the chat widget, through c/embeddedChatService. */
export default class ChatEndButton extends LightningElement {
    /** Text of the button; blank uses the translated default. */
    @api buttonLabel?: string;
    /** brand, neutral, outline, destructive or success. */
    @api variant?: string = 'neutral';
    @api stretch?: boolean | string = false;
    /** Show the button only while a chat is requested, queued or in progress (unset = true). */
    @api showOnlyDuringChat?: boolean | string;

    chatState?: ChatState;
    pending = false;
    errorMessage = '';
    isBuilder = false;
    private unsubscribe?: () => void;

    connectedCallback(): void {
        this.isBuilder = isBuilderContext();
        this.unsubscribe = subscribeToChat((state) => {
            this.chatState = state;
        });
    }

    disconnectedCallback(): void {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
    }

    get label(): string {
        return this.labelSetting.value;
    }

    get buttonVariant(): string {
        const variant = this.variantSetting.value;
        return variant === 'outline' ? 'brand-outline' : variant;
    }

    get isStretched(): boolean {
        return this.stretchSetting.value;
    }

    get status(): string {
        return this.chatState?.status ?? 'loading';
    }

    get disabledReason(): string | null {
        return this.chatState?.disabledReason ?? null;
    }

    get propertyProblems(): string[] {
        return problemsOf(
            this.labelSetting,
            this.variantSetting,
            this.stretchSetting,
            this.onlyDuringChatSetting
        );
    }

    get showNotice(): boolean {
        return this.isBuilder && (this.status === 'disabled' || this.propertyProblems.length > 0);
    }

    get showButton(): boolean {
        if (this.status === 'disabled') {
            return false;
        }
        const active = ACTIVE_STATUSES.includes(this.status);
        return active || this.pending || !this.onlyDuringChatSetting.value;
    }

    /** Why the button cannot be used now ('' when it can). */
    get reason(): string {
        if (this.pending) {
            return REASON_ENDING;
        }
        return this.status === 'loading' ? REASON_LOADING : '';
    }

    get isButtonDisabled(): boolean {
        return this.reason !== '';
    }

    get busyState(): string {
        return this.pending ? 'true' : 'false';
    }

    async handleClick(): Promise<void> {
        if (this.isButtonDisabled) {
            return;
        }
        this.pending = true;
        this.errorMessage = '';
        try {
            const result = await endChat();
            if (!result.ok) {
                this.errorMessage = chatErrorMessage(result.code);
            }
        } catch {
            this.errorMessage = chatErrorMessage('CLIENT_ERROR');
        } finally {
            this.pending = false;
        }
    }

    private get labelSetting() {
        return readText(this.buttonLabel, DEFAULT_LABEL, PROP_LABEL);
    }

    private get variantSetting() {
        return readChoice(this.variant, VARIANTS, 'neutral', PROP_VARIANT);
    }

    private get stretchSetting() {
        return readBoolean(this.stretch, false, PROP_STRETCH);
    }

    private get onlyDuringChatSetting() {
        return readBoolean(this.showOnlyDuringChat, true, PROP_ONLY_DURING_CHAT);
    }
}
