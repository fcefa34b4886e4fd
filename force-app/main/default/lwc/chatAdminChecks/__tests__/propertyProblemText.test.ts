import { BUTTON_STYLES, buttonStyle } from '../../chatComponentBase/chatActionElement';
import {
    formatLabel,
    readOptionalText,
    readProperty,
    type Choices,
    type PropertySpec
} from 'c/chatComponentSupport';
import { propertyProblemText } from '../propertyProblemText';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

/**
 * A property read as the admin sees it: the value, and its problem in the admin's words (the
 * problems joined by " | " when there are several).
 */
function readWorded(
    value: unknown,
    spec: PropertySpec,
    property: string
): { value: boolean | string; problem: string | null } {
    const read = readProperty(value, spec);
    const problems = read.problems.map((problem) => propertyProblemText(property, spec, problem));
    return { value: read.value, problem: problems.length ? problems.join(' | ') : null };
}

const readBoolean = (value: unknown, fallback: boolean, property: string) =>
    readWorded(value, { fallback }, property);
const readText = (value: unknown, fallback: string, property: string, maxLength?: number) =>
    readWorded(value, { fallback, maxLength }, property);
const readChoice = <T extends string>(
    value: unknown,
    choices: Choices<T>,
    fallback: T,
    property: string
) => readWorded(value, { fallback, choices } as PropertySpec, property);
/** The problems of several reads, in order, without the blanks. */
const problemsOf = (...reads: { problem: string | null }[]): string[] =>
    reads.map((r) => r.problem).filter((p): p is string => p !== null);

describe('builder property normalisation', () => {
    it('reads Booleans given as Booleans or as strings in any case and padding', () => {
        expect(readBoolean(true, false, 'Stretch')).toEqual({ value: true, problem: null });
        expect(readBoolean(' TRUE ', false, 'Stretch')).toEqual({ value: true, problem: null });
        expect(readBoolean('false', true, 'Stretch')).toEqual({ value: false, problem: null });
        expect(readBoolean(undefined, true, 'Stretch')).toEqual({ value: true, problem: null });
        expect(readBoolean('  ', false, 'Stretch')).toEqual({ value: false, problem: null });
    });

    it('falls back and explains when a Boolean is neither true nor false', () => {
        expect(readBoolean('maybe', false, 'Stretch')).toEqual({
            value: false,
            problem: 'Stretch: “maybe” is not true or false; using false.'
        });
        expect(readBoolean(1, true, 'Stretch').problem).toBe(
            'Stretch: “1” is not true or false; using true.'
        );
    });

    it('trims text, falls back when blank, and cuts text that is too long', () => {
        expect(readText('  Chat with us  ', 'Chat', 'Label')).toEqual({
            value: 'Chat with us',
            problem: null
        });
        expect(readText('   ', 'Chat', 'Label')).toEqual({ value: 'Chat', problem: null });
        expect(readText(null, 'Chat', 'Label')).toEqual({ value: 'Chat', problem: null });
        expect(readText(12, 'Chat', 'Label')).toEqual({ value: '12', problem: null });
        expect(readText({}, 'Chat', 'Label')).toEqual({
            value: 'Chat',
            problem: 'Label: the value is not text; using “Chat”.'
        });
        const long = readText('x'.repeat(100), 'Chat', 'Label', 10);
        expect(long).toEqual({
            value: `${'x'.repeat(9)}…`,
            problem: 'Label: longer than 10 characters; visitors see it shortened: “xxxxxxxxx…”.'
        });
    });

    it('shortens text that is too long at a word boundary, with an ellipsis, within the limit', () => {
        const label = 'Chat with our friendly support team today';
        expect(readText(label, 'Chat', 'Label', 20)).toEqual({
            value: 'Chat with our…',
            problem:
                'Label: longer than 20 characters; visitors see it shortened: “Chat with our…”.'
        });
        // The ellipsis takes one character of the limit: a word that leaves it no room goes too.
        expect(readText('Talk to us now please', 'Chat', 'Label', 10).value).toBe('Talk to…');
        expect(readText('Talk to us now please', 'Chat', 'Label', 11).value).toBe('Talk to us…');
        // Spaces before the cut go.
        expect(readText('Talk to us   now', 'Chat', 'Label', 13).value).toBe('Talk to us…');
        // A first word longer than half the limit is cut inside, never left as a stub.
        expect(readText('Hi supercalifragilistic', 'Chat', 'Label', 12).value).toBe('Hi supercal…');
        // Never half a character: a cut inside a surrogate pair drops it.
        expect(readText('😀'.repeat(50), 'Chat', 'Label', 10).value).toBe(`${'😀'.repeat(4)}…`);
        // The default limit is 80: "…help you" is 80 characters, so "you" leaves no room.
        const words =
            'Please start a chat with one of our support agents, who will be glad to help you today';
        const read = readProperty(words, { fallback: 'Chat' });
        expect(read.value).toBe(
            'Please start a chat with one of our support agents, who will be glad to help…'
        );
        expect(read.value.length).toBeLessThanOrEqual(80);
        expect(readText('x'.repeat(80), 'Chat', 'Label').problem).toBeNull();
    });

    it.each([
        ['LEFT-TO-RIGHT EMBEDDING', '\u202A'],
        ['RIGHT-TO-LEFT EMBEDDING', '\u202B'],
        ['POP DIRECTIONAL FORMATTING', '\u202C'],
        ['LEFT-TO-RIGHT OVERRIDE', '\u202D'],
        ['RIGHT-TO-LEFT OVERRIDE', '\u202E'],
        ['LEFT-TO-RIGHT ISOLATE', '\u2066'],
        ['RIGHT-TO-LEFT ISOLATE', '\u2067'],
        ['FIRST STRONG ISOLATE', '\u2068'],
        ['POP DIRECTIONAL ISOLATE', '\u2069']
    ])(
        'removes a %s character, which can disguise the text, and tells the admin',
        (_name, char) => {
            expect(readText(`Chat ${char}su htiw`, 'Chat', 'Label')).toEqual({
                value: 'Chat su htiw',
                problem:
                    'Label: contains invisible characters that change the text’s direction and can disguise it; visitors see the text without them.'
            });
        }
    );

    it('keeps the direction marks that right-to-left text needs', () => {
        expect(readText('שלום\u200F Chat\u200E', 'Chat', 'Label')).toEqual({
            value: 'שלום\u200F Chat\u200E',
            problem: null
        });
    });

    it('reads a value of only direction characters as unset, and says they were there', () => {
        expect(readText('\u202E\u202C', 'Chat', 'Label')).toEqual({
            value: 'Chat',
            problem:
                'Label: contains invisible characters that change the text’s direction and can disguise it; visitors see the text without them.'
        });
    });

    it('tells every problem of one text, in the order they apply', () => {
        const read = readProperty(`<b>${'Help '.repeat(20)}</b>\u202E`, { fallback: 'Chat' });
        expect(read.problems.map((problem) => problem.code)).toEqual([
            'DIRECTION_CONTROL',
            'MARKUP',
            'TOO_LONG'
        ]);
        // Markup is found in the whole text, not only in what is left after the cut.
        const tagAtTheEnd = readProperty(`${'x'.repeat(90)}<b>y</b>`, { fallback: 'Chat' });
        expect(tagAtTheEnd.problems.map((problem) => problem.code)).toEqual(['MARKUP', 'TOO_LONG']);
    });

    it('keeps HTML as plain text and tells the admin', () => {
        expect(readText('<b>Chat</b>', 'Chat', 'Label')).toEqual({
            value: '<b>Chat</b>',
            problem: 'Label: HTML is shown as plain text, not formatted. Remove the tags.'
        });
        expect(readText('1 < 2', 'Chat', 'Label').problem).toBeNull();
    });

    it('reads a choice by its Builder text or its old code, in any case and padding', () => {
        const choices = { disable: 'Disable the button', 'offline-form': 'Offer a message form' };
        expect(readChoice(' Disable the button ', choices, 'disable', 'Offline').value).toBe(
            'disable'
        );
        expect(readChoice('offer  A message FORM', choices, 'disable', 'Offline')).toEqual({
            value: 'offline-form',
            problem: null
        });
        // Pages saved before the readable texts hold the codes.
        expect(readChoice('OFFLINE-FORM', choices, 'disable', 'Offline')).toEqual({
            value: 'offline-form',
            problem: null
        });
        expect(readChoice('', choices, 'offline-form', 'Offline')).toEqual({
            value: 'offline-form',
            problem: null
        });
    });

    it('falls back on an unknown choice and names the Builder texts', () => {
        const choices = { brand: 'Brand', neutral: 'Neutral' };
        expect(readChoice('shiny', choices, 'brand', 'Variant')).toEqual({
            value: 'brand',
            problem: 'Variant: “shiny” is not one of Brand, Neutral; using Brand.'
        });
        expect(readChoice('x'.repeat(60), choices, 'brand', 'Variant').problem).toContain(
            'x'.repeat(40) + '…'
        );
    });

    it('lists Builder texts that read well for every button style', () => {
        expect(Object.values(BUTTON_STYLES)).toEqual([
            'Brand',
            'Neutral',
            'Outline',
            'Destructive',
            'Success'
        ]);
        expect(readProperty('Outline', buttonStyle('neutral')).value).toBe('outline');
        expect(readProperty('destructive', buttonStyle('neutral')).value).toBe('destructive');
    });

    it('gives visitors the fallback exactly when it tells the admin the input was not used', () => {
        const specs: PropertySpec[] = [
            { fallback: false },
            { fallback: true },
            { fallback: 'Chat' },
            { fallback: 'Chat', maxLength: 10 },
            buttonStyle('neutral')
        ];
        const inputs = [undefined, null, '', '  ', true, false, ' TRUE ', 'false', 'maybe', 1];
        const more = [12, {}, '  Chat with us  ', 'x'.repeat(100), '<b>Chat</b>', 'OUTLINE'];
        const unset = [undefined, null, '', '  '];
        const notUsed = ['NOT_BOOLEAN', 'NOT_TEXT', 'NOT_A_CHOICE'];
        const wrong = specs.flatMap((spec) =>
            [...inputs, ...more]
                .map((input) => ({ spec, input, ...readProperty(input, spec) }))
                .filter(({ input, value, problems }) => {
                    if (unset.includes(input as never)) {
                        return value !== spec.fallback || problems.length > 0;
                    }
                    const [problem] = problems;
                    if (problem && notUsed.includes(problem.code)) {
                        return (
                            value !== spec.fallback ||
                            problem.given !== input ||
                            problems.length > 1
                        );
                    }
                    return typeof value !== typeof spec.fallback;
                })
        );
        expect(wrong).toEqual([]);
    });

    it('reads optional text such as IDs and collects problems in order', () => {
        expect(readOptionalText('  573  ')).toBe('573');
        expect(readOptionalText(undefined)).toBe('');
        expect(readOptionalText(5)).toBe('');
        expect(
            problemsOf(
                readBoolean('x', false, 'A'),
                readText('ok', 'd', 'B'),
                readChoice('y', { z: 'Z' }, 'z', 'C')
            )
        ).toEqual([
            'A: “x” is not true or false; using false.',
            'C: “y” is not one of Z; using Z.'
        ]);
    });

    it('fills label placeholders as text', () => {
        expect(formatLabel('You are number {0} of {1}.', 3, '<b>9</b>')).toBe(
            'You are number 3 of <b>9</b>.'
        );
        expect(formatLabel('{0} and {2}', 'a')).toBe('a and ');
    });
});
