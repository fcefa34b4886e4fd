import { api } from 'lwc';
import { endChat, type ChatStatus } from 'c/embeddedChatService';
import { ChatActionElement, buttonStyle } from 'c/chatComponentBase';
import type { PropertySpecs } from 'c/chatComponentSupport';
import DEFAULT_LABEL from '@salesforce/label/c.Chat_End_Default_Label';
import REASON_LOADING from '@salesforce/label/c.Chat_End_Reason_Loading';
import REASON_ENDING from '@salesforce/label/c.Chat_End_Reason_Ending';
import SUCCESS from '@salesforce/label/c.Chat_End_Success';

/** How each builder property reads (c/chatAdminChecks words its problems for the admin). */
const SETTINGS: PropertySpecs = {
    buttonLabel: { fallback: DEFAULT_LABEL },
    variant: buttonStyle('neutral'),
    stretch: { fallback: false },
    showOnlyDuringChat: { fallback: true }
};

/** Ends the current chat and closes the chat widget, through c/embeddedChatService. */
export default class ChatEndButton extends ChatActionElement {
    /** Text of the button; blank uses the translated default. */
    @api buttonLabel?: string;
    /** Brand, Neutral, Outline, Destructive or Success (the old lower-case codes still work). */
    @api variant?: string = 'Neutral';
    @api stretch?: boolean | string = false;
    /** Show the button only while a chat is requested, queued or in progress (unset = true). */
    @api showOnlyDuringChat?: boolean | string;

    get kind(): 'end' {
        return 'end';
    }

    get settings(): PropertySpecs {
        return SETTINGS;
    }

    get isStretched(): boolean {
        return this.setting<boolean>('stretch');
    }

    get showButton(): boolean {
        if (!this.isChatShown) {
            return false;
        }
        return this.isChatActive || this.pending || !this.setting<boolean>('showOnlyDuringChat');
    }

    get reason(): string {
        if (this.pending) {
            return REASON_ENDING;
        }
        return this.status === 'loading' ? REASON_LOADING : '';
    }

    async handleClick(): Promise<void> {
        if (!this.isButtonDisabled) {
            // A chat known to be under way (not cleared meanwhile), or one the client reports
            // ended: never a window closed with no chat known in it (a pre-chat form, or a window
            // reopened after a reload, which may hold a chat that had already ended).
            const was = this.status;
            const on = was === 'queued' || was === 'chatting';
            await this.runAction(endChat, () => {
                const ended = this.status === 'ended' || (on && this.isChatActive);
                this.successMessage = (on || was === 'requesting') && ended ? SUCCESS : '';
            });
        }
    }

    /** The confirmation describes the ended chat (even if the client reports the end later). */
    protected get successStatus(): ChatStatus {
        return 'ended';
    }
}
