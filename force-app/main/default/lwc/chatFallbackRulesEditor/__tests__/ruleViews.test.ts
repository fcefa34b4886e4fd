import fc from 'fast-check';
import { editorView, type Row } from '../ruleViews';
import { parseFallbackRules } from 'c/chatAdminChecks';
import { buildRouting, readSettings } from 'c/chatRoutingModel';
import { summarize } from '../../chatRoutingSummary/routingSummary';
import { validateRouting } from '../../embeddedChatService/routingRules';
import type { ChatClientKind } from '../../embeddedChatService/chatTypes';
import { AGENT, BUTTON, BUTTON_2, QUEUE } from 'test/fixtures/ids';

// The view model asks the service (the double: its real, pure rules) for every verdict.
jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

let nextKey = 1;
function row(kind: Row['kind'], userId: string, buttonId: string, touched = true): Row {
    return { key: nextKey++, kind, userId, buttonId, touched };
}

describe('c-chat-fallback-rules-editor view model', () => {
    it('numbers and labels each rule and its buttons', () => {
        const view = editorView([row('button', '', BUTTON), row('agent', AGENT, '')], 'legacy');

        expect(view.rules.map((r) => [r.title, r.removeLabel, r.isFirst, r.isLast])).toEqual([
            ['Rule 1', 'Remove rule 1', true, false],
            ['Rule 2', 'Remove rule 2', false, true]
        ]);
        expect(view.hasListMessages).toBe(false);
    });

    it('puts the problem of each ID of a pair under the field that holds it', () => {
        const view = editorView([row('agentThenButton', 'x', '573abc')], 'legacy');

        expect(view.rules[0].userMessage).toBe('“x” has 1 characters; a user ID has 15 or 18.');
        expect(view.rules[0].buttonMessage).toBe(
            '“573abc” has 6 characters; a chat button ID has 15 or 18.'
        );
        expect(view.rules[0].fields[0].fieldClass).toBe('slds-form-element slds-has-error');
    });

    it('shows the problem of a one-ID rule in its one field, whatever the ID looks like', () => {
        // A chat button rule holding a partial user ID: the service reads it as a user ID.
        const view = editorView([row('button', '', '005abc')], 'legacy');

        expect(view.rules[0].buttonMessage).toBe(
            '“005abc” has 6 characters; a user ID has 15 or 18.'
        );
        expect(view.rules[0].userMessage).toBeNull();
    });

    it('asks for an empty ID only once the admin has been in the field', () => {
        expect(
            editorView([row('button', '', '', false)], 'legacy').rules[0].buttonMessage
        ).toBeNull();
        expect(editorView([row('button', '', '', true)], 'legacy').rules[0].buttonMessage).toBe(
            'Enter a chat button ID (it starts with 573).'
        );
        expect(editorView([row('button', '', '', true)], 'enhanced').rules[0].buttonMessage).toBe(
            'Enter a queue or user ID (it starts with 00G/005).'
        );
    });

    it('maps the rules of the stored text back to rows, skipping rows without an ID', () => {
        const view = editorView(
            [row('button', '', '', false), row('agent', AGENT, ''), row('agent', AGENT, '')],
            'legacy'
        );

        expect(view.rules[2].messages.map((m) => [m.severity, m.text])).toEqual([
            ['warning', 'Rule 2 repeats rule 1; the repeat is never used.']
        ]);
        expect(view.rules[1].hasMessages).toBe(false);
    });

    it('judges targets for the client: queues under Enhanced Chat, anything either takes when unknown', () => {
        const rows = [row('button', '', QUEUE), row('agentThenButton', AGENT, BUTTON)];

        expect(editorView(rows, 'enhanced').rules.map((r) => r.buttonMessage)).toEqual([
            null,
            `“${BUTTON}” is not a queue or user ID: a queue or user ID starts with 00G/005.`
        ]);
        expect(editorView(rows, null).rules.map((r) => r.buttonMessage)).toEqual([null, null]);
        expect(editorView(rows, 'legacy').rules[0].buttonMessage).toBe(
            `“${QUEUE}” is not a chat button ID: a chat button ID starts with 573.`
        );
    });

    it('judges the last rule against the card’s button once it sees the card, and says so when it does not', () => {
        const rows = [row('agent', AGENT, ''), row('button', '', BUTTON_2)];
        const buttonNotLast = `If no rule can take the chat, it is not routed to button ${BUTTON} unless that button is the last rule. Add ${BUTTON} as the last rule.`;

        const seen = editorView(rows, 'legacy', {
            seen: true,
            direct: { buttonId: BUTTON, fallback: false }
        });
        expect(seen.listMessages.map((m) => [m.severity, m.text])).toEqual([
            ['warning', buttonNotLast]
        ]);
        expect(seen.lastRuleNote).toBe('');
        // No direct routing on the card: the site's own chat button must be last.
        const noDirect = editorView([row('agent', AGENT, '')], 'legacy', {
            seen: true,
            direct: undefined
        });
        expect(noDirect.listMessages.map((m) => m.text)).toEqual([
            'If no rule can take the chat, it is not routed to the site’s chat button unless that button’s ID is the last rule.'
        ]);
        // No card in sight: no verdict the editor can't give, but where to find it.
        const unseen = editorView(rows, 'legacy', { seen: false });
        expect(unseen.listMessages).toEqual([]);
        expect(unseen.lastRuleNote).toBe(
            'The Chat Routing Settings summary card checks whether the chat button is the last rule.'
        );
        // Under Enhanced Chat the flow decides: there is nothing to check, nor to point at.
        expect(editorView(rows, 'enhanced', { seen: false }).lastRuleNote).toBe('');
        expect(editorView([], 'legacy', { seen: false }).lastRuleNote).toBe('');
    });

    it('shows the first 50 rules and says which are not shown, judging them all', () => {
        const rows = Array.from({ length: 60 }, (_, i) =>
            row('button', '', `5735g0000${String(i).padStart(6, '0')}`)
        );
        const view = editorView(rows, 'legacy');

        expect(view.rules).toHaveLength(50);
        expect(view.rules[49].isLast).toBe(false);
        expect(view.notShownText).toBe(
            'Rules 51 to 60 are not shown: remove rules above to see them.'
        );
        expect(view.listMessages.map((m) => m.text)).toEqual([
            'Use at most 25 fallback rules (there are 60).'
        ]);
        expect(editorView(rows.slice(0, 50), 'legacy').notShownText).toBe('');
    });

    it('states the rule limit as an error of the list', () => {
        const rows = Array.from({ length: 26 }, () => row('button', '', BUTTON));
        const view = editorView(rows, 'legacy');

        expect(view.listMessages.map((m) => [m.severity, m.text, m.iconName])).toEqual([
            ['error', 'Use at most 25 fallback rules (there are 26).', 'utility:error']
        ]);
        expect(view.listMessages[0].className).toContain('slds-text-color_error');
    });
});

describe('the rules editor and the Chat Routing Settings summary', () => {
    const pieces = fc.constantFrom(
        BUTTON,
        AGENT,
        QUEUE,
        `${AGENT}_${BUTTON}`,
        `${BUTTON}_${AGENT}`,
        `${AGENT}_${QUEUE}`,
        '573abc',
        '005',
        '<b>x</b>',
        'hello',
        '_',
        ',',
        ';',
        ' ',
        '\n',
        `573${'x'.repeat(60)}`
    );
    const clients = fc.constantFrom<ChatClientKind | null>('legacy', 'enhanced', null);

    it('give the same verdict, warnings included, in the same words, once the editor sees the card', () => {
        const buttons = fc.constantFrom('', BUTTON, BUTTON_2, QUEUE, AGENT, '573abc');
        const agents = fc.constantFrom('', AGENT);
        fc.assert(
            fc.property(
                fc.array(pieces, { maxLength: 12 }),
                buttons,
                agents,
                clients,
                (chunks, buttonId, agentUserId, client) => {
                    const text = chunks.join('');
                    const settings = readSettings({ fallbackRules: text, buttonId, agentUserId });
                    const built = buildRouting(settings, null);
                    const rows = parseFallbackRules(text).rules.map((rule) =>
                        row(rule.kind, rule.userId, rule.buttonId)
                    );
                    // What the card shares: the direct routing it judges.
                    const view = editorView(rows, client, {
                        seen: true,
                        direct: built.config.directToAgentRouting
                    });
                    const inEditor = [
                        ...view.rules.flatMap((r) => [r.userMessage, r.buttonMessage]),
                        ...view.rules.flatMap((r) => r.messages.map((m) => m.text)),
                        ...view.listMessages.map((m) => m.text)
                    ].filter((t): t is string => t !== null);

                    const summary = summarize(
                        settings,
                        built,
                        validateRouting(built.config, client),
                        { userUnavailable: false, client }
                    );
                    const inSummary = summary.fields
                        .find((f) => f.name === 'fallbackRules')!
                        .issues.map((i) => i.text.replace(/^Rule \d+: /, ''));

                    expect(inEditor.sort()).toEqual(inSummary.sort());
                }
            ),
            { numRuns: 400 }
        );
    });

    it('give the same errors, in the same words, for any text (one rule source)', () => {
        fc.assert(
            fc.property(fc.array(pieces, { maxLength: 40 }), clients, (chunks, client) => {
                const text = chunks.join('');
                // The editor shows the stored text as rows, as its value setter does.
                const rows = parseFallbackRules(text).rules.map((rule) =>
                    row(rule.kind, rule.userId, rule.buttonId)
                );
                const view = editorView(rows, client);
                const inEditor = [
                    ...view.rules.flatMap((r) => [r.userMessage, r.buttonMessage]),
                    ...view.rules.flatMap((r) =>
                        r.messages.filter((m) => m.severity === 'error').map((m) => m.text)
                    ),
                    ...view.listMessages.filter((m) => m.severity === 'error').map((m) => m.text)
                ].filter((t): t is string => t !== null);

                const settings = readSettings({ fallbackRules: text });
                const built = buildRouting(settings, null);
                const verdict = validateRouting(built.config, client);
                const summary = summarize(settings, built, verdict, {
                    userUnavailable: false,
                    client
                });
                const inSummary = summary.fields
                    .find((f) => f.name === 'fallbackRules')!
                    .issues.filter((i) => i.className.includes('issue_error'))
                    .map((i) => i.text.replace(/^Rule \d+: /, ''));

                expect(inEditor.sort()).toEqual(inSummary.sort());
                expect(inEditor.length > 0).toBe(!verdict.valid);
            }),
            { numRuns: 400 }
        );
    });
});
