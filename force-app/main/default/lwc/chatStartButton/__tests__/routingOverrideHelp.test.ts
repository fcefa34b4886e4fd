/**
 * The routing override's help in Experience Builder (the js-meta.xml) says what the service takes
 * for each client (issue 21, point 11): a target the validation accepts, never "573 only", and a
 * fallback that is not "the button queue" under Enhanced Chat.
 */
import fs from 'node:fs';
import path from 'node:path';
import { idPrefixes, targetKind } from '../../embeddedChatService/salesforceIds';

function property(name: string): Record<string, string> {
    const xml = fs.readFileSync(path.join(__dirname, '..', 'chatStartButton.js-meta.xml'), 'utf8');
    const found = [...xml.matchAll(/<property\s([\s\S]*?)\/>/g)]
        .map(([, attributes]) =>
            Object.fromEntries(
                [...attributes.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value])
            )
        )
        .find((p) => p.name === name);
    expect(found).toBeDefined();
    return found as Record<string, string>;
}

describe('c-chat-start-button routing override help', () => {
    it.each(['legacy', 'enhanced'] as const)(
        'names every kind of target the service takes under %s',
        (client) => {
            const { description, placeholder, label } = property('routingButtonId');
            for (const prefix of idPrefixes(targetKind(client)).split('/')) {
                expect(description).toContain(`${prefix}…`);
            }
            expect(placeholder).toContain(idPrefixes(targetKind(client)).split('/')[0]);
            expect(label).toBe('Routing override: chat button or queue ID');
        }
    );

    it('says what the fallback does for each client, not only "the button queue"', () => {
        const { label, description } = property('routingFallback');
        expect(label).toBe('Routing override: fall back to the queue');
        expect(description).toMatch(/Enhanced Chat/);
        expect(description).toMatch(/flow/);
    });
});
