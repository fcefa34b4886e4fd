/**
 * The routing summary's texts: the routing, each rule, a property's value, the pre-fill, the
 * Enhanced Chat setup steps and the site's client, in the admin's words (Custom Labels).
 */
import {
    DEFAULT_PARAMETER_LENGTH,
    KEY_PREFIX,
    hiddenRoutingValues,
    shorten,
    type ChatClientKind,
    type ChatDisabledReason,
    type RoutingConfig
} from 'c/embeddedChatService';
import { formatLabel } from 'c/chatComponentSupport';
import { formatFallbackRules, type FallbackRule } from 'c/chatAdminChecks';
import {
    HIDDEN_FIELDS,
    PREFILL_FIELDS,
    VISIBLE_PRECHAT_FIELDS,
    type FieldName,
    type HiddenField,
    type PrefillField,
    type RoutingSettings
} from 'c/chatRoutingModel';
import SNIPPET_ROUTING from '@salesforce/label/c.Chat_Routing_Snippet';
import DIRECT_NONE from '@salesforce/label/c.Chat_Routing_Direct_None';
import DIRECT_BUTTON from '@salesforce/label/c.Chat_Routing_Direct_Button';
import DIRECT_AGENT from '@salesforce/label/c.Chat_Routing_Direct_Agent';
import DIRECT_AGENT_FALLBACK from '@salesforce/label/c.Chat_Routing_Direct_Agent_Fallback';
import RULE_BUTTON from '@salesforce/label/c.Chat_Routing_Rule_Button';
import RULE_QUEUE from '@salesforce/label/c.Chat_Routing_Rule_Queue';
import RULE_AGENT from '@salesforce/label/c.Chat_Routing_Rule_Agent';
import RULE_AGENT_BUTTON from '@salesforce/label/c.Chat_Routing_Rule_Agent_Button';
import RULE_AGENT_QUEUE from '@salesforce/label/c.Chat_Routing_Rule_Agent_Queue';
import PREFILL_ON from '@salesforce/label/c.Chat_Routing_Prefill_On';
import PREFILL_OFF from '@salesforce/label/c.Chat_Routing_Prefill_Off';
import PREFILL_NONE from '@salesforce/label/c.Chat_Routing_Prefill_None';
import PREFILL_NOT from '@salesforce/label/c.Chat_Routing_Prefill_Not';
import PREFILL_ITEM from '@salesforce/label/c.Chat_Routing_Prefill_Item';
import VALUE_FIRST_NAME from '@salesforce/label/c.Chat_Routing_Value_First_Name';
import VALUE_LAST_NAME from '@salesforce/label/c.Chat_Routing_Value_Last_Name';
import VALUE_EMAIL from '@salesforce/label/c.Chat_Routing_Value_Email';
import CLIENT_LEGACY from '@salesforce/label/c.Chat_Routing_Client_Legacy';
import CLIENT_ENHANCED from '@salesforce/label/c.Chat_Routing_Client_Enhanced';
import CLIENT_UNKNOWN from '@salesforce/label/c.Chat_Routing_Client_Unknown';
import CLIENT_LOCKER from '@salesforce/label/c.Chat_Routing_Client_Locker';
import CLIENT_NONE from '@salesforce/label/c.Chat_Routing_Client_None';
import CLIENT_LOGIN from '@salesforce/label/c.Chat_Routing_Client_Login';
import ENHANCED_PARAMETERS from '@salesforce/label/c.Chat_Routing_Enhanced_Step_Parameters';
import ENHANCED_CHECK from '@salesforce/label/c.Chat_Routing_Enhanced_Step_Check';
import ENHANCED_MAPPING from '@salesforce/label/c.Chat_Routing_Enhanced_Step_Mapping';
import ENHANCED_FLOW from '@salesforce/label/c.Chat_Routing_Enhanced_Step_Flow';
import ENHANCED_PARAMETER_FIRST from '@salesforce/label/c.Chat_Routing_Enhanced_Parameter_First';
import ENHANCED_PARAMETER from '@salesforce/label/c.Chat_Routing_Enhanced_Parameter';
import ENHANCED_SENDS from '@salesforce/label/c.Chat_Routing_Enhanced_Sends';
import ENHANCED_SENDS_RULES from '@salesforce/label/c.Chat_Routing_Enhanced_Sends_Rules';
import ENHANCED_SENDS_NOTHING from '@salesforce/label/c.Chat_Routing_Enhanced_Sends_Nothing';
import ENHANCED_SENT_ITEM from '@salesforce/label/c.Chat_Routing_Enhanced_Sent_Item';
import RULES_HEADING from '@salesforce/label/c.Chat_Routing_Rules_Heading';
import ENHANCED_RULES_HEADING from '@salesforce/label/c.Chat_Routing_Enhanced_Rules_Heading';
import ENHANCED_RULES_NOT_SENT from '@salesforce/label/c.Chat_Routing_Enhanced_Rules_Not_Sent';
import NOT_SET from '@salesforce/label/c.Chat_Routing_Not_Set';
import LEFT_OUT from '@salesforce/label/c.Chat_Routing_Field_Left_Out';
import YES from '@salesforce/label/c.Chat_Routing_Yes';
import NO from '@salesforce/label/c.Chat_Routing_No';

export function isQueue(id: string): boolean {
    return id.startsWith(KEY_PREFIX.queue);
}

export function ruleText(rule: FallbackRule): string {
    const [userId, buttonId] = [shorten(rule.userId), shorten(rule.buttonId)];
    if (rule.kind === 'button') {
        return formatLabel(isQueue(buttonId) ? RULE_QUEUE : RULE_BUTTON, buttonId);
    }
    if (rule.kind === 'agent') {
        return formatLabel(RULE_AGENT, userId);
    }
    return formatLabel(isQueue(buttonId) ? RULE_AGENT_QUEUE : RULE_AGENT_BUTTON, userId, buttonId);
}

/**
 * The routing in plain words. Under Enhanced Chat the page only fills hidden fields and the flow
 * decides: the text says what is sent (the service's hiddenRoutingValues), never where chats go.
 */
export function routingText(
    settings: RoutingSettings,
    config: RoutingConfig,
    client: ChatClientKind | null
): string {
    if (client === 'enhanced') {
        const rulesField = settings.names.fallbackRoutingField.name;
        const sent = Object.entries(hiddenRoutingValues(config))
            .filter(([name]) => name !== rulesField)
            .map(([name, value]) => formatLabel(ENHANCED_SENT_ITEM, name, shorten(value)));
        if (sent.length > 0) {
            return formatLabel(ENHANCED_SENDS, sent.join(', '));
        }
        return config.fallbackRouting && rulesField ? ENHANCED_SENDS_RULES : ENHANCED_SENDS_NOTHING;
    }
    const direct = config.directToAgentRouting;
    if (!direct) {
        return config.fallbackRouting ? DIRECT_NONE : SNIPPET_ROUTING;
    }
    const target = shorten(direct.buttonId);
    if (!direct.userId) {
        return formatLabel(DIRECT_BUTTON, target);
    }
    const label = settings.fallbackToButton ? DIRECT_AGENT_FALLBACK : DIRECT_AGENT;
    return formatLabel(label, shorten(direct.userId), target);
}

/** What the list of rules is: tried by the client in order, or under Enhanced Chat sent for the flow. */
export function rulesHeading(settings: RoutingSettings, client: ChatClientKind | null): string {
    if (client !== 'enhanced') {
        return RULES_HEADING;
    }
    const field = settings.names.fallbackRoutingField.name;
    return field ? formatLabel(ENHANCED_RULES_HEADING, field) : ENHANCED_RULES_NOT_SENT;
}

export function fieldValue(
    settings: RoutingSettings,
    name: FieldName,
    rules: FallbackRule[]
): string {
    switch (name) {
        case 'buttonId':
        case 'agentUserId':
            return settings[name] || NOT_SET;
        case 'fallbackToButton':
        case 'prefillFromUser':
        case 'hideClientButton':
            return settings[name] ? YES : NO;
        case 'fallbackRules':
            return formatFallbackRules(rules) || NOT_SET;
        default:
            return settings.names[name].leftOut ? LEFT_OUT : settings.names[name].shown;
    }
}

const VALUE_WORDS: Readonly<Record<PrefillField, string>> = {
    firstNameField: VALUE_FIRST_NAME,
    lastNameField: VALUE_LAST_NAME,
    emailField: VALUE_EMAIL
};

/**
 * The pre-fill in one consistent sentence: the fields that are pre-filled (the client's own field
 * names: the pre-chat fields set here, or Enhanced Chat's standard ones), then what is not.
 */
export function prefillText(settings: RoutingSettings, client: ChatClientKind | null): string {
    if (!settings.prefillFromUser) {
        return PREFILL_OFF;
    }
    const filled: string[] = [];
    const notFilled: string[] = [];
    for (const field of PREFILL_FIELDS) {
        const { name, leftOut } = settings.names[field];
        const used =
            client === 'enhanced' ? (leftOut ? null : VISIBLE_PRECHAT_FIELDS[field]) : name;
        if (used === null) {
            notFilled.push(VALUE_WORDS[field]);
        } else {
            filled.push(formatLabel(PREFILL_ITEM, shorten(used), VALUE_WORDS[field]));
        }
    }
    if (filled.length === 0) {
        return PREFILL_NONE;
    }
    const text = formatLabel(PREFILL_ON, filled.join(', '));
    return notFilled.length === 0
        ? text
        : `${text} ${formatLabel(PREFILL_NOT, notFilled.join(', '))}`;
}

/**
 * The Maximum Length each hidden field's custom parameter needs at least: an ID has 18
 * characters at most, the flag is `true` or `false`, the rules take the default length.
 */
const MIN_LENGTH: Readonly<Record<HiddenField, number>> = {
    agentIdField: 18,
    targetIdField: 18,
    fallbackField: 5,
    fallbackRoutingField: DEFAULT_PARAMETER_LENGTH
};

/** Enhanced Chat: the setup in Salesforce that the routing set here relies on. */
export function setupSteps(
    settings: RoutingSettings,
    config: RoutingConfig,
    client: ChatClientKind | null
): string[] {
    if (client !== 'enhanced' || (!config.directToAgentRouting && !config.fallbackRouting)) {
        return [];
    }
    const sent = hiddenRoutingValues(config);
    const parameters = (Object.keys(HIDDEN_FIELDS) as HiddenField[])
        .map((field) => [settings.names[field].name, MIN_LENGTH[field]] as const)
        .filter((entry): entry is readonly [string, number] => entry[0] !== null)
        .map(([name, min], i) => {
            // At least what the value sent now takes (the rules can be longer than the default).
            const length = Math.max(min, sent[name]?.length ?? 0);
            return formatLabel(
                i === 0 ? ENHANCED_PARAMETER_FIRST : ENHANCED_PARAMETER,
                name,
                length
            );
        });
    const steps = [ENHANCED_MAPPING, ENHANCED_FLOW, ENHANCED_CHECK];
    return parameters.length > 0
        ? [formatLabel(ENHANCED_PARAMETERS, parameters.join(', ')), ...steps]
        : steps;
}

const CLIENT_TEXT: Readonly<Record<ChatClientKind, string>> = {
    legacy: CLIENT_LEGACY,
    enhanced: CLIENT_ENHANCED
};

/** Why the client can't be known while chat is off (the notice above the card says the same). */
const CHAT_OFF_TEXT: Readonly<Record<ChatDisabledReason, string>> = {
    locker: CLIENT_LOCKER,
    'no-chat-client': CLIENT_NONE,
    'login-required': CLIENT_LOGIN
};

/**
 * Which client the site runs, in words: known, or why it can't be (chat off: Lightning Locker
 * hides the client for good; no client loaded), or not known yet (still loading).
 */
export function clientText(
    client: ChatClientKind | null,
    chatOff: ChatDisabledReason | null
): string {
    if (client) {
        return CLIENT_TEXT[client];
    }
    return chatOff && Object.prototype.hasOwnProperty.call(CHAT_OFF_TEXT, chatOff)
        ? CHAT_OFF_TEXT[chatOff]
        : CLIENT_UNKNOWN;
}
