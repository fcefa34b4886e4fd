/**
 * The fallback rules' text form for the admin's editor and summary. The format itself (splitting
 * the text, telling a rule's kind, printing a rule) is the chat service's (c/embeddedChatService
 * splitRules, ruleParts, ruleText); this adds what an editor holds: each rule with its text, and
 * the printed list. Admins edit it with the rules editor, or type it directly where the editor is
 * not available, so it is compact and readable. Printing uses ", ".
 *
 * Parsing never loses text and never judges it: every rule becomes one with a best-guess kind, so
 * an editor can show it and the admin can fix it. Whether a rule can be used is for the chat
 * service's `validateRouting` alone to say (one rule source: the editor and the summary give the
 * same verdict in the same words).
 */
import { ruleParts, ruleText, splitRules, type RuleParts } from 'c/embeddedChatService';

/** One rule, with its text in the client's format (an entry of `fallbackRouting`). */
export interface FallbackRule extends RuleParts {
    text: string;
}

function withText(parts: RuleParts): FallbackRule {
    return { ...parts, text: ruleText(parts) };
}

/**
 * Reads the text form of fallback rules (any input: it never throws; blank or non-text input
 * means no rules). Every rule it returns has the text that `fallbackRouting` needs.
 */
export function parseFallbackRules(text: unknown): { rules: FallbackRule[] } {
    return { rules: splitRules(text).map((rule) => withText(ruleParts(rule))) };
}

/**
 * Prints rules in the text form: their client-format texts joined by ", ". Rules without any ID
 * (an editor's new, still empty row) are left out. For the rules that `parseFallbackRules`
 * returns, `parseFallbackRules(formatFallbackRules(rules)).rules` equals `rules`.
 */
export function formatFallbackRules(rules: readonly RuleParts[]): string {
    return rules
        .map(ruleText)
        .filter((text) => text !== '')
        .join(', ');
}
