/**
 * Preview stand-in for `lightning/uiRecordApi`: a `getRecord` wire adapter that serves the
 * preview's User records (the demo member and the site guest), plus `getFieldValue` and
 * `getFieldDisplayValue`. Data arrives asynchronously, as from Lightning Data Service.
 */
import { USER_RECORDS } from './previewUser.ts';

/** A field reference: a `@salesforce/schema` import or a string such as 'User.FirstName'. */
export type FieldReference = { objectApiName: string; fieldApiName: string } | string;

export interface FieldValue {
    value: unknown;
    displayValue: string | null;
}

export interface RecordRepresentation {
    apiName: string;
    id: string;
    fields: Record<string, FieldValue>;
    childRelationships: Record<string, never>;
    recordTypeId: string | null;
    recordTypeInfo: null;
}

export interface GetRecordConfig {
    recordId?: string;
    fields?: FieldReference | FieldReference[];
    optionalFields?: FieldReference | FieldReference[];
    layoutTypes?: string[];
    modes?: string[];
}

export interface WireResult {
    data: RecordRepresentation | undefined;
    error: { status: number; body: { message: string } } | undefined;
}

/** How long the stand-in takes to "fetch" a record. */
const LATENCY_MS = 30;

function fieldName(field: FieldReference): { objectApiName: string; fieldApiName: string } {
    if (typeof field === 'string') {
        const dot = field.indexOf('.');
        return { objectApiName: field.slice(0, dot), fieldApiName: field.slice(dot + 1) };
    }
    return field;
}

function asList(value: FieldReference | FieldReference[] | undefined): FieldReference[] {
    if (value === undefined || value === null) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}

/** Builds the wire result for one configuration (exported for tests). */
export function lookUpRecord(config: GetRecordConfig): WireResult {
    const record = USER_RECORDS.find(
        (user) => user.Id === config.recordId || user.Id.slice(0, 15) === config.recordId
    );
    if (!record) {
        return {
            data: undefined,
            error: { status: 404, body: { message: 'The requested resource does not exist' } }
        };
    }
    const values = record as unknown as Record<string, unknown>;
    const fields: Record<string, FieldValue> = {};
    const required = asList(config.fields).map(fieldName);
    const optional = asList(config.optionalFields).map(fieldName);
    for (const field of [...required, ...optional]) {
        if (field.objectApiName !== 'User') {
            return {
                data: undefined,
                error: {
                    status: 400,
                    body: {
                        message: `Field ${field.objectApiName}.${field.fieldApiName} is not on User`
                    }
                }
            };
        }
        if (field.fieldApiName in values) {
            const value = values[field.fieldApiName] ?? null;
            fields[field.fieldApiName] = { value, displayValue: null };
        } else if (required.includes(field)) {
            return {
                data: undefined,
                error: {
                    status: 400,
                    body: { message: `No such column '${field.fieldApiName}' on entity 'User'` }
                }
            };
        }
    }
    return {
        data: {
            apiName: 'User',
            id: record.Id,
            fields,
            childRelationships: {},
            recordTypeId: null,
            recordTypeInfo: null
        },
        error: undefined
    };
}

/** The `getRecord` wire adapter (LWC's class-based adapter protocol). */
export class getRecord {
    private readonly dataCallback: (value: WireResult) => void;
    private connected = false;
    private config: GetRecordConfig | null = null;
    private timer: ReturnType<typeof setTimeout> | null = null;

    constructor(dataCallback: (value: WireResult) => void) {
        this.dataCallback = dataCallback;
    }

    update(config: GetRecordConfig): void {
        this.config = config;
        this.emitSoon();
    }

    connect(): void {
        this.connected = true;
        this.emitSoon();
    }

    disconnect(): void {
        this.connected = false;
        if (this.timer !== null) {
            clearTimeout(this.timer);
            this.timer = null;
        }
    }

    private emitSoon(): void {
        const config = this.config;
        // Like Lightning Data Service: nothing is provisioned until the record ID is known.
        if (!this.connected || !config || !config.recordId) {
            return;
        }
        if (this.timer !== null) {
            clearTimeout(this.timer);
        }
        this.timer = setTimeout(() => {
            this.timer = null;
            if (this.connected) {
                this.dataCallback(lookUpRecord(config));
            }
        }, LATENCY_MS);
    }
}

export function getFieldValue(
    record: RecordRepresentation | undefined | null,
    field: FieldReference
): unknown {
    if (!record) {
        return undefined;
    }
    return record.fields[fieldName(field).fieldApiName]?.value;
}

export function getFieldDisplayValue(
    record: RecordRepresentation | undefined | null,
    field: FieldReference
): unknown {
    if (!record) {
        return undefined;
    }
    const value = record.fields[fieldName(field).fieldApiName];
    return value ? (value.displayValue ?? value.value) : undefined;
}
