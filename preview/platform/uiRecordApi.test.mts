/** Unit tests of the preview's getRecord stand-in (run with the other preview unit tests). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getFieldValue, lookUpRecord } from './uiRecordApi.ts';
import { DEMO_MEMBER } from './previewUser.ts';

const FIRST_NAME = { objectApiName: 'User', fieldApiName: 'FirstName' };

describe('uiRecordApi stand-in', () => {
    it("serves the demo member's fields, by schema object or string", () => {
        const result = lookUpRecord({
            recordId: DEMO_MEMBER.Id,
            fields: [FIRST_NAME, 'User.LastName'],
            optionalFields: ['User.Email']
        });
        assert.equal(result.error, undefined);
        assert.equal(getFieldValue(result.data, FIRST_NAME), 'Ada');
        assert.equal(getFieldValue(result.data, 'User.LastName'), 'Lovelace');
        assert.equal(getFieldValue(result.data, 'User.Email'), 'ada.lovelace@example.com');
    });

    it('answers 404 for an unknown record and 400 for an unknown required field', () => {
        assert.equal(
            lookUpRecord({ recordId: '005000000000000', fields: [FIRST_NAME] }).error?.status,
            404
        );
        assert.equal(
            lookUpRecord({ recordId: DEMO_MEMBER.Id, fields: ['User.Shoe_Size__c'] }).error?.status,
            400
        );
        assert.equal(
            lookUpRecord({ recordId: DEMO_MEMBER.Id, optionalFields: ['User.Shoe_Size__c'] }).error,
            undefined
        );
    });
});
