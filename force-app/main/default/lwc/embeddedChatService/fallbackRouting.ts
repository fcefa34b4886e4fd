/**
 * The rules for `fallbackRouting`: a list of at most ROUTING_LIMITS.fallbackRules rules, tried in
 * order, each a target ID, an agent's user ID, or `userId_buttonId` (the agent, then the target).
 * A target is what the client routes to: a chat button for the legacy client, a queue or a user
 * for Enhanced Chat (see targetKind).
 */
import type { ChatClientKind } from './chatTypes';
import { checkId, idPrefixes, KEY_PREFIX, shortId, targetKind, type IdKind } from './salesforceIds';
import { ROUTING_LIMITS, type Collector } from './routingIssues';
import { readId } from './routingIds';

const KEY = 'fallbackRouting';

/** True for a `targetId_userId` pair: each ID is fine, but in the other's place. */
function isSwapped(first: string, second: string, target: IdKind): boolean {
    return (
        checkId(first, 'user') !== null &&
        checkId(first, target) === null &&
        checkId(second, 'user') === null
    );
}

/** Reads one rule; returns its cleaned text, or null after reporting why it can't be used. */
function readRule(value: unknown, index: number, target: IdKind, out: Collector): string | null {
    const at = { key: KEY, index };
    if (typeof value !== 'string') {
        out.add('error', at, 'RULE_NOT_TEXT');
        return null;
    }
    const rule = value.trim();
    if (rule === '') {
        out.add('error', at, 'RULE_EMPTY');
        return null;
    }
    if (rule.includes('_')) {
        const parts = rule.split('_').map((part) => part.trim());
        if (parts.length !== 2) {
            out.add('error', at, 'RULE_PAIR_SHAPE', [shortId(rule)]);
            return null;
        }
        if (isSwapped(parts[0], parts[1], target)) {
            out.add('error', at, 'RULE_PAIR_SWAPPED', [shortId(rule), idPrefixes(target)]);
            return null;
        }
        const user = readId(parts[0], 'user', { ...at, side: 'userId' }, out);
        const button = readId(parts[1], target, { ...at, side: 'buttonId' }, out);
        return user && button ? `${user}_${button}` : null;
    }
    if (rule.startsWith(KEY_PREFIX.user)) {
        return readId(rule, 'user', { ...at, side: 'userId' }, out);
    }
    if (Object.values(KEY_PREFIX).some((prefix) => rule.startsWith(prefix))) {
        return readId(rule, target, { ...at, side: 'buttonId' }, out);
    }
    out.add('error', at, 'RULE_UNKNOWN_KIND', [target, shortId(rule), idPrefixes(target)]);
    return null;
}

/**
 * Reads the rules; null after reporting errors. `directTarget` is the direct-to-agent target
 * (null when none). Warnings about the last rule follow the legacy client's behaviour (a chat no
 * rule takes goes nowhere unless a button is last); under Enhanced Chat the flow decides.
 */
export function readFallbackRouting(
    value: unknown,
    directTarget: string | null,
    client: ChatClientKind | null,
    out: Collector
): string[] | null {
    if (!Array.isArray(value)) {
        out.add('error', { key: KEY }, 'RULES_NOT_A_LIST');
        return null;
    }
    const max = ROUTING_LIMITS.fallbackRules;
    if (value.length > max) {
        out.add('error', { key: KEY }, 'RULES_TOO_MANY', [max, value.length]);
        return null;
    }
    const target = targetKind(client);
    const rules = value.map((entry: unknown, index) => readRule(entry, index, target, out));
    rules.forEach((rule, index) => {
        const first = rules.indexOf(rule);
        if (rule !== null && first < index) {
            out.add('warning', { key: KEY, index }, 'RULE_REPEATED', [index + 1, first + 1]);
        }
    });
    if (!rules.every((rule): rule is string => rule !== null)) {
        return null;
    }
    const last = rules[rules.length - 1];
    if (last === undefined || client === 'enhanced') {
        return rules;
    }
    if (directTarget && last !== directTarget) {
        out.add('warning', { key: KEY }, 'BUTTON_NOT_LAST', [shortId(directTarget)]);
    } else if (!directTarget && !last.startsWith(KEY_PREFIX.chatButton)) {
        out.add('warning', { key: KEY }, 'SITE_BUTTON_NOT_LAST');
    }
    return rules;
}
