/**
 * The words (translated Custom Labels) for the routing problems and cautions that the chat
 * service's `validateRouting` reports as codes and params: the one home of each issue's text,
 * for admin UIs and for developers (the service holds no text).
 */
import type { RoutingIssue, RoutingIssueCode } from 'c/embeddedChatService';
import UNREADABLE from '@salesforce/label/c.Chat_Routing_Issue_Unreadable';
import CONFIG_NOT_AN_OBJECT from '@salesforce/label/c.Chat_Routing_Issue_Config_Not_An_Object';
import UNKNOWN_SETTING from '@salesforce/label/c.Chat_Routing_Issue_Unknown_Setting';
import BUTTON_ROUTING_NOT_A_FUNCTION from '@salesforce/label/c.Chat_Routing_Issue_Button_Routing_Not_A_Function';
import BUTTON_ROUTING_WITH_AGENT from '@salesforce/label/c.Chat_Routing_Issue_Button_Routing_With_Agent';
import DIRECT_NOT_AN_OBJECT from '@salesforce/label/c.Chat_Routing_Issue_Direct_Not_An_Object';
import FALLBACK_NOT_BOOLEAN from '@salesforce/label/c.Chat_Routing_Issue_Fallback_Not_Boolean';
import FALLBACK_WITHOUT_AGENT from '@salesforce/label/c.Chat_Routing_Issue_Fallback_Without_Agent';
import ID_NOT_TEXT from '@salesforce/label/c.Chat_Routing_Issue_Id_Not_Text';
import ID_EMPTY from '@salesforce/label/c.Chat_Routing_Issue_Id_Empty';
import ID_LENGTH from '@salesforce/label/c.Chat_Routing_Issue_Id_Length';
import ID_CHARACTERS from '@salesforce/label/c.Chat_Routing_Issue_Id_Characters';
import ID_PREFIX from '@salesforce/label/c.Chat_Routing_Issue_Id_Prefix';
import ID_CHECKSUM from '@salesforce/label/c.Chat_Routing_Issue_Id_Checksum';
import RULES_NOT_A_LIST from '@salesforce/label/c.Chat_Routing_Issue_Rules_Not_A_List';
import RULES_TOO_MANY from '@salesforce/label/c.Chat_Routing_Issue_Rules_Too_Many';
import RULE_NOT_TEXT from '@salesforce/label/c.Chat_Routing_Issue_Rule_Not_Text';
import RULE_EMPTY from '@salesforce/label/c.Chat_Routing_Issue_Rule_Empty';
import RULE_PAIR_SHAPE from '@salesforce/label/c.Chat_Routing_Issue_Rule_Pair_Shape';
import RULE_PAIR_SWAPPED from '@salesforce/label/c.Chat_Routing_Issue_Rule_Pair_Swapped';
import RULE_UNKNOWN_KIND from '@salesforce/label/c.Chat_Routing_Issue_Rule_Unknown_Kind';
import RULE_REPEATED from '@salesforce/label/c.Chat_Routing_Issue_Rule_Repeated';
import BUTTON_NOT_LAST from '@salesforce/label/c.Chat_Routing_Issue_Button_Not_Last';
import SITE_BUTTON_NOT_LAST from '@salesforce/label/c.Chat_Routing_Issue_Site_Button_Not_Last';
import PRECHAT_NOT_AN_OBJECT from '@salesforce/label/c.Chat_Routing_Issue_Prechat_Not_An_Object';
import PRECHAT_TOO_MANY from '@salesforce/label/c.Chat_Routing_Issue_Prechat_Too_Many';
import BAD_FIELD_NAME from '@salesforce/label/c.Chat_Routing_Issue_Bad_Field_Name';
import PRECHAT_VALUE_NOT_TEXT from '@salesforce/label/c.Chat_Routing_Issue_Prechat_Value_Not_Text';
import PRECHAT_VALUE_TOO_LONG from '@salesforce/label/c.Chat_Routing_Issue_Prechat_Value_Too_Long';
import REQUIRED from '@salesforce/label/c.Chat_Routing_Issue_Required';
import NOT_TEXT from '@salesforce/label/c.Chat_Routing_Issue_Not_Text';
import TOO_LONG from '@salesforce/label/c.Chat_Routing_Issue_Too_Long';
import NOT_BOOLEAN from '@salesforce/label/c.Chat_Routing_Issue_Not_Boolean';
import NOT_A_LIST from '@salesforce/label/c.Chat_Routing_Issue_Not_A_List';
import TOO_MANY from '@salesforce/label/c.Chat_Routing_Issue_Too_Many';
import ENTRY_NOT_AN_OBJECT from '@salesforce/label/c.Chat_Routing_Issue_Entry_Not_An_Object';
import FIELD_MAP_NOT_AN_OBJECT from '@salesforce/label/c.Chat_Routing_Issue_Field_Map_Not_An_Object';
import FIELD_MAPS_TOO_MANY from '@salesforce/label/c.Chat_Routing_Issue_Field_Maps_Too_Many';
import TRANSCRIPT_FIELDS_NOT_A_LIST from '@salesforce/label/c.Chat_Routing_Issue_Transcript_Fields_Not_A_List';
import BAD_CHANNEL_VARIABLE_NAME from '@salesforce/label/c.Chat_Routing_Issue_Bad_Channel_Variable_Name';
import HIDDEN_FIELDS_NOT_AN_OBJECT from '@salesforce/label/c.Chat_Routing_Issue_Hidden_Fields_Not_An_Object';
import HIDDEN_FIELD_NOT_TEXT from '@salesforce/label/c.Chat_Routing_Issue_Hidden_Field_Not_Text';
import HIDDEN_FIELD_REPEATED from '@salesforce/label/c.Chat_Routing_Issue_Hidden_Field_Repeated';
import HIDDEN_VALUE_TOO_LONG from '@salesforce/label/c.Chat_Routing_Issue_Hidden_Value_Too_Long';
import HIDDEN_VALUE_OVER_DEFAULT from '@salesforce/label/c.Chat_Routing_Issue_Hidden_Value_Over_Default';
import HIDDEN_FIELD_STANDARD_NAME from '@salesforce/label/c.Chat_Routing_Issue_Hidden_Field_Standard_Name';
import HIDDEN_VALUE_NOT_SENT from '@salesforce/label/c.Chat_Routing_Issue_Hidden_Value_Not_Sent';
import FALLBACK_TARGET_NOT_QUEUE from '@salesforce/label/c.Chat_Routing_Issue_Fallback_Target_Not_Queue';
import BUTTON_ROUTING_LEGACY_ONLY from '@salesforce/label/c.Chat_Routing_Issue_Button_Routing_Legacy_Only';
import KIND_CHAT_BUTTON from '@salesforce/label/c.Chat_Routing_Id_Kind_Chat_Button';
import KIND_USER from '@salesforce/label/c.Chat_Routing_Id_Kind_User';
import KIND_QUEUE from '@salesforce/label/c.Chat_Routing_Id_Kind_Queue';
import KIND_QUEUE_OR_USER from '@salesforce/label/c.Chat_Routing_Id_Kind_Queue_Or_User';
import KIND_ANY_TARGET from '@salesforce/label/c.Chat_Routing_Id_Kind_Chat_Button_Queue_Or_User';
import CHARACTER_INVISIBLE from '@salesforce/label/c.Chat_Routing_Character_Invisible';
import CHARACTER_SPACE from '@salesforce/label/c.Chat_Routing_Character_Space';
import CHARACTER_SHOWN from '@salesforce/label/c.Chat_Routing_Character_Shown';
import { formatLabel } from 'c/chatComponentSupport';

/** One label per code; its placeholders are the code's params, in order. */
const TEMPLATES: Readonly<Record<RoutingIssueCode, string>> = {
    UNREADABLE,
    CONFIG_NOT_AN_OBJECT,
    UNKNOWN_SETTING,
    BUTTON_ROUTING_NOT_A_FUNCTION,
    BUTTON_ROUTING_WITH_AGENT,
    DIRECT_NOT_AN_OBJECT,
    FALLBACK_NOT_BOOLEAN,
    FALLBACK_WITHOUT_AGENT,
    ID_NOT_TEXT,
    ID_EMPTY,
    ID_LENGTH,
    ID_CHARACTERS,
    ID_PREFIX,
    ID_CHECKSUM,
    RULES_NOT_A_LIST,
    RULES_TOO_MANY,
    RULE_NOT_TEXT,
    RULE_EMPTY,
    RULE_PAIR_SHAPE,
    RULE_PAIR_SWAPPED,
    RULE_UNKNOWN_KIND,
    RULE_REPEATED,
    BUTTON_NOT_LAST,
    SITE_BUTTON_NOT_LAST,
    PRECHAT_NOT_AN_OBJECT,
    PRECHAT_TOO_MANY,
    BAD_FIELD_NAME,
    PRECHAT_VALUE_NOT_TEXT,
    PRECHAT_VALUE_TOO_LONG,
    REQUIRED,
    NOT_TEXT,
    TOO_LONG,
    NOT_BOOLEAN,
    NOT_A_LIST,
    TOO_MANY,
    ENTRY_NOT_AN_OBJECT,
    FIELD_MAP_NOT_AN_OBJECT,
    FIELD_MAPS_TOO_MANY,
    TRANSCRIPT_FIELDS_NOT_A_LIST,
    BAD_CHANNEL_VARIABLE_NAME,
    HIDDEN_FIELDS_NOT_AN_OBJECT,
    HIDDEN_FIELD_NOT_TEXT,
    HIDDEN_FIELD_REPEATED,
    HIDDEN_VALUE_TOO_LONG,
    HIDDEN_VALUE_OVER_DEFAULT,
    HIDDEN_FIELD_STANDARD_NAME,
    HIDDEN_VALUE_NOT_SENT,
    FALLBACK_TARGET_NOT_QUEUE,
    BUTTON_ROUTING_LEGACY_ONLY
};

/**
 * Every RoutingIssueCode, for tests and tools that need them all: the codes of the label table,
 * which must name each code once (a code missing there, or unknown, fails to compile).
 */
export const ROUTING_ISSUE_CODES = Object.keys(TEMPLATES) as readonly RoutingIssueCode[];

/** The codes whose first param is an ID kind (shown as the kind's name, never as the token). */
function hasKindParam(code: RoutingIssueCode): boolean {
    return code.startsWith('ID_') || code === 'RULE_UNKNOWN_KIND';
}

/** The first param of some codes (hasKindParam) is the kind of ID: shown as its translated name. */
const ID_KINDS: Readonly<Record<string, string>> = {
    chatButton: KIND_CHAT_BUTTON,
    user: KIND_USER,
    queue: KIND_QUEUE,
    queueOrUser: KIND_QUEUE_OR_USER,
    chatButtonQueueOrUser: KIND_ANY_TARGET
};

/**
 * A character that can't be in an ID (ID_CHARACTERS' third param, its code: `U+200B`), in words:
 * one that shows nothing readable (a zero-width space, a byte order mark, a soft hyphen, a control
 * character, a private or unassigned one) or a space is named by its kind and code, any other is quoted with its code.
 */
function characterText(code: string): string {
    const match = /^U\+([0-9A-F]{4,6})$/.exec(code);
    const point = match ? Number.parseInt(match[1], 16) : NaN;
    if (!(point <= 0x10ffff)) {
        return code;
    }
    const character = String.fromCodePoint(point);
    if (/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(character)) {
        return formatLabel(CHARACTER_INVISIBLE, code);
    }
    return /\p{Zs}/u.test(character)
        ? formatLabel(CHARACTER_SPACE, code)
        : formatLabel(CHARACTER_SHOWN, character, code);
}

/**
 * The codes whose text already names the rule it is about ("Rule 4 repeats rule 1."): a list of
 * problems numbered by rule ("Rule 4: …") shows their text as it is, never "Rule 4: Rule 4 …".
 */
const NAMES_ITS_RULE: ReadonlySet<string> = new Set<RoutingIssueCode>(['RULE_REPEATED']);

/** Whether the text of an issue with this code already says which rule it is about. */
export function issueNamesItsRule(code: unknown): boolean {
    return typeof code === 'string' && NAMES_ITS_RULE.has(code);
}

function isKnownCode(code: unknown): code is RoutingIssueCode {
    return typeof code === 'string' && Object.prototype.hasOwnProperty.call(TEMPLATES, code);
}

/**
 * The translated text of one routing issue: its code's label, the `{0}`, `{1}`… filled from its
 * params. An issue without a known code (from a newer or an older service) reads as the
 * English `message` it carries, if any, else as its code.
 */
export function routingIssueText(
    issue: Pick<RoutingIssue, 'code' | 'params'> & { message?: unknown }
): string {
    const { code } = issue;
    if (!isKnownCode(code)) {
        return typeof issue.message === 'string' ? issue.message : String(code ?? '');
    }
    const params: string[] = Array.isArray(issue.params) ? issue.params.map(String) : [];
    if (hasKindParam(code) && params.length > 0) {
        const kind = params[0];
        params[0] = Object.prototype.hasOwnProperty.call(ID_KINDS, kind) ? ID_KINDS[kind] : kind;
    }
    if (code === 'ID_CHARACTERS' && params.length > 2) {
        params[2] = characterText(params[2]);
    }
    return formatLabel(TEMPLATES[code], ...params);
}
