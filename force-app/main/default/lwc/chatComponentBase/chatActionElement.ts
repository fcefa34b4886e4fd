/**
 * The chat buttons that run one service action (start, end, clear): the styles an admin can
 * choose for them, the visitor's words for a failed action, and their base class.
 */
import type { ChatActionResult, ChatErrorCode, ChatState, ChatStatus } from 'c/embeddedChatService';
import type { Choices, PropertySpec } from 'c/chatComponentSupport';
import LOCKER_ACTIVE from '@salesforce/label/c.Chat_Error_Locker_Active';
import CHAT_CLIENT_MISSING from '@salesforce/label/c.Chat_Error_Chat_Client_Missing';
import AGENTS_OFFLINE from '@salesforce/label/c.Chat_Error_Agents_Offline';
import LOGIN_REQUIRED from '@salesforce/label/c.Chat_Error_Login_Required';
import CHAT_IN_PROGRESS from '@salesforce/label/c.Chat_Error_Chat_In_Progress';
import INVALID_ROUTING from '@salesforce/label/c.Chat_Error_Invalid_Routing';
import CLIENT_ERROR from '@salesforce/label/c.Chat_Error_Client_Error';
import TIMEOUT from '@salesforce/label/c.Chat_Error_Timeout';
import NOT_SUPPORTED from '@salesforce/label/c.Chat_Error_Not_Supported';
import CLEAR_UNCONFIRMED from '@salesforce/label/c.Chat_Error_Clear_Unconfirmed';
import { ChatElement } from './chatElement';

/**
 * The button styles an admin can choose for a chat button (the `variant` builder property): the
 * text Experience Builder shows for each is the js-meta.xml datasource.
 */
export type ButtonStyle = 'brand' | 'neutral' | 'outline' | 'destructive' | 'success';

/** Each style and its Builder text; the old saved values are the lower-case codes. */
export const BUTTON_STYLES: Choices<ButtonStyle> = {
    brand: 'Brand',
    neutral: 'Neutral',
    outline: 'Outline',
    destructive: 'Destructive',
    success: 'Success'
};

/** The style property: one of BUTTON_STYLES (text or code, any case), else `fallback`. */
export function buttonStyle(fallback: ButtonStyle): PropertySpec<ButtonStyle> {
    return { fallback, choices: BUTTON_STYLES };
}

/** The lightning-button variant of a style: "outline" is the brand outline. */
function buttonVariantOf(style: ButtonStyle): string {
    return style === 'outline' ? 'brand-outline' : style;
}

/** The visitor's words for each ChatErrorCode. */
const MESSAGES: Readonly<Record<ChatErrorCode, string>> = {
    LOCKER_ACTIVE,
    CHAT_CLIENT_MISSING,
    AGENTS_OFFLINE,
    LOGIN_REQUIRED,
    CHAT_IN_PROGRESS,
    INVALID_ROUTING,
    CLIENT_ERROR,
    TIMEOUT,
    NOT_SUPPORTED,
    CLEAR_UNCONFIRMED
};

/**
 * The visitor's words (a translated Custom Label) for a failed chat action. The service's own
 * `message` is for admins and developers; never show it to visitors. An unknown code reads as a
 * general client error.
 */
export function chatErrorMessage(code: ChatErrorCode | string | null | undefined): string {
    return Object.prototype.hasOwnProperty.call(MESSAGES, code ?? '')
        ? MESSAGES[code as ChatErrorCode]
        : CLIENT_ERROR;
}

/**
 * The base of the chat buttons that run one service action (start, end, clear). A component's
 * settings include its label (`buttonLabel`) and style (`variant`) properties; it says when its
 * button shows (`showButton`) and why it cannot be used now (`reason`); the button is busy while
 * the action runs, a failure leaves the visitor's words in `errorMessage`, and a success may
 * leave a confirmation in `successMessage`.
 * An error or a confirmation describes the chat as it stood when the action ended: it goes as
 * soon as the chat's status moves on (a component may name the status its confirmation
 * describes, `successStatus`; and may end them on other changes, `outlivesMessages`).
 *
 * The template shows the reason, the error and the confirmation in a polite live region (class
 * `messages`, `tabindex="-1"`), on the page whenever the component shows the chat, so that it
 * announces what appears in it and can take the focus. The button carries the same words as
 * its description through lightning-button's `title` (text, not an ID reference: it works under
 * native shadow DOM too, where an ID cannot point into another shadow root).
 *
 * Keyboard users keep their place: when the button had focus before an action or a chat change
 * and the browser dropped it (the button was disabled or removed), focus moves to the messages
 * region, and back to the button when it can be used again (unless the visitor moved on).
 */
export abstract class ChatActionElement extends ChatElement {
    pending = false;
    errorMessage = '';
    successMessage = '';
    /** The button had focus just before a change that may take it away. */
    private focusToKeep = false;
    /** The focus the button lost waits on the messages region, to go back to the button. */
    private focusParked = false;
    /** The chat the error and the confirmation describe (null: no message). */
    private messagesState: ChatState | null = null;

    get label(): string {
        return this.setting<string>('buttonLabel');
    }

    get buttonVariant(): string {
        return buttonVariantOf(this.setting<ButtonStyle>('variant'));
    }

    /** Whether the button is on the page. */
    abstract get showButton(): boolean;

    /** Why the button cannot be used now ('' when it can). */
    abstract get reason(): string;

    /** Whether the messages region is on the page: whenever the component shows the chat. */
    get showMessages(): boolean {
        return this.isChatShown;
    }

    get isButtonDisabled(): boolean {
        return this.reason !== '';
    }

    /** The error, unless the reason already says the same (it would be read twice). */
    get shownError(): string {
        return this.errorMessage === this.reason ? '' : this.errorMessage;
    }

    /** The button's description: its reason and its error ('' when there is nothing to say). */
    get buttonDescription(): string {
        return [this.reason, this.shownError].filter(Boolean).join(' ');
    }

    /** lightning-button hands `aria-busy` to its inner `<button>`. */
    get busyState(): string {
        return this.pending ? 'true' : 'false';
    }

    /** The chat status a confirmation describes: the status when the action ended by default. */
    protected get successStatus(): ChatStatus {
        return this.status;
    }

    renderedCallback(): void {
        if (this.focusToKeep) {
            this.restoreLostFocus();
        }
    }

    protected beforeChatStateChange(next: ChatState): void {
        this.rememberFocus();
        const then = this.messagesState;
        if (!this.pending && then !== null && this.outlivesMessages(then, next)) {
            // The chat moved on: what the messages said about it is over.
            this.errorMessage = '';
            this.successMessage = '';
            this.messagesState = null;
        }
    }

    /**
     * Whether the chat moved on from the one the messages describe: its status changed. A
     * component may add its own changes (the agents' availability, say).
     */
    protected outlivesMessages(then: ChatState, next: ChatState): boolean {
        return next.status !== then.status;
    }

    /**
     * Runs `action` with the button busy and the last error and confirmation cleared;
     * `onSuccess` runs when the service reports success. Never throws: a rejected action reads as
     * a general client error.
     */
    protected async runAction(
        action: () => Promise<ChatActionResult>,
        onSuccess?: () => void
    ): Promise<void> {
        this.rememberFocus();
        this.pending = true;
        this.errorMessage = '';
        this.successMessage = '';
        this.messagesState = null;
        try {
            const result = await action();
            if (result.ok) {
                onSuccess?.();
            } else {
                this.errorMessage = this.errorText(result.code);
            }
        } catch {
            this.errorMessage = chatErrorMessage('CLIENT_ERROR');
        } finally {
            this.pending = false;
            if (this.successMessage) {
                this.messagesState = this.describedChat(this.successStatus);
            } else if (this.errorMessage) {
                this.messagesState = this.describedChat(this.status);
            }
        }
    }

    /** The visitor's words for a failed action (a component may say more precisely what applies). */
    protected errorText(code: ChatErrorCode): string {
        return chatErrorMessage(code);
    }

    /** The chat as it stands, with `status` (nothing known about the rest when not subscribed). */
    private describedChat(status: ChatStatus): ChatState {
        const known = this.chatState;
        return known
            ? { ...known, status }
            : {
                  status,
                  client: null,
                  agentsAvailable: null,
                  queuePosition: null,
                  disabledReason: null,
                  siteRoutingValid: true
              };
    }

    private get buttonElement(): HTMLElement | null {
        return this.template?.querySelector<HTMLElement>('lightning-button') ?? null;
    }

    private get messagesElement(): HTMLElement | null {
        return this.template?.querySelector<HTMLElement>('.messages') ?? null;
    }

    /** Whether the button holds the focus (for lightning-button: its inner `<button>`). */
    private get buttonHasFocus(): boolean {
        const button = this.buttonElement;
        return button !== null && this.template?.activeElement === button;
    }

    private rememberFocus(): void {
        this.focusToKeep = this.focusToKeep || this.buttonHasFocus;
    }

    /**
     * After a render: when the focus the button had was lost (it fell back to the page, stays on
     * the now disabled button, or waits on the messages), gives it to the button if it can be
     * used, else to the messages region, where it waits for the button. Focus the visitor moved
     * elsewhere meanwhile is left alone.
     */
    private restoreLostFocus(): void {
        const active = document.activeElement;
        const messages = this.messagesElement;
        const waiting =
            this.focusParked && messages !== null && this.template?.activeElement === messages;
        const lost =
            active === null ||
            active === document.body ||
            waiting ||
            (this.buttonHasFocus && this.isButtonDisabled);
        if (!lost) {
            this.focusToKeep = false;
            this.focusParked = false;
            return;
        }
        const button = this.buttonElement;
        if (button && !this.isButtonDisabled) {
            this.focusToKeep = false;
            this.focusParked = false;
            button.focus();
            return;
        }
        if (messages) {
            this.focusParked = true;
            if (!waiting) {
                messages.focus();
            }
            return;
        }
        this.focusToKeep = false;
        this.focusParked = false;
    }
}
