/**
 * The builder kit's check of a component, on a component-like object (the component tests check
 * the same through the notice they render in Experience Builder).
 */
import type { Checked, PropertySpecs } from 'c/chatComponentSupport';
import { checkComponent } from '../componentChecks';
import END_DURING_CHAT from '@salesforce/label/c.Chat_Builder_Note_End_During_Chat';
import CLEAR_HIDDEN from '@salesforce/label/c.Chat_Clear_Builder_Hidden';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

function component(
    kind: Checked['kind'],
    settings: PropertySpecs,
    values: Record<string, unknown>,
    routingRefused = false
): Checked {
    return {
        kind,
        settings,
        settingValue: (property) => values[property],
        routing: null,
        routingRefused
    };
}

describe('checkComponent', () => {
    it('checks every property the component reads, in its order, by its Builder name', () => {
        const checked = component(
            'status',
            { heading: { fallback: '' }, showAvailability: { fallback: true } },
            { heading: '<b>Help</b>', showAvailability: 'maybe' }
        );

        expect(checkComponent(checked).problems).toEqual([
            'Heading: HTML is shown as plain text, not formatted. Remove the tags.',
            'Show agent availability: “maybe” is not true or false; using true.'
        ]);
    });

    it('names a property it has no Builder name for by its API name, rather than skip it', () => {
        const settings: PropertySpecs = {
            showOnlyDuringChat: { fallback: true },
            extra: { fallback: false }
        };
        const checked = component('end', settings, { extra: 'sometimes' });

        expect(checkComponent(checked)).toEqual({
            problems: ['extra: “sometimes” is not true or false; using false.'],
            pageProblems: [],
            notes: [END_DURING_CHAT]
        });
    });

    it('adds the problems of a combination of values, and notes what visitors see', () => {
        const settings: PropertySpecs = {
            clearOnPageLoad: { fallback: false },
            hideButton: { fallback: false }
        };
        const hiddenOnly = checkComponent(component('clear', settings, { hideButton: true }));
        expect(hiddenOnly.problems).toHaveLength(1);
        expect(hiddenOnly.notes).toEqual([]);

        const both = { clearOnPageLoad: 'TRUE', hideButton: true };
        expect(checkComponent(component('clear', settings, both))).toEqual({
            problems: [],
            pageProblems: [],
            notes: [CLEAR_HIDDEN]
        });
    });

    it('tells the site routing’s problem on Start and Status only: End and Clear never start a chat', () => {
        const refused = (kind: Checked['kind']): string[] =>
            checkComponent(component(kind, {}, {}, true)).pageProblems;

        expect(refused('start')).toHaveLength(1);
        expect(refused('status')).toHaveLength(1);
        expect(refused('start')[0]).toContain('Chat Routing Settings');
        expect(refused('end')).toEqual([]);
        expect(refused('clear')).toEqual([]);
    });
});
