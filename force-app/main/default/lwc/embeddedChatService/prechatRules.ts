/**
 * The rules for pre-chat values and names: `prepopulatedPrechatFields` (legacy client, keyed by
 * field API name), `visiblePrechatFields` (Enhanced Chat, keyed by channel variable name) and
 * `hiddenRoutingFields` (Enhanced Chat: the hidden pre-chat fields that carry the routing).
 */
import type {
    HiddenFieldLimits,
    HiddenRoutingFieldNames,
    RoutingConfig,
    RoutingIssueCode,
    RoutingIssueLocation
} from './chatTypes';
import { shorten } from './salesforceIds';
import { isPlainObject, ROUTING_LIMITS, type Collector } from './routingIssues';

/** Names that would reach an object's prototype: never a field name. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Channel variable names: standard ones start with _ (`_firstName`), custom ones with a letter. */
const CHANNEL_VARIABLE_NAME = /^_?[A-Za-z][A-Za-z0-9_]*$/;

function isName(name: string, pattern: RegExp): boolean {
    return (
        name.length <= ROUTING_LIMITS.fieldNameLength &&
        pattern.test(name) &&
        !RESERVED_NAMES.has(name)
    );
}

/**
 * The pre-chat field name rule of the legacy client (`prepopulatedPrechatFields`): a field API
 * name (letters, digits and _, starting with a letter), at most 80 characters.
 */
export function isPrechatFieldName(name: string): boolean {
    return typeof name === 'string' && isName(name, API_NAME);
}

/**
 * The name rule of Enhanced Chat's pre-chat fields (channel variable names, visible or hidden):
 * letters, digits and _, starting with a letter or with _ then a letter, at most 80 characters.
 */
export function isChannelVariableName(name: string): boolean {
    return typeof name === 'string' && isName(name, CHANNEL_VARIABLE_NAME);
}

/**
 * What is wrong with a hidden routing field name, or null. A hidden pre-chat field is a custom
 * parameter of the channel, whose API name starts with a letter: `_firstName`, `_email`… are the
 * standard visible fields, never hidden ones (docs/enhanced-chat-client.md).
 */
export function hiddenFieldNameIssue(
    name: string
): 'BAD_CHANNEL_VARIABLE_NAME' | 'HIDDEN_FIELD_STANDARD_NAME' | null {
    if (!isChannelVariableName(name)) {
        return 'BAD_CHANNEL_VARIABLE_NAME';
    }
    return name.startsWith('_') ? 'HIDDEN_FIELD_STANDARD_NAME' : null;
}

/** Reads an object of field name to text value; null after reporting errors. */
function readFieldValues(
    value: unknown,
    key: string,
    nameOk: (name: string) => boolean,
    badName: RoutingIssueCode,
    out: Collector
): Record<string, string> | null {
    if (!isPlainObject(value)) {
        out.add('error', { key }, 'PRECHAT_NOT_AN_OBJECT');
        return null;
    }
    const names = Object.keys(value);
    if (names.length > ROUTING_LIMITS.prechatFields) {
        out.add('error', { key }, 'PRECHAT_TOO_MANY', [ROUTING_LIMITS.prechatFields]);
        return null;
    }
    const fields: Record<string, string> = {};
    const problems = out.errors.length;
    for (const name of names) {
        const at = { key, part: shorten(name) };
        const raw = value[name];
        if (!nameOk(name)) {
            out.add('error', at, badName, [shorten(name)]);
        } else if (typeof raw !== 'string') {
            out.add('error', at, 'PRECHAT_VALUE_NOT_TEXT', [name]);
        } else if (raw.length > ROUTING_LIMITS.prechatValueLength) {
            out.add('error', at, 'PRECHAT_VALUE_TOO_LONG', [
                name,
                ROUTING_LIMITS.prechatValueLength
            ]);
        } else {
            fields[name] = raw;
        }
    }
    return out.errors.length === problems ? fields : null;
}

export function readPrechatFields(value: unknown, out: Collector): Record<string, string> | null {
    return readFieldValues(
        value,
        'prepopulatedPrechatFields',
        isPrechatFieldName,
        'BAD_FIELD_NAME',
        out
    );
}

export function readVisiblePrechatFields(
    value: unknown,
    out: Collector
): Record<string, string> | null {
    return readFieldValues(
        value,
        'visiblePrechatFields',
        isChannelVariableName,
        'BAD_CHANNEL_VARIABLE_NAME',
        out
    );
}

/**
 * The hidden pre-chat fields that carry the routing under Enhanced Chat, by default: custom
 * parameters the admin creates on the messaging channel and maps to Omni-Channel flow variables.
 */
export const DEFAULT_HIDDEN_ROUTING_FIELDS: Readonly<Required<Record<HiddenFieldKey, string>>> =
    Object.freeze({
        agentId: 'Chat_Agent_Id',
        targetId: 'Chat_Target_Id',
        fallback: 'Chat_Fallback',
        fallbackRouting: 'Chat_Fallback_Routing'
    });

type HiddenFieldKey = keyof HiddenRoutingFieldNames;
const HIDDEN_KEYS: readonly HiddenFieldKey[] = [
    'agentId',
    'targetId',
    'fallback',
    'fallbackRouting'
];

/**
 * The field name each routing value goes to: the given name, the default for a name left out,
 * or null for a field left out (given as null).
 */
export function hiddenFieldNames(
    given: HiddenRoutingFieldNames | undefined
): Record<HiddenFieldKey, string | null> {
    const names = { ...DEFAULT_HIDDEN_ROUTING_FIELDS } as Record<HiddenFieldKey, string | null>;
    for (const key of HIDDEN_KEYS) {
        const name = given?.[key];
        if (name !== undefined) names[key] = name;
    }
    return names;
}

/**
 * The maximum length of a hidden field whose own the page can't read (no configuration yet, v2,
 * Experience Builder without the client): the length the setup guide asks for. Salesforce
 * documents no default (docs/enhanced-chat-client.md).
 */
export const DEFAULT_PARAMETER_LENGTH = 255;

/**
 * The routing values a config sets, for Enhanced Chat: [field name (null: left out), text, where
 * the value is in the config (the place of an issue about it)].
 */
function hiddenRoutingEntries(
    routing: RoutingConfig
): [string | null, string, RoutingIssueLocation][] {
    const names = hiddenFieldNames(routing.hiddenRoutingFields);
    const direct = routing.directToAgentRouting;
    const key = 'directToAgentRouting';
    const all: [string | null, string | undefined, RoutingIssueLocation][] = [
        [names.agentId, direct?.userId, { key, part: 'userId' }],
        [names.targetId, direct?.buttonId, { key, part: 'buttonId' }],
        [names.fallback, direct && String(direct.fallback === true), { key, part: 'fallback' }],
        [names.fallbackRouting, routing.fallbackRouting?.join(','), { key: 'fallbackRouting' }]
    ];
    return all.filter(
        (entry): entry is [string | null, string, RoutingIssueLocation] => entry[1] !== undefined
    );
}

/** The hidden pre-chat fields that carry a routing, by field name (names from hiddenRoutingFields). */
export function hiddenRoutingValues(routing: RoutingConfig): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [name, value] of hiddenRoutingEntries(routing)) {
        if (name !== null) values[name] = value;
    }
    return values;
}

/**
 * What Enhanced Chat does with each routing value set: nothing when its field is left out (a
 * warning, but for a fallback flag of 'false', which says nothing the flow lacks); else the
 * value must fit the maximum length of its field, as the client checks it (validatePrechatField
 * drops a longer value): the deployment's own (`declared`, when the page can read it), else
 * DEFAULT_PARAMETER_LENGTH.
 */
export function checkHiddenValues(
    routing: RoutingConfig,
    declared: HiddenFieldLimits | null,
    out: Collector
): void {
    for (const [name, value, at] of hiddenRoutingEntries(routing)) {
        if (name === null) {
            if (value !== 'false') out.add('warning', at, 'HIDDEN_VALUE_NOT_SENT');
            continue;
        }
        const own =
            declared &&
            Object.prototype.hasOwnProperty.call(declared, name) &&
            typeof declared[name] === 'number'
                ? declared[name]
                : null;
        const max = own ?? DEFAULT_PARAMETER_LENGTH;
        if (value.length > max) {
            const code = own === null ? 'HIDDEN_VALUE_OVER_DEFAULT' : 'HIDDEN_VALUE_TOO_LONG';
            out.add('error', at, code, [name, value.length, max]);
        }
    }
}

/** Reads `hiddenRoutingFields`; null after reporting errors. */
export function readHiddenRoutingFields(
    value: unknown,
    out: Collector
): HiddenRoutingFieldNames | null {
    const key = 'hiddenRoutingFields';
    if (!isPlainObject(value)) {
        out.add('error', { key }, 'HIDDEN_FIELDS_NOT_AN_OBJECT');
        return null;
    }
    const problems = out.errors.length;
    const names: HiddenRoutingFieldNames = {};
    for (const given of Object.keys(value)) {
        if (!(HIDDEN_KEYS as readonly string[]).includes(given)) {
            const name = shorten(given);
            out.add('warning', { key, part: name }, 'UNKNOWN_SETTING', [name]);
        }
    }
    for (const part of HIDDEN_KEYS) {
        const raw = value[part];
        if (raw === undefined || raw === null) {
            if (raw === null) names[part] = null;
            continue;
        }
        const issue = typeof raw === 'string' ? hiddenFieldNameIssue(raw.trim()) : null;
        if (typeof raw !== 'string') {
            out.add('error', { key, part }, 'HIDDEN_FIELD_NOT_TEXT', [part]);
        } else if (issue) {
            out.add('error', { key, part }, issue, [shorten(raw.trim())]);
        } else {
            names[part] = raw.trim();
        }
    }
    if (out.errors.length > problems) {
        return null;
    }
    const effective = hiddenFieldNames(names);
    HIDDEN_KEYS.forEach((part, i) => {
        const name = effective[part];
        if (name !== null && HIDDEN_KEYS.slice(0, i).some((k) => effective[k] === name)) {
            out.add('error', { key, part }, 'HIDDEN_FIELD_REPEATED', [name]);
        }
    });
    return out.errors.length === problems ? names : null;
}
