import type { ChatActionResult } from 'c/embeddedChatService';
import type { Normalized } from './builderProperties';
import { buttonVariantOf, type ButtonStyle } from './buttonStyles';
import { ChatElement } from './chatElement';
import { chatErrorMessage } from './chatErrorMessages';

/**
 * The base of the chat buttons that run one service action (start, end, clear). A component
 * reads its label and style properties and says why the button cannot be used now (`reason`);
 * the button is busy while the action runs, and a failure leaves the visitor's words in
 * `errorMessage`.
 */
export abstract class ChatActionElement extends ChatElement {
    pending = false;
    errorMessage = '';

    get label(): string {
        return this.labelSetting.value;
    }

    get buttonVariant(): string {
        return buttonVariantOf(this.variantSetting.value);
    }

    /** Why the button cannot be used now ('' when it can). */
    abstract get reason(): string;

    get isButtonDisabled(): boolean {
        return this.reason !== '';
    }

    get busyState(): string {
        return this.pending ? 'true' : 'false';
    }

    protected abstract get labelSetting(): Normalized<string>;

    protected abstract get variantSetting(): Normalized<ButtonStyle>;

    /**
     * Runs `action` with the button busy and the last error cleared; `onSuccess` runs when the
     * service reports success. Never throws: a rejected action reads as a general client error.
     */
    protected async runAction(
        action: () => Promise<ChatActionResult>,
        onSuccess?: () => void
    ): Promise<void> {
        this.pending = true;
        this.errorMessage = '';
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
}
