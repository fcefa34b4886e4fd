/**
 * The rules for the legacy client's `extraPrechatInfo` and `extraPrechatFormDetails`: lists of
 * plain entries in the shapes the client documents, within sane sizes.
 */
import type {
    ExtraPrechatEntityFieldMap,
    ExtraPrechatFormDetail,
    ExtraPrechatInfo,
    RoutingIssueLocation
} from './chatTypes';
import { isPlainObject, ROUTING_LIMITS, type Collector } from './routingIssues';

/** Where a value inside entry `index` of `key` is: `part` is the path inside the entry. */
type Place = (part: string) => RoutingIssueLocation;

/** A text; `undefined` when absent and optional, null after reporting a problem. */
function readText(
    value: unknown,
    at: RoutingIssueLocation,
    out: Collector,
    required: boolean
): string | undefined | null {
    if (value === undefined || value === null) {
        if (!required) return undefined;
        out.add('error', at, 'REQUIRED');
        return null;
    }
    if (typeof value !== 'string') {
        out.add('error', at, 'NOT_TEXT');
        return null;
    }
    if (required && value.trim() === '') {
        out.add('error', at, 'REQUIRED');
        return null;
    }
    if (value.length > ROUTING_LIMITS.textLength) {
        out.add('error', at, 'TOO_LONG', [ROUTING_LIMITS.textLength]);
        return null;
    }
    return value;
}

function readBool(value: unknown, at: RoutingIssueLocation, out: Collector): boolean | null {
    if (typeof value !== 'boolean') {
        out.add('error', at, 'NOT_BOOLEAN');
        return null;
    }
    return value;
}

/**
 * A list of at most `max` entries, each read by `readEntry`; null after reporting problems. Each
 * entry is read even after an earlier one failed, so that every problem is reported at once.
 */
function readEntries<T>(
    value: unknown,
    at: RoutingIssueLocation,
    name: string,
    max: number,
    out: Collector,
    readEntry: (raw: unknown, place: Place) => T | null,
    tooMany: 'TOO_MANY' | 'FIELD_MAPS_TOO_MANY' = 'TOO_MANY'
): T[] | null {
    if (!Array.isArray(value)) {
        out.add('error', at, 'NOT_A_LIST', [name]);
        return null;
    }
    if (value.length > max) {
        out.add('error', at, tooMany, tooMany === 'TOO_MANY' ? [max, name] : [max]);
        return null;
    }
    const entries = value.map((raw: unknown, i) => readEntry(raw, (part) => placeOf(at, i, part)));
    return entries.every((e): e is T => e !== null) ? entries : null;
}

/** The location of `part` inside entry `i` of the list at `at`. */
function placeOf(at: RoutingIssueLocation, i: number, part: string): RoutingIssueLocation {
    if (at.part === undefined) {
        return part === '' ? { key: at.key, index: i } : { key: at.key, index: i, part };
    }
    const inner = `${at.part}[${i}]${part === '' ? '' : `.${part}`}`;
    return { ...at, part: inner };
}

function readFieldMap(
    raw: unknown,
    place: Place,
    out: Collector
): ExtraPrechatEntityFieldMap | null {
    if (!isPlainObject(raw)) {
        out.add('error', place(''), 'FIELD_MAP_NOT_AN_OBJECT');
        return null;
    }
    const fieldName = readText(raw.fieldName, place('fieldName'), out, true);
    const label = readText(raw.label, place('label'), out, true);
    const doCreate = readBool(raw.doCreate, place('doCreate'), out);
    const doFind = readBool(raw.doFind, place('doFind'), out);
    const isExactMatch = readBool(raw.isExactMatch, place('isExactMatch'), out);
    if (!fieldName || !label || doCreate === null || doFind === null || isExactMatch === null) {
        return null;
    }
    return { fieldName, label, doCreate, doFind, isExactMatch };
}

function readInfo(raw: unknown, place: Place, out: Collector): ExtraPrechatInfo | null {
    const key = 'extraPrechatInfo';
    if (!isPlainObject(raw)) {
        out.add('error', place(''), 'ENTRY_NOT_AN_OBJECT', [key]);
        return null;
    }
    const entityName = readText(raw.entityName, place('entityName'), out, true);
    const optional = ['saveToTranscript', 'linkToEntityName', 'linkToEntityField'] as const;
    const texts = optional.map((name) => readText(raw[name], place(name), out, false));
    const showOnCreate =
        raw.showOnCreate === undefined
            ? undefined
            : readBool(raw.showOnCreate, place('showOnCreate'), out);
    const maps = readEntries(
        raw.entityFieldMaps,
        place('entityFieldMaps'),
        'entityFieldMaps',
        ROUTING_LIMITS.entityFieldMaps,
        out,
        (map, mapPlace) => readFieldMap(map, mapPlace, out),
        'FIELD_MAPS_TOO_MANY'
    );
    if (!entityName || texts.includes(null) || !maps) {
        return null;
    }
    const entry: ExtraPrechatInfo = { entityName, entityFieldMaps: maps };
    if (typeof showOnCreate === 'boolean') entry.showOnCreate = showOnCreate;
    optional.forEach((name, i) => {
        const text = texts[i];
        if (typeof text === 'string') entry[name] = text;
    });
    return entry;
}

function readFormDetail(raw: unknown, place: Place, out: Collector): ExtraPrechatFormDetail | null {
    if (!isPlainObject(raw)) {
        out.add('error', place(''), 'ENTRY_NOT_AN_OBJECT', ['extraPrechatFormDetails']);
        return null;
    }
    const label = readText(raw.label, place('label'), out, true);
    const detailValue = readText(raw.value, place('value'), out, false);
    const displayToAgent = readBool(raw.displayToAgent, place('displayToAgent'), out);
    let transcriptFields: string[] | null = null;
    if (!Array.isArray(raw.transcriptFields)) {
        out.add('error', place('transcriptFields'), 'TRANSCRIPT_FIELDS_NOT_A_LIST');
    } else {
        const names = raw.transcriptFields.map((n: unknown, i) =>
            readText(n, place(`transcriptFields[${i}]`), out, true)
        );
        transcriptFields = names.every((n): n is string => typeof n === 'string') ? names : null;
    }
    if (!label || detailValue === null || displayToAgent === null || !transcriptFields) {
        return null;
    }
    const detail: ExtraPrechatFormDetail = { label, displayToAgent, transcriptFields };
    if (detailValue !== undefined) detail.value = detailValue;
    return detail;
}

export function readExtraPrechatInfo(value: unknown, out: Collector): ExtraPrechatInfo[] | null {
    const key = 'extraPrechatInfo';
    const max = ROUTING_LIMITS.extraPrechatInfo;
    return readEntries(value, { key }, key, max, out, (raw, place) => readInfo(raw, place, out));
}

export function readFormDetails(value: unknown, out: Collector): ExtraPrechatFormDetail[] | null {
    const key = 'extraPrechatFormDetails';
    const max = ROUTING_LIMITS.extraPrechatFormDetails;
    return readEntries(value, { key }, key, max, out, (raw, place) =>
        readFormDetail(raw, place, out)
    );
}
