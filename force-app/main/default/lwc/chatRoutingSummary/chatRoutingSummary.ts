/**
 * c/chatRoutingSummary: the admin's summary card of Chat Routing Settings (not exposed;
 * Builder-only, see chatComponentBase/builderKit.ts).
 */
import { LightningElement, api } from 'lwc';
import {
    subscribeToChat,
    validateRouting,
    type ChatClientKind,
    type ChatDisabledReason
} from 'c/embeddedChatService';
import type { SummaryInput } from 'c/chatRoutingModel';
import { shareDirectRouting, withdrawDirectRouting } from 'c/chatAdminChecks';
import { chatOffExplainer } from 'c/chatComponentSupport';
import TITLE from '@salesforce/label/c.Chat_Routing_Title';
import ADMIN_ONLY from '@salesforce/label/c.Chat_Routing_Admin_Only';
import { summarize, type SummaryView } from './routingSummary';

/**
 * The card follows the chat itself: the settings are checked with the service's verdict for the
 * client the site runs (null while not known), and admins learn that valid settings are of no
 * use while chat is off (the reason is shown above the summary with the fix; the summary then
 * says why the site's client can't be known rather than "not known yet").
 */
export default class ChatRoutingSummary extends LightningElement {
    cardTitle = TITLE;
    adminOnly = ADMIN_ONLY;
    /** The summary of the current input (made once per change, not once per read). */
    summary: SummaryView | null = null;
    private current: SummaryInput | null = null;
    /** Why chat is off on this page (null while it is not). */
    chatOffReason: ChatDisabledReason | null = null;
    /** Another chat component of the page says in full why chat is off. */
    reasonElsewhere = false;
    /** Joins (true) or leaves the components of the page that say why chat is off. */
    private readonly explainChatOff = chatOffExplainer((inFull) => {
        this.reasonElsewhere = !inFull;
    });
    private client: ChatClientKind | null = null;
    private unsubscribe?: () => void;

    connectedCallback(): void {
        this.unsubscribe = subscribeToChat((state) => {
            if (state.client !== this.client || state.disabledReason !== this.chatOffReason) {
                this.client = state.client;
                this.chatOffReason = state.disabledReason;
                this.explainChatOff(state.disabledReason !== null);
                this.update();
            }
        });
    }

    disconnectedCallback(): void {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
        withdrawDirectRouting(this);
        this.explainChatOff(false);
    }

    @api
    get input(): SummaryInput | null {
        return this.current;
    }
    set input(value: SummaryInput | null) {
        this.current = value ?? null;
        this.update();
    }

    private update(): void {
        const value = this.current;
        // The rules editor can't read this sibling property: it judges the last rule with it.
        if (value) {
            shareDirectRouting(this, value.built.config.directToAgentRouting);
        } else {
            withdrawDirectRouting(this);
        }
        this.summary = value
            ? summarize(
                  value.settings,
                  value.built,
                  validateRouting(value.built.config, this.client),
                  {
                      userUnavailable: value.userUnavailable,
                      client: this.client,
                      chatOff: this.chatOffReason
                  }
              )
            : null;
    }
}
