import type { ChatActionResult } from 'c/embeddedChatService';
import type { Normalized } from './builderProperties';
import { buttonVariantOf, type ButtonStyle } from './buttonStyles';
import { ChatElement } from './chatElement';
import { chatErrorMessage } from './chatErrorMessages';

/**
 * The base of the chat buttons that run one service action (start, end, clear). A component
 * reads its label and style properties, says when its button shows (`showButton`) and why it
 * cannot be used now (`reason`); the button is busy while the action runs, a failure leaves the
 * visitor's words in `errorMessage`, and a success may leave a confirmation in `successMessage`.
 *
 * The template shows the reason, the error and the confirmation in a polite live region (class
 * `messages`, `tabindex="-1"`) whose paragraphs have the IDs `reason`, `error` and `success`,
 * and links the button to them with `aria-describedby={describedBy}` (lightning-button hands
 * the IDs to its inner `<button>`).
 *
 * Keyboard users keep their place: when the button had focus before an action or a chat change
 * and the browser dropped it (the button was disabled or removed), focus moves back to the
 * button when it can be used again, else to the messages region.
 */
export abstract class ChatActionElement extends ChatElement {
    pending = false;
    errorMessage = '';
    successMessage = '';
    /** The button had focus just before a change that may take it away. */
    private focusToKeep = false;

    get label(): string {
        return this.labelSetting.value;
    }

    get buttonVariant(): string {
        return buttonVariantOf(this.variantSetting.value);
    }

    /** Whether the button is on the page. */
    abstract get showButton(): boolean;

    /** Why the button cannot be used now ('' when it can). */
    abstract get reason(): string;

    /** Whether the messages region is on the page: with the button (a component may keep it). */
    get showMessages(): boolean {
        return this.showButton;
    }

    get isButtonDisabled(): boolean {
        return this.reason !== '';
    }

    /** The error, unless the reason already says the same (it would be read twice). */
    get shownError(): string {
        return this.errorMessage === this.reason ? '' : this.errorMessage;
    }

    /** The IDs of the texts that describe the button (its reason, its error), or null. */
    get describedBy(): string | null {
        const ids = [this.reason ? 'reason' : '', this.shownError ? 'error' : ''].filter(Boolean);
        return ids.length > 0 ? ids.join(' ') : null;
    }

    /** lightning-button hands `aria-busy` to its inner `<button>`. */
    get busyState(): string {
        return this.pending ? 'true' : 'false';
    }

    protected abstract get labelSetting(): Normalized<string>;

    protected abstract get variantSetting(): Normalized<ButtonStyle>;

    renderedCallback(): void {
        if (this.focusToKeep && !this.pending) {
            this.focusToKeep = false;
            this.restoreLostFocus();
        }
    }

    protected beforeChatStateChange(): void {
        this.rememberFocus();
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
        try {
            const result = await action();
            if (result.ok) {
                onSuccess?.();
            } else {
                this.errorMessage = chatErrorMessage(result.code);
            }
        } catch {
            this.errorMessage = chatErrorMessage('CLIENT_ERROR');
        } finally {
            this.pending = false;
        }
    }

    private get buttonElement(): HTMLElement | null {
        return this.template?.querySelector<HTMLElement>('lightning-button') ?? null;
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
     * After a render: when the focus the button had was lost (it fell back to the page, or stays
     * on the now disabled button), gives it to the button if it can be used, else to the
     * messages. Focus the visitor moved elsewhere meanwhile is left alone.
     */
    private restoreLostFocus(): void {
        const active = document.activeElement;
        const lost =
            active === null ||
            active === document.body ||
            (this.buttonHasFocus && this.isButtonDisabled);
        if (!lost) {
            return;
        }
        const button = this.buttonElement;
        if (button && !this.isButtonDisabled) {
            button.focus();
            return;
        }
        this.template?.querySelector<HTMLElement>('.messages')?.focus();
    }
}
