import ChatClearSession from 'c/chatClearSession';
import { resetPageLoadClear } from '../pageLoadClear';
import {
    clearSession,
    holdMockAction,
    releaseMockAction,
    setMockActionResult,
    setMockChatState
} from 'test/jest-mocks/chatServiceDouble';
import {
    CHATTING,
    CHAT_OFF_REASONS,
    READY,
    VISITOR_ERRORS,
    button,
    chatOff,
    clickButton,
    flushPromises,
    focusButton,
    focusedIn,
    messages,
    noticeText,
    politeRegionOf,
    renderer,
    resetPage,
    text,
    viewAsVisitor,
    viewInBuilder
} from 'test/componentTestUtils';
import {
    itDescribesTheButtonWithItsReasonAndError,
    itDoesNotCallTheServiceWhileDisabled,
    itKeepsTheKeyboardFocus,
    itShowsAGeneralErrorWhenTheActionRejects,
    itShowsTheAdminTheButtonWaitingForTheChat,
    itShowsTheAdminWhyChatIsOff,
    itShowsTheVisitorWhatWentWrong,
    itShowsVisitorsNothingWhileTheChatLoads,
    itSubscribesOnlyWhileInserted
} from 'test/sharedComponentTests';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

type Props = Partial<
    Pick<ChatClearSession, 'buttonLabel' | 'variant' | 'clearOnPageLoad' | 'hideButton'>
>;

const CLEARED = 'Your chat history was cleared from this browser.';
const CLEARED_ENDED = 'Your chat ended, and its history was cleared from this browser.';
/** An unconfirmed clear with no chat to end: only what applies (label Chat_Clear_Unconfirmed_No_Chat). */
const UNCONFIRMED_NO_CHAT =
    'Your chat history may still be stored in this browser. To remove it, close all windows of this browser.';
const CLEARING = 'Clearing your chat history…';
/** What the service answers when the chat client never proved that the data was deleted. */
const UNCONFIRMED = {
    ok: false,
    code: 'CLEAR_UNCONFIRMED',
    message:
        'The chat ended, but the chat client did not confirm that its stored session data was deleted.'
} as const;

const render = renderer<Props>('c-chat-clear-session', ChatClearSession);

describe('c-chat-clear-session', () => {
    afterEach(() => {
        resetPage();
        // Each test is a new page load.
        resetPageLoadClear();
    });

    describe('when chat is turned off', () => {
        it.each(CHAT_OFF_REASONS)(
            'shows visitors nothing and clears nothing when the reason is %s',
            async (reason) => {
                viewAsVisitor();
                const element = render({ clearOnPageLoad: true }, chatOff(reason));
                await flushPromises();

                expect(button(element)).toBeNull();
                expect(element.shadowRoot!.textContent).toBe('');
                expect(clearSession).not.toHaveBeenCalled();
                await expect(element).toBeAccessible();
            }
        );

        itShowsTheAdminWhyChatIsOff((state) => render({}, state), button);
    });

    describe('the button', () => {
        itShowsVisitorsNothingWhileTheChatLoads((state) => render({}, state), button);
        itShowsTheAdminTheButtonWaitingForTheChat((state) => render({}, state));

        it.each([
            ['ready', true],
            ['ready', false],
            ['ready', null],
            ['requesting', null],
            ['queued', true],
            ['chatting', true],
            ['ended', true]
        ] as const)('is enabled while the chat is %s (agents %p)', (status, agents) => {
            const element = render({}, { status, agentsAvailable: agents, queuePosition: 3 });

            expect(button(element)!.disabled).toBe(false);
            expect(button(element)!.label).toBe('Clear chat history');
        });

        it('clears the session and confirms it politely when clicked', async () => {
            const element = render({}, READY);

            await clickButton(element);

            expect(clearSession).toHaveBeenCalledTimes(1);
            expect(text(element, '.success')).toBe(CLEARED);
            expect(politeRegionOf(element, '.success')).not.toBeNull();
            await expect(element).toBeAccessible();
        });

        it('is disabled and busy while clearing, so it cannot ask twice', async () => {
            holdMockAction('clearSession');
            const element = render({}, CHATTING);

            await clickButton(element);

            expect(button(element)!.disabled).toBe(true);
            expect(button(element)!.getAttribute('aria-busy')).toBe('true');
            expect(text(element, '.reason')).toBe('Clearing your chat history…');
            await expect(element).toBeAccessible();

            await clickButton(element);
            expect(clearSession).toHaveBeenCalledTimes(1);

            releaseMockAction('clearSession');
            await flushPromises();

            expect(button(element)!.disabled).toBe(false);
            expect(button(element)!.getAttribute('aria-busy')).toBe('false');
            expect(text(element, '.success')).toBe(CLEARED_ENDED);
        });

        itShowsTheVisitorWhatWentWrong('clearSession', () => render(), [
            'CHAT_CLIENT_MISSING',
            'CLIENT_ERROR',
            'TIMEOUT'
        ]);
        itShowsAGeneralErrorWhenTheActionRejects('clearSession', () => render());

        it('replaces an old confirmation when cleared again and it fails', async () => {
            const element = render();
            await clickButton(element);
            expect(text(element, '.success')).toBe(CLEARED);

            setMockActionResult('clearSession', { ok: false, code: 'TIMEOUT', message: 'late' });
            await clickButton(element);

            expect(text(element, '.success')).toBeNull();
            expect(text(element, '.error')).not.toBeNull();
        });

        itDoesNotCallTheServiceWhileDisabled('clearSession', () => {
            viewInBuilder();
            return render({}, { status: 'loading' });
        });
    });

    describe('screen readers and keyboard focus', () => {
        itDescribesTheButtonWithItsReasonAndError(
            'clearSession',
            () => {
                viewInBuilder();
                return render({}, { status: 'loading' });
            },
            () => render()
        );
        itKeepsTheKeyboardFocus('clearSession', () => render());

        it('keeps the focus in the component while the button is disabled for the clear', async () => {
            holdMockAction('clearSession');
            const element = render();
            focusButton(element);

            // Rendered disabled with the focus still on it: the browser is about to drop it.
            await clickButton(element);

            expect(button(element)!.disabled).toBe(true);
            expect(focusedIn(element)).toBe(messages(element));
            expect(text(element, '.messages')).toBe('Clearing your chat history…');

            releaseMockAction('clearSession');
            await flushPromises();

            expect(focusedIn(element)).toBe(button(element));
        });

        it('drops its confirmation when a new chat starts', async () => {
            const element = render({}, READY);
            await clickButton(element);
            expect(text(element, '.success')).toBe(CLEARED);

            setMockChatState({ status: 'requesting' });
            await flushPromises();

            expect(text(element, '.success')).toBeNull();
        });

        it.each(['queued', 'chatting', 'open'] as const)(
            'says the chat ended when the clear ended one under way (%s)',
            async (status) => {
                const element = render({}, { status, agentsAvailable: true });
                await clickButton(element);
                expect(text(element, '.success')).toBe(CLEARED_ENDED);
            }
        );

        it.each(['ready', 'ended'] as const)(
            'never says a chat ended when there was none under way (%s)',
            async (status) => {
                const element = render({}, { status, agentsAvailable: true });
                await clickButton(element);
                expect(text(element, '.success')).toBe(CLEARED);

                setMockActionResult('clearSession', UNCONFIRMED);
                await clickButton(element);
                expect(text(element, '.error')).toBe(UNCONFIRMED_NO_CHAT);
            }
        );

        it('drops its confirmation when the agents’ availability changes, not reading as news later', async () => {
            const element = render({}, { status: 'ready', agentsAvailable: true });
            await clickButton(element);
            expect(text(element, '.success')).toBe(CLEARED);

            setMockChatState({ agentsAvailable: false });
            await flushPromises();

            expect(text(element, '.success')).toBeNull();
        });

        it.each(['requesting', 'queued', 'chatting'] as const)(
            'keeps an unconfirmed clear’s warning until a new chat starts (%s)',
            async (status) => {
                setMockActionResult('clearSession', UNCONFIRMED);
                const element = render({}, { status: 'chatting', agentsAvailable: true });
                await clickButton(element);
                expect(text(element, '.error')).toBe(VISITOR_ERRORS.CLEAR_UNCONFIRMED);

                // The chat the clear ended winds down, agents go offline: still a warning.
                setMockChatState({ queuePosition: null });
                setMockChatState({ status: 'ended' });
                setMockChatState({ status: 'ready' });
                setMockChatState({ agentsAvailable: false });
                await flushPromises();
                expect(text(element, '.error')).toBe(VISITOR_ERRORS.CLEAR_UNCONFIRMED);

                setMockChatState({ status, agentsAvailable: true });
                await flushPromises();
                expect(text(element, '.error')).toBeNull();
            }
        );

        it('keeps a failed clear’s warning until the visitor clears again', async () => {
            setMockActionResult('clearSession', { ok: false, code: 'TIMEOUT', message: 'late' });
            const element = render({}, { status: 'ready', agentsAvailable: true });
            await clickButton(element);
            setMockChatState({ agentsAvailable: false });
            setMockChatState({ status: 'ended' });
            await flushPromises();
            expect(text(element, '.error')).toBe(VISITOR_ERRORS.TIMEOUT);

            setMockActionResult('clearSession', { ok: true });
            await clickButton(element);

            expect(text(element, '.error')).toBeNull();
            expect(text(element, '.success')).toBe(CLEARED);
        });
    });

    describe('clearing when the page loads', () => {
        it('clears once as soon as the chat is ready, not while it loads', async () => {
            const element = render({ clearOnPageLoad: true }, { status: 'loading' });
            await flushPromises();
            expect(clearSession).not.toHaveBeenCalled();

            setMockChatState({ status: 'ready', agentsAvailable: true });
            await flushPromises();

            expect(clearSession).toHaveBeenCalledTimes(1);
            expect(text(element, '.success')).toBe(CLEARED);

            setMockChatState({ status: 'chatting' });
            setMockChatState({ status: 'ended' });
            await flushPromises();
            expect(clearSession).toHaveBeenCalledTimes(1);
            await expect(element).toBeAccessible();
        });

        it('clears at once when the chat is already ready on insert', async () => {
            render({ clearOnPageLoad: 'TRUE ' }, CHATTING);
            await flushPromises();

            expect(clearSession).toHaveBeenCalledTimes(1);
        });

        it('clears only once per page load with two components on the page', async () => {
            render({ clearOnPageLoad: true }, { status: 'loading' });
            render({ clearOnPageLoad: true });

            setMockChatState({ status: 'ready' });
            await flushPromises();

            expect(clearSession).toHaveBeenCalledTimes(1);
        });

        it('clears again when the visitor comes back to the page', async () => {
            const element = render({ clearOnPageLoad: true }, READY);
            await flushPromises();
            // Experience Cloud navigates without loading the document: the component leaves...
            document.body.removeChild(element);
            await flushPromises();
            // ...and a visit of the page later inserts one again.
            render({ clearOnPageLoad: true });
            await flushPromises();

            expect(clearSession).toHaveBeenCalledTimes(2);
        });

        it('clears again when the same component is inserted again after it left', async () => {
            const element = render({ clearOnPageLoad: true }, READY);
            await flushPromises();
            document.body.removeChild(element);
            document.body.appendChild(element);
            await flushPromises();

            expect(clearSession).toHaveBeenCalledTimes(2);
            expect(text(element, '.success')).toBe(CLEARED);
        });

        it('does not clear again while another page-load component stays on the page', async () => {
            const first = render({ clearOnPageLoad: true }, READY);
            render({ clearOnPageLoad: true });
            await flushPromises();

            document.body.removeChild(first);
            document.body.appendChild(first);
            render({ clearOnPageLoad: true });
            await flushPromises();

            expect(clearSession).toHaveBeenCalledTimes(1);
        });

        it('does not count a click-only component as part of the visit', async () => {
            render({ clearOnPageLoad: false }, READY);
            const onLoad = render({ clearOnPageLoad: true });
            await flushPromises();

            document.body.removeChild(onLoad);
            render({ clearOnPageLoad: true });
            await flushPromises();

            expect(clearSession).toHaveBeenCalledTimes(2);
        });

        it('clears once for components removed and inserted while the clear still runs', async () => {
            holdMockAction('clearSession');
            for (let i = 0; i < 5; i++) {
                document.body.removeChild(render({ clearOnPageLoad: true }, READY));
            }
            releaseMockAction('clearSession');
            await flushPromises();

            expect(clearSession).toHaveBeenCalledTimes(1);
        });

        it('does not clear on load when the mode is off', async () => {
            render({ clearOnPageLoad: false }, READY);
            await flushPromises();

            expect(clearSession).not.toHaveBeenCalled();
        });

        it('hides the button from visitors when the admin chose so, and still clears', async () => {
            viewAsVisitor();
            const element = render({ clearOnPageLoad: true, hideButton: ' true ' }, READY);
            await flushPromises();

            expect(clearSession).toHaveBeenCalledTimes(1);
            expect(button(element)).toBeNull();
            expect(element.shadowRoot!.textContent).toBe('');
            await expect(element).toBeAccessible();
        });

        it('tells the admin in Experience Builder what the hidden component does', async () => {
            viewInBuilder();
            const element = render({ clearOnPageLoad: true, hideButton: true }, READY);

            expect(button(element)).toBeNull();
            expect(noticeText(element)).toContain(
                "Clear Chat Session: clears visitors' chat history when they open this page (not in Experience Builder). Visitors don't see this component."
            );
            await expect(element).toBeAccessible();
        });

        it('does not clear the admin’s chat in Experience Builder and says when it clears', async () => {
            viewInBuilder();
            const element = render({ clearOnPageLoad: true }, READY);
            await flushPromises();

            expect(clearSession).not.toHaveBeenCalled();
            expect(noticeText(element)).toContain(
                "Clears visitors' chat history when they open this page (not in Experience Builder)."
            );
            expect(button(element)!.disabled).toBe(false);
            await expect(element).toBeAccessible();
        });

        it('shows visitors no builder note', async () => {
            viewAsVisitor();
            const element = render({ clearOnPageLoad: true }, READY);
            await flushPromises();

            expect(noticeText(element)).toBeNull();
        });

        it('shows the admin no note when the page-load mode is off', () => {
            viewInBuilder();
            const element = render({}, READY);

            expect(noticeText(element)).toBeNull();
        });
    });

    describe('a page-load clear the chat client does not confirm', () => {
        beforeEach(() => {
            jest.useFakeTimers();
        });

        afterEach(() => {
            jest.useRealTimers();
        });

        it('asks the service once, never claims success, and tells the visitor what to do', async () => {
            setMockActionResult('clearSession', UNCONFIRMED);
            const element = render({ clearOnPageLoad: true }, READY);
            await jest.advanceTimersByTimeAsync(0);

            expect(clearSession).toHaveBeenCalledTimes(1);
            expect(text(element, '.success')).toBeNull();
            expect(text(element, '.error')).toBe(UNCONFIRMED_NO_CHAT);
            expect(button(element)!.disabled).toBe(false);
            expect(jest.getTimerCount()).toBe(0);

            await jest.advanceTimersByTimeAsync(60000);
            expect(clearSession).toHaveBeenCalledTimes(1);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('keeps the button busy, with no error, while the service waits for the client', async () => {
            holdMockAction('clearSession');
            const element = render({ clearOnPageLoad: true }, READY);
            await jest.advanceTimersByTimeAsync(0);

            expect(button(element)!.disabled).toBe(true);
            expect(text(element, '.reason')).toBe(CLEARING);
            expect(text(element, '.error')).toBeNull();
            releaseMockAction('clearSession', UNCONFIRMED);
            await jest.advanceTimersByTimeAsync(0);
            expect(text(element, '.error')).toBe(UNCONFIRMED_NO_CHAT);
        });

        it('tells visitors, in a live region, that the data may still be there when the hidden clear is unconfirmed', async () => {
            viewAsVisitor();
            setMockActionResult('clearSession', UNCONFIRMED);
            const element = render({ clearOnPageLoad: true, hideButton: true }, READY);
            await jest.advanceTimersByTimeAsync(0);

            expect(clearSession).toHaveBeenCalledTimes(1);
            expect(button(element)).toBeNull();
            expect(text(element, '.error')).toBe(UNCONFIRMED_NO_CHAT);
            const region = element.shadowRoot!.querySelector('.messages');
            expect(region?.getAttribute('aria-live')).toBe('polite');
            expect(region?.contains(element.shadowRoot!.querySelector('.error'))).toBe(true);
            expect(element.shadowRoot!.textContent).toBe(UNCONFIRMED_NO_CHAT);
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('shows visitors nothing when the hidden clear succeeds', async () => {
            viewAsVisitor();
            holdMockAction('clearSession');
            const element = render({ clearOnPageLoad: true, hideButton: true }, READY);
            await jest.advanceTimersByTimeAsync(0);
            expect(element.shadowRoot!.textContent).toBe('');
            releaseMockAction('clearSession', { ok: true });
            await jest.advanceTimersByTimeAsync(0);

            expect(clearSession).toHaveBeenCalledTimes(1);
            expect(element.shadowRoot!.textContent).toBe('');
        });

        it('reports nothing later when the component left while the clear was running', async () => {
            holdMockAction('clearSession');
            const element = render({ clearOnPageLoad: true }, READY);
            document.body.removeChild(element);
            releaseMockAction('clearSession', UNCONFIRMED);
            await jest.advanceTimersByTimeAsync(0);

            expect(jest.getTimerCount()).toBe(0);
            expect(clearSession).toHaveBeenCalledTimes(1);
            document.body.appendChild(element);
            expect(text(element, '.error')).toBeNull();
        });

        it('shows the same answer for a click', async () => {
            setMockActionResult('clearSession', UNCONFIRMED);
            const element = render({}, READY);

            button(element)!.click();
            await jest.advanceTimersByTimeAsync(60000);

            expect(clearSession).toHaveBeenCalledTimes(1);
            expect(text(element, '.error')).toBe(UNCONFIRMED_NO_CHAT);
        });
    });

    describe('builder properties', () => {
        it('shows the label the admin typed, trimmed, or the default when blank', () => {
            const typed = render({ buttonLabel: ' Forget me ' });
            const blank = render({ buttonLabel: '  ' });

            expect(button(typed)!.label).toBe('Forget me');
            expect(button(blank)!.label).toBe('Clear chat history');
        });

        it('shows HTML in the label as text and tells the admin', () => {
            viewInBuilder();
            const element = render({ buttonLabel: '<script>x</script>' });

            expect(button(element)!.label).toBe('<script>x</script>');
            expect(element.shadowRoot!.querySelector('script')).toBeNull();
            expect(noticeText(element)).toContain('Button label: HTML is shown as plain text');
        });

        it.each([
            [undefined, 'neutral'],
            ['brand', 'brand'],
            ['outline', 'brand-outline'],
            ['bogus', 'neutral']
        ])('maps the style %p to the button variant %s', (variant, expected) => {
            const element = render({ variant });

            expect(button(element)!.variant).toBe(expected);
        });

        it('does not clear on load for a value that is not a Boolean and tells the admin', async () => {
            viewInBuilder();
            const element = render({ clearOnPageLoad: 'maybe' }, READY);
            await flushPromises();

            expect(clearSession).not.toHaveBeenCalled();
            expect(noticeText(element)).toContain(
                'Clear when the page loads: “maybe” is not true or false; using false.'
            );
        });

        it('keeps the button and tells the admin when it is hidden without the page-load mode', async () => {
            viewInBuilder();
            const element = render({ hideButton: true }, READY);

            expect(button(element)).not.toBeNull();
            expect(noticeText(element)).toContain(
                'Hide the button: works only with Clear when the page loads; the button is shown.'
            );
            await expect(element).toBeAccessible();
        });

        it('never shows property problems to visitors', () => {
            viewAsVisitor();
            const element = render({ hideButton: 'maybe', variant: 'bogus' });

            expect(noticeText(element)).toBeNull();
        });
    });

    describe('lifecycle', () => {
        itSubscribesOnlyWhileInserted(() => render());
    });
});
