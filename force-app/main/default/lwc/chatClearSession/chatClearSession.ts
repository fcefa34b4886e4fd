import { LightningElement, api } from 'lwc';
import { clearSession, subscribeToChat, type ChatState } from 'c/embeddedChatService';
import {
    chatErrorMessage,
    isBuilderContext,
    problemsOf,
    readBoolean,
    readChoice,
    readText
} from 'c/chatComponentSupport';
import { claimPageLoadClear } from './pageLoadClear';
import DEFAULT_LABEL from '@salesforce/label/c.Chat_Clear_Default_Label';
import PROP_LABEL from '@salesforce/label/c.Chat_Clear_Prop_Label';
import PROP_VARIANT from '@salesforce/label/c.Chat_Clear_Prop_Variant';
import PROP_ON_PAGE_LOAD from '@salesforce/label/c.Chat_Clear_Prop_On_Page_Load';
import PROP_HIDE_BUTTON from '@salesforce/label/c.Chat_Clear_Prop_Hide_Button';
import HIDE_NEEDS_PAGE_LOAD from '@salesforce/label/c.Chat_Clear_Hide_Needs_Page_Load';
import BUILDER_HIDDEN from '@salesforce/label/c.Chat_Clear_Builder_Hidden';
import REASON_LOADING from '@salesforce/label/c.Chat_Clear_Reason_Loading';
import REASON_CLEARING from '@salesforce/label/c.Chat_Clear_Reason_Clearing';
import SUCCESS from '@salesforce/label/c.Chat_Clear_Success';

const VARIANTS = ['brand', 'neutral', 'outline', 'destructive', 'success'] as const;

/**
 * Clears all client-side chat session data (ends any chat, closes the widget), on a click or
 * once when the page loads.
 */
export default class ChatClearSession extends LightningElement {
    /** Text of the button; blank uses the translated default. */
    @api buttonLabel?: string;
    /** brand, neutral, outline, destructive or success. */
    @api variant?: string = 'neutral';
    /** Clear once, as soon as the chat client is ready, when the page loads. */
    @api clearOnPageLoad?: boolean | string = false;
    /** Hide the button (only with clearOnPageLoad). */
    @api hideButton?: boolean | string = false;

    chatState?: ChatState;
    pending = false;
    successMessage = '';
    errorMessage = '';
    isBuilder = false;
    builderHiddenNote = BUILDER_HIDDEN;
    private unsubscribe?: () => void;

    connectedCallback(): void {
        this.isBuilder = isBuilderContext();
        this.unsubscribe = subscribeToChat((state) => {
            this.chatState = state;
            const ready = state.status !== 'loading' && state.status !== 'disabled';
            if (ready && this.onPageLoadSetting.value && claimPageLoadClear()) {
                this.clear();
            }
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

    get status(): string {
        return this.chatState?.status ?? 'loading';
    }

    get disabledReason(): string | null {
        return this.chatState?.disabledReason ?? null;
    }

    get propertyProblems(): string[] {
        const problems = problemsOf(
            this.labelSetting,
            this.variantSetting,
            this.onPageLoadSetting,
            this.hideButtonSetting
        );
        return this.hideButtonSetting.value && !this.onPageLoadSetting.value
            ? [...problems, HIDE_NEEDS_PAGE_LOAD]
            : problems;
    }

    get showNotice(): boolean {
        return this.isBuilder && (this.status === 'disabled' || this.propertyProblems.length > 0);
    }

    get isButtonHidden(): boolean {
        return this.onPageLoadSetting.value && this.hideButtonSetting.value;
    }

    get showButton(): boolean {
        return this.status !== 'disabled' && !this.isButtonHidden;
    }

    get showBuilderHiddenNote(): boolean {
        return this.isBuilder && this.status !== 'disabled' && this.isButtonHidden;
    }

    /** Why the button cannot be used now ('' when it can). */
    get reason(): string {
        if (this.pending) {
            return REASON_CLEARING;
        }
        return this.status === 'loading' ? REASON_LOADING : '';
    }

    get isButtonDisabled(): boolean {
        return this.reason !== '';
    }

    get busyState(): string {
        return this.pending ? 'true' : 'false';
    }

    handleClick(): void {
        if (!this.isButtonDisabled) {
            this.clear();
        }
    }

    private async clear(): Promise<void> {
        this.pending = true;
        this.successMessage = '';
        this.errorMessage = '';
        try {
            const result = await clearSession();
            if (result.ok) {
                this.successMessage = SUCCESS;
            } else {
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

    private get onPageLoadSetting() {
        return readBoolean(this.clearOnPageLoad, false, PROP_ON_PAGE_LOAD);
    }

    private get hideButtonSetting() {
        return readBoolean(this.hideButton, false, PROP_HIDE_BUTTON);
    }
}
