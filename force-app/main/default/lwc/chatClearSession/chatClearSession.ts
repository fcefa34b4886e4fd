import { api } from 'lwc';
import { clearSession, type ChatState } from 'c/embeddedChatService';
import {
    ChatActionElement,
    problemsOf,
    readBoolean,
    readButtonStyle,
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

/**
 * Clears all client-side chat session data (ends any chat, closes the widget), on a click or
 * once when the page loads.
 */
export default class ChatClearSession extends ChatActionElement {
    /** Text of the button; blank uses the translated default. */
    @api buttonLabel?: string;
    /** brand, neutral, outline, destructive or success. */
    @api variant?: string = 'neutral';
    /** Clear once, as soon as the chat client is ready, when the page loads. */
    @api clearOnPageLoad?: boolean | string = false;
    /** Hide the button (only with clearOnPageLoad). */
    @api hideButton?: boolean | string = false;

    successMessage = '';
    builderHiddenNote = BUILDER_HIDDEN;

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
        return this.status !== 'disabled' && !this.isButtonHidden;
    }

    get showBuilderHiddenNote(): boolean {
        return this.isBuilder && this.status !== 'disabled' && this.isButtonHidden;
    }

    get reason(): string {
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

    /** Clears once per page load, as soon as the chat is ready, when the admin chose so. */
    protected chatStateChanged(state: ChatState): void {
        const ready = state.status !== 'loading' && state.status !== 'disabled';
        if (ready && this.onPageLoadSetting.value && claimPageLoadClear()) {
            this.clear();
        }
    }

    private clear(): Promise<void> {
        this.successMessage = '';
        return this.runAction(clearSession, () => {
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
