/**
 * What is wrong with the Chat Routing Settings properties, in the admin's words, by property: the
 * property names as Experience Builder shows them, and the problems of each raw value as
 * c/chatRoutingModel reads it. Used by the routing summary.
 */
import { hiddenFieldNameIssue, shorten } from 'c/embeddedChatService';
import { formatLabel, readProperty, type PropertySpec } from 'c/chatComponentSupport';
import {
    FLAG_SETTINGS,
    HIDDEN_FIELD_NAMES,
    PREFILL_FIELDS,
    defaultNameOf,
    nameSpec,
    type FieldName,
    type NameField,
    type RoutingSettings
} from 'c/chatRoutingModel';
import { propertyProblemText } from './propertyProblemText';
import { routingIssueText } from './routingIssueText';
import FIELD_BUTTON from '@salesforce/label/c.Chat_Routing_Field_Button';
import FIELD_AGENT from '@salesforce/label/c.Chat_Routing_Field_Agent';
import FIELD_FALLBACK from '@salesforce/label/c.Chat_Routing_Field_Fallback';
import FIELD_RULES from '@salesforce/label/c.Chat_Routing_Field_Rules';
import FIELD_PREFILL from '@salesforce/label/c.Chat_Routing_Field_Prefill';
import FIELD_FIRST_NAME from '@salesforce/label/c.Chat_Routing_Field_First_Name';
import FIELD_LAST_NAME from '@salesforce/label/c.Chat_Routing_Field_Last_Name';
import FIELD_EMAIL from '@salesforce/label/c.Chat_Routing_Field_Email';
import FIELD_AGENT_FIELD from '@salesforce/label/c.Chat_Routing_Field_Agent_Field';
import FIELD_TARGET_FIELD from '@salesforce/label/c.Chat_Routing_Field_Target_Field';
import FIELD_FALLBACK_FIELD from '@salesforce/label/c.Chat_Routing_Field_Fallback_Field';
import FIELD_FALLBACK_ROUTING_FIELD from '@salesforce/label/c.Chat_Routing_Field_Fallback_Routing_Field';
import FIELD_HIDE_CLIENT_BUTTON from '@salesforce/label/c.Chat_Routing_Field_Hide_Client_Button';
import BAD_PRECHAT_FIELD from '@salesforce/label/c.Chat_Routing_Bad_Prechat_Field';
import BAD_HIDDEN_FIELD from '@salesforce/label/c.Chat_Routing_Bad_Hidden_Field';
import DEFAULT_USED from '@salesforce/label/c.Chat_Routing_Field_Default_Used';
import NOT_SENT from '@salesforce/label/c.Chat_Routing_Value_Not_Sent';

/** Each Chat Routing Settings property's name in Experience Builder, in display order. */
export const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
    buttonId: FIELD_BUTTON,
    agentUserId: FIELD_AGENT,
    fallbackToButton: FIELD_FALLBACK,
    fallbackRules: FIELD_RULES,
    prefillFromUser: FIELD_PREFILL,
    firstNameField: FIELD_FIRST_NAME,
    lastNameField: FIELD_LAST_NAME,
    emailField: FIELD_EMAIL,
    agentIdField: FIELD_AGENT_FIELD,
    targetIdField: FIELD_TARGET_FIELD,
    fallbackField: FIELD_FALLBACK_FIELD,
    fallbackRoutingField: FIELD_FALLBACK_ROUTING_FIELD,
    hideClientButton: FIELD_HIDE_CLIENT_BUTTON
};

/** The builder properties of Chat Routing Settings, in display order. */
export const FIELD_NAMES = Object.keys(FIELD_LABELS) as readonly FieldName[];

/** What reading the property `field` as `spec` says found wrong with its raw value, worded. */
function readingProblems(
    settings: RoutingSettings,
    field: FieldName,
    spec: PropertySpec
): string[] {
    return readProperty(settings.raw[field], spec).problems.map((problem) =>
        propertyProblemText(FIELD_LABELS[field], spec, problem)
    );
}

/**
 * The problems of a field name property: none when left out (`none`); a cleared name takes its
 * default, and says so (the summary tells how to leave the field out); a name the service would
 * refuse is left out, with the reason; else what reading the text found (markup, say).
 */
function nameProblems(
    settings: RoutingSettings,
    field: NameField,
    badName: (shown: string) => string
): string[] {
    const raw = settings.raw[field];
    const { name, shown, leftOut } = settings.names[field];
    if (leftOut) {
        return [];
    }
    if (typeof raw === 'string' && raw.trim() === '') {
        return [formatLabel(DEFAULT_USED, defaultNameOf(field))];
    }
    if (name === null) {
        return [badName(shown)];
    }
    return readingProblems(settings, field, nameSpec(field));
}

/**
 * Why a hidden field name is not used, as the service's rule says (hiddenFieldNameIssue): a
 * standard visible field's name in the words of its routing issue, any other in the name rule's.
 */
function hiddenNameProblem(name: string): string {
    const code = hiddenFieldNameIssue(name);
    const shown = shorten(name);
    return code === 'HIDDEN_FIELD_STANDARD_NAME'
        ? `${routingIssueText({ code, params: [shown] })} ${NOT_SENT}`
        : formatLabel(BAD_HIDDEN_FIELD, shown);
}

/** What was wrong with the raw values of the settings, by property. */
export function routingSettingsProblems(
    settings: RoutingSettings
): Partial<Record<FieldName, string[]>> {
    const flag = (field: keyof typeof FLAG_SETTINGS): string[] =>
        readingProblems(settings, field, FLAG_SETTINGS[field]);
    const problems: Partial<Record<FieldName, string[]>> = {
        fallbackToButton: flag('fallbackToButton'),
        prefillFromUser: flag('prefillFromUser'),
        hideClientButton: flag('hideClientButton')
    };
    for (const field of PREFILL_FIELDS) {
        // A pre-chat field name only matters while pre-fill is on.
        problems[field] = settings.prefillFromUser
            ? nameProblems(settings, field, (name) => formatLabel(BAD_PRECHAT_FIELD, shorten(name)))
            : [];
    }
    for (const field of HIDDEN_FIELD_NAMES) {
        problems[field] = nameProblems(settings, field, hiddenNameProblem);
    }
    return problems;
}
