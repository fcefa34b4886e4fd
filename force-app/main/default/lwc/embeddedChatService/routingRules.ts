/**
 * Routing rules: validation of a RoutingConfig (pure, for the service and for admin UIs) and the
 * merge of a per-call override over the site routing.
 */
import { checkId, shortId, type IdKind, type IdProblem } from './salesforceIds';
import type {
    ChatClientKind,
    DirectToAgentRouting,
    ExtraPrechatEntityFieldMap,
    ExtraPrechatFormDetail,
    ExtraPrechatInfo,
    RoutingConfig,
    RoutingIssue,
    RoutingIssueCode,
    RoutingValidation
} from './chatTypes';

/** Sane limits: far above real configurations, low enough to refuse garbage. */
export const ROUTING_LIMITS = {
    fallbackRules: 25,
    prechatFields: 50,
    prechatValueLength: 1000,
    fieldNameLength: 80,
    extraPrechatInfo: 10,
    entityFieldMaps: 50,
    extraPrechatFormDetails: 50,
    textLength: 255
} as const;

const KNOWN_KEYS: readonly string[] = [
    'directToAgentRouting',
    'fallbackRouting',
    'prepopulatedPrechatFields',
    'extraPrechatInfo',
    'extraPrechatFormDetails'
];
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const KIND_NAME: Record<IdKind, string> = { chatButton: 'chat button', user: 'user' };
const KIND_PREFIX: Record<IdKind, string> = { chatButton: '573', user: '005' };

/**
 * Every RoutingIssueCode, for tests and tools that need them all (a code missing here or unknown
 * to RoutingIssueCode fails to compile).
 */
export const ROUTING_ISSUE_CODES: readonly RoutingIssueCode[] = Object.keys({
    UNREADABLE: true,
    CONFIG_NOT_AN_OBJECT: true,
    UNKNOWN_SETTING: true,
    DIRECT_NOT_AN_OBJECT: true,
    FALLBACK_NOT_BOOLEAN: true,
    FALLBACK_WITHOUT_AGENT: true,
    ID_NOT_TEXT: true,
    ID_EMPTY: true,
    ID_LENGTH: true,
    ID_CHARACTERS: true,
    ID_PREFIX: true,
    ID_CHECKSUM: true,
    RULES_NOT_A_LIST: true,
    RULES_TOO_MANY: true,
    RULE_NOT_TEXT: true,
    RULE_EMPTY: true,
    RULE_PAIR_SHAPE: true,
    RULE_UNKNOWN_KIND: true,
    RULE_REPEATED: true,
    BUTTON_NOT_LAST: true,
    SITE_BUTTON_NOT_LAST: true,
    PRECHAT_NOT_AN_OBJECT: true,
    PRECHAT_TOO_MANY: true,
    BAD_FIELD_NAME: true,
    PRECHAT_VALUE_NOT_TEXT: true,
    PRECHAT_VALUE_TOO_LONG: true,
    REQUIRED: true,
    NOT_TEXT: true,
    TOO_LONG: true,
    NOT_BOOLEAN: true,
    NOT_A_LIST: true,
    TOO_MANY: true,
    ENTRY_NOT_AN_OBJECT: true,
    FIELD_MAP_NOT_AN_OBJECT: true,
    FIELD_MAPS_TOO_MANY: true,
    TRANSCRIPT_FIELDS_NOT_A_LIST: true
} satisfies Record<RoutingIssueCode, true>) as RoutingIssueCode[];

/** An issue before it is placed on a field. */
type Finding = Omit<RoutingIssue, 'field'>;

const ID_CODE: Record<IdProblem, RoutingIssueCode> = {
    empty: 'ID_EMPTY',
    length: 'ID_LENGTH',
    characters: 'ID_CHARACTERS',
    prefix: 'ID_PREFIX',
    checksum: 'ID_CHECKSUM'
};

/** The issue of an ID; its params start with the kind, then the (short) ID, then the rest. */
function idIssue(problem: IdProblem, kind: IdKind, id: string): Finding {
    const what = `a ${KIND_NAME[kind]} ID`;
    const code = ID_CODE[problem];
    const short = shortId(id);
    switch (problem) {
        case 'empty':
            return {
                code,
                params: [kind, KIND_PREFIX[kind]],
                message: `Enter ${what} (it starts with ${KIND_PREFIX[kind]}).`
            };
        case 'length':
            return {
                code,
                params: [kind, short, String(id.length)],
                message: `“${short}” has ${id.length} characters; ${what} has 15 or 18.`
            };
        case 'characters':
            return {
                code,
                params: [kind, short],
                message: `“${short}” has characters that can't be in ${what}: use only letters and digits.`
            };
        case 'prefix':
            return {
                code,
                params: [kind, short, KIND_PREFIX[kind]],
                message: `“${short}” is not ${what}: ${what} starts with ${KIND_PREFIX[kind]}.`
            };
        default:
            return {
                code,
                params: [kind, short],
                message: `“${short}” is not a valid 18-character ID (its last 3 characters don't match): copy the ID again from Setup.`
            };
    }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return false;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    return proto === Object.prototype || proto === null;
}

/** Collects the issues; `params` are the values `message` mentions, as strings. */
class Collector {
    errors: RoutingIssue[] = [];
    warnings: RoutingIssue[] = [];
    error(
        field: string,
        code: RoutingIssueCode,
        params: readonly (string | number)[],
        message: string
    ): void {
        this.errors.push(issue(field, code, params, message));
    }
    warn(
        field: string,
        code: RoutingIssueCode,
        params: readonly (string | number)[],
        message: string
    ): void {
        this.warnings.push(issue(field, code, params, message));
    }
}

function issue(
    field: string,
    code: RoutingIssueCode,
    params: readonly (string | number)[],
    message: string
): RoutingIssue {
    return { field, message, code, params: params.map(String) };
}

/** Checks one ID value; returns the trimmed ID or null after reporting the problem. */
function readId(value: unknown, kind: IdKind, field: string, out: Collector): string | null {
    if (typeof value !== 'string') {
        out.error(
            field,
            'ID_NOT_TEXT',
            [kind],
            `Enter ${KIND_NAME[kind] === 'user' ? 'a user' : 'a chat button'} ID as text.`
        );
        return null;
    }
    const id = value.trim();
    const problem = checkId(id, kind);
    if (problem) {
        const found = idIssue(problem, kind, id);
        out.error(field, found.code, found.params, found.message);
        return null;
    }
    return id;
}

function readDirect(value: unknown, out: Collector): DirectToAgentRouting | null {
    const field = 'directToAgentRouting';
    if (!isPlainObject(value)) {
        out.error(
            field,
            'DIRECT_NOT_AN_OBJECT',
            [],
            'Direct-to-agent routing must be an object with a buttonId.'
        );
        return null;
    }
    const buttonId = readId(value.buttonId, 'chatButton', `${field}.buttonId`, out);
    let userId: string | null = null;
    const hasUser =
        value.userId !== undefined &&
        value.userId !== null &&
        !(typeof value.userId === 'string' && value.userId.trim() === '');
    if (hasUser) {
        userId = readId(value.userId, 'user', `${field}.userId`, out);
    }
    let fallback = false;
    if (value.fallback !== undefined && value.fallback !== null) {
        if (typeof value.fallback !== 'boolean') {
            out.error(
                `${field}.fallback`,
                'FALLBACK_NOT_BOOLEAN',
                [],
                'Fallback to the button’s queue must be true or false.'
            );
        } else {
            fallback = value.fallback;
        }
    }
    if (fallback && !hasUser) {
        out.warn(
            `${field}.fallback`,
            'FALLBACK_WITHOUT_AGENT',
            [],
            'Fallback to the button’s queue only matters when an agent is set; without an agent, chats go to the button’s queue anyway.'
        );
    }
    for (const key of Object.keys(value)) {
        if (!['buttonId', 'userId', 'fallback'].includes(key)) {
            const name = key.slice(0, 40);
            out.warn(
                `${field}.${key}`,
                'UNKNOWN_SETTING',
                [name],
                `“${name}” is not a routing setting and is ignored.`
            );
        }
    }
    if (!buttonId || (hasUser && !userId)) {
        return null;
    }
    return userId ? { buttonId, userId, fallback } : { buttonId, fallback };
}

function readFallbackRule(value: unknown, field: string, out: Collector): string | null {
    if (typeof value !== 'string') {
        out.error(
            field,
            'RULE_NOT_TEXT',
            [],
            'Each fallback rule must be text: a button ID, a user ID, or userId_buttonId.'
        );
        return null;
    }
    const rule = value.trim();
    if (rule === '') {
        out.error(
            field,
            'RULE_EMPTY',
            [],
            'This fallback rule is empty: enter an ID or remove the rule.'
        );
        return null;
    }
    if (rule.includes('_')) {
        const parts = rule.split('_');
        if (parts.length !== 2) {
            out.error(
                field,
                'RULE_PAIR_SHAPE',
                [shortId(rule)],
                `“${shortId(rule)}” should be one user ID and one button ID joined by _ (userId_buttonId).`
            );
            return null;
        }
        const user = readId(parts[0], 'user', field, out);
        const button = readId(parts[1], 'chatButton', field, out);
        return user && button ? `${user}_${button}` : null;
    }
    if (rule.startsWith('005')) {
        return readId(rule, 'user', field, out);
    }
    if (rule.startsWith('573')) {
        return readId(rule, 'chatButton', field, out);
    }
    out.error(
        field,
        'RULE_UNKNOWN_KIND',
        [shortId(rule)],
        `“${shortId(rule)}” is neither a chat button ID (573…) nor a user ID (005…), nor userId_buttonId.`
    );
    return null;
}

function readFallbackRouting(
    value: unknown,
    buttonId: string | null,
    out: Collector
): string[] | null {
    const field = 'fallbackRouting';
    if (!Array.isArray(value)) {
        out.error(field, 'RULES_NOT_A_LIST', [], 'Fallback routing must be a list of rules.');
        return null;
    }
    if (value.length > ROUTING_LIMITS.fallbackRules) {
        out.error(
            field,
            'RULES_TOO_MANY',
            [ROUTING_LIMITS.fallbackRules, value.length],
            `Use at most ${ROUTING_LIMITS.fallbackRules} fallback rules (there are ${value.length}).`
        );
        return null;
    }
    const rules: string[] = [];
    let ok = true;
    const seen = new Map<string, number>();
    value.forEach((entry: unknown, index) => {
        const rule = readFallbackRule(entry, `${field}[${index}]`, out);
        if (rule === null) {
            ok = false;
            return;
        }
        const first = seen.get(rule);
        if (first !== undefined) {
            out.warn(
                `${field}[${index}]`,
                'RULE_REPEATED',
                [index + 1, first + 1],
                `Rule ${index + 1} repeats rule ${first + 1}; the repeat is never used.`
            );
        } else {
            seen.set(rule, index);
        }
        rules.push(rule);
    });
    if (ok && rules.length > 0) {
        const last = rules[rules.length - 1];
        if (buttonId && last !== buttonId) {
            out.warn(
                field,
                'BUTTON_NOT_LAST',
                [shortId(buttonId)],
                `If no rule can take the chat, it is not routed to button ${shortId(buttonId)} unless that button is the last rule. Add ${shortId(buttonId)} as the last rule.`
            );
        } else if (!buttonId && !/^573/.test(last)) {
            out.warn(
                field,
                'SITE_BUTTON_NOT_LAST',
                [],
                'If no rule can take the chat, it is not routed to the site’s chat button unless that button’s ID is the last rule.'
            );
        }
    }
    return ok ? rules : null;
}

function readPrechatFields(value: unknown, out: Collector): Record<string, string> | null {
    const field = 'prepopulatedPrechatFields';
    if (!isPlainObject(value)) {
        out.error(
            field,
            'PRECHAT_NOT_AN_OBJECT',
            [],
            'Pre-chat values must be an object of field API name to value.'
        );
        return null;
    }
    const keys = Object.keys(value);
    if (keys.length > ROUTING_LIMITS.prechatFields) {
        out.error(
            field,
            'PRECHAT_TOO_MANY',
            [ROUTING_LIMITS.prechatFields],
            `Use at most ${ROUTING_LIMITS.prechatFields} pre-chat fields.`
        );
        return null;
    }
    const fields: Record<string, string> = {};
    let ok = true;
    for (const key of keys) {
        const path = `${field}.${key.slice(0, 40)}`;
        if (
            FORBIDDEN_KEYS.has(key) ||
            !API_NAME.test(key) ||
            key.length > ROUTING_LIMITS.fieldNameLength
        ) {
            out.error(
                path,
                'BAD_FIELD_NAME',
                [key.slice(0, 40)],
                `“${key.slice(0, 40)}” is not a field API name (letters, digits and _, starting with a letter).`
            );
            ok = false;
            continue;
        }
        const raw = value[key];
        if (typeof raw !== 'string') {
            out.error(path, 'PRECHAT_VALUE_NOT_TEXT', [key], `The value for ${key} must be text.`);
            ok = false;
            continue;
        }
        if (raw.length > ROUTING_LIMITS.prechatValueLength) {
            out.error(
                path,
                'PRECHAT_VALUE_TOO_LONG',
                [key, ROUTING_LIMITS.prechatValueLength],
                `The value for ${key} is longer than ${ROUTING_LIMITS.prechatValueLength} characters.`
            );
            ok = false;
            continue;
        }
        fields[key] = raw;
    }
    return ok ? fields : null;
}

function readText(
    value: unknown,
    field: string,
    out: Collector,
    required: boolean
): string | undefined | null {
    if (value === undefined || value === null) {
        if (required) {
            out.error(field, 'REQUIRED', [], 'This value is required.');
            return null;
        }
        return undefined;
    }
    if (typeof value !== 'string') {
        out.error(field, 'NOT_TEXT', [], 'This value must be text.');
        return null;
    }
    if (required && value.trim() === '') {
        out.error(field, 'REQUIRED', [], 'This value is required.');
        return null;
    }
    if (value.length > ROUTING_LIMITS.textLength) {
        out.error(
            field,
            'TOO_LONG',
            [ROUTING_LIMITS.textLength],
            `This value is longer than ${ROUTING_LIMITS.textLength} characters.`
        );
        return null;
    }
    return value;
}

function readBool(value: unknown, field: string, out: Collector): boolean | null {
    if (typeof value !== 'boolean') {
        out.error(field, 'NOT_BOOLEAN', [], 'This value must be true or false.');
        return null;
    }
    return value;
}

function readFieldMap(
    value: unknown,
    field: string,
    out: Collector
): ExtraPrechatEntityFieldMap | null {
    if (!isPlainObject(value)) {
        out.error(field, 'FIELD_MAP_NOT_AN_OBJECT', [], 'Each entity field map must be an object.');
        return null;
    }
    const fieldName = readText(value.fieldName, `${field}.fieldName`, out, true);
    const label = readText(value.label, `${field}.label`, out, true);
    const doCreate = readBool(value.doCreate, `${field}.doCreate`, out);
    const doFind = readBool(value.doFind, `${field}.doFind`, out);
    const isExactMatch = readBool(value.isExactMatch, `${field}.isExactMatch`, out);
    if (!fieldName || !label || doCreate === null || doFind === null || isExactMatch === null) {
        return null;
    }
    return { fieldName, label, doCreate, doFind, isExactMatch };
}

/** A list of at most `max` entries, or null after reporting why not. */
function readList(value: unknown, field: string, max: number, out: Collector): unknown[] | null {
    if (!Array.isArray(value)) {
        out.error(field, 'NOT_A_LIST', [field], `${field} must be a list.`);
        return null;
    }
    if (value.length > max) {
        out.error(field, 'TOO_MANY', [max, field], `Use at most ${max} ${field} entries.`);
        return null;
    }
    return value;
}

function readExtraPrechatInfo(value: unknown, out: Collector): ExtraPrechatInfo[] | null {
    const field = 'extraPrechatInfo';
    const list = readList(value, field, ROUTING_LIMITS.extraPrechatInfo, out);
    if (!list) {
        return null;
    }
    let ok = true;
    const entries = list.map((raw: unknown, index): ExtraPrechatInfo | null => {
        const path = `${field}[${index}]`;
        if (!isPlainObject(raw)) {
            out.error(
                path,
                'ENTRY_NOT_AN_OBJECT',
                [field],
                `Each ${field} entry must be an object.`
            );
            return null;
        }
        const entityName = readText(raw.entityName, `${path}.entityName`, out, true);
        const saveToTranscript = readText(
            raw.saveToTranscript,
            `${path}.saveToTranscript`,
            out,
            false
        );
        const linkToEntityName = readText(
            raw.linkToEntityName,
            `${path}.linkToEntityName`,
            out,
            false
        );
        const linkToEntityField = readText(
            raw.linkToEntityField,
            `${path}.linkToEntityField`,
            out,
            false
        );
        let showOnCreate: boolean | undefined;
        if (raw.showOnCreate !== undefined) {
            showOnCreate = readBool(raw.showOnCreate, `${path}.showOnCreate`, out) ?? undefined;
        }
        const maps = raw.entityFieldMaps;
        let fieldMaps: ExtraPrechatEntityFieldMap[] | null = null;
        if (!Array.isArray(maps)) {
            out.error(
                `${path}.entityFieldMaps`,
                'NOT_A_LIST',
                ['entityFieldMaps'],
                'entityFieldMaps must be a list.'
            );
        } else if (maps.length > ROUTING_LIMITS.entityFieldMaps) {
            out.error(
                `${path}.entityFieldMaps`,
                'FIELD_MAPS_TOO_MANY',
                [ROUTING_LIMITS.entityFieldMaps],
                `Use at most ${ROUTING_LIMITS.entityFieldMaps} entity field maps.`
            );
        } else {
            const read = maps.map((m: unknown, i) =>
                readFieldMap(m, `${path}.entityFieldMaps[${i}]`, out)
            );
            fieldMaps = read.every((m) => m !== null)
                ? (read as ExtraPrechatEntityFieldMap[])
                : null;
        }
        if (
            !entityName ||
            saveToTranscript === null ||
            linkToEntityName === null ||
            linkToEntityField === null ||
            !fieldMaps
        ) {
            return null;
        }
        const entry: ExtraPrechatInfo = { entityName, entityFieldMaps: fieldMaps };
        if (showOnCreate !== undefined) entry.showOnCreate = showOnCreate;
        if (saveToTranscript !== undefined) entry.saveToTranscript = saveToTranscript;
        if (linkToEntityName !== undefined) entry.linkToEntityName = linkToEntityName;
        if (linkToEntityField !== undefined) entry.linkToEntityField = linkToEntityField;
        return entry;
    });
    entries.forEach((e) => {
        if (e === null) ok = false;
    });
    return ok ? (entries as ExtraPrechatInfo[]) : null;
}

function readFormDetails(value: unknown, out: Collector): ExtraPrechatFormDetail[] | null {
    const field = 'extraPrechatFormDetails';
    const list = readList(value, field, ROUTING_LIMITS.extraPrechatFormDetails, out);
    if (!list) {
        return null;
    }
    const details = list.map((raw: unknown, index): ExtraPrechatFormDetail | null => {
        const path = `${field}[${index}]`;
        if (!isPlainObject(raw)) {
            out.error(
                path,
                'ENTRY_NOT_AN_OBJECT',
                [field],
                `Each ${field} entry must be an object.`
            );
            return null;
        }
        const label = readText(raw.label, `${path}.label`, out, true);
        const detailValue = readText(raw.value, `${path}.value`, out, false);
        const displayToAgent = readBool(raw.displayToAgent, `${path}.displayToAgent`, out);
        let transcriptFields: string[] | null = null;
        if (!Array.isArray(raw.transcriptFields)) {
            out.error(
                `${path}.transcriptFields`,
                'TRANSCRIPT_FIELDS_NOT_A_LIST',
                [],
                'transcriptFields must be a list of field names.'
            );
        } else {
            const names = raw.transcriptFields.map((n: unknown, i) =>
                readText(n, `${path}.transcriptFields[${i}]`, out, true)
            );
            transcriptFields = names.every((n) => typeof n === 'string')
                ? (names as string[])
                : null;
        }
        if (!label || detailValue === null || displayToAgent === null || !transcriptFields) {
            return null;
        }
        const detail: ExtraPrechatFormDetail = { label, displayToAgent, transcriptFields };
        if (detailValue !== undefined) detail.value = detailValue;
        return detail;
    });
    return details.every((d) => d !== null) ? (details as ExtraPrechatFormDetail[]) : null;
}

/**
 * Validates a routing configuration (any input: it never throws). Errors block the config;
 * warnings are cautions for the admin. The returned `config` is a fresh plain copy with IDs
 * trimmed and only the known keys, or null when there are errors.
 */
export function validateRouting(
    input: unknown,
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- provider-aware rules come next
    client: ChatClientKind | null = null
): RoutingValidation {
    try {
        return validate(input);
    } catch {
        // An input whose properties throw when read (a getter, a proxy) is refused, not thrown.
        return {
            valid: false,
            errors: [
                issue('config', 'UNREADABLE', [], 'The routing configuration could not be read.')
            ],
            warnings: [],
            config: null
        };
    }
}

function validate(input: unknown): RoutingValidation {
    const out = new Collector();
    if (input === undefined || input === null) {
        return { valid: true, errors: [], warnings: [], config: {} };
    }
    if (!isPlainObject(input)) {
        out.error(
            'config',
            'CONFIG_NOT_AN_OBJECT',
            [],
            'The routing configuration must be an object.'
        );
        return { valid: false, errors: out.errors, warnings: out.warnings, config: null };
    }
    const config: RoutingConfig = {};
    let ok = true;
    const has = (key: string): boolean => input[key] !== undefined && input[key] !== null;

    if (has('directToAgentRouting')) {
        const direct = readDirect(input.directToAgentRouting, out);
        if (direct) config.directToAgentRouting = direct;
        else ok = false;
    }
    if (has('fallbackRouting')) {
        const rules = readFallbackRouting(
            input.fallbackRouting,
            config.directToAgentRouting?.buttonId ?? null,
            out
        );
        if (rules === null) ok = false;
        else if (rules.length > 0) config.fallbackRouting = rules;
    }
    if (has('prepopulatedPrechatFields')) {
        const fields = readPrechatFields(input.prepopulatedPrechatFields, out);
        if (fields) config.prepopulatedPrechatFields = fields;
        else ok = false;
    }
    if (has('extraPrechatInfo')) {
        const info = readExtraPrechatInfo(input.extraPrechatInfo, out);
        if (info) config.extraPrechatInfo = info;
        else ok = false;
    }
    if (has('extraPrechatFormDetails')) {
        const details = readFormDetails(input.extraPrechatFormDetails, out);
        if (details) config.extraPrechatFormDetails = details;
        else ok = false;
    }
    for (const key of Object.keys(input)) {
        if (!KNOWN_KEYS.includes(key)) {
            const name = key.slice(0, 40);
            out.warn(
                name || 'config',
                'UNKNOWN_SETTING',
                [name],
                `“${name}” is not a routing setting and is ignored.`
            );
        }
    }
    ok = ok && out.errors.length === 0;
    return { valid: ok, errors: out.errors, warnings: out.warnings, config: ok ? config : null };
}

/**
 * The routing for one call: each key of `override` that is set replaces the site's value for that
 * key (a whole-key replacement: an override's directToAgentRouting replaces the site's).
 */
export function mergeRouting(
    site: RoutingConfig,
    override: RoutingConfig | undefined
): RoutingConfig {
    if (!override) {
        return site;
    }
    // A key that is set (anything but undefined or null, the same rule validateRouting uses)
    // replaces the site's value, so an override of the wrong kind is refused, not ignored.
    const merged: Record<string, unknown> = { ...site };
    const given = override as Record<string, unknown>;
    for (const key of KNOWN_KEYS) {
        if (given[key] !== undefined && given[key] !== null) {
            merged[key] = given[key];
        }
    }
    return merged as RoutingConfig;
}

/** True when the configuration sets nothing (the snippet's own routing applies). */
export function isEmptyRouting(config: RoutingConfig): boolean {
    return Object.keys(config).length === 0;
}
