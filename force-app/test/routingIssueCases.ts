/**
 * One routing configuration per kind of issue that validateRouting reports (at least one per
 * RoutingIssueCode), with the issue it must produce. Shared by the service's tests (code, params
 * and English message of each issue) and by the tests of routingIssueText (the Custom Label of
 * each code reads as the message).
 */
import type { RoutingIssueCode } from '../main/default/lwc/embeddedChatService/chatTypes';

const BUTTON = '5735g000000XyZa';
const USER = '0055g00000ABcDe';

export interface RoutingIssueCase {
    code: RoutingIssueCode;
    severity: 'error' | 'warning';
    input: unknown;
    field: string;
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

export const ROUTING_ISSUE_CASES: readonly RoutingIssueCase[] = [
    {
        code: 'UNREADABLE',
        severity: 'error',
        input: {
            get directToAgentRouting(): unknown {
                throw new Error('no');
            }
        },
        field: 'config',
        params: [],
        message: 'The routing configuration could not be read.'
    },
    {
        code: 'CONFIG_NOT_AN_OBJECT',
        severity: 'error',
        input: '573',
        field: 'config',
        params: [],
        message: 'The routing configuration must be an object.'
    },
    {
        code: 'UNKNOWN_SETTING',
        severity: 'warning',
        input: { buttonId: BUTTON },
        field: 'buttonId',
        params: ['buttonId'],
        message: '“buttonId” is not a routing setting and is ignored.'
    },
    {
        code: 'UNKNOWN_SETTING',
        severity: 'warning',
        input: { directToAgentRouting: { buttonId: BUTTON, queue: 'x' } },
        field: 'directToAgentRouting.queue',
        params: ['queue'],
        message: '“queue” is not a routing setting and is ignored.'
    },
    {
        code: 'DIRECT_NOT_AN_OBJECT',
        severity: 'error',
        input: { directToAgentRouting: 'x' },
        field: 'directToAgentRouting',
        params: [],
        message: 'Direct-to-agent routing must be an object with a buttonId.'
    },
    {
        code: 'FALLBACK_NOT_BOOLEAN',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: BUTTON, fallback: 'yes' } },
        field: 'directToAgentRouting.fallback',
        params: [],
        message: 'Fallback to the button’s queue must be true or false.'
    },
    {
        code: 'FALLBACK_WITHOUT_AGENT',
        severity: 'warning',
        input: { directToAgentRouting: { buttonId: BUTTON, fallback: true } },
        field: 'directToAgentRouting.fallback',
        params: [],
        message:
            'Fallback to the button’s queue only matters when an agent is set; without an agent, chats go to the button’s queue anyway.'
    },
    {
        code: 'ID_NOT_TEXT',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: 7 } },
        field: 'directToAgentRouting.buttonId',
        params: ['chatButton'],
        message: 'Enter a chat button ID as text.'
    },
    {
        code: 'ID_NOT_TEXT',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: BUTTON, userId: 5 } },
        field: 'directToAgentRouting.userId',
        params: ['user'],
        message: 'Enter a user ID as text.'
    },
    {
        code: 'ID_EMPTY',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: ' ' } },
        field: 'directToAgentRouting.buttonId',
        params: ['chatButton', '573'],
        message: 'Enter a chat button ID (it starts with 573).'
    },
    {
        code: 'ID_EMPTY',
        severity: 'error',
        input: { fallbackRouting: [`_${BUTTON}`] },
        field: 'fallbackRouting[0]',
        params: ['user', '005'],
        message: 'Enter a user ID (it starts with 005).'
    },
    {
        code: 'ID_LENGTH',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: '5735g000000XyZ' } },
        field: 'directToAgentRouting.buttonId',
        params: ['chatButton', '5735g000…', '14'],
        message: '“5735g000…” has 14 characters; a chat button ID has 15 or 18.'
    },
    {
        code: 'ID_LENGTH',
        severity: 'error',
        input: { fallbackRouting: ['0055g00000ABcD'] },
        field: 'fallbackRouting[0]',
        params: ['user', '0055g000…', '14'],
        message: '“0055g000…” has 14 characters; a user ID has 15 or 18.'
    },
    {
        code: 'ID_CHARACTERS',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: '5735g000000<b>a' } },
        field: 'directToAgentRouting.buttonId',
        params: ['chatButton', '5735g000…'],
        message:
            "“5735g000…” has characters that can't be in a chat button ID: use only letters and digits."
    },
    {
        code: 'ID_PREFIX',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: BUTTON, userId: BUTTON } },
        field: 'directToAgentRouting.userId',
        params: ['user', '5735g000…', '005'],
        message: '“5735g000…” is not a user ID: a user ID starts with 005.'
    },
    {
        code: 'ID_CHECKSUM',
        severity: 'error',
        input: { directToAgentRouting: { buttonId: `${BUTTON}AAA` } },
        field: 'directToAgentRouting.buttonId',
        params: ['chatButton', '5735g000…'],
        message:
            "“5735g000…” is not a valid 18-character ID (its last 3 characters don't match): copy the ID again from Setup."
    },
    {
        code: 'RULES_NOT_A_LIST',
        severity: 'error',
        input: { fallbackRouting: BUTTON },
        field: 'fallbackRouting',
        params: [],
        message: 'Fallback routing must be a list of rules.'
    },
    {
        code: 'RULES_TOO_MANY',
        severity: 'error',
        input: { fallbackRouting: Array.from({ length: 26 }, () => BUTTON) },
        field: 'fallbackRouting',
        params: ['25', '26'],
        message: 'Use at most 25 fallback rules (there are 26).'
    },
    {
        code: 'RULE_NOT_TEXT',
        severity: 'error',
        input: { fallbackRouting: [5] },
        field: 'fallbackRouting[0]',
        params: [],
        message: 'Each fallback rule must be text: a button ID, a user ID, or userId_buttonId.'
    },
    {
        code: 'RULE_EMPTY',
        severity: 'error',
        input: { fallbackRouting: [BUTTON, '  '] },
        field: 'fallbackRouting[1]',
        params: [],
        message: 'This fallback rule is empty: enter an ID or remove the rule.'
    },
    {
        code: 'RULE_PAIR_SHAPE',
        severity: 'error',
        input: { fallbackRouting: [`${USER}_${BUTTON}_x`] },
        field: 'fallbackRouting[0]',
        params: ['0055g000…'],
        message:
            '“0055g000…” should be one user ID and one button ID joined by _ (userId_buttonId).'
    },
    {
        code: 'RULE_UNKNOWN_KIND',
        severity: 'error',
        input: { fallbackRouting: ['hello'] },
        field: 'fallbackRouting[0]',
        params: ['hello'],
        message:
            '“hello” is neither a chat button ID (573…) nor a user ID (005…), nor userId_buttonId.'
    },
    {
        code: 'RULE_REPEATED',
        severity: 'warning',
        input: { fallbackRouting: [USER, BUTTON, USER, BUTTON] },
        field: 'fallbackRouting[2]',
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
        params: ['5735g000…'],
        message:
            'If no rule can take the chat, it is not routed to button 5735g000… unless that button is the last rule. Add 5735g000… as the last rule.'
    },
    {
        code: 'SITE_BUTTON_NOT_LAST',
        severity: 'warning',
        input: { fallbackRouting: [USER] },
        field: 'fallbackRouting',
        params: [],
        message:
            'If no rule can take the chat, it is not routed to the site’s chat button unless that button’s ID is the last rule.'
    },
    {
        code: 'PRECHAT_NOT_AN_OBJECT',
        severity: 'error',
        input: { prepopulatedPrechatFields: ['a'] },
        field: 'prepopulatedPrechatFields',
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
        params: ['50'],
        message: 'Use at most 50 pre-chat fields.'
    },
    {
        code: 'BAD_FIELD_NAME',
        severity: 'error',
        input: { prepopulatedPrechatFields: { 'First Name': 'Ada' } },
        field: 'prepopulatedPrechatFields.First Name',
        params: ['First Name'],
        message:
            '“First Name” is not a field API name (letters, digits and _, starting with a letter).'
    },
    {
        code: 'PRECHAT_VALUE_NOT_TEXT',
        severity: 'error',
        input: { prepopulatedPrechatFields: { Email: 3 } },
        field: 'prepopulatedPrechatFields.Email',
        params: ['Email'],
        message: 'The value for Email must be text.'
    },
    {
        code: 'PRECHAT_VALUE_TOO_LONG',
        severity: 'error',
        input: { prepopulatedPrechatFields: { Email: 'y'.repeat(1001) } },
        field: 'prepopulatedPrechatFields.Email',
        params: ['Email', '1000'],
        message: 'The value for Email is longer than 1000 characters.'
    },
    {
        code: 'REQUIRED',
        severity: 'error',
        input: extraInfo({ entityName: ' ' }),
        field: 'extraPrechatInfo[0].entityName',
        params: [],
        message: 'This value is required.'
    },
    {
        code: 'NOT_TEXT',
        severity: 'error',
        input: extraInfo({ saveToTranscript: 1 }),
        field: 'extraPrechatInfo[0].saveToTranscript',
        params: [],
        message: 'This value must be text.'
    },
    {
        code: 'TOO_LONG',
        severity: 'error',
        input: formDetail({ value: 'v'.repeat(256) }),
        field: 'extraPrechatFormDetails[0].value',
        params: ['255'],
        message: 'This value is longer than 255 characters.'
    },
    {
        code: 'NOT_BOOLEAN',
        severity: 'error',
        input: formDetail({ displayToAgent: 'yes' }),
        field: 'extraPrechatFormDetails[0].displayToAgent',
        params: [],
        message: 'This value must be true or false.'
    },
    {
        code: 'NOT_A_LIST',
        severity: 'error',
        input: { extraPrechatInfo: {} },
        field: 'extraPrechatInfo',
        params: ['extraPrechatInfo'],
        message: 'extraPrechatInfo must be a list.'
    },
    {
        code: 'NOT_A_LIST',
        severity: 'error',
        input: extraInfo({ entityFieldMaps: {} }),
        field: 'extraPrechatInfo[0].entityFieldMaps',
        params: ['entityFieldMaps'],
        message: 'entityFieldMaps must be a list.'
    },
    {
        code: 'NOT_A_LIST',
        severity: 'error',
        input: { extraPrechatFormDetails: 'Email' },
        field: 'extraPrechatFormDetails',
        params: ['extraPrechatFormDetails'],
        message: 'extraPrechatFormDetails must be a list.'
    },
    {
        code: 'TOO_MANY',
        severity: 'error',
        input: { extraPrechatInfo: Array.from({ length: 11 }, () => ({})) },
        field: 'extraPrechatInfo',
        params: ['10', 'extraPrechatInfo'],
        message: 'Use at most 10 extraPrechatInfo entries.'
    },
    {
        code: 'TOO_MANY',
        severity: 'error',
        input: { extraPrechatFormDetails: Array.from({ length: 51 }, () => ({})) },
        field: 'extraPrechatFormDetails',
        params: ['50', 'extraPrechatFormDetails'],
        message: 'Use at most 50 extraPrechatFormDetails entries.'
    },
    {
        code: 'ENTRY_NOT_AN_OBJECT',
        severity: 'error',
        input: { extraPrechatInfo: ['Contact'] },
        field: 'extraPrechatInfo[0]',
        params: ['extraPrechatInfo'],
        message: 'Each extraPrechatInfo entry must be an object.'
    },
    {
        code: 'ENTRY_NOT_AN_OBJECT',
        severity: 'error',
        input: { extraPrechatFormDetails: [null] },
        field: 'extraPrechatFormDetails[0]',
        params: ['extraPrechatFormDetails'],
        message: 'Each extraPrechatFormDetails entry must be an object.'
    },
    {
        code: 'FIELD_MAP_NOT_AN_OBJECT',
        severity: 'error',
        input: extraInfo({ entityFieldMaps: [fieldMap, 'Email'] }),
        field: 'extraPrechatInfo[0].entityFieldMaps[1]',
        params: [],
        message: 'Each entity field map must be an object.'
    },
    {
        code: 'FIELD_MAPS_TOO_MANY',
        severity: 'error',
        input: extraInfo({ entityFieldMaps: Array.from({ length: 51 }, () => fieldMap) }),
        field: 'extraPrechatInfo[0].entityFieldMaps',
        params: ['50'],
        message: 'Use at most 50 entity field maps.'
    },
    {
        code: 'TRANSCRIPT_FIELDS_NOT_A_LIST',
        severity: 'error',
        input: formDetail({ transcriptFields: 'Email__c' }),
        field: 'extraPrechatFormDetails[0].transcriptFields',
        params: [],
        message: 'transcriptFields must be a list of field names.'
    }
];
