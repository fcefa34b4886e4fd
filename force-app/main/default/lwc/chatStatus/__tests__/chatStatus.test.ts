import { createElement } from 'lwc';
import ChatStatus from 'c/chatStatus';
import { setBuilderContextOverride } from 'c/chatComponentSupport';
import type { ChatState } from 'c/embeddedChatService';
import {
    resetChatServiceDouble,
    setMockChatState,
    subscriberCount
} from 'test/jest-mocks/chatServiceDouble';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

type Props = Partial<Pick<ChatStatus, 'heading' | 'showAvailability'>>;

function render(props: Props = {}, state?: Partial<ChatState>): HTMLElement & Props {
    if (state) {
        setMockChatState(state);
    }
    const element = createElement('c-chat-status', { is: ChatStatus });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

// Lets the component re-render after a state change.
function flushPromises(): Promise<void> {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- a test waits for promise callbacks
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function statusRegion(element: HTMLElement): HTMLElement | null {
    return element.shadowRoot!.querySelector('[role="status"]');
}

function statusText(element: HTMLElement): string | null {
    return statusRegion(element)?.textContent?.trim() ?? null;
}

function heading(element: HTMLElement): string | null {
    return element.shadowRoot!.querySelector('h2')?.textContent?.trim() ?? null;
}

function noticeText(element: HTMLElement): string | null {
    const notice = element.shadowRoot!.querySelector('c-chat-admin-notice');
    return notice ? (notice.shadowRoot!.textContent ?? '') : null;
}

describe('c-chat-status', () => {
    afterEach(() => {
        // The jsdom instance is shared across a file's tests: reset it.
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        resetChatServiceDouble();
        setBuilderContextOverride(null);
    });

    describe('when chat is turned off', () => {
        it.each(['locker', 'no-chat-client'] as const)(
            'shows visitors nothing when the reason is %s',
            async (reason) => {
                setBuilderContextOverride(false);
                const element = render(
                    { heading: 'Live help' },
                    { status: 'disabled', disabledReason: reason }
                );

                expect(statusRegion(element)).toBeNull();
                expect(element.shadowRoot!.textContent).toBe('');
                await expect(element).toBeAccessible();
            }
        );

        it.each([
            ['locker', 'because Lightning Locker is on'],
            ['no-chat-client', 'no Embedded Chat client loaded']
        ] as const)('shows the admin in Experience Builder why (%s)', async (reason, expected) => {
            setBuilderContextOverride(true);
            const element = render({}, { status: 'disabled', disabledReason: reason });

            expect(statusRegion(element)).toBeNull();
            expect(noticeText(element)).toContain(expected);
            await expect(element).toBeAccessible();
        });
    });

    describe('the status', () => {
        it('says it is checking while the chat loads', async () => {
            const element = render({}, { status: 'loading', agentsAvailable: null });

            expect(statusText(element)).toBe('Checking whether chat is available…');
            await expect(element).toBeAccessible();
        });

        it.each([
            [true, 'Agents are online and ready to chat.'],
            [false, 'No agents are online right now.'],
            [null, 'Chat is available.']
        ] as const)('shows agent availability %p when ready', async (agents, expected) => {
            const element = render({}, { status: 'ready', agentsAvailable: agents });

            expect(statusText(element)).toBe(expected);
            await expect(element).toBeAccessible();
        });

        it.each([
            [{ status: 'requesting' }, 'Requesting a chat…'],
            [{ status: 'queued', queuePosition: 3 }, 'You are number 3 in the queue.'],
            [{ status: 'queued', queuePosition: null }, 'You are in the queue.'],
            [{ status: 'queued', queuePosition: 0 }, 'You are in the queue.'],
            [{ status: 'queued', queuePosition: 2.5 }, 'You are in the queue.'],
            [{ status: 'chatting' }, 'You are chatting with an agent.'],
            [{ status: 'ended' }, 'Your chat has ended.']
        ] as [Partial<ChatState>, string][])('shows %p as “%s”', async (state, expected) => {
            const element = render({}, state);

            expect(statusText(element)).toBe(expected);
            await expect(element).toBeAccessible();
        });

        it('announces changes politely in one status region', async () => {
            const element = render({}, { status: 'queued', queuePosition: 3 });
            const region = statusRegion(element)!;
            expect(region.getAttribute('aria-live')).toBe('polite');

            setMockChatState({ queuePosition: 2 });
            await flushPromises();
            expect(statusText(element)).toBe('You are number 2 in the queue.');

            setMockChatState({ status: 'chatting', queuePosition: null });
            await flushPromises();
            expect(statusText(element)).toBe('You are chatting with an agent.');
            // The same element, so screen readers announce the change.
            expect(statusRegion(element)).toBe(region);
        });
    });

    describe('builder properties', () => {
        it('shows no heading by default', () => {
            const element = render();

            expect(heading(element)).toBeNull();
        });

        it('shows the heading the admin typed, trimmed', async () => {
            const element = render({ heading: '  Live help ' });

            expect(heading(element)).toBe('Live help');
            await expect(element).toBeAccessible();
        });

        it('shows no heading when it is blank', () => {
            const element = render({ heading: '   ' });

            expect(heading(element)).toBeNull();
        });

        it('shows HTML in the heading as text and tells the admin', () => {
            setBuilderContextOverride(true);
            const element = render({ heading: '<em>Help</em>' });

            expect(heading(element)).toBe('<em>Help</em>');
            expect(element.shadowRoot!.querySelector('em')).toBeNull();
            expect(noticeText(element)).toContain('Heading: HTML is shown as plain text');
        });

        it.each([false, 'false', ' FALSE '])(
            'hides availability but keeps the chat progress when show availability is %p',
            async (showAvailability) => {
                const element = render({ showAvailability }, { status: 'ready' });
                expect(statusRegion(element)).not.toBeNull();
                expect(statusText(element)).toBe('');

                setMockChatState({ status: 'loading' });
                await flushPromises();
                expect(statusText(element)).toBe('');

                setMockChatState({ status: 'queued', queuePosition: 4 });
                await flushPromises();
                expect(statusText(element)).toBe('You are number 4 in the queue.');
            }
        );

        it('shows availability for a value that is not a Boolean and tells the admin', () => {
            setBuilderContextOverride(true);
            const element = render({ showAvailability: 'maybe' }, { status: 'ready' });

            expect(statusText(element)).toBe('Agents are online and ready to chat.');
            expect(noticeText(element)).toContain(
                'Show agent availability: “maybe” is not true or false; using true.'
            );
        });

        it('never shows property problems to visitors', () => {
            setBuilderContextOverride(false);
            const element = render({ showAvailability: 'maybe', heading: '<b>x</b>' });

            expect(noticeText(element)).toBeNull();
        });
    });

    describe('lifecycle', () => {
        it('subscribes once when inserted and unsubscribes when removed', () => {
            const element = render();
            expect(subscriberCount()).toBe(1);

            document.body.removeChild(element);

            expect(subscriberCount()).toBe(0);
        });
    });
});
