import ChatStatus from 'c/chatStatus';
import ChatStartButton from 'c/chatStartButton';
import { createElement } from 'lwc';
import type { ChatState } from 'c/embeddedChatService';
import { setMockChatState, setMockSiteRouting } from 'test/jest-mocks/chatServiceDouble';
import {
    LOADING,
    READY,
    READY_OFFLINE,
    flushPromises,
    noticeText,
    renderer,
    resetPage,
    viewAsVisitor,
    viewInBuilder
} from 'test/componentTestUtils';
import {
    itShowsTheAdminWhyChatIsOff,
    itShowsVisitorsNothingWhenChatIsOff,
    itShowsVisitorsNothingWhileTheChatLoads,
    itSubscribesOnlyWhileInserted
} from 'test/sharedComponentTests';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

type Props = Partial<Pick<ChatStatus, 'heading' | 'showAvailability'>>;

const render = renderer<Props>('c-chat-status', ChatStatus);

function statusRegion(element: HTMLElement): HTMLElement | null {
    return element.shadowRoot!.querySelector('[role="status"]');
}

function statusText(element: HTMLElement): string | null {
    return statusRegion(element)?.textContent?.trim() ?? null;
}

function heading(element: HTMLElement): string | null {
    return element.shadowRoot!.querySelector('h2')?.textContent?.trim() ?? null;
}

describe('c-chat-status', () => {
    afterEach(resetPage);

    describe('when chat is turned off', () => {
        itShowsVisitorsNothingWhenChatIsOff(
            (state) => render({ heading: 'Live help' }, state),
            statusRegion
        );
        itShowsTheAdminWhyChatIsOff((state) => render({}, state), statusRegion);
    });

    describe('while the chat loads', () => {
        itShowsVisitorsNothingWhileTheChatLoads(
            (state) => render({ heading: 'Live help' }, state),
            statusRegion
        );

        it('tells the admin in Experience Builder that it is checking', async () => {
            viewInBuilder();
            const element = render({ heading: 'Live help' }, LOADING);

            expect(heading(element)).toBe('Live help');
            expect(statusText(element)).toBe('Checking whether chat is available…');
            await expect(element).toBeAccessible();
        });

        it('shows visitors the status the moment the chat client is ready', async () => {
            viewAsVisitor();
            const element = render({}, LOADING);

            setMockChatState({ status: 'ready', agentsAvailable: true });
            await flushPromises();

            expect(statusText(element)).toBe('Agents are online and ready to chat.');
        });
    });

    describe('the status', () => {
        it.each([
            [true, 'Agents are online and ready to chat.'],
            [false, 'No agents are online right now.'],
            [null, 'You can start a chat.']
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
            [{ status: 'ended' }, 'Your chat has ended.'],
            [{ status: 'open' }, 'Your chat window is open.']
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

    describe('when the site routing is invalid', () => {
        // One mistyped fallback rule in Chat Routing Settings: no chat that uses it can start.
        const MISTYPED_RULE = { fallbackRouting: ['573-typo'] };
        const UNAVAILABLE = "Chat isn't available right now.";
        const FIX =
            'The site routing has errors, so no chat that uses it can start. Fix them on the Chat Routing Settings component (on this page or the theme layout), whose card lists them.';

        it.each([true, false, null])(
            'never invites visitors to chat (agents available: %p): says chat is unavailable',
            async (agents) => {
                viewAsVisitor();
                setMockSiteRouting(MISTYPED_RULE);
                const element = render({}, { status: 'ready', agentsAvailable: agents });

                expect(statusText(element)).toBe(UNAVAILABLE);
                await expect(element).toBeAccessible();
            }
        );

        it('says so as soon as the routing breaks, and shows availability again once fixed', async () => {
            viewAsVisitor();
            const element = render({}, READY);
            expect(statusText(element)).toBe('Agents are online and ready to chat.');

            setMockSiteRouting(MISTYPED_RULE);
            await flushPromises();
            expect(statusText(element)).toBe(UNAVAILABLE);

            setMockSiteRouting({});
            await flushPromises();
            expect(statusText(element)).toBe('Agents are online and ready to chat.');
        });

        it('still follows a chat under way, and shows nothing when availability is off', () => {
            setMockSiteRouting(MISTYPED_RULE);
            expect(statusText(render({}, { status: 'chatting' }))).toBe(
                'You are chatting with an agent.'
            );
            expect(statusText(render({ showAvailability: false }, READY))).toBe('');
        });

        it('tells the admin that the site routing is invalid, where to fix it, and what visitors read', async () => {
            viewInBuilder();
            setMockSiteRouting(MISTYPED_RULE);
            const element = render({}, READY);

            expect(noticeText(element)).toContain(FIX);
            expect(noticeText(element)).toContain(
                `Meanwhile visitors read “${UNAVAILABLE}” here instead of agent availability.`
            );
            await expect(element).toBeAccessible();
        });

        it('tells it also to the admin of a status without availability, without the visitors’ part', () => {
            viewInBuilder();
            setMockSiteRouting(MISTYPED_RULE);
            const element = render({ showAvailability: false }, READY);

            expect(noticeText(element)).toContain(FIX);
            expect(noticeText(element)).not.toContain('Meanwhile');
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
            viewInBuilder();
            const element = render({ heading: '<em>Help</em>' });

            expect(heading(element)).toBe('<em>Help</em>');
            expect(element.shadowRoot!.querySelector('em')).toBeNull();
            expect(noticeText(element)).toContain('Heading: HTML is shown as plain text');
        });

        it.each([false, 'false', ' FALSE '])(
            'hides availability but keeps the chat progress when show availability is %p',
            async (showAvailability) => {
                const element = render({ showAvailability }, READY);
                expect(statusRegion(element)).not.toBeNull();
                expect(statusText(element)).toBe('');

                setMockChatState({ status: 'loading' });
                await flushPromises();
                expect(statusText(element)).toBeNull();

                setMockChatState({ status: 'queued', queuePosition: 4 });
                await flushPromises();
                expect(statusText(element)).toBe('You are number 4 in the queue.');
            }
        );

        it('shows availability for a value that is not a Boolean and tells the admin', () => {
            viewInBuilder();
            const element = render({ showAvailability: 'maybe' }, READY);

            expect(statusText(element)).toBe('Agents are online and ready to chat.');
            expect(noticeText(element)).toContain(
                'Show agent availability: “maybe” is not true or false; using true.'
            );
        });

        it('tells the admin of HTML in a heading that is also too long, and shortens it at a word', () => {
            viewInBuilder();
            const long = `<b>Live help</b> ${'from our team '.repeat(6)}`;
            const element = render({ heading: long }, READY);

            const shortened = `<b>Live help</b> ${'from our team '.repeat(4)}from…`;
            expect(heading(element)).toBe(shortened);
            expect(noticeText(element)).toContain('Heading: HTML is shown as plain text');
            expect(noticeText(element)).toContain(
                `Heading: longer than 80 characters; visitors see it shortened: “${shortened}”.`
            );
        });

        it('removes direction override characters from the heading and tells the admin', () => {
            viewInBuilder();
            const element = render({ heading: '\u202Eplh evil\u202C' }, READY);

            expect(heading(element)).toBe('plh evil');
            expect(noticeText(element)).toContain(
                'Heading: contains invisible characters that change the text’s direction'
            );
        });

        it('never shows property problems to visitors', () => {
            viewAsVisitor();
            const element = render({ showAvailability: 'maybe', heading: '<b>x</b>' });

            expect(noticeText(element)).toBeNull();
        });
    });

    describe('in Experience Builder, with no heading and no availability', () => {
        const PLACEHOLDER =
            'Chat Status: visitors see nothing here until they start a chat; then it shows how their chat is going.';

        it('shows the admin a placeholder saying when visitors see it', async () => {
            viewInBuilder();
            const element = render({ showAvailability: false }, READY);

            expect(statusText(element)).toBe('');
            expect(noticeText(element)).toContain(PLACEHOLDER);
            await expect(element).toBeAccessible();
        });

        it.each([
            [{ showAvailability: false, heading: 'Live help' }],
            [{ showAvailability: true }],
            [{}]
        ])('shows no placeholder when visitors always see something (%p)', (props) => {
            viewInBuilder();
            const element = render(props, READY);

            expect(noticeText(element)).toBeNull();
        });

        it('shows visitors no placeholder', () => {
            viewAsVisitor();
            const element = render({ showAvailability: false }, READY);

            expect(element.shadowRoot!.textContent?.trim()).toBe('');
        });
    });

    describe('next to a Start Chat button', () => {
        it('says “No agents are online right now.” once on the page', () => {
            const status = render({}, READY_OFFLINE);
            const start = createElement('c-chat-start-button', { is: ChatStartButton });
            document.body.appendChild(start);
            const page = [status, start].map((el) => el.shadowRoot!.textContent ?? '').join(' ');

            expect(page.split('No agents are online right now.')).toHaveLength(2);
            expect(page).toContain('You can start a chat as soon as an agent is online.');
        });
    });

    describe('lifecycle', () => {
        itSubscribesOnlyWhileInserted(() => render());
    });
});
