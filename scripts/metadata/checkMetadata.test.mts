/**
 * Tests of the metadata check: a valid fixture project passes, and each broken fixture (one per
 * rule) fails with a message that names the file and the fix.
 * Run with `node --test` (npm run test:scripts).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { apiMembers, checkMetadata, type MetadataProblem } from './checkMetadata.mts';

const NS = 'http://soap.sforce.com/2006/04/metadata';

const VALID_META = `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="${NS}">
    <apiVersion>65.0</apiVersion>
    <isExposed>true</isExposed>
    <masterLabel>Greeting</masterLabel>
    <description>Says hello.</description>
    <targets>
        <target>lightningCommunity__Page</target>
        <target>lightningCommunity__Default</target>
    </targets>
    <capabilities>
        <capability>lightningCommunity__RelaxedCSP</capability>
    </capabilities>
    <targetConfigs>
        <targetConfig targets="lightningCommunity__Default">
            <property name="greeting" type="String" label="Greeting" default="Hello" />
        </targetConfig>
    </targetConfigs>
</LightningComponentBundle>
`;

const VALID_TS = `import { LightningElement, api } from 'lwc';
import HELLO from '@salesforce/label/c.Hello';

export default class Greeting extends LightningElement {
    @api greeting = HELLO;
}
`;

const VALID_JS = `import { LightningElement, api } from 'lwc';
import HELLO from '@salesforce/label/c.Hello';

export default class Greeting extends LightningElement {
    @api greeting = HELLO;
}
`;

const VALID_HTML = `<template><p>{greeting}</p></template>
`;

const LABELS = `<?xml version="1.0" encoding="UTF-8"?>
<CustomLabels xmlns="${NS}">
    <labels>
        <fullName>Hello</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Hello</shortDescription>
        <value>Hello</value>
    </labels>
</CustomLabels>
`;

const SFDX_PROJECT = `${JSON.stringify(
    {
        packageDirectories: [{ path: 'force-app', default: true }],
        name: 'fixture',
        sourceApiVersion: '65.0'
    },
    null,
    4
)}
`;

const EDITOR_DIR = 'force-app/main/default/lwc/greetingEditor';
const EDITOR_META_FILE = `${EDITOR_DIR}/greetingEditor.js-meta.xml`;

const EDITOR_META = `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="${NS}">
    <apiVersion>65.0</apiVersion>
    <isExposed>true</isExposed>
    <masterLabel>Greeting Editor</masterLabel>
    <description>Edits the greeting in Experience Builder.</description>
    <targets>
        <target>lightning__PropertyEditor</target>
    </targets>
</LightningComponentBundle>
`;

const EDITOR_SOURCE = `import { LightningElement, api } from 'lwc';

export default class GreetingEditor extends LightningElement {
    @api label;
    @api value;
    @api errors;
}
`;

/** A property editor bundle (c/greetingEditor) for the greeting property; `meta` replaces its js-meta.xml. */
function editorBundle(meta: string = EDITOR_META): Record<string, string> {
    return {
        [`${EDITOR_DIR}/greetingEditor.ts`]: EDITOR_SOURCE,
        [`${EDITOR_DIR}/greetingEditor.js`]: EDITOR_SOURCE,
        [`${EDITOR_DIR}/greetingEditor.html`]: '<template><p>{value}</p></template>\n',
        [EDITOR_META_FILE]: meta
    };
}

const roots: string[] = [];
after(() => {
    for (const root of roots) {
        fs.rmSync(root, { recursive: true, force: true });
    }
});

/** Writes a small valid project, then applies `change` (file path -> content, or null to delete). */
function fixture(change: Record<string, string | null> = {}): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'metadata-fixture-'));
    roots.push(root);
    const files: Record<string, string | null> = {
        'sfdx-project.json': SFDX_PROJECT,
        'force-app/main/default/labels/CustomLabels.labels-meta.xml': LABELS,
        'force-app/main/default/lwc/greeting/greeting.ts': VALID_TS,
        'force-app/main/default/lwc/greeting/greeting.js': VALID_JS,
        'force-app/main/default/lwc/greeting/greeting.html': VALID_HTML,
        'force-app/main/default/lwc/greeting/greeting.js-meta.xml': VALID_META,
        ...change
    };
    for (const [rel, content] of Object.entries(files)) {
        if (content === null) {
            continue;
        }
        const full = path.join(root, rel);
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, content);
    }
    return root;
}

const META = 'force-app/main/default/lwc/greeting/greeting.js-meta.xml';
const PROPERTY = '<property name="greeting" type="String" label="Greeting" default="Hello" />';

function metaWith(from: string, to: string): Record<string, string> {
    assert.ok(VALID_META.includes(from), `fixture text not found: ${from}`);
    return { [META]: VALID_META.replace(from, to) };
}

function only(problems: MetadataProblem[], rule: string): MetadataProblem {
    assert.deepEqual(
        problems.map((p) => p.rule),
        [rule],
        `expected exactly one "${rule}" problem, got: ${JSON.stringify(problems, null, 2)}`
    );
    return problems[0];
}

describe('checkMetadata', () => {
    it('accepts a valid project', () => {
        assert.deepEqual(checkMetadata(fixture()), []);
    });

    it('rejects a js-meta.xml that is not well-formed XML', () => {
        const problem = only(
            checkMetadata(fixture(metaWith('</masterLabel>', '</masterLabelx>'))),
            'xml-well-formed'
        );
        assert.equal(problem.file, META);
        assert.match(problem.message, /greeting\.js-meta\.xml: not well-formed XML \(line \d+/);
        assert.match(problem.message, /Fix the XML syntax/);
    });

    it('rejects a metadata file outside the metadata namespace', () => {
        const problem = only(
            checkMetadata(fixture(metaWith(` xmlns="${NS}"`, ''))),
            'xml-namespace'
        );
        assert.match(
            problem.message,
            /greeting\.js-meta\.xml: the root element <LightningComponentBundle>/
        );
        assert.match(problem.message, /Add xmlns="http:\/\/soap\.sforce\.com\/2006\/04\/metadata"/);
    });

    it('rejects a bundle whose .js was not built', () => {
        const problem = only(
            checkMetadata(fixture({ 'force-app/main/default/lwc/greeting/greeting.js': null })),
            'bundle-js'
        );
        assert.equal(problem.file, 'force-app/main/default/lwc/greeting/greeting.js');
        assert.match(problem.message, /Run npm run build to compile greeting\.ts/);
    });

    it('rejects a bundle without its js-meta.xml', () => {
        const problem = only(checkMetadata(fixture({ [META]: null })), 'bundle-meta');
        assert.equal(problem.file, META);
        assert.match(problem.message, /is missing\. Add a js-meta\.xml/);
    });

    it('rejects a bundle without an apiVersion', () => {
        const problem = only(
            checkMetadata(fixture(metaWith('<apiVersion>65.0</apiVersion>', ''))),
            'api-version'
        );
        assert.match(
            problem.message,
            /<apiVersion> is missing\. Add <apiVersion>NN\.0<\/apiVersion>/
        );
    });

    it('rejects an unknown target', () => {
        const problem = only(
            checkMetadata(
                fixture(
                    metaWith(
                        '<target>lightningCommunity__Page</target>',
                        '<target>lightningCommunity__Page</target><target>lightningCommunity__Pages</target>'
                    )
                )
            ),
            'known-target'
        );
        assert.match(
            problem.message,
            /unknown target "lightningCommunity__Pages"\. Use one of the documented targets/
        );
    });

    it('rejects a targetConfig for a target the bundle does not declare', () => {
        const problem = only(
            checkMetadata(
                fixture(
                    metaWith(
                        '<target>lightningCommunity__Default</target>',
                        '<target>lightning__AppPage</target>'
                    )
                )
            ),
            'target-config-declared'
        );
        assert.match(
            problem.message,
            /configures a target the bundle does not declare\. Add <target>lightningCommunity__Default<\/target>/
        );
    });

    it('rejects a property type that Experience Builder does not accept', () => {
        const problem = only(
            checkMetadata(fixture(metaWith('type="String"', 'type="Picklist"'))),
            'property-type'
        );
        assert.match(
            problem.message,
            /property "greeting" has type "Picklist".*Use one of: String, Integer, Boolean, Color, ContentReference/
        );
    });

    it('rejects a property that is not an @api member of the component', () => {
        const problem = only(
            checkMetadata(fixture(metaWith('name="greeting"', 'name="greting"'))),
            'property-is-api'
        );
        assert.match(
            problem.message,
            /property "greting" is not an @api member of force-app\/main\/default\/lwc\/greeting\/greeting\.ts\. Add "@api greting"/
        );
    });

    it('rejects a property editor that is not a component of the project', () => {
        const problem = only(
            checkMetadata(
                fixture(metaWith('type="String"', 'type="String" editor="c/missingEditor"'))
            ),
            'property-editor'
        );
        assert.match(problem.message, /names the editor "c\/missingEditor"/);
    });

    it('accepts a property editor bundle that targets lightning__PropertyEditor', () => {
        assert.deepEqual(
            checkMetadata(
                fixture({
                    ...editorBundle(),
                    ...metaWith('type="String"', 'type="String" editor="c/greetingEditor"')
                })
            ),
            []
        );
    });

    it('rejects a property editor bundle that does not target lightning__PropertyEditor', () => {
        const problem = only(
            checkMetadata(
                fixture({
                    ...editorBundle(
                        EDITOR_META.replace(
                            '<target>lightning__PropertyEditor</target>',
                            '<target>lightning__AppPage</target>'
                        )
                    ),
                    ...metaWith('type="String"', 'type="String" editor="c/greetingEditor"')
                })
            ),
            'property-editor-target'
        );
        assert.equal(problem.file, META);
        assert.match(
            problem.message,
            /greeting\.js-meta\.xml: property "greeting" names the editor "c\/greetingEditor", but force-app\/main\/default\/lwc\/greetingEditor\/greetingEditor\.js-meta\.xml does not declare the target lightning__PropertyEditor/
        );
        assert.match(problem.message, /Add <target>lightning__PropertyEditor<\/target>/);
    });

    it('rejects a property with an editor that also has datasource, min, max or placeholder', () => {
        const problem = only(
            checkMetadata(
                fixture({
                    ...editorBundle(),
                    ...metaWith(
                        'type="String"',
                        'type="String" editor="c/greetingEditor" placeholder="Hi"'
                    )
                })
            ),
            'property-editor-attributes'
        );
        assert.equal(problem.file, META);
        assert.match(
            problem.message,
            /greeting\.js-meta\.xml: property "greeting" has a custom editor and also "placeholder", a combination Experience Builder rejects\. Remove that attribute/
        );
    });

    it('rejects datasource on a non-String property and min/max on a non-Integer one', () => {
        const minOnString = only(
            checkMetadata(fixture(metaWith('type="String"', 'type="String" min="1"'))),
            'property-attribute-type'
        );
        assert.equal(minOnString.file, META);
        assert.match(
            minOnString.message,
            /greeting\.js-meta\.xml: property "greeting" has "min" but type "String": min and max are only allowed on Integer properties\. Make the property an Integer, or remove "min"/
        );
        const datasourceOnBoolean = only(
            checkMetadata(
                fixture(
                    metaWith(
                        PROPERTY,
                        '<property name="greeting" type="Boolean" label="Greeting" default="true" datasource="true,false" />'
                    )
                )
            ),
            'property-attribute-type'
        );
        assert.match(
            datasourceOnBoolean.message,
            /property "greeting" has a datasource but type "Boolean": a datasource \(static picklist\) is only allowed on String properties\. Make the property a String, or remove the datasource/
        );
    });

    it('rejects a Boolean default other than true/false and an Integer default outside min/max', () => {
        const booleanDefault = only(
            checkMetadata(
                fixture(
                    metaWith(
                        PROPERTY,
                        '<property name="greeting" type="Boolean" label="Greeting" default="yes" />'
                    )
                )
            ),
            'property-default'
        );
        assert.equal(booleanDefault.file, META);
        assert.match(
            booleanDefault.message,
            /greeting\.js-meta\.xml: property "greeting" is a Boolean with default="yes"\. Set default="true" or default="false"/
        );
        const outOfRange = only(
            checkMetadata(
                fixture(
                    metaWith(
                        PROPERTY,
                        '<property name="greeting" type="Integer" label="Greeting" default="12" min="1" max="10" />'
                    )
                )
            ),
            'property-default'
        );
        assert.match(
            outOfRange.message,
            /property "greeting" has default="12", outside its range \(min 1, max 10\)\. Set a default within min\/max/
        );
        const notInteger = only(
            checkMetadata(
                fixture(
                    metaWith(
                        PROPERTY,
                        '<property name="greeting" type="Integer" label="Greeting" default="Hello" />'
                    )
                )
            ),
            'property-default'
        );
        assert.match(
            notInteger.message,
            /is an Integer with default="Hello", which is not an integer\. Set the default to a whole number/
        );
    });

    it('rejects Integer bounds that are not integers or leave no valid value', () => {
        const problem = only(
            checkMetadata(
                fixture(
                    metaWith(
                        PROPERTY,
                        '<property name="greeting" type="Integer" label="Greeting" default="5" min="10" max="1" />'
                    )
                )
            ),
            'property-range'
        );
        assert.equal(problem.file, META);
        assert.match(
            problem.message,
            /greeting\.js-meta\.xml: property "greeting" has min="10" greater than max="1", so no value is valid\. Swap or fix the bounds/
        );
        const notInteger = only(
            checkMetadata(
                fixture(
                    metaWith(
                        PROPERTY,
                        '<property name="greeting" type="Integer" label="Greeting" max="ten" />'
                    )
                )
            ),
            'property-range'
        );
        assert.match(
            notInteger.message,
            /has max="ten", which is not an integer\. Set max to a whole number/
        );
    });

    it('rejects a bundle apiVersion other than sfdx-project.json sourceApiVersion', () => {
        const change = metaWith('<apiVersion>65.0</apiVersion>', '<apiVersion>64.0</apiVersion>');
        const problem = only(checkMetadata(fixture(change)), 'api-version-matches-project');
        assert.equal(problem.file, META);
        assert.match(
            problem.message,
            /greeting\.js-meta\.xml: <apiVersion> is 64\.0, but sfdx-project\.json's sourceApiVersion is 65\.0\. Set <apiVersion>65\.0<\/apiVersion>/
        );
        // Without sfdx-project.json there is no project version to match: the rule is skipped.
        assert.deepEqual(checkMetadata(fixture({ ...change, 'sfdx-project.json': null })), []);
        const unparsable = only(
            checkMetadata(fixture({ 'sfdx-project.json': '{ "sourceApiVersion": ' })),
            'api-version-matches-project'
        );
        assert.equal(unparsable.file, 'sfdx-project.json');
        assert.match(
            unparsable.message,
            /sfdx-project\.json: not valid JSON .*Fix the JSON syntax/
        );
    });

    it('rejects an exposed lightningCommunity__Default property without a label', () => {
        const problem = only(
            checkMetadata(fixture(metaWith(' label="Greeting"', ''))),
            'property-label'
        );
        assert.equal(problem.file, META);
        assert.match(
            problem.message,
            /greeting\.js-meta\.xml: property "greeting" has no label, so admins see no name for it in Experience Builder's property panel\. Add label=/
        );
        const blank = only(
            checkMetadata(fixture(metaWith('label="Greeting"', 'label=" "'))),
            'property-label'
        );
        assert.match(blank.message, /property "greeting" has no label/);
    });

    it('rejects an exposed component without masterLabel', () => {
        const problem = only(
            checkMetadata(fixture(metaWith('<masterLabel>Greeting</masterLabel>', ''))),
            'exposed-master-label'
        );
        assert.match(problem.message, /needs a <masterLabel>.*Add one/);
    });

    it('rejects an exposed component without description', () => {
        const problem = only(
            checkMetadata(fixture(metaWith('<description>Says hello.</description>', ''))),
            'exposed-description'
        );
        assert.match(problem.message, /needs a <description>.*Add one/);
    });

    it('rejects an Experience Cloud component without the RelaxedCSP capability', () => {
        const problem = only(
            checkMetadata(
                fixture(metaWith('<capability>lightningCommunity__RelaxedCSP</capability>', ''))
            ),
            'relaxed-csp-capability'
        );
        assert.match(
            problem.message,
            /must declare <capabilities><capability>lightningCommunity__RelaxedCSP/
        );
    });

    it('rejects an unknown capability', () => {
        const problem = only(
            checkMetadata(
                fixture(
                    metaWith(
                        '<capability>lightningCommunity__RelaxedCSP</capability>',
                        '<capability>lightningCommunity__RelaxedCSP</capability><capability>lightningCommunity__StrictCSP</capability>'
                    )
                )
            ),
            'known-capability'
        );
        assert.match(problem.message, /unknown capability "lightningCommunity__StrictCSP"/);
    });

    it('rejects a bundle that imports a component dynamically without lightning__dynamicComponent', () => {
        const dynamicTs = `${VALID_TS}
export function loadNotice() {
    return import('c/notice');
}
`;
        const problem = only(
            checkMetadata(
                fixture({
                    'force-app/main/default/lwc/greeting/greeting.ts': dynamicTs,
                    'force-app/main/default/lwc/greeting/greeting.js': dynamicTs
                })
            ),
            'dynamic-component-capability'
        );
        assert.equal(problem.file, META);
        assert.match(
            problem.message,
            /greeting\.ts \(import\(\)\) loads or renders a component dynamically.*<capability>lightning__dynamicComponent<\/capability>/
        );
    });

    it('rejects a template with <lwc:component> without the capability, and accepts it with', () => {
        const html = '<template><lwc:component lwc:is={ctor}></lwc:component></template>\n';
        const template = { 'force-app/main/default/lwc/greeting/greeting.html': html };
        const problems = checkMetadata(fixture(template));
        assert.deepEqual(problems.map((p) => p.rule).sort(), [
            'dynamic-component-capability',
            'lwc-compiles'
        ]);
        assert.match(
            problems.find((p) => p.rule === 'dynamic-component-capability')!.message,
            /greeting\.html \(<lwc:component>\)/
        );
        const declared = metaWith(
            '<capability>lightningCommunity__RelaxedCSP</capability>',
            '<capability>lightningCommunity__RelaxedCSP</capability><capability>lightning__dynamicComponent</capability>'
        );
        assert.deepEqual(checkMetadata(fixture({ ...template, ...declared })), []);
    });

    it('rejects lightning__dynamicComponent below apiVersion 55.0', () => {
        const old = VALID_META.replace(
            '<apiVersion>65.0</apiVersion>',
            '<apiVersion>54.0</apiVersion>'
        ).replace(
            '<capability>lightningCommunity__RelaxedCSP</capability>',
            '<capability>lightningCommunity__RelaxedCSP</capability><capability>lightning__dynamicComponent</capability>'
        );
        const problems = checkMetadata(fixture({ [META]: old }));
        assert.ok(
            problems.some(
                (p) =>
                    p.rule === 'dynamic-component-api-version' &&
                    /needs <apiVersion>55\.0<\/apiVersion> or later; this bundle has 54\.0/.test(
                        p.message
                    )
            ),
            JSON.stringify(problems, null, 2)
        );
    });

    it('rejects a Custom Label import that the labels file does not define', () => {
        const problem = only(
            checkMetadata(
                fixture({
                    'force-app/main/default/lwc/greeting/greeting.ts': VALID_TS.replace(
                        'c.Hello',
                        'c.Goodbye'
                    )
                })
            ),
            'custom-label-exists'
        );
        assert.match(
            problem.message,
            /imports the Custom Label c\.Goodbye.*Add it to CustomLabels\.labels-meta\.xml/
        );
    });

    it('rejects a Custom Label whose short description is too long for an org', () => {
        const problem = only(
            checkMetadata(
                fixture({
                    'force-app/main/default/labels/CustomLabels.labels-meta.xml': LABELS.replace(
                        '<shortDescription>Hello</shortDescription>',
                        `<shortDescription>${'d'.repeat(81)}</shortDescription>`
                    )
                })
            ),
            'custom-label'
        );
        assert.match(
            problem.message,
            /label Hello: <shortDescription> must have 1 to 80 characters \(it has 81\)\. Shorten it\./
        );
    });

    it('rejects a bundle that the LWC compiler cannot compile', () => {
        const problem = only(
            checkMetadata(
                fixture({
                    'force-app/main/default/lwc/greeting/greeting.html':
                        '<template><p>{greeting}</template>\n'
                })
            ),
            'lwc-compiles'
        );
        assert.equal(problem.file, 'force-app/main/default/lwc/greeting/greeting.html');
        assert.match(problem.message, /the LWC compiler rejects this file/);
    });
});

describe('checkMetadata: message channels', () => {
    const CHANNEL_FILE =
        'force-app/main/default/messageChannels/Greeting_Sent.messageChannel-meta.xml';
    const CHANNEL = `<?xml version="1.0" encoding="UTF-8"?>
<LightningMessageChannel xmlns="${NS}">
    <masterLabel>Greeting Sent</masterLabel>
    <isExposed>true</isExposed>
    <description>A greeting was sent.</description>
    <lightningMessageFields>
        <fieldName>greeting</fieldName>
        <description>The greeting's text.</description>
    </lightningMessageFields>
</LightningMessageChannel>
`;
    const IMPORTER = VALID_TS.replace(
        "import HELLO from '@salesforce/label/c.Hello';",
        "import HELLO from '@salesforce/label/c.Hello';\nimport SENT from '@salesforce/messageChannel/Greeting_Sent__c';"
    );

    it('accepts a described, exposed channel that a component imports', () => {
        assert.deepEqual(
            checkMetadata(
                fixture({
                    [CHANNEL_FILE]: CHANNEL,
                    'force-app/main/default/lwc/greeting/greeting.ts': IMPORTER
                })
            ),
            []
        );
    });

    it('rejects a channel without a description, a field without one, a field listed twice', () => {
        const broken = CHANNEL.replace('<description>A greeting was sent.</description>', '')
            .replace("<description>The greeting's text.</description>", '')
            .replace(
                '</LightningMessageChannel>',
                '<lightningMessageFields><fieldName>greeting</fieldName><description>x</description></lightningMessageFields></LightningMessageChannel>'
            );
        const problems = checkMetadata(fixture({ [CHANNEL_FILE]: broken }));
        assert.deepEqual(
            problems.map((p) => p.rule),
            ['message-channel', 'message-channel', 'message-channel']
        );
        assert.match(problems[0].message, /<description> is missing/);
        assert.match(problems[1].message, /the field "greeting" has no <description>/);
        assert.match(problems[2].message, /the field "greeting" is listed twice/);
    });

    it('rejects isExposed that is not a Boolean, and a name an org cannot take', () => {
        const problems = checkMetadata(
            fixture({
                'force-app/main/default/messageChannels/Bad__Name.messageChannel-meta.xml':
                    CHANNEL.replace('<isExposed>true</isExposed>', '<isExposed>yes</isExposed>')
            })
        );
        assert.deepEqual(
            problems.map((p) => p.rule),
            ['message-channel', 'message-channel']
        );
        assert.match(problems[0].message, /"Bad__Name" cannot be a message channel's API name/);
        assert.match(problems[1].message, /<isExposed> must be true or false/);
    });

    it('rejects a component importing a message channel the project does not define', () => {
        const problem = only(
            checkMetadata(fixture({ 'force-app/main/default/lwc/greeting/greeting.ts': IMPORTER })),
            'message-channel-exists'
        );
        assert.match(problem.message, /imports the message channel Greeting_Sent__c/);
    });
});

describe('apiMembers', () => {
    it('finds @api fields, accessors and methods and ignores the rest', () => {
        const names = apiMembers(
            `import { LightningElement, api, track } from 'lwc';
            export default class X extends LightningElement {
                @api label?: string;
                @api get value(): string { return ''; }
                set value(v: string) {}
                @api focus(): void {}
                @track hidden = 1;
                plain = 2;
            }`,
            'x.ts'
        );
        assert.deepEqual([...names].sort(), ['focus', 'label', 'value']);
    });
});
