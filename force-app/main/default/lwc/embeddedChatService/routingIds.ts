/**
 * The routing rule for one ID: what is wrong with it for the kind of record it must be, worded
 * once, for validateRouting and for admin UIs that check one ID at a time (idIssueFor).
 */
import type { RoutingIssueLocation } from './chatTypes';
import {
    checkId,
    idPrefixes,
    NOT_IN_ID,
    shorten,
    type IdKind,
    type IdProblem
} from './salesforceIds';
import { finding, type Collector, type Finding } from './routingIssues';

const ID_CODE = {
    empty: 'ID_EMPTY',
    length: 'ID_LENGTH',
    characters: 'ID_CHARACTERS',
    prefix: 'ID_PREFIX',
    checksum: 'ID_CHECKSUM'
} as const satisfies Record<IdProblem, string>;

/**
 * What is wrong with `id` as an ID of this kind (strings are trimmed first), or null when the
 * service accepts it. The params start with the kind, then the ID (whole; text longer than an ID
 * is shortened), then the rest.
 */
export function idIssueFor(id: unknown, kind: IdKind): Finding | null {
    if (typeof id !== 'string') {
        return finding('ID_NOT_TEXT', [kind]);
    }
    const trimmed = id.trim();
    const problem = checkId(trimmed, kind);
    if (problem === null) {
        return null;
    }
    const params: (string | number)[] = [kind];
    if (problem === 'empty') {
        params.push(idPrefixes(kind));
    } else {
        params.push(shorten(trimmed));
        if (problem === 'length') params.push(trimmed.length);
        if (problem === 'prefix') params.push(idPrefixes(kind));
        // The first character that can't be in an ID, by its code (it may be invisible), and its place.
        const bad = problem === 'characters' ? NOT_IN_ID.exec(trimmed) : null;
        const code = bad?.[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
        if (bad) params.push(`U+${code}`, bad.index + 1);
    }
    return finding(ID_CODE[problem], params);
}

/** Checks one ID value; returns the trimmed ID, or null after reporting the problem. */
export function readId(
    value: unknown,
    kind: IdKind,
    at: RoutingIssueLocation,
    out: Collector
): string | null {
    const issue = idIssueFor(value, kind);
    if (issue) {
        out.place('error', at, issue);
        return null;
    }
    return (value as string).trim();
}
