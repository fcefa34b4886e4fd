/**
 * The Chat Routing Settings properties, free of any template: builder properties in, the routing
 * configuration for the chat service out. The name rules are the chat service's own
 * (isPrechatFieldName, isChannelVariableName), never copies.
 */
import {
    DEFAULT_HIDDEN_ROUTING_FIELDS,
    isChannelVariableName,
    isPrechatFieldName,
    shorten,
    type HiddenRoutingFieldNames,
    type RoutingConfig
} from 'c/embeddedChatService';
import {
    formatLabel,
    parseFallbackRules,
    problemsOf,
    readBoolean,
    readOptionalText,
    readText,
    type ParsedFallbackRules
} from 'c/chatComponentSupport';
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
import BAD_PRECHAT_FIELD from '@salesforce/label/c.Chat_Routing_Bad_Prechat_Field';
import BAD_HIDDEN_FIELD from '@salesforce/label/c.Chat_Routing_Bad_Hidden_Field';
import DEFAULT_USED from '@salesforce/label/c.Chat_Routing_Field_Default_Used';

/** The builder properties of Chat Routing Settings, in display order. */
export const FIELD_NAMES = [
    'buttonId',
    'agentUserId',
    'fallbackToButton',
    'fallbackRules',
    'prefillFromUser',
    'firstNameField',
    'lastNameField',
    'emailField',
    'agentIdField',
    'targetIdField',
    'fallbackField',
    'fallbackRoutingField'
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];

/** Property values as the builder hands them over (untrusted). */
export type RawSettings = Partial<Record<FieldName, unknown>>;

export const FIELD_LABELS: Record<FieldName, string> = {
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
    fallbackRoutingField: FIELD_FALLBACK_ROUTING_FIELD
};

/**
 * The keyword that leaves a field out (documented in each name property's help): a field name
 * set to `none`, in any case, is not filled. A cleared name takes its default, and says so.
 */
export const LEAVE_OUT = 'none';

/** Default pre-chat field API names of the legacy client (standard Contact fields). */
export const DEFAULT_PRECHAT_FIELDS = {
    firstNameField: 'FirstName',
    lastNameField: 'LastName',
    emailField: 'Email'
} as const;

export type PrefillField = keyof typeof DEFAULT_PRECHAT_FIELDS;
export const PREFILL_FIELDS: readonly PrefillField[] = [
    'firstNameField',
    'lastNameField',
    'emailField'
];

/** Enhanced Chat's standard visible pre-chat fields for the same values. */
export const VISIBLE_PRECHAT_FIELDS: Readonly<Record<PrefillField, string>> = {
    firstNameField: '_firstName',
    lastNameField: '_lastName',
    emailField: '_email'
};

export type HiddenField =
    | 'agentIdField'
    | 'targetIdField'
    | 'fallbackField'
    | 'fallbackRoutingField';
/** Each hidden field name property and the routing value (HiddenRoutingFieldNames key) it names. */
export const HIDDEN_FIELDS: Readonly<Record<HiddenField, keyof HiddenRoutingFieldNames>> = {
    agentIdField: 'agentId',
    targetIdField: 'targetId',
    fallbackField: 'fallback',
    fallbackRoutingField: 'fallbackRouting'
};
const HIDDEN_FIELD_NAMES = Object.keys(HIDDEN_FIELDS) as HiddenField[];

type NameField = PrefillField | HiddenField;

/** A name property, read: the name to use, or null when the field is left out. */
interface NameSetting {
    /** The name to use; null = left out (by `none`, or because the name can't be used). */
    name: string | null;
    /** The name as given (for the summary); '' when left at its default. */
    shown: string;
    /** True when the admin wrote `none`. */
    leftOut: boolean;
    problem: string | null;
}

/**
 * Reads a field name property. A name the service would refuse is not used (its field is left
 * out, with the reason) rather than handed over: it would make the whole routing invalid.
 */
function readName(
    raw: unknown,
    label: string,
    fallback: string,
    usable: (name: string) => boolean,
    badName: string
): NameSetting {
    if (typeof raw === 'string' && raw.trim().toLowerCase() === LEAVE_OUT) {
        return { name: null, shown: LEAVE_OUT, leftOut: true, problem: null };
    }
    if (typeof raw === 'string' && raw.trim() === '') {
        // Not silent: a cleared name takes its default, and the summary says how to leave it out.
        const problem = formatLabel(DEFAULT_USED, fallback);
        return { name: fallback, shown: fallback, leftOut: false, problem };
    }
    // Read well past the limit, so that a long name is reported as unusable, never cut to size.
    const read = readText(raw, fallback, label, 255);
    if (!usable(read.value)) {
        const problem = formatLabel(badName, shorten(read.value));
        return { name: null, shown: read.value, leftOut: false, problem };
    }
    return { name: read.value, shown: read.value, leftOut: false, problem: read.problem };
}

/** The properties, normalised once; `problems` holds what was wrong with the raw values. */
export interface RoutingSettings {
    buttonId: string;
    agentUserId: string;
    fallbackToButton: boolean;
    fallbackRules: string;
    prefillFromUser: boolean;
    names: Record<NameField, NameSetting>;
    problems: Partial<Record<FieldName, string[]>>;
}

/** The logged-in user's values for pre-fill (any of them may be missing). */
export interface UserValues {
    firstName?: string;
    lastName?: string;
    email?: string;
}

/** What the settings produce: the configuration for the service and the parsed rules. */
export interface BuiltRouting {
    config: RoutingConfig;
    rules: ParsedFallbackRules;
}

export function readSettings(raw: RawSettings): RoutingSettings {
    const fallback = readBoolean(raw.fallbackToButton, false, FIELD_FALLBACK);
    const prefill = readBoolean(raw.prefillFromUser, true, FIELD_PREFILL);
    const problems: Partial<Record<FieldName, string[]>> = {
        fallbackToButton: problemsOf(fallback),
        prefillFromUser: problemsOf(prefill)
    };
    const names = {} as Record<NameField, NameSetting>;
    for (const field of PREFILL_FIELDS) {
        const name = readName(
            raw[field],
            FIELD_LABELS[field],
            DEFAULT_PRECHAT_FIELDS[field],
            isPrechatFieldName,
            BAD_PRECHAT_FIELD
        );
        names[field] = name;
        // A pre-chat field name only matters while pre-fill is on.
        problems[field] = name.problem !== null && prefill.value ? [name.problem] : [];
    }
    for (const field of HIDDEN_FIELD_NAMES) {
        const name = readName(
            raw[field],
            FIELD_LABELS[field],
            DEFAULT_HIDDEN_ROUTING_FIELDS[HIDDEN_FIELDS[field]],
            isChannelVariableName,
            BAD_HIDDEN_FIELD
        );
        names[field] = name;
        problems[field] = name.problem === null ? [] : [name.problem];
    }
    return {
        buttonId: readOptionalText(raw.buttonId),
        agentUserId: readOptionalText(raw.agentUserId),
        fallbackToButton: fallback.value,
        fallbackRules: typeof raw.fallbackRules === 'string' ? raw.fallbackRules : '',
        prefillFromUser: prefill.value,
        names,
        problems
    };
}

const USER_VALUES: Readonly<Record<PrefillField, keyof UserValues>> = {
    firstNameField: 'firstName',
    lastNameField: 'lastName',
    emailField: 'email'
};

/**
 * The routing configuration the settings describe, as is: invalid settings give an invalid
 * configuration, which the service refuses (so that it never reaches the chat client).
 * Direct-to-agent routing is set when a target or an agent is. Pre-fill, with user values only,
 * goes to both clients' fields (each client reads its own): the pre-chat fields whose names can
 * be used, and Enhanced Chat's standard visible fields, leaving out the fields set to `none`.
 * Hidden routing field names are passed where they differ from the service's defaults.
 */
export function buildRouting(settings: RoutingSettings, user: UserValues | null): BuiltRouting {
    const config: RoutingConfig = {};
    if (settings.buttonId !== '' || settings.agentUserId !== '') {
        config.directToAgentRouting = {
            buttonId: settings.buttonId,
            ...(settings.agentUserId !== '' ? { userId: settings.agentUserId } : {}),
            fallback: settings.fallbackToButton
        };
    }
    const rules = parseFallbackRules(settings.fallbackRules);
    if (rules.rules.length > 0) {
        config.fallbackRouting = rules.rules.map((rule) => rule.text);
    }
    if (settings.prefillFromUser && user) {
        const prepopulated: Record<string, string> = {};
        const visible: Record<string, string> = {};
        for (const field of PREFILL_FIELDS) {
            const value = user[USER_VALUES[field]];
            const { name, leftOut } = settings.names[field];
            if (typeof value !== 'string' || value === '' || leftOut) {
                continue;
            }
            visible[VISIBLE_PRECHAT_FIELDS[field]] = value;
            if (name !== null) {
                prepopulated[name] = value;
            }
        }
        if (Object.keys(prepopulated).length > 0) {
            config.prepopulatedPrechatFields = prepopulated;
        }
        if (Object.keys(visible).length > 0) {
            config.visiblePrechatFields = visible;
        }
    }
    const hidden: HiddenRoutingFieldNames = {};
    for (const field of HIDDEN_FIELD_NAMES) {
        const key = HIDDEN_FIELDS[field];
        const { name } = settings.names[field];
        if (name !== DEFAULT_HIDDEN_ROUTING_FIELDS[key]) {
            hidden[key] = name;
        }
    }
    if (Object.keys(hidden).length > 0) {
        config.hiddenRoutingFields = hidden;
    }
    return { config, rules };
}
