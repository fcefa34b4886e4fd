import { api } from 'lwc';
import { clearSession, type ChatErrorCode, type ChatState } from 'c/embeddedChatService';
import { ChatActionElement, buttonStyle, isChatActiveStatus } from 'c/chatComponentBase';
import type { PropertySpecs } from 'c/chatComponentSupport';
import { claimPageLoadClear, joinPageLoadClear } from './pageLoadClear';
import DEFAULT_LABEL from '@salesforce/label/c.Chat_Clear_Default_Label';
import REASON_LOADING from '@salesforce/label/c.Chat_Clear_Reason_Loading';
import REASON_CLEARING from '@salesforce/label/c.Chat_Clear_Reason_Clearing';
import SUCCESS from '@salesforce/label/c.Chat_Clear_Success';
import SUCCESS_ENDED from '@salesforce/label/c.Chat_Clear_Success_Ended';
import UNCONFIRMED_NO_CHAT from '@salesforce/label/c.Chat_Clear_Unconfirmed_No_Chat';

/** How each builder property reads (c/chatAdminChecks words its problems for the admin). */
const SETTINGS: PropertySpecs = {
    buttonLabel: { fallback: DEFAULT_LABEL },
    variant: buttonStyle('neutral'),
    clearOnPageLoad: { fallback: false },
    hideButton: { fallback: false }
};

/**
 * Clears all client-side chat session data (ends any chat, closes the widget), on a click or
 * once each time a visitor opens the page. Never clears by itself in Experience Builder: the
 * admin editing the page would lose their own chat.
 */
export default class ChatClearSession extends ChatActionElement {
    /** Text of the button; blank uses the translated default. */
    @api buttonLabel?: string;
    /** Brand, Neutral, Outline, Destructive or Success (the old lower-case codes still work). */
    @api variant?: string = 'Neutral';
    /** Clear once, as soon as the chat client is ready, when the page loads. */
    @api clearOnPageLoad?: boolean | string = false;
    /** Hide the button (only with clearOnPageLoad). */
    @api hideButton?: boolean | string = false;

    private connected = false;
    /** This insertion has looked at the page-load clear (joined the visit, claimed or not). */
    private pageLoadChecked = false;
    private leavePageLoadVisit?: () => void;

    connectedCallback(): void {
        this.connected = true;
        super.connectedCallback();
    }

    disconnectedCallback(): void {
        super.disconnectedCallback();
        this.connected = false;
        this.pageLoadChecked = false;
        this.leavePageLoadVisit?.();
        this.leavePageLoadVisit = undefined;
    }

    get kind(): 'clear' {
        return 'clear';
    }

    get settings(): PropertySpecs {
        return SETTINGS;
    }

    get isButtonHidden(): boolean {
        return this.onPageLoad && this.setting<boolean>('hideButton');
    }

    /**
     * The messages region (a live region) stays on the page with the button hidden too: a
     * page-load clear that failed, or whose deletion the client never confirmed, must tell the
     * visitor that the chat data may still be in this browser. Only the error shows then.
     */
    get showButton(): boolean {
        return this.isChatShown && !this.isButtonHidden;
    }

    get reason(): string {
        if (this.isButtonHidden) {
            return ''; // no button to explain; the visitor reads only a failure
        }
        if (this.pending) {
            return REASON_CLEARING;
        }
        return this.status === 'loading' ? REASON_LOADING : '';
    }

    handleClick(): void {
        if (!this.isButtonDisabled) {
            this.clear();
        }
    }

    /**
     * Clears once per visit of the page, as soon as the chat is ready, when the admin chose so;
     * never in Experience Builder.
     */
    protected chatStateChanged(state: ChatState): void {
        const ready = state.status !== 'loading' && state.status !== 'disabled';
        if (!ready || this.pageLoadChecked || this.isBuilder || !this.onPageLoad) {
            return;
        }
        this.pageLoadChecked = true;
        this.leavePageLoadVisit = joinPageLoadClear();
        const finish = claimPageLoadClear();
        if (finish) {
            this.runPageLoadClear(finish);
        }
    }

    /**
     * The page-load clear: one call. The service itself waits (bounded) for a chat client that
     * is still loading its stored session, and answers CLEAR_UNCONFIRMED when the client never
     * proves that the data was deleted: the visitor then reads that label.
     */
    private async runPageLoadClear(finish: () => void): Promise<void> {
        try {
            await this.clear();
            if (!this.connected) {
                // The visitor left before the end: nothing to report on a later insertion.
                this.errorMessage = '';
            }
        } finally {
            finish();
        }
    }

    /**
     * A confirmation describes the chat at the clear: it goes when the chat moves on (its status
     * or the agents' availability changes), so that it never reads as news later. A failure or an
     * unconfirmed clear is a privacy warning (the data may still be in this browser): it stays
     * until a new clear replaces it or a new chat starts.
     */
    protected outlivesMessages(then: ChatState, next: ChatState): boolean {
        if (this.errorMessage) {
            // A new chat: the status enters requesting, queued or chatting from another one.
            return isChatActiveStatus(next.status) && !isChatActiveStatus(this.status);
        }
        return super.outlivesMessages(then, next) || next.agentsAvailable !== then.agentsAvailable;
    }

    /** The clear ends a chat under way: its words say so, and only then. */
    private endsChat = false;

    private clear(): Promise<void> {
        this.endsChat = this.isChatActive;
        return this.runAction(clearSession, () => {
            this.successMessage = this.isButtonHidden
                ? ''
                : this.endsChat
                  ? SUCCESS_ENDED
                  : SUCCESS;
        });
    }

    protected errorText(code: ChatErrorCode): string {
        return code === 'CLEAR_UNCONFIRMED' && !this.endsChat
            ? UNCONFIRMED_NO_CHAT
            : super.errorText(code);
    }

    private get onPageLoad(): boolean {
        return this.setting<boolean>('clearOnPageLoad');
    }
}
