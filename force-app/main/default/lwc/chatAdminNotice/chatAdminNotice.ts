import { LightningElement, api } from 'lwc';
import NOTICE_TITLE from '@salesforce/label/c.Chat_Admin_Notice_Title';
import LOCKER_PROBLEM from '@salesforce/label/c.Chat_Admin_Locker_Problem';
import LOCKER_FIX from '@salesforce/label/c.Chat_Admin_Locker_Fix';
import NO_CLIENT_PROBLEM from '@salesforce/label/c.Chat_Admin_No_Client_Problem';
import NO_CLIENT_FIX from '@salesforce/label/c.Chat_Admin_No_Client_Fix';
import PROPERTY_PROBLEMS from '@salesforce/label/c.Chat_Admin_Property_Problems';
import type { ChatDisabledReason } from 'c/embeddedChatService';

/**
 * The admin-only notice of the chat components (rendered only in Experience Builder by its
 * parents): why the feature is off and how to fix it, and any builder properties with bad values.
 */
export default class ChatAdminNotice extends LightningElement {
    /** Why the chat is off, if it is: 'locker' or 'no-chat-client'. */
    @api disabledReason: ChatDisabledReason | null = null;
    /** Problems with the component's builder properties, one message each. */
    @api propertyProblems: string[] = [];

    noticeTitle = NOTICE_TITLE;
    propertyHeading = PROPERTY_PROBLEMS;

    get reasonProblem(): string | null {
        if (this.disabledReason === 'locker') {
            return LOCKER_PROBLEM;
        }
        return this.disabledReason === 'no-chat-client' ? NO_CLIENT_PROBLEM : null;
    }

    get reasonFix(): string | null {
        if (this.disabledReason === 'locker') {
            return LOCKER_FIX;
        }
        return this.disabledReason === 'no-chat-client' ? NO_CLIENT_FIX : null;
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

    get hasContent(): boolean {
        return this.reasonProblem !== null || this.hasPropertyProblems;
    }
}
