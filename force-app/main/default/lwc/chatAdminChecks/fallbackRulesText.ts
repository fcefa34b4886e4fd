/**
 * The text form of fallback routing rules (see c/chatComponentSupport fallbackRuleEntries, which
 * splits it into rules), for the admin's editor and summary: each rule's parts, and the printed
 * form. Admins edit it with the rules editor, or type it directly where the editor is not
 * available, so it is compact and readable. Printing uses ", ".
 *
 * Parsing never loses text and never judges it: every rule becomes one with a best-guess kind, so
 * an editor can show it and the admin can fix it. Whether a rule can be used is for the chat
 * service's `validateRouting` alone to say (one rule source: the editor and the summary give the
 * same verdict in the same words).
 */
import { KEY_PREFIX } from 'c/embeddedChatService';
import { fallbackRuleEntries } from 'c/chatComponentSupport';

/** What a rule routes to: a chat button's queue, one agent, or one agent then a button's queue. */
export type FallbackRuleKind = 'button' | 'agent' | 'agentThenButton';

/** The parts of a rule that an editor holds. */
export interface FallbackRuleParts {
    kind: FallbackRuleKind;
    /** The agent's user ID (005…); '' for a button rule. */
    userId: string;
    /** The chat button ID (573…); '' for an agent rule. */
    buttonId: string;
}

/** One rule, with its text in the client's format (an entry of `fallbackRouting`). */
export interface FallbackRule extends FallbackRuleParts {
    text: string;
}

export interface ParsedFallbackRules {
    rules: FallbackRule[];
}

/** The client-format text of one rule ('' when the rule has no ID at all). */
export function fallbackRuleText(rule: FallbackRuleParts): string {
    const userId = rule.userId.trim();
    const buttonId = rule.buttonId.trim();
    if (rule.kind === 'button') {
        return buttonId;
    }
    if (rule.kind === 'agent') {
        return userId;
    }
    return userId === '' && buttonId === '' ? '' : `${userId}_${buttonId}`;
}

/** A rule of the given kind, its IDs trimmed and its text filled in. */
export function makeFallbackRule(
    kind: FallbackRuleKind,
    userId: string,
    buttonId: string
): FallbackRule {
    const parts: FallbackRuleParts = {
        kind,
        userId: kind === 'button' ? '' : userId.trim(),
        buttonId: kind === 'agent' ? '' : buttonId.trim()
    };
    return { ...parts, text: fallbackRuleText(parts) };
}

function parseEntry(entry: string): FallbackRule {
    const underscore = entry.indexOf('_');
    if (underscore >= 0) {
        return makeFallbackRule(
            'agentThenButton',
            entry.slice(0, underscore),
            entry.slice(underscore + 1)
        );
    }
    return entry.startsWith(KEY_PREFIX.user)
        ? makeFallbackRule('agent', entry, '')
        : makeFallbackRule('button', '', entry);
}

/**
 * Reads the text form of fallback rules (any input: it never throws; blank or non-text input
 * means no rules). Every rule it returns has the text that `fallbackRouting` needs.
 */
export function parseFallbackRules(text: unknown): ParsedFallbackRules {
    return { rules: fallbackRuleEntries(text).map(parseEntry) };
}

/**
 * Prints rules in the text form: their client-format texts joined by ", ". Rules without any ID
 * (an editor's new, still empty row) are left out. For the rules that `parseFallbackRules`
 * returns, `parseFallbackRules(formatFallbackRules(rules)).rules` equals `rules`.
 */
export function formatFallbackRules(rules: readonly FallbackRuleParts[]): string {
    return rules
        .map(fallbackRuleText)
        .filter((text) => text !== '')
        .join(', ');
}
