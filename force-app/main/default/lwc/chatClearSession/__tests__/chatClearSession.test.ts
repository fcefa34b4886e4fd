import { createElement } from 'lwc';
import ChatClearSession from 'c/chatClearSession';
import { setBuilderContextOverride } from 'c/chatComponentSupport';
import type { ChatErrorCode, ChatState } from 'c/embeddedChatService';
import { resetPageLoadClear } from '../pageLoadClear';
import {
    clearSession,
    holdMockAction,
    releaseMockAction,
    resetChatServiceDouble,
    setMockActionResult,
    setMockChatState,
    subscriberCount
} from 'test/jest-mocks/chatServiceDouble';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

type Props = Partial<
    Pick<ChatClearSession, 'buttonLabel' | 'variant' | 'clearOnPageLoad' | 'hideButton'>
>;

const CLEARED = 'Your chat history was cleared from this browser.';

function render(props: Props = {}, state?: Partial<ChatState>): HTMLElement & Props {
    if (state) {
        setMockChatState(state);
    }
    const element = createElement('c-chat-clear-session', { is: ChatClearSession });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

// Lets pending promises (clearSession) settle and the component re-render.
function flushPromises(): Promise<void> {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- a test waits for promise callbacks
    return new Promise((resolve) => setTimeout(resolve, 0));
}

interface ButtonStub extends HTMLElement {
    label: string;
    variant: string;
    disabled: boolean;
}

function button(element: HTMLElement): ButtonStub | null {
    return element.shadowRoot!.querySelector('lightning-button');
}

function text(element: HTMLElement, selector: string): string | null {
    return element.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? null;
}

function noticeText(element: HTMLElement): string | null {
    const notice = element.shadowRoot!.querySelector('c-chat-admin-notice');
    return notice ? (notice.shadowRoot!.textContent ?? '') : null;
}

describe('c-chat-clear-session', () => {
    afterEach(() => {
        // The jsdom instance is shared across a file's tests: reset it.
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        resetChatServiceDouble();
        setBuilderContextOverride(null);
        // Each test is a new page load.
        resetPageLoadClear();
    });

    describe('when chat is turned off', () => {
        it.each(['locker', 'no-chat-client'] as const)(
            'shows visitors nothing and clears nothing when the reason is %s',
            async (reason) => {
                setBuilderContextOverride(false);
                const element = render(
                    { clearOnPageLoad: true },
                    { status: 'disabled', disabledReason: reason }
                );
                await flushPromises();

                expect(button(element)).toBeNull();
                expect(element.shadowRoot!.textContent).toBe('');
                expect(clearSession).not.toHaveBeenCalled();
                await expect(element).toBeAccessible();
            }
        );

        it.each([
            ['locker', 'because Lightning Locker is on'],
            ['no-chat-client', 'no Embedded Chat client loaded']
        ] as const)('shows the admin in Experience Builder why (%s)', async (reason, expected) => {
            setBuilderContextOverride(true);
            const element = render({}, { status: 'disabled', disabledReason: reason });

            expect(button(element)).toBeNull();
            expect(noticeText(element)).toContain(expected);
            await expect(element).toBeAccessible();
        });
    });

    describe('the button', () => {
        it('disables the button with the reason while the chat loads', async () => {
            const element = render({}, { status: 'loading', agentsAvailable: null });

            expect(button(element)!.disabled).toBe(true);
            expect(text(element, '.reason')).toBe('Chat is getting ready…');
            await expect(element).toBeAccessible();
        });

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
            const element = render({}, { status: 'ready' });

            button(element)!.click();
            await flushPromises();

            expect(clearSession).toHaveBeenCalledTimes(1);
            expect(text(element, '.success')).toBe(CLEARED);
            expect(
                element.shadowRoot!.querySelector('.success')!.closest('[aria-live="polite"]')
            ).not.toBeNull();
            await expect(element).toBeAccessible();
        });

        it('is disabled and busy while clearing, so it cannot ask twice', async () => {
            holdMockAction('clearSession');
            const element = render({}, { status: 'chatting' });

            button(element)!.click();
            await flushPromises();

            expect(button(element)!.disabled).toBe(true);
            expect(button(element)!.getAttribute('aria-busy')).toBe('true');
            expect(text(element, '.reason')).toBe('Clearing your chat history…');
            await expect(element).toBeAccessible();

            button(element)!.click();
            await flushPromises();
            expect(clearSession).toHaveBeenCalledTimes(1);

            releaseMockAction('clearSession');
            await flushPromises();

            expect(button(element)!.disabled).toBe(false);
            expect(button(element)!.getAttribute('aria-busy')).toBe('false');
            expect(text(element, '.success')).toBe(CLEARED);
        });

        it.each([
            ['CHAT_CLIENT_MISSING', "Chat isn't available right now. Please try again later."],
            ['CLIENT_ERROR', 'Something went wrong with the chat. Please try again.'],
            ['TIMEOUT', 'The chat is taking too long to respond. Please try again.']
        ] as [ChatErrorCode, string][])(
            'shows the visitor what went wrong for %s',
            async (code, expected) => {
                setMockActionResult('clearSession', { ok: false, code, message: 'Developer text' });
                const element = render();

                button(element)!.click();
                await flushPromises();

                expect(text(element, '.error')).toBe(expected);
                expect(text(element, '.success')).toBeNull();
                expect(element.shadowRoot!.textContent).not.toContain('Developer text');
                expect(
                    element.shadowRoot!.querySelector('.error')!.closest('[aria-live="polite"]')
                ).not.toBeNull();
            }
        );

        it('shows a general error instead of throwing when clearSession rejects', async () => {
            clearSession.mockImplementationOnce(() => Promise.reject(new Error('boom')));
            const element = render();

            button(element)!.click();
            await flushPromises();

            expect(text(element, '.error')).toBe(
                'Something went wrong with the chat. Please try again.'
            );
        });

        it('replaces an old confirmation when cleared again and it fails', async () => {
            const element = render();
            button(element)!.click();
            await flushPromises();
            expect(text(element, '.success')).toBe(CLEARED);

            setMockActionResult('clearSession', { ok: false, code: 'TIMEOUT', message: 'late' });
            button(element)!.click();
            await flushPromises();

            expect(text(element, '.success')).toBeNull();
            expect(text(element, '.error')).not.toBeNull();
        });

        it('does not call the service while the button is disabled', async () => {
            const element = render({}, { status: 'loading' });

            button(element)!.click();
            await flushPromises();

            expect(clearSession).not.toHaveBeenCalled();
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
            render({ clearOnPageLoad: 'TRUE ' }, { status: 'chatting' });
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

        it('does not clear again when the component is removed and inserted again', async () => {
            const element = render({ clearOnPageLoad: true }, { status: 'ready' });
            await flushPromises();
            document.body.removeChild(element);
            document.body.appendChild(element);
            await flushPromises();

            expect(clearSession).toHaveBeenCalledTimes(1);
        });

        it('does not clear on load when the mode is off', async () => {
            render({ clearOnPageLoad: false }, { status: 'ready' });
            await flushPromises();

            expect(clearSession).not.toHaveBeenCalled();
        });

        it('hides the button from visitors when the admin chose so, and still clears', async () => {
            setBuilderContextOverride(false);
            const element = render(
                { clearOnPageLoad: true, hideButton: ' true ' },
                { status: 'ready' }
            );
            await flushPromises();

            expect(clearSession).toHaveBeenCalledTimes(1);
            expect(button(element)).toBeNull();
            expect(element.shadowRoot!.textContent).toBe('');
            await expect(element).toBeAccessible();
        });

        it('tells the admin in Experience Builder what the hidden component does', async () => {
            setBuilderContextOverride(true);
            const element = render(
                { clearOnPageLoad: true, hideButton: true },
                { status: 'ready' }
            );

            expect(button(element)).toBeNull();
            expect(text(element, '.builder-note')).toBe(
                "Clear Chat Session: clears the chat history when this page loads. Visitors don't see this component."
            );
            await expect(element).toBeAccessible();
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
            setBuilderContextOverride(true);
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
            setBuilderContextOverride(true);
            const element = render({ clearOnPageLoad: 'maybe' }, { status: 'ready' });
            await flushPromises();

            expect(clearSession).not.toHaveBeenCalled();
            expect(noticeText(element)).toContain(
                'Clear when the page loads: “maybe” is not true or false; using false.'
            );
        });

        it('keeps the button and tells the admin when it is hidden without the page-load mode', async () => {
            setBuilderContextOverride(true);
            const element = render({ hideButton: true }, { status: 'ready' });

            expect(button(element)).not.toBeNull();
            expect(noticeText(element)).toContain(
                'Hide the button: works only with Clear when the page loads; the button is shown.'
            );
            await expect(element).toBeAccessible();
        });

        it('never shows property problems to visitors', () => {
            setBuilderContextOverride(false);
            const element = render({ hideButton: 'maybe', variant: 'bogus' });

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
