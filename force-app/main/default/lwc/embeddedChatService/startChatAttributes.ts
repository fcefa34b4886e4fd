/**
 * Builds the attributes object for `liveAgentAPI.startChat`. The client overrides the snippet's
 * settings with whatever the API call passes and does not merge, so the snippet's own pre-chat
 * setup is carried over unless the configuration replaces it. The client also reads
 * direct-to-agent routing from TOP-LEVEL keys (overwriting a nested directToAgentRouting), and
 * mutates what it is given: so both shapes are sent, on a fresh plain object every call.
 */
import { isObject } from './values';
import type { RoutingConfig } from './chatTypes';

/** The snippet's own pre-chat and routing settings, as read from `embedded_svc.settings`. */
export interface SnippetSettings {
    prepopulatedPrechatFields?: unknown;
    extraPrechatInfo?: unknown;
    extraPrechatFormDetails?: unknown;
    fallbackRouting?: unknown;
    directToButtonRouting?: unknown;
    /** The snippet's own chat button (whose availability the client reports). */
    buttonId?: unknown;
}

/** The attributes passed to startChat: plain data (plus the snippet's own routing function). */
export type StartChatAttributes = Record<string, unknown>;

/** A fallback rule as the client accepts it: a 573 or 005 ID, or userId_buttonId. */
const SNIPPET_RULE =
    /^(?:005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?_573[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?|(?:573|005)[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)$/;

/** A deep copy through JSON: plain data only, no functions, getters, prototypes or cycles. */
function plainCopy<T>(value: T): T | undefined {
    try {
        const json = JSON.stringify(value);
        // `__proto__` keys are dropped: plain data never needs them.
        return json === undefined
            ? undefined
            : (JSON.parse(json, (key, v: unknown) => (key === '__proto__' ? undefined : v)) as T);
    } catch {
        return undefined;
    }
}

function stringRecord(value: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    if (!isObject(value) || Array.isArray(value)) {
        return out;
    }
    for (const key of Object.keys(value)) {
        const v = value[key];
        if (key !== '__proto__' && (typeof v === 'string' || typeof v === 'number')) {
            out[key] = String(v);
        }
    }
    return out;
}

/**
 * The startChat attributes for a validated configuration, carrying over the snippet's settings
 * that the configuration leaves out. Snippet values of the wrong kind (which would make the
 * client error) are dropped.
 */
export function buildStartChatAttributes(
    config: RoutingConfig,
    snippet: SnippetSettings
): StartChatAttributes {
    const attributes: StartChatAttributes = {};

    const direct = config.directToAgentRouting;
    if (direct) {
        const nested: Record<string, unknown> = { buttonId: direct.buttonId };
        attributes.buttonId = direct.buttonId;
        if (direct.userId) {
            attributes.userId = direct.userId;
            nested.userId = direct.userId;
        }
        attributes.fallback = direct.fallback === true;
        nested.fallback = direct.fallback === true;
        attributes.directToAgentRouting = nested;
    }

    if (config.fallbackRouting && config.fallbackRouting.length > 0) {
        attributes.fallbackRouting = [...config.fallbackRouting];
    } else if (Array.isArray(snippet.fallbackRouting)) {
        // The snippet's own rules, kept only where they are well-formed (a bad one makes the client fail).
        const rules = snippet.fallbackRouting.filter(
            (r): r is string => typeof r === 'string' && SNIPPET_RULE.test(r)
        );
        if (rules.length > 0) {
            attributes.fallbackRouting = rules;
        }
    }
    if (typeof config.directToButtonRouting === 'function') {
        // The developer's routing function, passed unchanged (the client keeps only functions).
        attributes.directToButtonRouting = config.directToButtonRouting;
    } else if (!direct && typeof snippet.directToButtonRouting === 'function') {
        // The site's own routing function: passed back as is (it is the site's, not data we build).
        attributes.directToButtonRouting = snippet.directToButtonRouting;
    }

    const prefill = {
        ...stringRecord(snippet.prepopulatedPrechatFields),
        ...(config.prepopulatedPrechatFields ?? {})
    };
    if (Object.keys(prefill).length > 0) {
        attributes.prepopulatedPrechatFields = prefill;
    }

    const info = config.extraPrechatInfo ?? snippet.extraPrechatInfo;
    if (Array.isArray(info) && info.length > 0) {
        const copy = plainCopy(info);
        if (copy) attributes.extraPrechatInfo = copy;
    }
    const details = config.extraPrechatFormDetails ?? snippet.extraPrechatFormDetails;
    if (Array.isArray(details) && details.length > 0) {
        const copy = plainCopy(details);
        if (copy) attributes.extraPrechatFormDetails = copy;
    }
    return attributes;
}
