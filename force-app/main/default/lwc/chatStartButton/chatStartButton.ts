import { api } from 'lwc';
import {
    getRoutingValidation,
    startChat,
    validateRouting,
    type ChatState,
    type DirectToAgentRouting,
    type RoutingConfig,
    type RoutingValidation,
    type StartChatOptions
} from 'c/embeddedChatService';
import { ChatActionElement, buttonStyle, chatErrorMessage } from 'c/chatComponentBase';
import { readOptionalText, type Choices, type PropertySpecs } from 'c/chatComponentSupport';
import DEFAULT_LABEL from '@salesforce/label/c.Chat_Start_Default_Label';
import REASON_LOADING from '@salesforce/label/c.Chat_Start_Reason_Loading';
import REASON_STARTING from '@salesforce/label/c.Chat_Start_Reason_Starting';
import REASON_ACTIVE from '@salesforce/label/c.Chat_Start_Reason_Active';
import REASON_OFFLINE from '@salesforce/label/c.Chat_Start_Reason_Offline';
import OFFLINE_LABEL from '@salesforce/label/c.Chat_Start_Offline_Label';
import LOGIN_LINK from '@salesforce/label/c.Chat_Start_Login_Link';
import BASE_PATH from '@salesforce/community/basePath';

type OfflineChoice = 'disable' | 'hide' | 'offline-form';

/** What the button does while no agent is online, with its Builder text (js-meta.xml datasource). */
const OFFLINE_CHOICES: Choices<OfflineChoice> = {
    disable: 'Disable the button',
    hide: 'Hide the button',
    'offline-form': 'Offer the offline form'
};

/** The per-button routing override, read from the builder properties and checked. */
interface RoutingOverride {
    /** The routing to pass to startChat; null = use the site routing. */
    routing: RoutingConfig | null;
    /** The service's verdict on the override; null when none is set. */
    verdict: RoutingValidation | null;
}

/** How each builder property reads (c/chatAdminChecks words its problems for the admin). */
const SETTINGS: PropertySpecs = {
    buttonLabel: { fallback: DEFAULT_LABEL },
    variant: buttonStyle('brand'),
    stretch: { fallback: false },
    whenOffline: { fallback: 'disable', choices: OFFLINE_CHOICES },
    hideDuringChat: { fallback: false },
    routingFallback: { fallback: false },
    guestLoginLink: { fallback: false }
};

/** Starts a chat through c/embeddedChatService. Placed by site admins in Experience Builder. */
export default class ChatStartButton extends ChatActionElement {
    /** Text of the button; blank uses the translated default. */
    @api buttonLabel?: string;
    /** Brand, Neutral, Outline, Destructive or Success (the old lower-case codes still work). */
    @api variant?: string = 'Brand';
    @api stretch?: boolean | string = false;
    /** What to do when no agent is online: see OFFLINE_CHOICES (the old codes still work). */
    @api whenOffline?: string = 'Disable the button';
    @api hideDuringChat?: boolean | string = false;
    /** Direct-to-agent routing for this button only (overrides the site routing when set). */
    @api routingButtonId?: string;
    @api routingUserId?: string;
    @api routingFallback?: boolean | string = false;
    /** When chat is for logged-in users only: show guests a link to the site's login page. */
    @api guestLoginLink?: boolean | string = false;

    loginLinkLabel = LOGIN_LINK;

    get kind(): 'start' {
        return 'start';
    }

    get settings(): PropertySpecs {
        return SETTINGS;
    }

    /** The admin's label; while no agent is online, the offline form's own label. */
    get label(): string {
        return this.offersOfflineForm ? OFFLINE_LABEL : super.label;
    }

    get isStretched(): boolean {
        return this.setting<boolean>('stretch');
    }

    /** The per-button routing override, checked for the client the page runs. */
    get routing(): RoutingValidation | null {
        return this.routingOverride.verdict;
    }

    /**
     * A start would be refused for its routing: the service's verdict on what startChat would
     * send (the site routing, with a valid override over it). Read again on every state change;
     * the state says when the site routing's verdict changes.
     */
    get routingRefused(): boolean {
        return !getRoutingValidation(this.routingOverride.routing ?? undefined).valid;
    }

    get showButton(): boolean {
        if (!this.isChatShown || this.hiddenDuringChat) {
            return false;
        }
        return !(this.agentsOffline && this.offline === 'hide');
    }

    /** Hidden during a chat: nothing of the button's (its reason, its error) stays under no button. */
    private get hiddenDuringChat(): boolean {
        return this.isChatActive && this.setting<boolean>('hideDuringChat');
    }

    get shownError(): string {
        return this.hiddenDuringChat ? '' : super.shownError;
    }

    /**
     * A guest of a site whose chat is for logged-in users: a link to the site's login page (the
     * page to come back to is this one), when the admin chose to show it.
     */
    get loginUrl(): string | null {
        if (this.disabledReason !== 'login-required' || !this.setting<boolean>('guestLoginLink')) {
            return null;
        }
        const here = typeof window === 'undefined' ? '' : window.location.pathname;
        return `${BASE_PATH}/login?startURL=${encodeURIComponent(here)}`;
    }

    get reason(): string {
        if (this.hiddenDuringChat) {
            return '';
        }
        if (this.pending || this.status === 'requesting') {
            // What the visitor just asked for, not a refusal.
            return REASON_STARTING;
        }
        if (this.status === 'loading') {
            return REASON_LOADING;
        }
        if (this.isChatActive) {
            return REASON_ACTIVE;
        }
        if (this.routingRefused) {
            // Not an invitation to a chat that cannot start, nor "try again later".
            return chatErrorMessage('INVALID_ROUTING');
        }
        return this.agentsOffline && this.offline === 'disable' ? REASON_OFFLINE : '';
    }

    async handleClick(): Promise<void> {
        if (!this.isButtonDisabled) {
            await this.runAction(() => startChat(this.startOptions));
        }
    }

    /** "No agents are available" and the like end when availability changes too. */
    protected outlivesMessages(then: ChatState, next: ChatState): boolean {
        return super.outlivesMessages(then, next) || next.agentsAvailable !== then.agentsAvailable;
    }

    /** The offline form opens only with routing the service accepts. */
    private get offersOfflineForm(): boolean {
        return this.agentsOffline && this.offline === 'offline-form' && !this.routingRefused;
    }

    private get agentsOffline(): boolean {
        return (
            (this.status === 'ready' || this.status === 'ended') &&
            this.chatState?.agentsAvailable === false
        );
    }

    /**
     * Enhanced Chat has no offline form (the service answers NOT_SUPPORTED): there the choice
     * disables the button with its reason, so no visitor gets a button that does nothing.
     */
    private get offline(): OfflineChoice {
        const choice = this.setting<OfflineChoice>('whenOffline');
        return choice === 'offline-form' && this.chatState?.client === 'enhanced'
            ? 'disable'
            : choice;
    }

    private get startOptions(): StartChatOptions {
        const whenOffline = this.offline === 'offline-form' ? 'offline-form' : 'refuse';
        const { routing } = this.routingOverride;
        return routing ? { routing, whenOffline } : { whenOffline };
    }

    /**
     * The override, checked with the service's validateRouting for the client the page runs
     * (null: not known yet): sent when set and valid. Nothing set (both IDs blank) means the site
     * routing. The builder kit (c/chatAdminChecks) words the verdict's issues for the admin.
     */
    private get routingOverride(): RoutingOverride {
        const buttonId = readOptionalText(this.routingButtonId);
        const userId = readOptionalText(this.routingUserId);
        if (!buttonId && !userId) {
            return { routing: null, verdict: null };
        }
        const fallback = this.setting<boolean>('routingFallback');
        const directToAgentRouting: DirectToAgentRouting = userId
            ? { buttonId, userId, fallback }
            : { buttonId, fallback };
        const verdict = validateRouting({ directToAgentRouting }, this.chatState?.client ?? null);
        return { routing: verdict.valid ? { directToAgentRouting } : null, verdict };
    }
}
