import { createElement } from 'lwc';
import ChatRoutingSettings from 'c/chatRoutingSettings';
import { setBuilderContextOverride } from 'c/chatComponentBase';
import { flushPromises } from 'test/flushPromises';
import { BUTTON } from 'test/fixtures/ids';

// The service double: its real, pure rules; no chat client.
jest.mock('c/embeddedChatService', () => ({
    ...jest.requireActual<object>('test/jest-mocks/chatServiceDouble'),
    configureRouting: jest.fn(),
    getRoutingValidation: jest.fn()
}));

// Counts the loads of the admin's summary card (the real module).
let mockCardLoads = 0;
jest.mock('c/chatRoutingSummary', () => {
    mockCardLoads += 1;
    return jest.requireActual<object>('c/chatRoutingSummary');
});

function mount(): HTMLElement {
    const element = createElement('c-chat-routing-settings', { is: ChatRoutingSettings });
    Object.assign(element, { buttonId: BUTTON });
    document.body.appendChild(element);
    return element;
}

describe('c-chat-routing-settings loading its summary', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        setBuilderContextOverride(null);
    });

    it('never loads the summary card for visitors, and loads it once in Experience Builder', async () => {
        setBuilderContextOverride(false);
        const visitorView = mount();
        await flushPromises();
        expect(mockCardLoads).toBe(0);
        expect(visitorView.shadowRoot!.childNodes).toHaveLength(0);

        setBuilderContextOverride(true);
        mount();
        const second = mount();
        await flushPromises();
        expect(mockCardLoads).toBe(1);
        const card = second.shadowRoot!.querySelector('.summary-card');
        expect(card?.shadowRoot?.querySelector('.status-text')?.textContent).toMatch(
            /These settings are valid/
        );
        await expect(second).toBeAccessible();
    });
});
