import { api } from 'lwc';
import { endChat, type ChatStatus } from 'c/embeddedChatService';
import {
    ChatActionElement,
    problemsOf,
    readBoolean,
    readButtonStyle,
    readText,
    type BuilderNote
} from 'c/chatComponentSupport';
import DEFAULT_LABEL from '@salesforce/label/c.Chat_End_Default_Label';
import PROP_LABEL from '@salesforce/label/c.Chat_End_Prop_Label';
import PROP_VARIANT from '@salesforce/label/c.Chat_End_Prop_Variant';
import PROP_STRETCH from '@salesforce/label/c.Chat_End_Prop_Stretch';
import PROP_ONLY_DURING_CHAT from '@salesforce/label/c.Chat_End_Prop_Only_During_Chat';
import REASON_LOADING from '@salesforce/label/c.Chat_End_Reason_Loading';
import REASON_ENDING from '@salesforce/label/c.Chat_End_Reason_Ending';
import SUCCESS from '@salesforce/label/c.Chat_End_Success';

/** Ends the current chat and closes the chat widget, through c/embeddedChatService. */
export default class ChatEndButton extends ChatActionElement {
    /** Text of the button; blank uses the translated default. */
    @api buttonLabel?: string;
    /** Brand, Neutral, Outline, Destructive or Success (the old lower-case codes still work). */
    @api variant?: string = 'Neutral';
    @api stretch?: boolean | string = false;
    /** Show the button only while a chat is requested, queued or in progress (unset = true). */
    @api showOnlyDuringChat?: boolean | string;

    get isStretched(): boolean {
        return this.stretchSetting.value;
    }

    get propertyProblems(): string[] {
        return problemsOf(
            this.labelSetting,
            this.variantSetting,
            this.stretchSetting,
            this.onlyDuringChatSetting
        );
    }

    get showButton(): boolean {
        if (!this.isChatShown) {
            return false;
        }
        return this.isChatActive || this.pending || !this.onlyDuringChatSetting.value;
    }

    get reason(): string {
        if (this.pending) {
            return REASON_ENDING;
        }
        return this.status === 'loading' ? REASON_LOADING : '';
    }

    async handleClick(): Promise<void> {
        if (!this.isButtonDisabled) {
            const chatWasActive = this.isChatActive;
            await this.runAction(endChat, () => {
                this.successMessage = chatWasActive ? SUCCESS : '';
            });
        }
    }

    /** The confirmation describes the ended chat (even if the client reports the end later). */
    protected get successStatus(): ChatStatus {
        return 'ended';
    }

    protected get visitorNotes(): BuilderNote[] {
        return this.onlyDuringChatSetting.value ? ['end-during-chat'] : [];
    }

    protected get labelSetting() {
        return readText(this.buttonLabel, DEFAULT_LABEL, PROP_LABEL);
    }

    protected get variantSetting() {
        return readButtonStyle(this.variant, 'neutral', PROP_VARIANT);
    }

    private get stretchSetting() {
        return readBoolean(this.stretch, false, PROP_STRETCH);
    }

    private get onlyDuringChatSetting() {
        return readBoolean(this.showOnlyDuringChat, true, PROP_ONLY_DURING_CHAT);
    }
}
