/**
 * Routing rules: validation of a RoutingConfig (pure, for the service and for admin UIs) and the
 * merge of a per-call override over the site routing. Each setting's rules live in their own
 * module (IDs: routingIds.ts, fallback rules: fallbackRouting.ts, pre-chat: prechatRules.ts and
 * extraPrechatRules.ts); this module reads a configuration key by key with them.
 */
import type {
    ChatClientKind,
    DirectToAgentRouting,
    HiddenFieldLimits,
    RoutingConfig,
    RoutingValidation
} from './chatTypes';
import { KEY_PREFIX, shorten, targetKind } from './salesforceIds';
import { Collector, finding, isPlainObject } from './routingIssues';
import { readId } from './routingIds';
import { readFallbackRouting } from './fallbackRouting';
import {
    checkHiddenValues,
    readHiddenRoutingFields,
    readPrechatFields,
    readVisiblePrechatFields
} from './prechatRules';
import { readExtraPrechatInfo, readFormDetails } from './extraPrechatRules';

const DIRECT = 'directToAgentRouting';

function readDirect(
    value: unknown,
    client: ChatClientKind | null,
    out: Collector
): DirectToAgentRouting | null {
    if (!isPlainObject(value)) {
        out.add('error', { key: DIRECT }, 'DIRECT_NOT_AN_OBJECT');
        return null;
    }
    const at = (part: string) => ({ key: DIRECT, part });
    const buttonId = readId(value.buttonId, targetKind(client), at('buttonId'), out);
    const { userId: rawUser, fallback: rawFallback } = value;
    const hasUser =
        rawUser !== undefined &&
        rawUser !== null &&
        !(typeof rawUser === 'string' && rawUser.trim() === '');
    const userId = hasUser ? readId(rawUser, 'user', at('userId'), out) : null;
    let fallback = false;
    if (typeof rawFallback === 'boolean') {
        fallback = rawFallback;
    } else if (rawFallback !== undefined && rawFallback !== null) {
        out.add('error', at('fallback'), 'FALLBACK_NOT_BOOLEAN');
    }
    if (fallback && !hasUser) {
        out.add('warning', at('fallback'), 'FALLBACK_WITHOUT_AGENT');
    }
    if (fallback && userId && client !== 'legacy' && buttonId?.startsWith(KEY_PREFIX.user)) {
        // Enhanced Chat's flow falls back to the target as a queue (docs/enhanced-chat.md step 4).
        out.add('warning', at('fallback'), 'FALLBACK_TARGET_NOT_QUEUE', [buttonId]);
    }
    for (const key of Object.keys(value)) {
        if (!['buttonId', 'userId', 'fallback'].includes(key)) {
            out.add('warning', at(key), 'UNKNOWN_SETTING', [shorten(key)]);
        }
    }
    if (!buttonId || (hasUser && !userId)) {
        return null;
    }
    return userId ? { buttonId, userId, fallback } : { buttonId, fallback };
}

/** What has been read so far, for the rules that depend on other settings. */
interface Context {
    client: ChatClientKind | null;
    config: RoutingConfig;
}

/** A reader returns the cleaned value, undefined for "nothing to set", or null when refused. */
type Reader = (value: unknown, out: Collector, context: Context) => unknown;

/** One reader per RoutingConfig key, in the order they are read (later ones may use earlier). */
const READERS: Readonly<Record<keyof RoutingConfig, Reader>> = {
    directToAgentRouting: (value, out, { client }) => readDirect(value, client, out),
    fallbackRouting: (value, out, { client, config }) => {
        const direct = config.directToAgentRouting?.buttonId ?? null;
        const rules = readFallbackRouting(value, direct, client, out);
        return rules && rules.length === 0 ? undefined : rules;
    },
    prepopulatedPrechatFields: readPrechatFields,
    extraPrechatInfo: readExtraPrechatInfo,
    extraPrechatFormDetails: readFormDetails,
    directToButtonRouting: (value, out, { client, config }) => {
        const key = 'directToButtonRouting';
        if (typeof value !== 'function') {
            out.add('error', { key }, 'BUTTON_ROUTING_NOT_A_FUNCTION');
            return null;
        }
        if (client === 'enhanced') {
            out.add('warning', { key }, 'BUTTON_ROUTING_LEGACY_ONLY');
        } else if (config.directToAgentRouting) {
            out.add('warning', { key }, 'BUTTON_ROUTING_WITH_AGENT');
        }
        return value;
    },
    visiblePrechatFields: readVisiblePrechatFields,
    hiddenRoutingFields: readHiddenRoutingFields
};

const KNOWN_KEYS = Object.keys(READERS);

/**
 * Validates a routing configuration (any input: it never throws) for the client the page runs:
 * under 'legacy' a routing target is a chat button (573); under 'enhanced' a queue (00G) or a user
 * (005); with null (not known yet) any of them. Errors block the config; warnings are cautions
 * for the admin. The returned `config` is a fresh plain copy with IDs trimmed and only the known
 * keys (a directToButtonRouting function is kept as is), or null when there are errors.
 * `hiddenFields`: the hidden fields the Enhanced Chat deployment declares, with their maximum
 * lengths (null: not known, each takes DEFAULT_PARAMETER_LENGTH).
 */
export function validateRouting(
    input: unknown,
    client: ChatClientKind | null = null,
    hiddenFields: HiddenFieldLimits | null = null
): RoutingValidation {
    try {
        const kind = client === 'legacy' || client === 'enhanced' ? client : null;
        return validate(input, kind, isPlainObject(hiddenFields) ? hiddenFields : null);
    } catch {
        // An input whose properties throw when read (a getter, a proxy) is refused, not thrown.
        const unreadable = finding('UNREADABLE', []);
        return {
            valid: false,
            errors: [{ field: 'config', location: { key: 'config' }, ...unreadable }],
            warnings: [],
            config: null
        };
    }
}

function validate(
    input: unknown,
    client: ChatClientKind | null,
    hiddenFields: HiddenFieldLimits | null
): RoutingValidation {
    if (input === undefined || input === null) {
        return { valid: true, errors: [], warnings: [], config: {} };
    }
    const out = new Collector();
    if (!isPlainObject(input)) {
        out.add('error', { key: 'config' }, 'CONFIG_NOT_AN_OBJECT');
        return { valid: false, errors: out.errors, warnings: out.warnings, config: null };
    }
    const config: RoutingConfig = {};
    const context: Context = { client, config };
    let ok = true;
    for (const [key, read] of Object.entries(READERS)) {
        const value = input[key];
        if (value === undefined || value === null) {
            continue;
        }
        const cleaned = read(value, out, context);
        if (cleaned === null) {
            ok = false;
        } else if (cleaned !== undefined) {
            (config as Record<string, unknown>)[key] = cleaned;
        }
    }
    if (client !== 'legacy') {
        // Enhanced Chat (or not known yet) sends the routing in hidden fields: sent, and fitting.
        checkHiddenValues(config, hiddenFields, out);
    }
    for (const key of Object.keys(input)) {
        if (!KNOWN_KEYS.includes(key)) {
            const name = shorten(key);
            out.add('warning', { key: name || 'config' }, 'UNKNOWN_SETTING', [name]);
        }
    }
    ok = ok && out.errors.length === 0;
    return { valid: ok, errors: out.errors, warnings: out.warnings, config: ok ? config : null };
}

/**
 * The routing for one call: each key of `override` that is set replaces the site's value for that
 * key (a whole-key replacement: an override's directToAgentRouting replaces the site's).
 */
export function mergeRouting(
    site: RoutingConfig,
    override: RoutingConfig | undefined
): RoutingConfig {
    if (!override) {
        return site;
    }
    // A key that is set (anything but undefined or null, the same rule validateRouting uses)
    // replaces the site's value, so an override of the wrong kind is refused, not ignored.
    const merged: Record<string, unknown> = { ...site };
    const given = override as Record<string, unknown>;
    for (const key of KNOWN_KEYS) {
        if (given[key] !== undefined && given[key] !== null) {
            merged[key] = given[key];
        }
    }
    return merged as RoutingConfig;
}
