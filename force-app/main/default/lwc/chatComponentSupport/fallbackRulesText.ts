/**
 * The text form of fallback routing rules, as the Chat Routing Settings component stores them in
 * one String builder property. Admins edit it with the rules editor, or type it directly where the
 * editor is not available, so it is compact and readable:
 *
 *     573Dn000000AbCd, 005Dn000001XyZa, 005Dn000001XyZa_573Dn000000AbCd
 *
 * One rule per entry, in the Embedded Chat client's own format (a chat button ID, an agent's user
 * ID, or `userId_buttonId` for "agent, then button"), tried in order. Entries are separated by
 * commas; semicolons and line breaks are accepted too. Spaces around entries and around the `_`
 * are ignored, and so are empty entries (a trailing comma, say). Printing uses ", ".
 *
 * Parsing never loses text: every non-empty entry becomes a rule, with a best-guess kind, so an
 * editor can show it and the admin can fix it. Problems of form are reported by rule number;
 * whether an ID is a real, well-formed ID is for `validateRouting` of the chat service to say.
 */
import ERROR_PARTS from '@salesforce/label/c.Chat_Rules_Error_Parts';
import ERROR_SPACE from '@salesforce/label/c.Chat_Rules_Error_Space';
import ERROR_KIND from '@salesforce/label/c.Chat_Rules_Error_Kind';
import { formatLabel } from './labelFormat';

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

/** A problem of form in one entry. */
export interface FallbackRuleError {
    /** The rule's number, counting from 1 (empty entries are not counted). */
    index: number;
    message: string;
}

export interface ParsedFallbackRules {
    rules: FallbackRule[];
    errors: FallbackRuleError[];
}

const SEPARATORS = /[,;\r\n]/;
const WHITESPACE = /\s/;
const USER_PREFIX = '005';
const BUTTON_PREFIX = '573';

function quote(text: string): string {
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
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

function parseEntry(entry: string): { rule: FallbackRule; error: string | null } {
    const underscore = entry.indexOf('_');
    if (underscore >= 0) {
        const rule = makeFallbackRule(
            'agentThenButton',
            entry.slice(0, underscore),
            entry.slice(underscore + 1)
        );
        if (rule.userId === '' || rule.buttonId === '' || rule.buttonId.includes('_')) {
            return { rule, error: formatLabel(ERROR_PARTS, quote(entry)) };
        }
        const spaced = WHITESPACE.test(rule.userId) || WHITESPACE.test(rule.buttonId);
        return { rule, error: spaced ? formatLabel(ERROR_SPACE, quote(entry)) : null };
    }
    const rule = entry.startsWith(USER_PREFIX)
        ? makeFallbackRule('agent', entry, '')
        : makeFallbackRule('button', '', entry);
    if (WHITESPACE.test(entry)) {
        return { rule, error: formatLabel(ERROR_SPACE, quote(entry)) };
    }
    if (!entry.startsWith(USER_PREFIX) && !entry.startsWith(BUTTON_PREFIX)) {
        return { rule, error: formatLabel(ERROR_KIND, quote(entry)) };
    }
    return { rule, error: null };
}

/**
 * Reads the text form of fallback rules (any input: it never throws; blank or non-text input
 * means no rules). Every rule it returns has the text that `fallbackRouting` needs; every entry
 * with an error of form also fails `validateRouting`, so such text never routes a chat.
 */
export function parseFallbackRules(text: unknown): ParsedFallbackRules {
    const rules: FallbackRule[] = [];
    const errors: FallbackRuleError[] = [];
    if (typeof text !== 'string') {
        return { rules, errors };
    }
    for (const raw of text.split(SEPARATORS)) {
        const entry = raw.trim();
        if (entry === '') {
            continue;
        }
        const { rule, error } = parseEntry(entry);
        if (rule.text === '') {
            // A lone `_`: an agent-then-button pair with neither ID, as empty as a blank entry.
            continue;
        }
        rules.push(rule);
        if (error) {
            errors.push({ index: rules.length, message: error });
        }
    }
    return { rules, errors };
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
