/**
 * The English text of each routing issue code, for developers and logs (`RoutingIssue.message`).
 * Admin UIs show the code's Custom Label instead (chatComponentSupport routingIssueText), whose
 * placeholders are the same params: keep the two in step. The rules themselves (routingRules.ts
 * and its siblings) hold only codes and params.
 */
import type { RoutingIssueCode } from './chatTypes';
import type { IdKind } from './salesforceIds';

const TEMPLATES: Readonly<Record<RoutingIssueCode, string>> = {
    UNREADABLE: 'The routing configuration could not be read.',
    CONFIG_NOT_AN_OBJECT: 'The routing configuration must be an object.',
    UNKNOWN_SETTING: '“{0}” is not a routing setting and is ignored.',
    DIRECT_NOT_AN_OBJECT: 'Direct-to-agent routing must be an object with a buttonId.',
    FALLBACK_NOT_BOOLEAN: 'Fallback to the button’s queue must be true or false.',
    FALLBACK_WITHOUT_AGENT:
        'Fallback to the button’s queue only matters when an agent is set; without an agent, chats go to the button’s queue anyway.',
    ID_NOT_TEXT: 'Enter {0} as text.',
    ID_EMPTY: 'Enter {0} (it starts with {1}).',
    ID_LENGTH: '“{1}” has {2} characters; {0} has 15 or 18.',
    ID_CHARACTERS: "“{1}” has characters that can't be in {0}: use only letters and digits.",
    ID_PREFIX: '“{1}” is not {0}: {0} starts with {2}.',
    ID_CHECKSUM:
        "“{1}” is not a valid 18-character ID (its last 3 characters don't match): copy the ID again from Setup.",
    RULES_NOT_A_LIST: 'Fallback routing must be a list of rules.',
    RULES_TOO_MANY: 'Use at most {0} fallback rules (there are {1}).',
    RULE_NOT_TEXT: 'Each fallback rule must be text: a button ID, a user ID, or userId_buttonId.',
    RULE_EMPTY: 'This fallback rule is empty: enter an ID or remove the rule.',
    RULE_PAIR_SHAPE: '“{0}” should be one user ID and one button ID joined by _ (userId_buttonId).',
    RULE_PAIR_SWAPPED:
        '“{0}” has its two IDs the wrong way round: put the agent’s ID first (005…_{1}…).',
    RULE_UNKNOWN_KIND:
        '“{1}” is not a rule: use {0} ({2}…), an agent’s user ID (005…), or both joined by _ (005…_{2}…).',
    RULE_REPEATED: 'Rule {0} repeats rule {1}; the repeat is never used.',
    BUTTON_NOT_LAST:
        'If no rule can take the chat, it is not routed to button {0} unless that button is the last rule. Add {0} as the last rule.',
    SITE_BUTTON_NOT_LAST:
        'If no rule can take the chat, it is not routed to the site’s chat button unless that button’s ID is the last rule.',
    PRECHAT_NOT_AN_OBJECT: 'Pre-chat values must be an object of field API name to value.',
    PRECHAT_TOO_MANY: 'Use at most {0} pre-chat fields.',
    BAD_FIELD_NAME:
        '“{0}” is not a field API name (letters, digits and _, starting with a letter).',
    PRECHAT_VALUE_NOT_TEXT: 'The value for {0} must be text.',
    PRECHAT_VALUE_TOO_LONG: 'The value for {0} is longer than {1} characters.',
    REQUIRED: 'This value is required.',
    NOT_TEXT: 'This value must be text.',
    TOO_LONG: 'This value is longer than {0} characters.',
    NOT_BOOLEAN: 'This value must be true or false.',
    NOT_A_LIST: '{0} must be a list.',
    TOO_MANY: 'Use at most {0} {1} entries.',
    ENTRY_NOT_AN_OBJECT: 'Each {0} entry must be an object.',
    FIELD_MAP_NOT_AN_OBJECT: 'Each entity field map must be an object.',
    FIELD_MAPS_TOO_MANY: 'Use at most {0} entity field maps.',
    TRANSCRIPT_FIELDS_NOT_A_LIST: 'transcriptFields must be a list of field names.',
    BAD_CHANNEL_VARIABLE_NAME:
        '“{0}” is not a channel variable name (letters, digits and _, starting with a letter or _, at most 80 characters).',
    HIDDEN_FIELDS_NOT_AN_OBJECT:
        'Hidden routing fields must be an object of names (agentId, targetId, fallback, fallbackRouting).',
    HIDDEN_FIELD_NOT_TEXT: 'The hidden field name for {0} must be text, or null to leave it out.',
    HIDDEN_FIELD_REPEATED: '“{0}” is named for two hidden routing fields: give each its own name.',
    DIRECT_TO_BUTTON_NOT_A_FUNCTION:
        'directToButtonRouting must be a function that returns a chat button ID.',
    DIRECT_TO_BUTTON_UNUSED: 'directToButtonRouting is not used while directToAgentRouting is set.',
    DIRECT_TO_BUTTON_LEGACY_ONLY:
        'directToButtonRouting works only with the legacy chat client: Enhanced Chat ignores it.'
};

/** The codes, in the table's order. */
export const ISSUE_CODES = Object.keys(TEMPLATES) as RoutingIssueCode[];

const KIND_NAMES: Readonly<Record<IdKind, string>> = {
    chatButton: 'a chat button ID',
    user: 'a user ID',
    queue: 'a queue ID',
    queueOrUser: 'a queue or user ID',
    chatButtonQueueOrUser: 'a chat button, queue or user ID'
};

/** The codes whose first param is an ID kind (shown as the kind's name, never as the token). */
export function hasKindParam(code: RoutingIssueCode): boolean {
    return code.startsWith('ID_') || code === 'RULE_UNKNOWN_KIND';
}

/** The English message of an issue: its code's template, filled from its params. */
export function issueMessage(code: RoutingIssueCode, params: readonly string[]): string {
    const values = [...params];
    if (hasKindParam(code) && Object.prototype.hasOwnProperty.call(KIND_NAMES, values[0])) {
        values[0] = KIND_NAMES[values[0] as IdKind];
    }
    return TEMPLATES[code].replace(/\{(\d+)\}/g, (_m, i: string) => values[Number(i)] ?? '');
}
