import { LightningElement, api } from 'lwc';
import NOTICE_TITLE from '@salesforce/label/c.Chat_Admin_Notice_Title';
import LOCKER_PROBLEM from '@salesforce/label/c.Chat_Admin_Locker_Problem';
import LOCKER_FIX from '@salesforce/label/c.Chat_Admin_Locker_Fix';
import NO_CLIENT_PROBLEM from '@salesforce/label/c.Chat_Admin_No_Client_Problem';
import NO_CLIENT_FIX from '@salesforce/label/c.Chat_Admin_No_Client_Fix';
import LOGIN_PROBLEM from '@salesforce/label/c.Chat_Admin_Login_Problem';
import LOGIN_FIX from '@salesforce/label/c.Chat_Admin_Login_Fix';
import LOCKER_BRIEF from '@salesforce/label/c.Chat_Admin_Locker_Brief';
import NO_CLIENT_BRIEF from '@salesforce/label/c.Chat_Admin_No_Client_Brief';
import LOGIN_BRIEF from '@salesforce/label/c.Chat_Admin_Login_Brief';
import PROPERTY_PROBLEMS from '@salesforce/label/c.Chat_Admin_Property_Problems';
import type { ChatDisabledReason } from 'c/embeddedChatService';

/**
 * Why chat is off, and what to do about it, for each reason; and the short reference to the
 * component of the page that says both (said in full once per page).
 */
const REASONS: Readonly<Record<ChatDisabledReason, readonly [string, string, string]>> = {
    locker: [LOCKER_PROBLEM, LOCKER_FIX, LOCKER_BRIEF],
    'no-chat-client': [NO_CLIENT_PROBLEM, NO_CLIENT_FIX, NO_CLIENT_BRIEF],
    'login-required': [LOGIN_PROBLEM, LOGIN_FIX, LOGIN_BRIEF]
};

/** The texts of a list given as a property: none unless it is a list; blanks and non-text left out. */
function textsOf(value: unknown): string[] {
    return (Array.isArray(value) ? (value as unknown[]) : []).filter(
        (text): text is string => typeof text === 'string' && text.trim() !== ''
    );
}

/**
 * The admin notice of the chat components (Builder-only), and all of their Builder markup: why
 * the feature is off and how to fix it, any builder properties with bad values, and notes on what
 * visitors see and when (the placeholder of a component that visitors do not always see). A
 * problem shows as a warning; notes alone as information. The visible title names the note once:
 * the region has no second label and the icon is decorative. Its properties are what the admin
 * library's `componentNotice` gives (the components spread them).
 */
export default class ChatAdminNotice extends LightningElement {
    /** Why the chat is off, if it is: 'locker', 'no-chat-client' or 'login-required'. */
    @api disabledReason: ChatDisabledReason | null = null;
    /** Another component of the page says why in full: say it briefly and refer to it. */
    @api reasonElsewhere = false;
    /** Problems to fix elsewhere on the page (the site routing), one message each. */
    @api pageProblems: string[] = [];
    /** Problems with the component's builder properties, one message each. */
    @api propertyProblems: string[] = [];
    /** What visitors see and when, one text each (c/chatAdminChecks words them). */
    @api notes: string[] = [];

    noticeTitle = NOTICE_TITLE;
    propertyHeading = PROPERTY_PROBLEMS;

    get reasonProblem(): string | null {
        return this.reasonWords?.[this.reasonElsewhere ? 2 : 0] ?? null;
    }

    get reasonFix(): string | null {
        return this.reasonElsewhere ? null : (this.reasonWords?.[1] ?? null);
    }

    /** The words for the reason given; none for an unknown one. */
    private get reasonWords(): readonly [string, string, string] | undefined {
        const reason = this.disabledReason;
        return reason && Object.prototype.hasOwnProperty.call(REASONS, reason)
            ? REASONS[reason]
            : undefined;
    }

    get hasPropertyProblems(): boolean {
        return Array.isArray(this.propertyProblems) && this.propertyProblems.length > 0;
    }

    get problemItems(): { key: string; text: string }[] {
        return (this.hasPropertyProblems ? this.propertyProblems : []).map((text, index) => ({
            key: `${index}`,
            text
        }));
    }

    get noteItems(): { key: string; text: string }[] {
        return textsOf(this.notes).map((text, index) => ({ key: `${index}`, text }));
    }

    get pageProblemItems(): { key: string; text: string }[] {
        return textsOf(this.pageProblems).map((text, index) => ({ key: `${index}`, text }));
    }

    private get hasProblem(): boolean {
        return (
            this.reasonProblem !== null ||
            this.pageProblemItems.length > 0 ||
            this.hasPropertyProblems
        );
    }

    get hasContent(): boolean {
        return this.hasProblem || this.noteItems.length > 0;
    }

    get noticeClass(): string {
        const theme = this.hasProblem ? 'slds-theme_warning' : 'slds-scoped-notification_light';
        return `slds-scoped-notification ${theme} slds-m-vertical_x-small notice`;
    }

    get iconName(): string {
        return this.hasProblem ? 'utility:warning' : 'utility:info';
    }
}
