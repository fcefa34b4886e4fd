/**
 * The Start Chat button's per-button routing override, read from its builder properties and
 * checked with the service's validateRouting: the routing to send when it is set and valid, and
 * what the admin should fix (or know) about it. The admin's wording of routing issues is
 * builder-only code (c/chatAdminText, loaded in Experience Builder): without it, no problems.
 */
import {
    validateRouting,
    type ChatClientKind,
    type DirectToAgentRouting,
    type RoutingConfig,
    type RoutingIssue
} from 'c/embeddedChatService';
import { formatLabel, readOptionalText, type BuilderKit } from 'c/chatComponentSupport';
import PROP_BUTTON_ID from '@salesforce/label/c.Chat_Start_Prop_Button_Id';
import PROP_USER_ID from '@salesforce/label/c.Chat_Start_Prop_User_Id';
import PROP_FALLBACK from '@salesforce/label/c.Chat_Start_Prop_Fallback';
import ROUTING_PROBLEM from '@salesforce/label/c.Chat_Start_Routing_Problem';
import ROUTING_CAUTION from '@salesforce/label/c.Chat_Start_Routing_Caution';

export interface RoutingOverride {
    /** The routing to pass to startChat; null = use the site routing. */
    routing: RoutingConfig | null;
    /** Admin messages (errors, then cautions), each naming the builder property. */
    problems: string[];
}

function propertyLabel(field: string): string {
    if (field.includes('userId')) {
        return PROP_USER_ID;
    }
    return field.includes('fallback') ? PROP_FALLBACK : PROP_BUTTON_ID;
}

type IssueText = BuilderKit['routingIssueText'];

function describe(template: string, issueText: IssueText): (issue: RoutingIssue) => string {
    return (issue) => formatLabel(template, propertyLabel(issue.field), issueText(issue));
}

/**
 * Reads the override, checked for the client the page runs (null: not known yet); nothing set
 * (both IDs blank) means the site routing, with no problems. `issueText` words the problems for
 * the admin (null for visitors: no problems listed).
 */
export function readRoutingOverride(
    buttonIdValue: unknown,
    userIdValue: unknown,
    fallback: boolean,
    issueText: IssueText | null = null,
    client: ChatClientKind | null = null
): RoutingOverride {
    const buttonId = readOptionalText(buttonIdValue);
    const userId = readOptionalText(userIdValue);
    if (!buttonId && !userId) {
        return { routing: null, problems: [] };
    }
    const directToAgentRouting: DirectToAgentRouting = userId
        ? { buttonId, userId, fallback }
        : { buttonId, fallback };
    const verdict = validateRouting({ directToAgentRouting }, client);
    const problems = issueText
        ? [
              ...verdict.errors.map(describe(ROUTING_PROBLEM, issueText)),
              ...verdict.warnings.map(describe(ROUTING_CAUTION, issueText))
          ]
        : [];
    return { routing: verdict.valid ? { directToAgentRouting } : null, problems };
}
