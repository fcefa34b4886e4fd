/**
 * Checks of the rules an admin types in the fallback rules editor, made by the chat service's
 * own `validateRouting` and worded by routingIssueText (Custom Labels), so that the editor and
 * the Chat Routing Settings summary agree.
 */
import { validateRouting } from 'c/embeddedChatService';
import { routingIssueText } from 'c/chatAdminText';
import ID_CHARACTERS from '@salesforce/label/c.Chat_Rules_Id_Characters';

/** Well-formed 15-character IDs, paired with the ID under check so that only it can fail. */
const USER_PROBE = '005000000000000';
const BUTTON_PROBE = '573000000000000';
const ID_TEXT = /^[A-Za-z0-9]*$/;

/**
 * The problem with one ID of a rule, checked as the kind the admin chose (an agent's user ID or
 * a chat button ID), or null when the service would accept it.
 */
export function checkRuleId(id: string, kind: 'user' | 'chatButton'): string | null {
    const trimmed = id.trim();
    if (!ID_TEXT.test(trimmed)) {
        // Separators and `_` would change what the stored text means: name that, not the length.
        return ID_CHARACTERS;
    }
    const rule = kind === 'user' ? `${trimmed}_${BUTTON_PROBE}` : `${USER_PROBE}_${trimmed}`;
    const { errors } = validateRouting({ fallbackRouting: [rule] });
    return errors.length > 0 ? routingIssueText(errors[0]) : null;
}

/** Cautions about the list as a whole and about single rules (repeats), by rule position. */
export interface ListIssues {
    list: string[];
    byRule: Map<number, string[]>;
}

/** The service's verdict on the whole list, minus the per-ID errors `checkRuleId` reports. */
export function checkRuleList(texts: readonly string[]): ListIssues {
    const issues: ListIssues = { list: [], byRule: new Map() };
    if (texts.length === 0) {
        return issues;
    }
    const { errors, warnings } = validateRouting({ fallbackRouting: [...texts] });
    for (const issue of errors) {
        if (issue.field === 'fallbackRouting') {
            issues.list.push(routingIssueText(issue));
        }
    }
    for (const issue of warnings) {
        const match = /^fallbackRouting\[(\d+)\]$/.exec(issue.field);
        if (match) {
            const index = Number(match[1]);
            issues.byRule.set(index, [
                ...(issues.byRule.get(index) ?? []),
                routingIssueText(issue)
            ]);
        } else if (issue.field === 'fallbackRouting') {
            issues.list.push(routingIssueText(issue));
        }
    }
    return issues;
}
