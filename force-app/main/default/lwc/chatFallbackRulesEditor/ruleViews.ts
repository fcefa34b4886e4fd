/**
 * The rules editor's view model, free of any template: the rows the admin edits in, what each
 * row and field shows out. Every verdict comes from the chat service's `validateRouting` on the
 * very text the editor stores (the text the Chat Routing Settings summary reads), placed by the
 * issues' structured locations and worded by routingIssueText: the editor and the summary give
 * the same verdict, in the same words, for every input.
 */
import {
    idIssueFor,
    ruleText,
    targetKind,
    validateRouting,
    type ChatClientKind,
    type RoutingIssue,
    type RuleKind
} from 'c/embeddedChatService';
import { formatLabel } from 'c/chatComponentSupport';
import {
    issueView,
    routingIssueText,
    type DirectRoutingSeen,
    type IssueView,
    type Severity
} from 'c/chatAdminChecks';
import RULE_TITLE from '@salesforce/label/c.Chat_Rules_Rule_Title';
import MOVE_UP from '@salesforce/label/c.Chat_Rules_Move_Up';
import MOVE_DOWN from '@salesforce/label/c.Chat_Rules_Move_Down';
import REMOVE from '@salesforce/label/c.Chat_Rules_Remove';
import KIND_BUTTON from '@salesforce/label/c.Chat_Rules_Kind_Button';
import KIND_AGENT from '@salesforce/label/c.Chat_Rules_Kind_Agent';
import KIND_AGENT_BUTTON from '@salesforce/label/c.Chat_Rules_Kind_Agent_Button';
import LAST_RULE_NOTE from '@salesforce/label/c.Chat_Rules_Last_Rule_Note';
import AGENT_ID from '@salesforce/label/c.Chat_Rules_Agent_Id';
import BUTTON_ID from '@salesforce/label/c.Chat_Rules_Button_Id';
import NOT_SHOWN from '@salesforce/label/c.Chat_Rules_Not_Shown';

/** The kinds of rule, by name, in the order the editor offers them. */
export const KIND_OPTIONS: readonly { label: string; value: RuleKind }[] = [
    { label: KIND_BUTTON, value: 'button' },
    { label: KIND_AGENT, value: 'agent' },
    { label: KIND_AGENT_BUTTON, value: 'agentThenButton' }
];

/** One rule as the admin edits it. */
export interface Row {
    key: number;
    kind: RuleKind;
    userId: string;
    buttonId: string;
    /** Messages for an empty ID wait until the admin has typed in it (or the row was stored). */
    touched: boolean;
}

/** Which ID of a rule a field holds. */
export type IdSide = 'userId' | 'buttonId';

/**
 * One ID field of a rule. Its label (`for`), its message (`aria-describedby`) and the field are
 * elements of the editor's own template: no reference crosses a shadow root, so the links hold
 * under native shadow DOM as under synthetic shadow.
 */
export interface IdFieldView {
    side: IdSide;
    label: string;
    value: string;
    inputId: string;
    inputClass: string;
    /** 'true' while the field shows an error (its aria-invalid), else null (no attribute). */
    invalid: 'true' | null;
    fieldClass: string;
    messageId: string;
    messageClass: string;
    /** Its error, shown as every error is: an icon whose alternative text is "Error". */
    issue: IssueView | null;
}

/** One rule's view. */
export interface RuleView {
    key: number;
    index: number;
    title: string;
    titleId: string;
    kind: RuleKind;
    kindId: string;
    kindOptions: { label: string; value: RuleKind; selected: boolean }[];
    /** The error under each ID field (null: none, or the rule's kind has no such field). */
    userMessage: string | null;
    buttonMessage: string | null;
    /** The ID fields the rule's kind has: the agent's, then the target's. */
    fields: IdFieldView[];
    /** Problems of the rule as a whole (a repeat, a swapped pair, a rule of no known kind). */
    messages: IssueView[];
    hasMessages: boolean;
    isFirst: boolean;
    isLast: boolean;
    moveUpLabel: string;
    moveDownLabel: string;
    removeLabel: string;
}

/**
 * How many rules the editor shows. The chat service takes at most 25: a paste of a few too many
 * is shown whole (any of them can be removed), one of thousands is not drawn row by row (it
 * would hold the page for seconds). Every rule is judged all the same.
 */
export const SHOWN_RULES = 50;

export interface EditorView {
    /** The first SHOWN_RULES rules. */
    rules: RuleView[];
    /** Which rules are not shown, when some are not ('' when all are). */
    notShownText: string;
    /** Problems of the list as a whole (too many rules, the chat button not the last rule). */
    listMessages: IssueView[];
    hasListMessages: boolean;
    /** Where the verdict on the last rule is, when the editor can't give it ('' when it can). */
    lastRuleNote: string;
}

/**
 * Cautions about the last rule depend on the direct-to-agent target, a sibling property: the
 * editor gives them only with the routing that the summary card shares (directRoutingShare).
 */
const LAST_RULE_CODES = new Set(['BUTTON_NOT_LAST', 'SITE_BUTTON_NOT_LAST']);

/** The issues of one row, sorted by where they belong. */
interface RowIssues {
    user: string | null;
    button: string | null;
    rule: IssueView[];
}

const FIELD_NAMES: Readonly<Record<IdSide, { label: string; name: string }>> = {
    userId: { label: AGENT_ID, name: 'user' },
    buttonId: { label: BUTTON_ID, name: 'button' }
};

function idField(row: Row, side: IdSide, message: string | null): IdFieldView {
    const { label, name } = FIELD_NAMES[side];
    return {
        side,
        label,
        value: row[side],
        inputId: `${name}-id-${row.key}`,
        inputClass: `slds-input ${name}-id`,
        invalid: message ? 'true' : null,
        fieldClass: message ? 'slds-form-element slds-has-error' : 'slds-form-element',
        messageId: `${name}-message-${row.key}`,
        messageClass: `slds-form-element__help ${name}-message`,
        issue: message ? issueView(`${name}-${row.key}`, 'error', message) : null
    };
}

/**
 * The view of the rows, checked for the client the page runs (null: not known), with the
 * direct-to-agent routing of the settings, when the summary card shares it.
 */
export function editorView(
    rows: readonly Row[],
    client: ChatClientKind | null,
    direct: DirectRoutingSeen = { seen: false }
): EditorView {
    const byRow = rows.map((): RowIssues => ({ user: null, button: null, rule: [] }));
    const listMessages: IssueView[] = [];
    // The stored text holds the rows that have an ID, in order: map its rules back to rows.
    const positions: number[] = [];
    const texts: string[] = [];
    rows.forEach((row, index) => {
        const text = ruleText(row);
        if (text !== '') {
            positions.push(index);
            texts.push(text);
        }
    });
    // The card's very input: its direct routing (when shared) and the rules.
    const input = direct.seen
        ? { directToAgentRouting: direct.direct, fallbackRouting: texts }
        : { fallbackRouting: texts };
    const verdict = texts.length > 0 ? validateRouting(input, client) : null;
    const place = (issue: RoutingIssue, severity: Severity): void => {
        const { key, index, side } = issue.location ?? { key: '' };
        if (key !== 'fallbackRouting' || (!direct.seen && LAST_RULE_CODES.has(issue.code))) {
            return;
        }
        const text = routingIssueText(issue);
        const at = index === undefined ? undefined : byRow[positions[index]];
        if (!at) {
            listMessages.push(issueView(`list-${listMessages.length}`, severity, text));
            return;
        }
        const row = rows[positions[index as number]];
        if (severity === 'error' && side) {
            // An ID's problem goes under the field that holds it (a rule of one ID has one).
            const wanted = side === 'userId' ? 'user' : 'button';
            const field =
                row.kind === 'agentThenButton' ? wanted : row.kind === 'agent' ? 'user' : 'button';
            if (at[field] === null) {
                at[field] = text;
                return;
            }
        }
        at.rule.push(issueView(`rule-${at.rule.length}`, severity, text));
    };
    verdict?.errors.forEach((issue) => place(issue, 'error'));
    verdict?.warnings.forEach((issue) => place(issue, 'warning'));

    const count = rows.length;
    const stored = new Set(positions);
    const rules = rows.slice(0, SHOWN_RULES).map((row, index): RuleView => {
        const issues = byRow[index];
        const showsUser = row.kind !== 'button';
        const showsButton = row.kind !== 'agent';
        // A row without any ID is not in the stored text, so the service says nothing about it:
        // ask for its ID once the admin has been in the field (a stored rule has its verdict).
        const unstored = !stored.has(index);
        const empty = (id: string, kind: Parameters<typeof idIssueFor>[1]): string | null => {
            const issue = unstored && row.touched && id.trim() === '' ? idIssueFor('', kind) : null;
            return issue ? routingIssueText(issue) : null;
        };
        const userMessage = showsUser ? (issues.user ?? empty(row.userId, 'user')) : null;
        const buttonMessage = showsButton
            ? (issues.button ?? empty(row.buttonId, targetKind(client)))
            : null;
        const number = index + 1;
        return {
            key: row.key,
            index,
            title: formatLabel(RULE_TITLE, number),
            titleId: `rule-title-${row.key}`,
            kind: row.kind,
            kindId: `kind-${row.key}`,
            kindOptions: KIND_OPTIONS.map((option) => ({
                ...option,
                selected: option.value === row.kind
            })),
            userMessage,
            buttonMessage,
            fields: [
                ...(showsUser ? [idField(row, 'userId', userMessage)] : []),
                ...(showsButton ? [idField(row, 'buttonId', buttonMessage)] : [])
            ],
            messages: issues.rule,
            hasMessages: issues.rule.length > 0,
            isFirst: index === 0,
            isLast: index === count - 1,
            moveUpLabel: formatLabel(MOVE_UP, number),
            moveDownLabel: formatLabel(MOVE_DOWN, number),
            removeLabel: formatLabel(REMOVE, number)
        };
    });
    // Only the legacy client (or one not known yet) is judged on its last rule.
    const lastRuleJudged = verdict !== null && client !== 'enhanced';
    return {
        rules,
        notShownText: count > SHOWN_RULES ? formatLabel(NOT_SHOWN, SHOWN_RULES + 1, count) : '',
        listMessages,
        hasListMessages: listMessages.length > 0,
        lastRuleNote: lastRuleJudged && !direct.seen ? LAST_RULE_NOTE : ''
    };
}
