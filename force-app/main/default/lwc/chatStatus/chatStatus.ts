import { api } from 'lwc';
import { ChatElement, chatErrorMessage } from 'c/chatComponentBase';
import { formatLabel, type PropertySpecs } from 'c/chatComponentSupport';
import LOADING from '@salesforce/label/c.Chat_Status_Loading';
import AGENTS_ONLINE from '@salesforce/label/c.Chat_Status_Agents_Online';
import AGENTS_OFFLINE from '@salesforce/label/c.Chat_Status_Agents_Offline';
import AVAILABILITY_UNKNOWN from '@salesforce/label/c.Chat_Status_Availability_Unknown';
import REQUESTING from '@salesforce/label/c.Chat_Status_Requesting';
import QUEUED from '@salesforce/label/c.Chat_Status_Queued';
import QUEUE_POSITION from '@salesforce/label/c.Chat_Status_Queue_Position';
import CHATTING from '@salesforce/label/c.Chat_Status_Chatting';
import ENDED from '@salesforce/label/c.Chat_Status_Ended';
import OPEN from '@salesforce/label/c.Chat_Status_Open';

/** How each builder property reads (c/chatAdminChecks words its problems for the admin). */
const SETTINGS: PropertySpecs = {
    heading: { fallback: '' },
    showAvailability: { fallback: true }
};

/** Shows where the visitor's chat stands, in a polite live region. */
export default class ChatStatus extends ChatElement {
    /** Optional heading above the status; blank shows none. */
    @api heading?: string;
    /** Show agent availability (and the loading text) when no chat is under way (unset = true). */
    @api showAvailability?: boolean | string;

    get kind(): 'status' {
        return 'status';
    }

    get settings(): PropertySpecs {
        return SETTINGS;
    }

    get headingText(): string {
        return this.setting<string>('heading');
    }

    /** Nothing while chat is off, nor to visitors while it loads (admins see the loading text). */
    get showStatus(): boolean {
        return this.isChatShown;
    }

    get statusText(): string {
        switch (this.status) {
            case 'requesting':
                return REQUESTING;
            case 'queued':
                return this.queueText;
            case 'chatting':
                return CHATTING;
            case 'ended':
                return ENDED;
            case 'open':
                return OPEN;
            default:
                return this.setting<boolean>('showAvailability') ? this.availabilityText : '';
        }
    }

    private get queueText(): string {
        const position = this.chatState?.queuePosition;
        return typeof position === 'number' && Number.isInteger(position) && position > 0
            ? formatLabel(QUEUE_POSITION, position)
            : QUEUED;
    }

    private get availabilityText(): string {
        if (this.status === 'loading') {
            return LOADING;
        }
        if (this.routingRefused) {
            // The site routing is invalid: no Start that uses it can start a chat.
            return chatErrorMessage('INVALID_ROUTING');
        }
        const available = this.chatState?.agentsAvailable;
        if (available === null || available === undefined) {
            return AVAILABILITY_UNKNOWN;
        }
        return available ? AGENTS_ONLINE : AGENTS_OFFLINE;
    }
}
