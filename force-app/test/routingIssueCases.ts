/**
 * One routing configuration per kind of issue that validateRouting reports (at least one per
 * RoutingIssueCode), with the issue it must produce: its code, params and place, and the words
 * an admin reads (`message`: the code's Custom Label, params filled in by routingIssueText).
 * Shared by the service's tests and by the tests of routingIssueText.
 */
import type {
    ChatClientKind,
    HiddenFieldLimits,
    RoutingIssueCode,
    RoutingIssueLocation
} from '../main/default/lwc/embeddedChatService/chatTypes';
import { AGENT as USER, AGENT_2 as USER_2, BUTTON, QUEUE } from './fixtures/ids';

export interface RoutingIssueCase {
    code: RoutingIssueCode;
    /** The client to validate for: 'legacy' unless the case says otherwise. */
    client?: ChatClientKind | null;
    /** The hidden fields the deployment declares (none given: not known). */
    hiddenFields?: HiddenFieldLimits;
    severity: 'error' | 'warning';
    input: unknown;
    field: string;
    location: RoutingIssueLocation;
    params: string[];
    message: string;
}

const extraInfo = (entry: Record<string, unknown>): unknown => ({
    extraPrechatInfo: [{ entityName: 'Contact', entityFieldMaps: [], ...entry }]
});
const formDetail = (entry: Record<string, unknown>): unknown => ({
    extraPrechatFormDetails: [
        { label: 'Email', displayToAgent: true, transcriptFields: [], ...entry }
    ]
});
const fieldMap = {
    fieldName: 'Email',
    label: 'Email',
    doCreate: false,
    doFind: true,
    isExactMatch: true
};

const CASES: readonly RoutingIssueCase[] = [
    {
        code: 'UNREADABLE',
        severity: 'error',
        input: {
            get directToAgentRouting(): unknown {
                throw new Error('no');
            }
        },
        field: 'config',
        location: { key: 'config' },
        params: [],
        message: 'The routing configuration could not be read.'
    },
    {
        code: 'CONFIG_NOT_AN_OBJECT',
        severity: 'error',
        input: '573',
        field: 'config',
        location: { key: 'config' },
        params: [],
        message: 'The routing configuration must be an object.'
    },
    {
        code: 'UNKNOWN_SETTING',
        severity: 'warning',
        input: { buttonId: BUTTON },
        field: 'buttonId',
        location: { key: 'buttonId' },
        params: ['buttonId'],
        message: '“buttonId” is not a routing setting and is ignored.'
    },
    {
        code: 'UNKNOWN_SETTING',
        severity: 'warning',
        input: { directToAgentRouting: { buttonId: BUTTON, queue: 'x' } },
        field: 'directToAgentRouting.queue',
        location: { key: 'directToAgentRouting', part: 'queue' },
        params: ['queue'],
        message: '“queue” is not a routing setting and is ignored.'
    },
    {
        code: 'BUTTON_ROUTING_NOT_A_FUNCTION',
        severity: 'error',
        input: { directToButtonRouting: BUTTON },
        field: 'directToButtonRouting',
        location: { key: 'directToButtonRouting' },
        params: [],
        message:
            'directToButtonRouting must be a function of the pre-chat form data that returns a chat button ID.'
    },
    {
        code: 'BUTTON_ROUTING_WITH_AGENT',
        severity: 'warning',
        input: { directToAgentRouting: { buttonId: BUTTON }, directToButtonRouting: () => BUTTON },
        field: 'directToButtonRouting',
        location: { key: 'directToButtonRouting' },
        params: [],
        message:
            'Both directToAgentRouting and directToButtonRouting are set: which one the chat widget follows is not documented.'
    },
    {
        code: 'DIRECT_NOT_AN_OBJECT',
        severity: 'error',
        input: { directToAgentRouting: 'x' },
        field: 'directToAgentRouting',
        location: { key: 'directToAgentRouting' },
        params: [],
        message: 'Direct-to-agent routing must be an object with a buttonId.'
    },
    {
        code: 'FALLBACK_NOT_BOOLEAN',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: BUTTON, fallback: 'yes' } },
        field: 'directToAgentRouting.fallback',
        location: { key: 'directToAgentRouting', part: 'fallback' },
        params: [],
        message: 'Fallback to the queue must be true or false.'
    },
    {
        code: 'FALLBACK_WITHOUT_AGENT',
        severity: 'warning',
        input: { directToAgentRouting: { buttonId: BUTTON, fallback: true } },
        field: 'directToAgentRouting.fallback',
        location: { key: 'directToAgentRouting', part: 'fallback' },
        params: [],
        message:
            'Falling back to the queue only matters when an agent is set; without an agent, chats already go to the chat button or queue.'
    },
    {
        code: 'ID_NOT_TEXT',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: 7 } },
        field: 'directToAgentRouting.buttonId',
        location: { key: 'directToAgentRouting', part: 'buttonId' },
        params: ['chatButton'],
        message: 'Enter a chat button ID as text.'
    },
    {
        code: 'ID_NOT_TEXT',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: BUTTON, userId: 5 } },
        field: 'directToAgentRouting.userId',
        location: { key: 'directToAgentRouting', part: 'userId' },
        params: ['user'],
        message: 'Enter a user ID as text.'
    },
    {
        code: 'ID_EMPTY',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: ' ' } },
        field: 'directToAgentRouting.buttonId',
        location: { key: 'directToAgentRouting', part: 'buttonId' },
        params: ['chatButton', '573'],
        message: 'Enter a chat button ID (it starts with 573).'
    },
    {
        code: 'ID_EMPTY',
        severity: 'error',
        input: { fallbackRouting: [`_${BUTTON}`] },
        field: 'fallbackRouting[0]',
        location: { key: 'fallbackRouting', index: 0, side: 'userId' },
        params: ['user', '005'],
        message: 'Enter a user ID (it starts with 005).'
    },
    {
        code: 'ID_LENGTH',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: '5735g000000XyZ' } },
        field: 'directToAgentRouting.buttonId',
        location: { key: 'directToAgentRouting', part: 'buttonId' },
        params: ['chatButton', '5735g000000XyZ', '14'],
        message: '“5735g000000XyZ” has 14 characters; a chat button ID has 15 or 18.'
    },
    {
        code: 'ID_LENGTH',
        severity: 'error',
        input: { fallbackRouting: ['0055g00000ABcD'] },
        field: 'fallbackRouting[0]',
        location: { key: 'fallbackRouting', index: 0, side: 'userId' },
        params: ['user', '0055g00000ABcD', '14'],
        message: '“0055g00000ABcD” has 14 characters; a user ID has 15 or 18.'
    },
    {
        code: 'ID_CHARACTERS',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: '5735g000000<b>a' } },
        field: 'directToAgentRouting.buttonId',
        location: { key: 'directToAgentRouting', part: 'buttonId' },
        params: ['chatButton', '5735g000000<b>a', 'U+003C', '12'],
        message:
            "“5735g000000<b>a” has “<” (U+003C) at position 12, which can't be in a chat button ID: use only letters and digits."
    },
    {
        code: 'ID_CHARACTERS',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: BUTTON, userId: '0055g\u200b00000ABcDe' } },
        field: 'directToAgentRouting.userId',
        location: { key: 'directToAgentRouting', part: 'userId' },
        params: ['user', '0055g\u200b00000ABcDe', 'U+200B', '6'],
        message:
            "“0055g\u200b00000ABcDe” has an invisible character (U+200B) at position 6, which can't be in a user ID: use only letters and digits."
    },
    {
        code: 'ID_PREFIX',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: BUTTON, userId: BUTTON } },
        field: 'directToAgentRouting.userId',
        location: { key: 'directToAgentRouting', part: 'userId' },
        params: ['user', BUTTON, '005'],
        message: `“${BUTTON}” is not a user ID: a user ID starts with 005.`
    },
    {
        code: 'ID_PREFIX',
        severity: 'error',
        client: 'enhanced',
        input: { directToAgentRouting: { buttonId: BUTTON } },
        field: 'directToAgentRouting.buttonId',
        location: { key: 'directToAgentRouting', part: 'buttonId' },
        params: ['queueOrUser', BUTTON, '00G/005'],
        message: `“${BUTTON}” is not a queue or user ID: a queue or user ID starts with 00G/005.`
    },
    {
        code: 'ID_PREFIX',
        severity: 'error',
        client: null,
        input: { fallbackRouting: [`${USER}_001000000000001`] },
        field: 'fallbackRouting[0]',
        location: { key: 'fallbackRouting', index: 0, side: 'buttonId' },
        params: ['chatButtonQueueOrUser', '001000000000001', '573/00G/005'],
        message:
            '“001000000000001” is not a chat button, queue or user ID: a chat button, queue or user ID starts with 573/00G/005.'
    },
    {
        code: 'ID_CHECKSUM',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: `${BUTTON}AAA` } },
        field: 'directToAgentRouting.buttonId',
        location: { key: 'directToAgentRouting', part: 'buttonId' },
        params: ['chatButton', `${BUTTON}AAA`],
        message: `“${BUTTON}AAA” is not a valid 18-character ID (its last 3 characters don't match): copy the ID again from Setup.`
    },
    {
        code: 'RULES_NOT_A_LIST',
        severity: 'error',
        input: { fallbackRouting: BUTTON },
        field: 'fallbackRouting',
        location: { key: 'fallbackRouting' },
        params: [],
        message: 'Fallback routing must be a list of rules.'
    },
    {
        code: 'RULES_TOO_MANY',
        severity: 'error',
        input: { fallbackRouting: Array.from({ length: 26 }, () => BUTTON) },
        field: 'fallbackRouting',
        location: { key: 'fallbackRouting' },
        params: ['25', '26'],
        message: 'Use at most 25 fallback rules (there are 26).'
    },
    {
        code: 'RULE_NOT_TEXT',
        severity: 'error',
        input: { fallbackRouting: [5] },
        field: 'fallbackRouting[0]',
        location: { key: 'fallbackRouting', index: 0 },
        params: [],
        message: 'Each fallback rule must be text: a button ID, a user ID, or userId_buttonId.'
    },
    {
        code: 'RULE_EMPTY',
        severity: 'error',
        input: { fallbackRouting: [BUTTON, '  '] },
        field: 'fallbackRouting[1]',
        location: { key: 'fallbackRouting', index: 1 },
        params: [],
        message: 'This fallback rule is empty: enter an ID or remove the rule.'
    },
    {
        code: 'RULE_PAIR_SHAPE',
        severity: 'error',
        input: { fallbackRouting: [`${USER}_${BUTTON}_x`] },
        field: 'fallbackRouting[0]',
        location: { key: 'fallbackRouting', index: 0 },
        params: [`${USER}_${BUTTON}_x`],
        message: `“${USER}_${BUTTON}_x” should be one user ID and one button ID joined by _ (userId_buttonId).`
    },
    {
        code: 'RULE_UNKNOWN_KIND',
        severity: 'error',
        input: { fallbackRouting: ['hello'] },
        field: 'fallbackRouting[0]',
        location: { key: 'fallbackRouting', index: 0 },
        params: ['chatButton', 'hello', '573'],
        message:
            '“hello” is not a rule: use a chat button ID (573…), an agent’s user ID (005…), or both joined by _ (005…_573…).'
    },
    {
        code: 'RULE_UNKNOWN_KIND',
        severity: 'error',
        client: 'enhanced',
        input: { fallbackRouting: ['hello'] },
        field: 'fallbackRouting[0]',
        location: { key: 'fallbackRouting', index: 0 },
        params: ['queueOrUser', 'hello', '00G/005'],
        message:
            '“hello” is not a rule: use a queue or user ID (00G/005…), an agent’s user ID (005…), or both joined by _ (005…_00G/005…).'
    },
    {
        code: 'RULE_PAIR_SWAPPED',
        severity: 'error',
        input: { fallbackRouting: [`${BUTTON}_${USER}`] },
        field: 'fallbackRouting[0]',
        location: { key: 'fallbackRouting', index: 0 },
        params: [`${BUTTON}_${USER}`, '573'],
        message: `“${BUTTON}_${USER}” has its two IDs the wrong way round: put the agent’s ID first (005…_573…).`
    },
    {
        code: 'RULE_PAIR_SWAPPED',
        severity: 'error',
        client: 'enhanced',
        input: { fallbackRouting: [`${QUEUE}_${USER}`] },
        field: 'fallbackRouting[0]',
        location: { key: 'fallbackRouting', index: 0 },
        params: [`${QUEUE}_${USER}`, '00G/005'],
        message: `“${QUEUE}_${USER}” has its two IDs the wrong way round: put the agent’s ID first (005…_00G/005…).`
    },
    {
        code: 'RULE_REPEATED',
        severity: 'warning',
        input: { fallbackRouting: [USER, BUTTON, USER, BUTTON] },
        field: 'fallbackRouting[2]',
        location: { key: 'fallbackRouting', index: 2 },
        params: ['3', '1'],
        message: 'Rule 3 repeats rule 1; the repeat is never used.'
    },
    {
        code: 'BUTTON_NOT_LAST',
        severity: 'warning',
        input: {
            directToAgentRouting: { buttonId: BUTTON },
            fallbackRouting: [USER]
        },
        field: 'fallbackRouting',
        location: { key: 'fallbackRouting' },
        params: [BUTTON],
        message: `If no rule can take the chat, it is not routed to button ${BUTTON} unless that button is the last rule. Add ${BUTTON} as the last rule.`
    },
    {
        code: 'SITE_BUTTON_NOT_LAST',
        severity: 'warning',
        input: { fallbackRouting: [USER] },
        field: 'fallbackRouting',
        location: { key: 'fallbackRouting' },
        params: [],
        message:
            'If no rule can take the chat, it is not routed to the site’s chat button unless that button’s ID is the last rule.'
    },
    {
        code: 'PRECHAT_NOT_AN_OBJECT',
        severity: 'error',
        input: { prepopulatedPrechatFields: ['a'] },
        field: 'prepopulatedPrechatFields',
        location: { key: 'prepopulatedPrechatFields' },
        params: [],
        message: 'Pre-chat values must be an object of field API name to value.'
    },
    {
        code: 'PRECHAT_TOO_MANY',
        severity: 'error',
        input: {
            prepopulatedPrechatFields: Object.fromEntries(
                Array.from({ length: 51 }, (_, i) => [`F${i}`, 'v'])
            )
        },
        field: 'prepopulatedPrechatFields',
        location: { key: 'prepopulatedPrechatFields' },
        params: ['50'],
        message: 'Use at most 50 pre-chat fields.'
    },
    {
        code: 'BAD_FIELD_NAME',
        severity: 'error',
        input: { prepopulatedPrechatFields: { 'First Name': 'Ada' } },
        field: 'prepopulatedPrechatFields.First Name',
        location: { key: 'prepopulatedPrechatFields', part: 'First Name' },
        params: ['First Name'],
        message:
            '“First Name” is not a field API name (letters, digits and _, starting with a letter).'
    },
    {
        code: 'PRECHAT_VALUE_NOT_TEXT',
        severity: 'error',
        input: { prepopulatedPrechatFields: { Email: 3 } },
        field: 'prepopulatedPrechatFields.Email',
        location: { key: 'prepopulatedPrechatFields', part: 'Email' },
        params: ['Email'],
        message: 'The value for Email must be text.'
    },
    {
        code: 'PRECHAT_VALUE_TOO_LONG',
        severity: 'error',
        input: { prepopulatedPrechatFields: { Email: 'y'.repeat(1001) } },
        field: 'prepopulatedPrechatFields.Email',
        location: { key: 'prepopulatedPrechatFields', part: 'Email' },
        params: ['Email', '1000'],
        message: 'The value for Email is longer than 1000 characters.'
    },
    {
        code: 'REQUIRED',
        severity: 'error',
        input: extraInfo({ entityName: ' ' }),
        field: 'extraPrechatInfo[0].entityName',
        location: { key: 'extraPrechatInfo', index: 0, part: 'entityName' },
        params: [],
        message: 'This value is required.'
    },
    {
        code: 'NOT_TEXT',
        severity: 'error',
        input: extraInfo({ saveToTranscript: 1 }),
        field: 'extraPrechatInfo[0].saveToTranscript',
        location: { key: 'extraPrechatInfo', index: 0, part: 'saveToTranscript' },
        params: [],
        message: 'This value must be text.'
    },
    {
        code: 'TOO_LONG',
        severity: 'error',
        input: formDetail({ value: 'v'.repeat(256) }),
        field: 'extraPrechatFormDetails[0].value',
        location: { key: 'extraPrechatFormDetails', index: 0, part: 'value' },
        params: ['255'],
        message: 'This value is longer than 255 characters.'
    },
    {
        code: 'NOT_BOOLEAN',
        severity: 'error',
        input: formDetail({ displayToAgent: 'yes' }),
        field: 'extraPrechatFormDetails[0].displayToAgent',
        location: { key: 'extraPrechatFormDetails', index: 0, part: 'displayToAgent' },
        params: [],
        message: 'This value must be true or false.'
    },
    {
        code: 'NOT_A_LIST',
        severity: 'error',
        input: { extraPrechatInfo: {} },
        field: 'extraPrechatInfo',
        location: { key: 'extraPrechatInfo' },
        params: ['extraPrechatInfo'],
        message: 'extraPrechatInfo must be a list.'
    },
    {
        code: 'NOT_A_LIST',
        severity: 'error',
        input: extraInfo({ entityFieldMaps: {} }),
        field: 'extraPrechatInfo[0].entityFieldMaps',
        location: { key: 'extraPrechatInfo', index: 0, part: 'entityFieldMaps' },
        params: ['entityFieldMaps'],
        message: 'entityFieldMaps must be a list.'
    },
    {
        code: 'NOT_A_LIST',
        severity: 'error',
        input: { extraPrechatFormDetails: 'Email' },
        field: 'extraPrechatFormDetails',
        location: { key: 'extraPrechatFormDetails' },
        params: ['extraPrechatFormDetails'],
        message: 'extraPrechatFormDetails must be a list.'
    },
    {
        code: 'TOO_MANY',
        severity: 'error',
        input: { extraPrechatInfo: Array.from({ length: 11 }, () => ({})) },
        field: 'extraPrechatInfo',
        location: { key: 'extraPrechatInfo' },
        params: ['10', 'extraPrechatInfo'],
        message: 'Use at most 10 extraPrechatInfo entries.'
    },
    {
        code: 'TOO_MANY',
        severity: 'error',
        input: { extraPrechatFormDetails: Array.from({ length: 51 }, () => ({})) },
        field: 'extraPrechatFormDetails',
        location: { key: 'extraPrechatFormDetails' },
        params: ['50', 'extraPrechatFormDetails'],
        message: 'Use at most 50 extraPrechatFormDetails entries.'
    },
    {
        code: 'ENTRY_NOT_AN_OBJECT',
        severity: 'error',
        input: { extraPrechatInfo: ['Contact'] },
        field: 'extraPrechatInfo[0]',
        location: { key: 'extraPrechatInfo', index: 0 },
        params: ['extraPrechatInfo'],
        message: 'Each extraPrechatInfo entry must be an object.'
    },
    {
        code: 'ENTRY_NOT_AN_OBJECT',
        severity: 'error',
        input: { extraPrechatFormDetails: [null] },
        field: 'extraPrechatFormDetails[0]',
        location: { key: 'extraPrechatFormDetails', index: 0 },
        params: ['extraPrechatFormDetails'],
        message: 'Each extraPrechatFormDetails entry must be an object.'
    },
    {
        code: 'FIELD_MAP_NOT_AN_OBJECT',
        severity: 'error',
        input: extraInfo({ entityFieldMaps: [fieldMap, 'Email'] }),
        field: 'extraPrechatInfo[0].entityFieldMaps[1]',
        location: { key: 'extraPrechatInfo', index: 0, part: 'entityFieldMaps[1]' },
        params: [],
        message: 'Each entity field map must be an object.'
    },
    {
        code: 'FIELD_MAPS_TOO_MANY',
        severity: 'error',
        input: extraInfo({ entityFieldMaps: Array.from({ length: 51 }, () => fieldMap) }),
        field: 'extraPrechatInfo[0].entityFieldMaps',
        location: { key: 'extraPrechatInfo', index: 0, part: 'entityFieldMaps' },
        params: ['50'],
        message: 'Use at most 50 entity field maps.'
    },
    {
        code: 'TRANSCRIPT_FIELDS_NOT_A_LIST',
        severity: 'error',
        input: formDetail({ transcriptFields: 'Email__c' }),
        field: 'extraPrechatFormDetails[0].transcriptFields',
        location: { key: 'extraPrechatFormDetails', index: 0, part: 'transcriptFields' },
        params: [],
        message: 'transcriptFields must be a list of field names.'
    },
    {
        code: 'BAD_CHANNEL_VARIABLE_NAME',
        severity: 'error',
        input: { visiblePrechatFields: { 'first name': 'Ada' } },
        field: 'visiblePrechatFields.first name',
        location: { key: 'visiblePrechatFields', part: 'first name' },
        params: ['first name'],
        message:
            '“first name” is not a channel variable name (letters, digits and _, starting with a letter or _, at most 80 characters).'
    },
    {
        code: 'BAD_CHANNEL_VARIABLE_NAME',
        severity: 'error',
        input: { hiddenRoutingFields: { targetId: 'Chat Target' } },
        field: 'hiddenRoutingFields.targetId',
        location: { key: 'hiddenRoutingFields', part: 'targetId' },
        params: ['Chat Target'],
        message:
            '“Chat Target” is not a channel variable name (letters, digits and _, starting with a letter or _, at most 80 characters).'
    },
    {
        code: 'PRECHAT_VALUE_TOO_LONG',
        severity: 'error',
        input: { visiblePrechatFields: { _email: 'y'.repeat(1001) } },
        field: 'visiblePrechatFields._email',
        location: { key: 'visiblePrechatFields', part: '_email' },
        params: ['_email', '1000'],
        message: 'The value for _email is longer than 1000 characters.'
    },
    {
        code: 'HIDDEN_FIELDS_NOT_AN_OBJECT',
        severity: 'error',
        input: { hiddenRoutingFields: 'Chat_Agent_Id' },
        field: 'hiddenRoutingFields',
        location: { key: 'hiddenRoutingFields' },
        params: [],
        message:
            'Hidden routing fields must be an object of names (agentId, targetId, fallback, fallbackRouting).'
    },
    {
        code: 'HIDDEN_FIELD_NOT_TEXT',
        severity: 'error',
        input: { hiddenRoutingFields: { fallback: true } },
        field: 'hiddenRoutingFields.fallback',
        location: { key: 'hiddenRoutingFields', part: 'fallback' },
        params: ['fallback'],
        message: 'The hidden field name for fallback must be text, or null to leave it out.'
    },
    {
        code: 'HIDDEN_VALUE_TOO_LONG',
        client: 'enhanced',
        hiddenFields: { Chat_Target_Id: 14 },
        severity: 'error',
        input: { directToAgentRouting: { buttonId: QUEUE } },
        field: 'directToAgentRouting.buttonId',
        location: { key: 'directToAgentRouting', part: 'buttonId' },
        params: ['Chat_Target_Id', '15', '14'],
        message:
            'This value has 15 characters, but the deployment’s hidden field Chat_Target_Id takes at most 14: the chat client would drop it. Shorten it, or raise the custom parameter’s Maximum Length in Setup.'
    },
    {
        code: 'HIDDEN_VALUE_OVER_DEFAULT',
        client: 'enhanced',
        severity: 'error',
        input: {
            fallbackRouting: Array.from({ length: 9 }, (_, i) => `${USER}_00G5g00000QuEu${i}`)
        },
        field: 'fallbackRouting',
        location: { key: 'fallbackRouting' },
        params: ['Chat_Fallback_Routing', '287', '255'],
        message:
            'This value has 287 characters. This page can’t read the Maximum Length of the hidden field Chat_Fallback_Routing, so it takes 255, and the chat client drops a longer value. Shorten it, or raise that Maximum Length in Setup and check on a page where the chat client runs.'
    },
    {
        code: 'HIDDEN_FIELD_STANDARD_NAME',
        client: 'enhanced',
        severity: 'error',
        input: { hiddenRoutingFields: { targetId: '_firstName' } },
        field: 'hiddenRoutingFields.targetId',
        location: { key: 'hiddenRoutingFields', part: 'targetId' },
        params: ['_firstName'],
        message:
            '“_firstName” is a standard visible pre-chat field, never a hidden one: a hidden field is a custom parameter, whose name starts with a letter.'
    },
    {
        code: 'HIDDEN_VALUE_NOT_SENT',
        client: 'enhanced',
        severity: 'warning',
        input: {
            directToAgentRouting: { buttonId: QUEUE },
            hiddenRoutingFields: { targetId: null }
        },
        field: 'directToAgentRouting.buttonId',
        location: { key: 'directToAgentRouting', part: 'buttonId' },
        params: [],
        message:
            'Under Enhanced Chat this value is not sent: its hidden field is left out (none), so your flow never gets it.'
    },
    {
        code: 'FALLBACK_TARGET_NOT_QUEUE',
        client: 'enhanced',
        severity: 'warning',
        input: { directToAgentRouting: { buttonId: USER, userId: USER_2, fallback: true } },
        field: 'directToAgentRouting.fallback',
        location: { key: 'directToAgentRouting', part: 'fallback' },
        params: [USER],
        message: `Your flow falls back to the target as a queue, but ${USER} is a user: set a queue ID (00G…) as the target, or turn fallback off.`
    },
    {
        code: 'HIDDEN_FIELD_REPEATED',
        severity: 'error',
        // The target's field is left at its default, which the agent's field also names.
        input: { hiddenRoutingFields: { agentId: 'Chat_Target_Id' } },
        field: 'hiddenRoutingFields.targetId',
        location: { key: 'hiddenRoutingFields', part: 'targetId' },
        params: ['Chat_Target_Id'],
        message: '“Chat_Target_Id” is named for two hidden routing fields: give each its own name.'
    },
    {
        code: 'UNKNOWN_SETTING',
        severity: 'warning',
        input: { hiddenRoutingFields: { queueId: 'Chat_Queue' } },
        field: 'hiddenRoutingFields.queueId',
        location: { key: 'hiddenRoutingFields', part: 'queueId' },
        params: ['queueId'],
        message: '“queueId” is not a routing setting and is ignored.'
    },
    {
        code: 'BUTTON_ROUTING_LEGACY_ONLY',
        severity: 'warning',
        client: 'enhanced',
        input: { directToButtonRouting: () => BUTTON },
        field: 'directToButtonRouting',
        location: { key: 'directToButtonRouting' },
        params: [],
        message:
            'directToButtonRouting works only with the legacy chat client: Enhanced Chat ignores it.'
    }
];

/** Every case, with its client (the legacy client unless the case names another or null). */
export const ROUTING_ISSUE_CASES: readonly (RoutingIssueCase & {
    client: ChatClientKind | null;
})[] = CASES.map((c) => ({ ...c, client: c.client === undefined ? 'legacy' : c.client }));
