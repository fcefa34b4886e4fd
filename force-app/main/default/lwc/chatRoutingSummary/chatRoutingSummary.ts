/**
 * c/chatRoutingSummary: the admin's summary card of Chat Routing Settings (not exposed). Chat
 * Routing Settings loads it with a dynamic import only in Experience Builder, so that visitors
 * never download it, the admin wording it uses or its template.
 */
import { LightningElement, api } from 'lwc';
import type { ChatClientKind, ChatDisabledReason, RoutingValidation } from 'c/embeddedChatService';
import type { BuiltRouting, RoutingSettings } from 'c/chatRoutingModel';
import TITLE from '@salesforce/label/c.Chat_Routing_Title';
import ADMIN_ONLY from '@salesforce/label/c.Chat_Routing_Admin_Only';
import { summarize, type SummaryView } from './routingSummary';

/** What the summary is made of: the properties, what they build, and the service's verdict. */
export interface SummaryInput {
    settings: RoutingSettings;
    built: BuiltRouting;
    /** The service's verdict on `built.config` for `client`. */
    validation: RoutingValidation;
    /** The logged-in user's record could not be read (pre-fill is off for this visit). */
    userUnavailable: boolean;
    /** The client the site runs; null while not known. */
    client: ChatClientKind | null;
}

export default class ChatRoutingSummary extends LightningElement {
    cardTitle = TITLE;
    adminOnly = ADMIN_ONLY;
    /** The summary of the current input (made once per change, not once per read). */
    summary: SummaryView | null = null;
    private current: SummaryInput | null = null;
    private offReason: ChatDisabledReason | null = null;

    @api
    get input(): SummaryInput | null {
        return this.current;
    }
    set input(value: SummaryInput | null) {
        this.current = value ?? null;
        this.update();
    }

    /**
     * Why chat is off on this page: shown above the summary with the fix; the summary then says
     * why the site's client can't be known rather than "not known yet".
     */
    @api
    get chatOffReason(): ChatDisabledReason | null {
        return this.offReason;
    }
    set chatOffReason(value: ChatDisabledReason | null) {
        this.offReason = value ?? null;
        this.update();
    }

    private update(): void {
        const value = this.current;
        this.summary = value
            ? summarize(value.settings, value.built, value.validation, {
                  userUnavailable: value.userUnavailable,
                  client: value.client,
                  chatOff: this.offReason
              })
            : null;
    }
}
