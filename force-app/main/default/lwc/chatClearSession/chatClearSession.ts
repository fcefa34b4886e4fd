import { api } from 'lwc';
import { clearSession, type ChatActionResult, type ChatState } from 'c/embeddedChatService';
import {
    ChatActionElement,
    problemsOf,
    readBoolean,
    readButtonStyle,
    readText,
    type BuilderNote
} from 'c/chatComponentSupport';
import { claimPageLoadClear, joinPageLoadClear } from './pageLoadClear';
import DEFAULT_LABEL from '@salesforce/label/c.Chat_Clear_Default_Label';
import PROP_LABEL from '@salesforce/label/c.Chat_Clear_Prop_Label';
import PROP_VARIANT from '@salesforce/label/c.Chat_Clear_Prop_Variant';
import PROP_ON_PAGE_LOAD from '@salesforce/label/c.Chat_Clear_Prop_On_Page_Load';
import PROP_HIDE_BUTTON from '@salesforce/label/c.Chat_Clear_Prop_Hide_Button';
import HIDE_NEEDS_PAGE_LOAD from '@salesforce/label/c.Chat_Clear_Hide_Needs_Page_Load';
import REASON_LOADING from '@salesforce/label/c.Chat_Clear_Reason_Loading';
import REASON_CLEARING from '@salesforce/label/c.Chat_Clear_Reason_Clearing';
import SUCCESS from '@salesforce/label/c.Chat_Clear_Success';

/** Waits before each retry of a page-load clear that the chat client could not finish yet. */
const RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000];

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
    /** Ends this visit's claim on the page-load clear while this component runs it. */
    private finishPageLoadClaim?: () => void;
    private retryTimer?: ReturnType<typeof setTimeout>;
    private stopRetryWait?: () => void;

    connectedCallback(): void {
        this.connected = true;
        super.connectedCallback();
    }

    disconnectedCallback(): void {
        super.disconnectedCallback();
        this.connected = false;
        this.pageLoadChecked = false;
        if (this.cancelRetry()) {
            // Nothing of the page-load clear runs any more: the visit may end with this component.
            this.finishPageLoadClaim?.();
        }
        this.leavePageLoadVisit?.();
        this.leavePageLoadVisit = undefined;
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

    get isButtonHidden(): boolean {
        return this.onPageLoadSetting.value && this.hideButtonSetting.value;
    }

    get showButton(): boolean {
        return this.isChatShown && !this.isButtonHidden;
    }

    /** The messages go with the button: a hidden component shows visitors nothing at all. */
    get showMessages(): boolean {
        return this.showButton;
    }

    /** Tells the admin in Experience Builder what the page-load mode does. */
    protected get visitorNotes(): BuilderNote[] {
        if (!this.onPageLoadSetting.value) {
            return [];
        }
        return [this.isButtonHidden ? 'clear-hidden' : 'clear-on-load'];
    }

    get reason(): string {
        if (this.pending) {
            return REASON_CLEARING;
        }
        return this.status === 'loading' ? REASON_LOADING : '';
    }

    handleClick(): void {
        if (!this.isButtonDisabled) {
            this.clear(clearSession);
        }
    }

    /**
     * Clears once per visit of the page, as soon as the chat is ready, when the admin chose so;
     * never in Experience Builder.
     */
    protected chatStateChanged(state: ChatState): void {
        const ready = state.status !== 'loading' && state.status !== 'disabled';
        if (!ready || this.pageLoadChecked || this.isBuilder || !this.onPageLoadSetting.value) {
            return;
        }
        this.pageLoadChecked = true;
        this.leavePageLoadVisit = joinPageLoadClear();
        const finish = claimPageLoadClear();
        if (finish) {
            this.runPageLoadClear(finish);
        }
    }

    private async runPageLoadClear(finish: () => void): Promise<void> {
        this.finishPageLoadClaim = finish;
        try {
            await this.clear(() => this.clearWithRetries());
            if (!this.connected) {
                // The visitor left before the end: nothing to report on a later insertion.
                this.errorMessage = '';
            }
        } finally {
            finish();
            if (this.finishPageLoadClaim === finish) {
                this.finishPageLoadClaim = undefined;
            }
        }
    }

    /**
     * The page-load clear: when the client could not clear yet (CLIENT_ERROR, e.g. its storage
     * frame is not on the page yet), tries again after 1, 2 and 4 seconds while the component is
     * on the page. Returns the last result.
     */
    private async clearWithRetries(retry = 0): Promise<ChatActionResult> {
        const result = await clearSession();
        const delay = RETRY_DELAYS_MS[retry];
        if (
            result.ok ||
            result.code !== 'CLIENT_ERROR' ||
            delay === undefined ||
            !this.connected ||
            !(await this.waitToRetry(delay))
        ) {
            return result;
        }
        return this.clearWithRetries(retry + 1);
    }

    /** Resolves true after `ms`, or false as soon as the component leaves the page. */
    private waitToRetry(ms: number): Promise<boolean> {
        return new Promise((resolve) => {
            this.stopRetryWait = () => resolve(false);
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- bounded retry, cleared on disconnect
            this.retryTimer = setTimeout(() => {
                this.retryTimer = undefined;
                this.stopRetryWait = undefined;
                resolve(true);
            }, ms);
        });
    }

    /** Stops a wait for a retry; true when there was one. */
    private cancelRetry(): boolean {
        const stop = this.stopRetryWait;
        if (this.retryTimer !== undefined) {
            clearTimeout(this.retryTimer);
            this.retryTimer = undefined;
        }
        this.stopRetryWait = undefined;
        stop?.();
        return stop !== undefined;
    }

    private clear(action: () => Promise<ChatActionResult>): Promise<void> {
        return this.runAction(action, () => {
            this.successMessage = SUCCESS;
        });
    }

    protected get labelSetting() {
        return readText(this.buttonLabel, DEFAULT_LABEL, PROP_LABEL);
    }

    protected get variantSetting() {
        return readButtonStyle(this.variant, 'neutral', PROP_VARIANT);
    }

    private get onPageLoadSetting() {
        return readBoolean(this.clearOnPageLoad, false, PROP_ON_PAGE_LOAD);
    }

    private get hideButtonSetting() {
        return readBoolean(this.hideButton, false, PROP_HIDE_BUTTON);
    }
}
