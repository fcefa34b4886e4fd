import { api } from 'lwc';
import { startChat, type StartChatOptions } from 'c/embeddedChatService';
import {
    ChatActionElement,
    problemsOf,
    readBoolean,
    readButtonStyle,
    readChoice,
    readText
} from 'c/chatComponentSupport';
import { readRoutingOverride, type RoutingOverride } from './routingOverride';
import DEFAULT_LABEL from '@salesforce/label/c.Chat_Start_Default_Label';
import PROP_LABEL from '@salesforce/label/c.Chat_Start_Prop_Label';
import PROP_VARIANT from '@salesforce/label/c.Chat_Start_Prop_Variant';
import PROP_STRETCH from '@salesforce/label/c.Chat_Start_Prop_Stretch';
import PROP_WHEN_OFFLINE from '@salesforce/label/c.Chat_Start_Prop_When_Offline';
import PROP_HIDE_DURING_CHAT from '@salesforce/label/c.Chat_Start_Prop_Hide_During_Chat';
import PROP_FALLBACK from '@salesforce/label/c.Chat_Start_Prop_Fallback';
import REASON_LOADING from '@salesforce/label/c.Chat_Start_Reason_Loading';
import REASON_STARTING from '@salesforce/label/c.Chat_Start_Reason_Starting';
import REASON_ACTIVE from '@salesforce/label/c.Chat_Start_Reason_Active';
import REASON_OFFLINE from '@salesforce/label/c.Chat_Start_Reason_Offline';

const OFFLINE_CHOICES = ['disable', 'hide', 'offline-form'] as const;

/** Starts a chat through c/embeddedChatService. Placed by site admins in Experience Builder. */
export default class ChatStartButton extends ChatActionElement {
    /** Text of the button; blank uses the translated default. */
    @api buttonLabel?: string;
    /** brand, neutral, outline, destructive or success. */
    @api variant?: string = 'brand';
    @api stretch?: boolean | string = false;
    /** What to do when no agent is online: disable, hide or offline-form. */
    @api whenOffline?: string = 'disable';
    @api hideDuringChat?: boolean | string = false;
    /** Direct-to-agent routing for this button only (overrides the site routing when set). */
    @api routingButtonId?: string;
    @api routingUserId?: string;
    @api routingFallback?: boolean | string = false;

    get isStretched(): boolean {
        return this.stretchSetting.value;
    }

    get propertyProblems(): string[] {
        return [
            ...problemsOf(
                this.labelSetting,
                this.variantSetting,
                this.stretchSetting,
                this.offlineSetting,
                this.hideDuringChatSetting,
                this.fallbackSetting
            ),
            ...this.routingOverride.problems
        ];
    }

    get showButton(): boolean {
        if (!this.isChatShown) {
            return false;
        }
        if (this.isChatActive && this.hideDuringChatSetting.value) {
            return false;
        }
        return !(this.agentsOffline && this.offlineSetting.value === 'hide');
    }

    get reason(): string {
        if (this.pending) {
            return REASON_STARTING;
        }
        if (this.status === 'loading') {
            return REASON_LOADING;
        }
        if (this.isChatActive) {
            return REASON_ACTIVE;
        }
        return this.agentsOffline && this.offlineSetting.value === 'disable' ? REASON_OFFLINE : '';
    }

    async handleClick(): Promise<void> {
        if (!this.isButtonDisabled) {
            await this.runAction(() => startChat(this.startOptions));
        }
    }

    private get agentsOffline(): boolean {
        return (
            (this.status === 'ready' || this.status === 'ended') &&
            this.chatState?.agentsAvailable === false
        );
    }

    protected get labelSetting() {
        return readText(this.buttonLabel, DEFAULT_LABEL, PROP_LABEL);
    }

    protected get variantSetting() {
        return readButtonStyle(this.variant, 'brand', PROP_VARIANT);
    }

    private get stretchSetting() {
        return readBoolean(this.stretch, false, PROP_STRETCH);
    }

    private get offlineSetting() {
        return readChoice(this.whenOffline, OFFLINE_CHOICES, 'disable', PROP_WHEN_OFFLINE);
    }

    private get hideDuringChatSetting() {
        return readBoolean(this.hideDuringChat, false, PROP_HIDE_DURING_CHAT);
    }

    private get fallbackSetting() {
        return readBoolean(this.routingFallback, false, PROP_FALLBACK);
    }

    private get startOptions(): StartChatOptions {
        const whenOffline =
            this.offlineSetting.value === 'offline-form' ? 'offline-form' : 'refuse';
        const { routing } = this.routingOverride;
        return routing ? { routing, whenOffline } : { whenOffline };
    }

    private get routingOverride(): RoutingOverride {
        return readRoutingOverride(
            this.routingButtonId,
            this.routingUserId,
            this.fallbackSetting.value,
            this.builderKit?.routingIssueText ?? null,
            this.chatState?.client ?? null
        );
    }
}
