/**
 * What every routing rule module shares: the limits and the collector that turns a code, its
 * params and a location into a RoutingIssue. The rules hold only codes and params; the words
 * are the codes' Custom Labels, in the Builder-only admin library (c/chatAdminChecks).
 */
import type { RoutingIssue, RoutingIssueCode, RoutingIssueLocation } from './chatTypes';

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

/** An issue without its place: what is wrong with a value wherever it is. */
export type Finding = Pick<RoutingIssue, 'code' | 'params'>;

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
    return { code, params: params.map(String) };
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
