/**
 * c/chatRoutingModel: the Chat Routing Settings properties, free of any template: builder
 * properties in, the routing configuration for the chat service out. The name rules are the chat
 * service's own (isPrechatFieldName, hiddenFieldNameIssue), never copies. What is wrong with the
 * properties is worded for the admin by c/chatAdminChecks (routingSettingsProblems).
 */
import {
    DEFAULT_HIDDEN_ROUTING_FIELDS,
    hiddenFieldNameIssue,
    isPrechatFieldName,
    splitRules,
    type HiddenRoutingFieldNames,
    type RoutingConfig
} from 'c/embeddedChatService';
import { readOptionalText, readProperty, type PropertySpec } from 'c/chatComponentSupport';

/** The builder properties of Chat Routing Settings (c/chatAdminChecks lists them in display order). */
export type FieldName =
    | 'buttonId'
    | 'agentUserId'
    | 'fallbackToButton'
    | 'fallbackRules'
    | 'prefillFromUser'
    | 'firstNameField'
    | 'lastNameField'
    | 'emailField'
    | 'agentIdField'
    | 'targetIdField'
    | 'fallbackField'
    | 'fallbackRoutingField'
    | 'hideClientButton';

/** Property values as the builder hands them over (untrusted). */
export type RawSettings = Partial<Record<FieldName, unknown>>;

/** How the Boolean properties read. */
export const FLAG_SETTINGS = {
    fallbackToButton: { fallback: false },
    prefillFromUser: { fallback: true },
    hideClientButton: { fallback: false }
} as const satisfies Record<string, PropertySpec<boolean>>;

/** A field name property reads well past the limit, so that a long name is refused, never cut. */
const NAME_MAX_LENGTH = 255;

/**
 * The keyword that leaves a field out (documented in each name property's help): a field name
 * set to `none`, in any case, is not filled. A cleared name takes its default, and says so.
 */
const LEAVE_OUT = 'none';

/** Default pre-chat field API names of the legacy client (standard Contact fields). */
const DEFAULT_PRECHAT_FIELDS = {
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
export const HIDDEN_FIELD_NAMES = Object.keys(HIDDEN_FIELDS) as HiddenField[];

export type NameField = PrefillField | HiddenField;

/** The name a field name property falls back to. */
export function defaultNameOf(field: NameField): string {
    return field in HIDDEN_FIELDS
        ? DEFAULT_HIDDEN_ROUTING_FIELDS[HIDDEN_FIELDS[field as HiddenField]]
        : DEFAULT_PRECHAT_FIELDS[field as PrefillField];
}

/** How a field name property reads: its default, and a limit no usable name reaches. */
export function nameSpec(field: NameField): PropertySpec<string> {
    return { fallback: defaultNameOf(field), maxLength: NAME_MAX_LENGTH };
}

/** A name property, read: the name to use, or null when the field is left out. */
export interface NameSetting {
    /** The name to use; null = left out (by `none`, or because the name can't be used). */
    name: string | null;
    /** The name as given (for the summary); the default when left blank. */
    shown: string;
    /** True when the admin wrote `none`. */
    leftOut: boolean;
}

/**
 * Reads a field name property. A name the service would refuse is not used (its field is left
 * out) rather than handed over: it would make the whole routing invalid. A cleared name takes
 * its default.
 */
function readName(raw: unknown, field: NameField, usable: (name: string) => boolean): NameSetting {
    if (typeof raw === 'string' && raw.trim().toLowerCase() === LEAVE_OUT) {
        return { name: null, shown: LEAVE_OUT, leftOut: true };
    }
    const shown = readProperty(raw, nameSpec(field)).value;
    return { name: usable(shown) ? shown : null, shown, leftOut: false };
}

/** The properties, normalised once, with the raw values they were read from. */
export interface RoutingSettings {
    raw: RawSettings;
    buttonId: string;
    agentUserId: string;
    fallbackToButton: boolean;
    fallbackRules: string;
    prefillFromUser: boolean;
    /** Hide the chat client's own chat button on the site's pages. */
    hideClientButton: boolean;
    names: Record<NameField, NameSetting>;
}

/** The logged-in user's values for pre-fill (any of them may be missing). */
export interface UserValues {
    firstName?: string;
    lastName?: string;
    email?: string;
}

/** What the settings produce: the configuration for the service. */
export interface BuiltRouting {
    config: RoutingConfig;
}

/** What the admin's summary card (c/chatRoutingSummary) is made of: the properties and what they build. */
export interface SummaryInput {
    settings: RoutingSettings;
    built: BuiltRouting;
    /** The logged-in user's record could not be read (pre-fill is off for this visit). */
    userUnavailable: boolean;
}

export function readSettings(raw: RawSettings): RoutingSettings {
    const flag = (field: keyof typeof FLAG_SETTINGS): boolean =>
        readProperty<boolean>(raw[field], FLAG_SETTINGS[field]).value;
    const names = {} as Record<NameField, NameSetting>;
    for (const field of PREFILL_FIELDS) {
        names[field] = readName(raw[field], field, isPrechatFieldName);
    }
    for (const field of HIDDEN_FIELD_NAMES) {
        names[field] = readName(raw[field], field, (name) => !hiddenFieldNameIssue(name));
    }
    return {
        raw,
        buttonId: readOptionalText(raw.buttonId),
        agentUserId: readOptionalText(raw.agentUserId),
        fallbackToButton: flag('fallbackToButton'),
        fallbackRules: typeof raw.fallbackRules === 'string' ? raw.fallbackRules : '',
        prefillFromUser: flag('prefillFromUser'),
        hideClientButton: flag('hideClientButton'),
        names
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
    const rules = splitRules(settings.fallbackRules);
    if (rules.length > 0) {
        config.fallbackRouting = rules;
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
    return { config };
}
