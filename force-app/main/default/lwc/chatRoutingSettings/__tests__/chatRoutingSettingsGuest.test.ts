import { createElement } from 'lwc';
import ChatRoutingSettings from 'c/chatRoutingSettings';
import { configureRouting } from 'c/embeddedChatService';
import { setBuilderContextOverride } from 'c/chatComponentBase';
import * as uiRecordApi from 'lightning/uiRecordApi';
import { flushPromises } from 'test/flushPromises';
import type { RoutingConfig } from '../../embeddedChatService/chatTypes';
import { BUTTON, SIGNED_IN_USER } from 'test/fixtures/ids';

// A guest visitor: the platform module says so.
jest.mock('@salesforce/user/isGuest', () => ({ default: true }), { virtual: true });

jest.mock('c/embeddedChatService', () => ({
    // The pure rule helpers and validateRouting are the service's own (through the double).
    ...jest.requireActual<object>('test/jest-mocks/chatServiceDouble'),
    configureRouting: jest.fn(),
    getRoutingValidation: jest.fn(),
    subscribeToChat: jest.fn(() => () => undefined)
}));

const configureRoutingMock = configureRouting as jest.MockedFunction<typeof configureRouting>;
// The sfdx-lwc-jest test wire adapter behind getRecord.
const getRecordAdapter = uiRecordApi.getRecord as unknown as {
    emit(value: unknown): void;
    getLastConfig(): { recordId?: string } | null;
};

function createSettings(props: Record<string, unknown> = {}): HTMLElement {
    const element = createElement('c-chat-routing-settings', { is: ChatRoutingSettings });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function configs(): RoutingConfig[] {
    return configureRoutingMock.mock.calls.map(([config]) => config);
}

describe('c-chat-routing-settings', () => {
    afterEach(() => {
        // The DOM is shared between the tests of a file: start each test from an empty body.
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        setBuilderContextOverride(null);
    });

    it('does not read any user record for a guest', async () => {
        createSettings({ buttonId: BUTTON });
        await flushPromises();

        expect(getRecordAdapter.getLastConfig()?.recordId).toBeUndefined();
    });

    it('gives a guest no pre-fill, even if record data arrives', async () => {
        createSettings({ buttonId: BUTTON, prefillFromUser: true });

        getRecordAdapter.emit({
            apiName: 'User',
            id: SIGNED_IN_USER,
            fields: {
                FirstName: { value: 'Site', displayValue: null },
                LastName: { value: 'Guest User', displayValue: null },
                Email: { value: 'guest@example.com', displayValue: null }
            }
        });
        await flushPromises();

        expect(configs().length).toBeGreaterThan(0);
        for (const config of configs()) {
            expect(config.prepopulatedPrechatFields).toBeUndefined();
        }
        expect(configs()[configs().length - 1]).toEqual({
            directToAgentRouting: { buttonId: BUTTON, fallback: false }
        });
    });

    it('still routes a guest as configured', () => {
        createSettings({ fallbackRules: BUTTON });

        expect(configs()).toEqual([{ fallbackRouting: [BUTTON] }]);
    });

    it('tells the admin that guests get no pre-fill', async () => {
        setBuilderContextOverride(true);
        const element = createSettings();
        await flushPromises();

        const summary = element.shadowRoot!.querySelector('.summary-card')!.shadowRoot!;
        expect(summary.querySelector('.prefill-text')!.textContent).toContain(
            'Guests get no pre-fill.'
        );
        await expect(element).toBeAccessible();
    });
});
