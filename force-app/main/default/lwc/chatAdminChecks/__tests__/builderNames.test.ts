/**
 * Every builder property of the four chat components is named, in the admin notice, as
 * Experience Builder shows it (the `label` of its js-meta.xml): none falls back to its API name.
 * Each property gets a value it cannot read, and the notice of the real component is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LightningElement } from 'lwc';
import ChatStartButton from 'c/chatStartButton';
import ChatEndButton from 'c/chatEndButton';
import ChatClearSession from 'c/chatClearSession';
import ChatStatus from 'c/chatStatus';
import {
    READY,
    flushPromises,
    noticeText,
    renderer,
    resetPage,
    viewInBuilder
} from 'test/componentTestUtils';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

interface BuilderProperty {
    name: string;
    type: string;
    label: string;
    choices: boolean;
}

/** The properties a bundle's js-meta.xml gives Experience Builder. */
function builderProperties(bundle: string): BuilderProperty[] {
    const xml = fs.readFileSync(
        path.join(__dirname, '..', '..', bundle, `${bundle}.js-meta.xml`),
        'utf8'
    );
    return [...xml.matchAll(/<property\s([\s\S]*?)\/>/g)].map(([, attributes]) => {
        const read = (key: string): string =>
            new RegExp(`\\b${key}="([^"]*)"`).exec(attributes)?.[1] ?? '';
        return {
            name: read('name'),
            type: read('type'),
            label: read('label'),
            choices: read('datasource') !== ''
        };
    });
}

/** A value the property cannot read as given. */
function unreadable(property: BuilderProperty): string {
    if (property.type === 'Boolean') {
        return 'maybe';
    }
    return property.choices ? 'nonsense' : '<b>x</b>';
}

const COMPONENTS: readonly [string, string, typeof LightningElement][] = [
    ['chatStartButton', 'c-chat-start-button', ChatStartButton],
    ['chatEndButton', 'c-chat-end-button', ChatEndButton],
    ['chatClearSession', 'c-chat-clear-session', ChatClearSession],
    ['chatStatus', 'c-chat-status', ChatStatus]
];

describe('the admin notice of each chat component', () => {
    afterEach(resetPage);

    it.each(COMPONENTS)(
        'names every builder property of %s as Experience Builder shows it',
        async (bundle, tag, component) => {
            const properties = builderProperties(bundle);
            expect(properties.length).toBeGreaterThan(1);
            viewInBuilder();
            const values = Object.fromEntries(properties.map((p) => [p.name, unreadable(p)]));
            const element = renderer<Record<string, string>>(tag, component)(values, READY);
            await flushPromises();

            const notice = noticeText(element) ?? '';
            for (const property of properties) {
                expect(property.label).not.toBe('');
                expect(notice).not.toContain(`${property.name}:`);
            }
            // A true-or-false or a picklist property always has a problem with such a value.
            const named = properties
                .filter((p) => p.type === 'Boolean' || p.choices)
                .map((p) => `${p.label}: “${unreadable(p)}”`);
            expect(named.length).toBeGreaterThan(0);
            expect(named.filter((text) => !notice.includes(text))).toEqual([]);
        }
    );
});
