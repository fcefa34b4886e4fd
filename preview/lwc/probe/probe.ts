import { LightningElement, api, wire } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import userId from '@salesforce/user/Id';
import isGuest from '@salesforce/user/isGuest';
import FIRST_NAME from '@salesforce/schema/User.FirstName';
import LAST_NAME from '@salesforce/schema/User.LastName';
import EMAIL from '@salesforce/schema/User.Email';
import START_LABEL from '@salesforce/label/c.Chat_Start_Default_Label';
import { isBuilderContext } from 'c/chatComponentBase';

interface UserRecord {
    fields: Record<string, { value: unknown }>;
}

/**
 * Preview-only test component (never deployed): exercises the preview build's platform
 * stand-ins (label, user, schema, getRecord), a base component and the builder-mode toggle.
 */
export default class Probe extends LightningElement {
    @api greeting = 'Preview probe';

    label = START_LABEL;
    guest = isGuest;
    clicks = 0;
    builder = false;
    user?: UserRecord;

    @wire(getRecord, { recordId: userId, fields: [FIRST_NAME, LAST_NAME, EMAIL] })
    wiredUser(result: { data?: UserRecord; error?: unknown }): void {
        this.user = result.data;
    }

    connectedCallback(): void {
        this.builder = isBuilderContext();
    }

    get mode(): string {
        return this.builder ? 'builder' : 'visitor';
    }

    get userName(): string {
        const fields = this.user?.fields;
        if (!fields) {
            return '';
        }
        return [fields.FirstName?.value, fields.LastName?.value].filter(Boolean).join(' ');
    }

    get schemaText(): string {
        return `${FIRST_NAME.objectApiName}.${FIRST_NAME.fieldApiName}`;
    }

    handleClick(): void {
        this.clicks += 1;
    }
}
