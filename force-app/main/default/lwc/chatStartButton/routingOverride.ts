/**
 * The Start Chat button's per-button routing override, read from its builder properties and
 * checked with the service's validateRouting: the routing to send when it is set and valid, and
 * the verdict (the builder kit, c/chatAdminChecks, words its issues for the admin).
 */
import {
    validateRouting,
    type ChatClientKind,
    type DirectToAgentRouting,
    type RoutingConfig,
    type RoutingValidation
} from 'c/embeddedChatService';
import { readOptionalText } from 'c/chatComponentSupport';

export interface RoutingOverride {
    /** The routing to pass to startChat; null = use the site routing. */
    routing: RoutingConfig | null;
    /** The service's verdict on the override; null when none is set. */
    verdict: RoutingValidation | null;
}

/**
 * Reads the override, checked for the client the page runs (null: not known yet); nothing set
 * (both IDs blank) means the site routing, with no verdict.
 */
export function readRoutingOverride(
    buttonIdValue: unknown,
    userIdValue: unknown,
    fallback: boolean,
    client: ChatClientKind | null = null
): RoutingOverride {
    const buttonId = readOptionalText(buttonIdValue);
    const userId = readOptionalText(userIdValue);
    if (!buttonId && !userId) {
        return { routing: null, verdict: null };
    }
    const directToAgentRouting: DirectToAgentRouting = userId
        ? { buttonId, userId, fallback }
        : { buttonId, fallback };
    const verdict = validateRouting({ directToAgentRouting }, client);
    return { routing: verdict.valid ? { directToAgentRouting } : null, verdict };
}
