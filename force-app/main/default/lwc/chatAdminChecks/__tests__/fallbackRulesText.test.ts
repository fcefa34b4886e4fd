import fc from 'fast-check';
import { formatFallbackRules, parseFallbackRules, type FallbackRule } from '../fallbackRulesText';
import {
    ruleText as fallbackRuleText,
    splitRules as fallbackRuleEntries
} from '../../embeddedChatService/fallbackRouting';
import { validateRouting } from '../../embeddedChatService/routingRules';
import { AGENT, AGENT_2, BUTTON, BUTTON_2 } from 'test/fixtures/ids';

const button = (id: string): FallbackRule => ({
    kind: 'button',
    userId: '',
    buttonId: id,
    text: id
});
const agent = (id: string): FallbackRule => ({ kind: 'agent', userId: id, buttonId: '', text: id });
const agentThenButton = (user: string, btn: string): FallbackRule => ({
    kind: 'agentThenButton',
    userId: user,
    buttonId: btn,
    text: `${user}_${btn}`
});

describe('c-chat-admin-checks fallback rules text', () => {
    it('reads one rule of each kind, in order', () => {
        const parsed = parseFallbackRules(`${BUTTON}, ${AGENT}, ${AGENT_2}_${BUTTON_2}`);

        expect(parsed.rules).toEqual([
            button(BUTTON),
            agent(AGENT),
            agentThenButton(AGENT_2, BUTTON_2)
        ]);
    });

    it('prints rules joined by a comma and a space', () => {
        expect(formatFallbackRules([button(BUTTON), agentThenButton(AGENT, BUTTON_2)])).toBe(
            `${BUTTON}, ${AGENT}_${BUTTON_2}`
        );
    });

    it('prints canonical text back exactly as it was read', () => {
        const text = `${AGENT}_${BUTTON}, ${AGENT_2}, ${BUTTON_2}`;

        expect(formatFallbackRules(parseFallbackRules(text).rules)).toBe(text);
    });

    it('accepts semicolons and line breaks as separators and ignores spaces around entries', () => {
        const parsed = parseFallbackRules(`  ${BUTTON} ;${AGENT}\r\n\t${AGENT}_${BUTTON_2}\n`);

        expect(formatFallbackRules(parsed.rules)).toBe(`${BUTTON}, ${AGENT}, ${AGENT}_${BUTTON_2}`);
    });

    it('ignores spaces around the underscore of an agent-then-button rule', () => {
        const parsed = parseFallbackRules(`${AGENT} _ ${BUTTON}`);

        expect(parsed.rules).toEqual([agentThenButton(AGENT, BUTTON)]);
    });

    it('skips empty entries without counting them as rules', () => {
        const parsed = parseFallbackRules(`${BUTTON},, ;\n, _ ,${AGENT},`);

        expect(parsed.rules).toEqual([button(BUTTON), agent(AGENT)]);
    });

    it('reads blank or missing text as no rules', () => {
        expect(parseFallbackRules('')).toEqual({ rules: [] });
        expect(parseFallbackRules('  \n ')).toEqual({ rules: [] });
        expect(parseFallbackRules(undefined)).toEqual({ rules: [] });
        expect(parseFallbackRules(42)).toEqual({ rules: [] });
        expect(formatFallbackRules([])).toBe('');
    });

    it('keeps every entry as a rule and judges none (the chat service alone does)', () => {
        const parsed = parseFallbackRules(
            `${BUTTON}, hello, ${AGENT}_, a_b_c, _${BUTTON}, <b>x</b>`
        );

        expect(parsed.rules.map((rule) => rule.text)).toEqual([
            BUTTON,
            'hello',
            `${AGENT}_`,
            'a_b_c',
            `_${BUTTON}`,
            '<b>x</b>'
        ]);
        expect(Object.keys(parsed)).toEqual(['rules']);
    });

    it('splits a pasted list at commas, semicolons, line breaks and spaces alike', () => {
        const pasted = `${BUTTON}, ${AGENT};${AGENT_2}_${BUTTON_2}\n${BUTTON_2} ${AGENT}\t${AGENT_2}`;

        expect(parseFallbackRules(pasted).rules).toEqual([
            button(BUTTON),
            agent(AGENT),
            agentThenButton(AGENT_2, BUTTON_2),
            button(BUTTON_2),
            agent(AGENT),
            agent(AGENT_2)
        ]);
    });

    it('guesses the kind of a rule from its prefix', () => {
        expect(parseFallbackRules('005abc').rules[0].kind).toBe('agent');
        expect(parseFallbackRules('573abc').rules[0].kind).toBe('button');
        expect(parseFallbackRules('500abc').rules[0].kind).toBe('button');
        expect(parseFallbackRules('573abc_005abc').rules[0].kind).toBe('agentThenButton');
        expect(parseFallbackRules('00Gabc').rules[0].kind).toBe('button');
    });

    it('leaves rules without any ID out of the printed text', () => {
        expect(
            formatFallbackRules([
                { kind: 'button', userId: '', buttonId: '' },
                { kind: 'agentThenButton', userId: ' ', buttonId: '' },
                { kind: 'agent', userId: AGENT, buttonId: BUTTON }
            ])
        ).toBe(AGENT);
    });

    it('prints only the IDs that a rule of its kind uses', () => {
        const parts = { userId: ` ${AGENT} `, buttonId: BUTTON };

        expect(fallbackRuleText({ kind: 'button', ...parts })).toBe(BUTTON);
        expect(fallbackRuleText({ kind: 'agent', ...parts })).toBe(AGENT);
        expect(fallbackRuleText({ kind: 'agentThenButton', ...parts })).toBe(`${AGENT}_${BUTTON}`);
        expect(fallbackRuleText({ kind: 'agentThenButton', userId: AGENT, buttonId: '' })).toBe(
            `${AGENT}_`
        );
    });

    it('hands the chat service the rules exactly as valid text reads: each accepted rule is kept', () => {
        const rules = [BUTTON, AGENT, `${AGENT}_${BUTTON_2}`];
        const text = formatFallbackRules(parseFallbackRules(rules.join(' ')).rules);

        expect(
            validateRouting(
                { fallbackRouting: parseFallbackRules(text).rules.map((r) => r.text) },
                'legacy'
            )
        ).toMatchObject({
            valid: true,
            config: { fallbackRouting: rules }
        });
    });

    it('round-trips any text: printing what it read and reading it again gives the same rules', () => {
        const pieces = fc.constantFrom(
            '005',
            '573',
            'a',
            'Z',
            '9',
            '_',
            ',',
            ';',
            '\n',
            '\r',
            ' ',
            '\t',
            'x',
            ', '
        );
        fc.assert(
            fc.property(fc.array(pieces, { maxLength: 40 }), (chunks) => {
                const rules = parseFallbackRules(chunks.join('')).rules;
                const text = formatFallbackRules(rules);
                const again = parseFallbackRules(text);

                expect(again.rules).toEqual(rules);
                expect(formatFallbackRules(again.rules)).toBe(text);
                // What visitors hand the service is the texts of the admin's rules.
                expect(fallbackRuleEntries(chunks.join(''))).toEqual(rules.map((r) => r.text));
            })
        );
    });
});
