import fc from 'fast-check';
import {
    fallbackRuleText,
    formatFallbackRules,
    makeFallbackRule,
    parseFallbackRules,
    type FallbackRule
} from '../fallbackRulesText';
import { validateRouting } from '../../embeddedChatService/routingRules';

const BUTTON = '5735g000000XyZa';
const BUTTON_2 = '5735g000000XyZb';
const AGENT = '0055g00000ABcDe';
const AGENT_2 = '0055g00000ABcDf';

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

describe('c-chat-component-support fallback rules text', () => {
    it('reads one rule of each kind, in order', () => {
        const parsed = parseFallbackRules(`${BUTTON}, ${AGENT}, ${AGENT_2}_${BUTTON_2}`);

        expect(parsed.errors).toEqual([]);
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

        expect(parsed.errors).toEqual([]);
        expect(formatFallbackRules(parsed.rules)).toBe(`${BUTTON}, ${AGENT}, ${AGENT}_${BUTTON_2}`);
    });

    it('ignores spaces around the underscore of an agent-then-button rule', () => {
        const parsed = parseFallbackRules(`${AGENT} _ ${BUTTON}`);

        expect(parsed.errors).toEqual([]);
        expect(parsed.rules).toEqual([agentThenButton(AGENT, BUTTON)]);
    });

    it('skips empty entries without counting them as rules', () => {
        const parsed = parseFallbackRules(`${BUTTON},, ;\n, _ ,${AGENT},`);

        expect(parsed.rules).toEqual([button(BUTTON), agent(AGENT)]);
        expect(parsed.errors).toEqual([]);
    });

    it('reads blank or missing text as no rules', () => {
        expect(parseFallbackRules('')).toEqual({ rules: [], errors: [] });
        expect(parseFallbackRules('  \n ')).toEqual({ rules: [], errors: [] });
        expect(parseFallbackRules(undefined)).toEqual({ rules: [], errors: [] });
        expect(parseFallbackRules(42)).toEqual({ rules: [], errors: [] });
        expect(formatFallbackRules([])).toBe('');
    });

    it('reports bad entries with their rule numbers and keeps them as rules', () => {
        const parsed = parseFallbackRules(
            `${BUTTON}, hello, ${AGENT}_, ${BUTTON} ${BUTTON_2}, a_b_c, _${BUTTON}`
        );

        expect(parsed.rules.map((rule) => rule.text)).toEqual([
            BUTTON,
            'hello',
            `${AGENT}_`,
            `${BUTTON} ${BUTTON_2}`,
            'a_b_c',
            `_${BUTTON}`
        ]);
        expect(parsed.errors).toEqual([
            {
                index: 2,
                message: "“hello” is neither a chat button ID (573…) nor an agent's user ID (005…)."
            },
            {
                index: 3,
                message: `“${AGENT}_” should be an agent's user ID and a chat button ID joined by _ (005…_573…).`
            },
            {
                index: 4,
                message: `“${BUTTON} ${BUTTON_2}” contains a space. Separate rules with commas.`
            },
            {
                index: 5,
                message:
                    "“a_b_c” should be an agent's user ID and a chat button ID joined by _ (005…_573…)."
            },
            {
                index: 6,
                message: `“_${BUTTON}” should be an agent's user ID and a chat button ID joined by _ (005…_573…).`
            }
        ]);
    });

    it('shortens a long bad entry in its message', () => {
        const long = `x${'y'.repeat(60)}`;

        expect(parseFallbackRules(long).errors[0].message).toContain(`“${long.slice(0, 40)}…”`);
    });

    it('guesses the kind of a rule from its prefix', () => {
        expect(parseFallbackRules('005abc').rules[0].kind).toBe('agent');
        expect(parseFallbackRules('573abc').rules[0].kind).toBe('button');
        expect(parseFallbackRules('500abc').rules[0].kind).toBe('button');
        expect(parseFallbackRules('573abc_005abc').rules[0].kind).toBe('agentThenButton');
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
        expect(makeFallbackRule('agent', ` ${AGENT}`, BUTTON)).toEqual(agent(AGENT));
    });

    it('reports only entries that the chat service refuses too', () => {
        const pieces = fc.constantFrom('005', '573', '0', 'a', 'Z', '_', ',', ' ', 'x');
        fc.assert(
            fc.property(fc.array(pieces, { maxLength: 30 }), (chunks) => {
                const parsed = parseFallbackRules(chunks.join(''));
                for (const error of parsed.errors) {
                    const rule = parsed.rules[error.index - 1];

                    expect(validateRouting({ fallbackRouting: [rule.text] }).valid).toBe(false);
                }
            })
        );
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
            })
        );
    });
});
