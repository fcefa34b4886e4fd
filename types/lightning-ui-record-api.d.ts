// Types for the part of lightning/uiRecordApi this component uses (@salesforce/lightning-types
// does not cover the module). Type declarations only: nothing is emitted or deployed.
declare module 'lightning/uiRecordApi' {
    /** A field reference: a `@salesforce/schema/Object.Field` import, or 'Object.Field'. */
    type FieldId = { fieldApiName: string; objectApiName: string } | string;

    /** One field of a record, as the User Interface API returns it. */
    interface FieldValueRepresentation {
        value: unknown;
        displayValue: string | null;
    }

    /** A record, as the User Interface API returns it. */
    interface RecordRepresentation {
        id: string;
        apiName: string;
        fields: Record<string, FieldValueRepresentation>;
    }

    interface GetRecordConfig {
        recordId?: string;
        fields?: FieldId[];
        optionalFields?: FieldId[];
    }

    /** What `@wire(getRecord, …)` provisions. */
    interface GetRecordResult {
        data?: RecordRepresentation;
        error?: unknown;
    }

    /** The wire adapter (the shape of lwc's WireAdapterConstructor). */
    export const getRecord: {
        new (callback: (value: GetRecordResult) => void): {
            update(config: GetRecordConfig): void;
            connect(): void;
            disconnect(): void;
        };
    };
    export function getFieldValue(record: RecordRepresentation, field: FieldId): unknown;
    export type { FieldId, GetRecordResult, RecordRepresentation };
}
