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
import type { ChatErrorCode } from 'c/embeddedChatService';

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
