/**
 * What every routing rule module shares: the limits, the list of issue codes, and the collector
 * that turns a code, its params and a location into a RoutingIssue.
 */
import type { RoutingIssue, RoutingIssueCode, RoutingIssueLocation } from './chatTypes';
import { issueMessage } from './routingIssueMessages';

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
    RULE_PAIR_SWAPPED: true,
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
    TRANSCRIPT_FIELDS_NOT_A_LIST: true,
    BAD_CHANNEL_VARIABLE_NAME: true,
    HIDDEN_FIELDS_NOT_AN_OBJECT: true,
    HIDDEN_FIELD_NOT_TEXT: true,
    HIDDEN_FIELD_REPEATED: true,
    DIRECT_TO_BUTTON_NOT_A_FUNCTION: true,
    DIRECT_TO_BUTTON_UNUSED: true,
    DIRECT_TO_BUTTON_LEGACY_ONLY: true
} satisfies Record<RoutingIssueCode, true>) as RoutingIssueCode[];

/** An issue without its place: what is wrong with a value wherever it is. */
export type Finding = Pick<RoutingIssue, 'code' | 'params' | 'message'>;

/** True for an object made by `{}`, `Object.create(null)` or JSON.parse: nothing else. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return false;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    return proto === Object.prototype || proto === null;
}

/** `RoutingIssue.field`: the location as a path (`fallbackRouting[2]`, `x.buttonId`). */
function fieldPath(at: RoutingIssueLocation): string {
    const index = at.index === undefined ? '' : `[${at.index}]`;
    return `${at.key}${index}${at.part === undefined ? '' : `.${at.part}`}`;
}

/** The issue for a code and its params (any values, kept as text). */
export function finding(code: RoutingIssueCode, params: readonly (string | number)[]): Finding {
    const texts = params.map(String);
    return { code, params: texts, message: issueMessage(code, texts) };
}

/** Collects the issues of one validation, errors and warnings apart. */
export class Collector {
    readonly errors: RoutingIssue[] = [];
    readonly warnings: RoutingIssue[] = [];

    add(
        severity: 'error' | 'warning',
        at: RoutingIssueLocation,
        code: RoutingIssueCode,
        params: readonly (string | number)[] = []
    ): void {
        this.place(severity, at, finding(code, params));
    }

    place(severity: 'error' | 'warning', at: RoutingIssueLocation, found: Finding): void {
        const issue: RoutingIssue = { field: fieldPath(at), location: { ...at }, ...found };
        (severity === 'error' ? this.errors : this.warnings).push(issue);
    }
}
