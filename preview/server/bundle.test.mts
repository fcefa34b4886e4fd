/** Unit tests of the preview build helpers (run with the other preview unit tests). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBuilderProperties, tagName } from './bundle.mts';

describe('preview build helpers', () => {
    it('names custom elements as LWC does', () => {
        assert.equal(tagName('c', 'chatStartButton'), 'c-chat-start-button');
        assert.equal(tagName('preview', 'probe'), 'preview-probe');
    });

    it('reads the Experience Builder properties of a js-meta.xml, typed', () => {
        const xml = `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <targets><target>lightningCommunity__Page</target><target>lightningCommunity__Default</target></targets>
    <targetConfigs>
        <targetConfig targets="lightningCommunity__Default">
            <property name="buttonLabel" type="String" label="Button label" default="" placeholder="Chat"/>
            <property name="variant" type="String" datasource="brand,neutral" default="brand"/>
            <property name="stretch" type="Boolean" default="TRUE"/>
            <property name="count" type="Integer" default="3" min="1" max="9"/>
            <property name="rules" type="String" editor="c/rulesEditor" required="true"/>
        </targetConfig>
    </targetConfigs>
</LightningComponentBundle>`;
        assert.deepEqual(readBuilderProperties(xml), [
            {
                name: 'buttonLabel',
                type: 'String',
                label: 'Button label',
                placeholder: 'Chat',
                default: ''
            },
            { name: 'variant', type: 'String', datasource: 'brand,neutral', default: 'brand' },
            { name: 'stretch', type: 'Boolean', default: true },
            { name: 'count', type: 'Integer', default: 3, min: 1, max: 9 },
            { name: 'rules', type: 'String', editor: 'c/rulesEditor', required: true }
        ]);
    });

    it('returns no properties without a lightningCommunity__Default target config', () => {
        const xml = `<LightningComponentBundle><targetConfigs><targetConfig targets="lightning__AppPage"><property name="x" type="String"/></targetConfig></targetConfigs></LightningComponentBundle>`;
        assert.deepEqual(readBuilderProperties(xml), []);
        assert.deepEqual(readBuilderProperties('<LightningComponentBundle/>'), []);
    });
});
