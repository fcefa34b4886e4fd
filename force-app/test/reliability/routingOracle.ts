/**
 * An independent statement of which routing values validateRouting must accept, for the keys
 * whose rules are crisp: direct-to-agent routing, fallback rules and pre-chat values. Written from
 * the documented formats and the service's documented limits (ROUTING_LIMITS), not from its code.
 * Whitespace around an ID (and around each side of `userId_buttonId`) is tolerated: the service
 * trims it, and sends the trimmed form.
 */
import { isIdOf, isUserId, BUTTON_PREFIX, QUEUE_PREFIX, USER_PREFIX } from './salesforceIdOracle';
import { isPlainRecord } from './clientAttributeModel';

export const LIMITS = {
    fallbackRules: 25,
    prechatFields: 50,
    prechatValueLength: 1000,
    fieldNameLength: 80
};

const absent = (v: unknown): boolean => v === undefined || v === null;

/** The client the rules are for: 'legacy', 'enhanced', or null while it is not known. */
export type OracleClient = 'legacy' | 'enhanced' | null;

/**
 * What a routing target may be: the legacy client routes to a chat button; an Enhanced Chat
 * Omni-Channel flow routes to a queue or a user; before the client is known, either client's.
 */
export function isTargetId(id: unknown, client: OracleClient): boolean {
    const prefixes = {
        legacy: [BUTTON_PREFIX],
        enhanced: [QUEUE_PREFIX, USER_PREFIX],
        unknown: [BUTTON_PREFIX, QUEUE_PREFIX, USER_PREFIX]
    }[client ?? 'unknown'];
    return prefixes.some((prefix) => isIdOf(id, prefix));
}

export function directRoutingAcceptable(value: unknown, client: OracleClient = 'legacy'): boolean {
    if (!isPlainRecord(value)) {
        return false;
    }
    const { buttonId, userId, fallback } = value;
    if (typeof buttonId !== 'string' || !isTargetId(buttonId.trim(), client)) {
        return false;
    }
    const noUser = absent(userId) || (typeof userId === 'string' && userId.trim() === '');
    if (!noUser && !(typeof userId === 'string' && isUserId(userId.trim()))) {
        return false;
    }
    return absent(fallback) || typeof fallback === 'boolean';
}

export function fallbackRuleAcceptable(rule: unknown, client: OracleClient = 'legacy'): boolean {
    if (typeof rule !== 'string') {
        return false;
    }
    const trimmed = rule.trim();
    const parts = trimmed.split('_');
    if (parts.length === 2) {
        return isUserId(parts[0].trim()) && isTargetId(parts[1].trim(), client);
    }
    return parts.length === 1 && (isUserId(trimmed) || isTargetId(trimmed, client));
}

export function fallbackRoutingAcceptable(
    value: unknown,
    client: OracleClient = 'legacy'
): boolean {
    return (
        Array.isArray(value) &&
        value.length <= LIMITS.fallbackRules &&
        value.every((rule) => fallbackRuleAcceptable(rule, client))
    );
}

export function prechatFieldsAcceptable(value: unknown): boolean {
    if (!isPlainRecord(value)) {
        return false;
    }
    const keys = Object.keys(value);
    return (
        keys.length <= LIMITS.prechatFields &&
        keys.every(
            (key) =>
                /^[A-Za-z]\w*$/.test(key) &&
                key.length <= LIMITS.fieldNameLength &&
                !['constructor', 'prototype'].includes(key) &&
                typeof value[key] === 'string' &&
                (value[key] as string).length <= LIMITS.prechatValueLength
        )
    );
}

/**
 * The verdict on a configuration that has at most directToAgentRouting, fallbackRouting,
 * prepopulatedPrechatFields and unknown keys (which only earn warnings).
 */
export function crispConfigAcceptable(config: unknown, client: OracleClient = 'legacy'): boolean {
    if (absent(config)) {
        return true;
    }
    if (!isPlainRecord(config)) {
        return false;
    }
    const checks: [string, (v: unknown) => boolean][] = [
        ['directToAgentRouting', (v) => directRoutingAcceptable(v, client)],
        ['fallbackRouting', (v) => fallbackRoutingAcceptable(v, client)],
        ['prepopulatedPrechatFields', prechatFieldsAcceptable]
    ];
    return checks.every(([key, check]) => absent(config[key]) || check(config[key]));
}
