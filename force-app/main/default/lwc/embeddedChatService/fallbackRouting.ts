/**
 * The rules for `fallbackRouting`: a list of at most ROUTING_LIMITS.fallbackRules rules, tried in
 * order, each a target ID, an agent's user ID, or `userId_buttonId` (the agent, then the target).
 * A target is what the client routes to: a chat button for the legacy client, a queue or a user
 * for Enhanced Chat (see targetKind).
 *
 * Also the one home of the rules' text form, as Chat Routing Settings stores them in one String
 * builder property and the admin's editor and summary show them:
 *
 *     573Dn000000AbCd, 005Dn000001XyZa, 005Dn000001XyZa_573Dn000000AbCd
 *
 * `splitRules` splits it into rules, `ruleParts` tells a rule's kind and IDs, `ruleText` prints a
 * rule back. Splitting and telling never judge a rule: `validateRouting` alone does.
 */
import type { ChatClientKind } from './chatTypes';
import {
    checkId,
    idPrefixes,
    KEY_PREFIX,
    NOT_IN_ID,
    shorten,
    targetKind,
    type IdKind
} from './salesforceIds';
import { ROUTING_LIMITS, type Collector } from './routingIssues';
import { readId } from './routingIds';

const KEY = 'fallbackRouting';

/** What a rule routes to: a target (a chat button, a queue), one agent, or an agent then a target. */
export type RuleKind = 'button' | 'agent' | 'agentThenButton';

/** A rule's kind and IDs. */
export interface RuleParts {
    kind: RuleKind;
    /** The agent's user ID (005…); '' for a button rule. */
    userId: string;
    /** The target ID (573…, or 00G… under Enhanced Chat); '' for an agent rule. */
    buttonId: string;
}

/**
 * The rules of the text form, each in the client's format (blank or non-text input: none).
 * Commas, semicolons, line breaks and spaces separate rules (a pasted list splits as written);
 * spaces around the `_` of a pair belong to the pair. Empty entries and a lone `_` (a pair with
 * neither ID) are no rule.
 */
export function splitRules(text: unknown): string[] {
    return typeof text === 'string'
        ? text
              .replace(/\s*_\s*/g, '_')
              .split(/[,;\s]+/)
              .filter((entry) => entry !== '' && entry !== '_')
        : [];
}

/**
 * A rule's kind and IDs, by its form alone: `_` makes a pair (split at the first one), an ID
 * starting 005 an agent, anything else a target. IDs are trimmed.
 */
export function ruleParts(rule: string): RuleParts {
    const underscore = rule.indexOf('_');
    if (underscore >= 0) {
        const userId = rule.slice(0, underscore).trim();
        return { kind: 'agentThenButton', userId, buttonId: rule.slice(underscore + 1).trim() };
    }
    const id = rule.trim();
    return id.startsWith(KEY_PREFIX.user)
        ? { kind: 'agent', userId: id, buttonId: '' }
        : { kind: 'button', userId: '', buttonId: id };
}

/** A rule in the client's format: only the IDs its kind uses ('' when it has no ID at all). */
export function ruleText(rule: RuleParts): string {
    const userId = rule.userId.trim();
    const buttonId = rule.buttonId.trim();
    if (rule.kind === 'button') {
        return buttonId;
    }
    if (rule.kind === 'agent') {
        return userId;
    }
    return userId || buttonId ? `${userId}_${buttonId}` : '';
}

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
    const { kind, userId, buttonId } = ruleParts(rule);
    const pair = kind === 'agentThenButton';
    if (pair && buttonId.includes('_')) {
        out.add('error', at, 'RULE_PAIR_SHAPE', [shorten(rule)]);
        return null;
    }
    if (pair && isSwapped(userId, buttonId, target)) {
        out.add('error', at, 'RULE_PAIR_SWAPPED', [shorten(rule), idPrefixes(target)]);
        return null;
    }
    // Letters and digits of no known kind are no rule; a character that can't be in an ID (an
    // invisible one before the prefix, say) is named by the target's ID check below.
    const knownKind = Object.values(KEY_PREFIX).some((key) => rule.startsWith(key));
    if (kind === 'button' && !knownKind && !NOT_IN_ID.test(rule)) {
        out.add('error', at, 'RULE_UNKNOWN_KIND', [target, shorten(rule), idPrefixes(target)]);
        return null;
    }
    const user = kind === 'button' ? '' : readId(userId, 'user', { ...at, side: 'userId' }, out);
    const button =
        kind === 'agent' ? '' : readId(buttonId, target, { ...at, side: 'buttonId' }, out);
    return user === null || button === null
        ? null
        : ruleText({ kind, userId: user, buttonId: button });
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
        out.add('warning', { key: KEY }, 'BUTTON_NOT_LAST', [directTarget]);
    } else if (!directTarget && !last.startsWith(KEY_PREFIX.chatButton)) {
        out.add('warning', { key: KEY }, 'SITE_BUTTON_NOT_LAST');
    }
    return rules;
}
