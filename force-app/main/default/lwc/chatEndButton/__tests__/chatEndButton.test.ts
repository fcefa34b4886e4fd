import { createElement } from 'lwc';
import ChatEndButton from 'c/chatEndButton';
import { setBuilderContextOverride } from 'c/chatComponentSupport';
import type { ChatErrorCode, ChatState } from 'c/embeddedChatService';
import {
    endChat,
    holdMockAction,
    releaseMockAction,
    resetChatServiceDouble,
    setMockActionResult,
    setMockChatState,
    subscriberCount
} from 'test/jest-mocks/chatServiceDouble';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

type Props = Partial<
    Pick<ChatEndButton, 'buttonLabel' | 'variant' | 'stretch' | 'showOnlyDuringChat'>
>;

function render(props: Props = {}, state?: Partial<ChatState>): HTMLElement & Props {
    if (state) {
        setMockChatState(state);
    }
    const element = createElement('c-chat-end-button', { is: ChatEndButton });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

// Lets pending promises (the click's endChat) settle and the component re-render.
function flushPromises(): Promise<void> {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- a test waits for promise callbacks
    return new Promise((resolve) => setTimeout(resolve, 0));
}

interface ButtonStub extends HTMLElement {
    label: string;
    variant: string;
    stretch: boolean;
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

describe('c-chat-end-button', () => {
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
                    { showOnlyDuringChat: false },
                    { status: 'disabled', disabledReason: reason }
                );

                expect(button(element)).toBeNull();
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

            expect(button(element)).toBeNull();
            expect(noticeText(element)).toContain(expected);
            await expect(element).toBeAccessible();
        });
    });

    describe('shown only during a chat (default)', () => {
        it.each(['requesting', 'queued', 'chatting'] as const)(
            'shows the enabled button while the chat is %s',
            async (status) => {
                const element = render({}, { status, queuePosition: 3 });

                expect(button(element)!.disabled).toBe(false);
                expect(button(element)!.label).toBe('End chat');
                await expect(element).toBeAccessible();
            }
        );

        it.each([
            ['loading', null],
            ['ready', true],
            ['ready', false],
            ['ready', null],
            ['ended', true]
        ] as const)('hides the button while the chat is %s (agents %p)', (status, agents) => {
            const element = render({}, { status, agentsAvailable: agents });

            expect(button(element)).toBeNull();
            expect(element.shadowRoot!.textContent).toBe('');
        });

        it('appears when a chat starts and goes when it ends', async () => {
            const element = render({}, { status: 'ready' });
            expect(button(element)).toBeNull();

            setMockChatState({ status: 'queued', queuePosition: 1 });
            await flushPromises();
            expect(button(element)).not.toBeNull();

            setMockChatState({ status: 'ended' });
            await flushPromises();
            expect(button(element)).toBeNull();
        });
    });

    describe('shown always', () => {
        it.each([false, 'false', ' FALSE'])(
            'shows the button outside a chat when show only during a chat is %p',
            async (showOnlyDuringChat) => {
                const element = render({ showOnlyDuringChat }, { status: 'ready' });

                expect(button(element)!.disabled).toBe(false);
                await expect(element).toBeAccessible();
            }
        );

        it('disables the button with the reason while the chat loads', async () => {
            const element = render(
                { showOnlyDuringChat: false },
                { status: 'loading', agentsAvailable: null }
            );

            expect(button(element)!.disabled).toBe(true);
            expect(text(element, '.reason')).toBe('Chat is getting ready…');
            await expect(element).toBeAccessible();
        });

        it('calls endChat outside a chat too (it closes the chat window)', async () => {
            const element = render({ showOnlyDuringChat: false }, { status: 'ended' });

            button(element)!.click();
            await flushPromises();

            expect(endChat).toHaveBeenCalledTimes(1);
        });
    });

    describe('builder properties', () => {
        it('shows the label the admin typed, trimmed, or the default when blank', () => {
            const typed = render({ buttonLabel: '  Leave chat ' }, { status: 'chatting' });
            const blank = render({ buttonLabel: '' });

            expect(button(typed)!.label).toBe('Leave chat');
            expect(button(blank)!.label).toBe('End chat');
        });

        it('shows HTML in the label as text and tells the admin', async () => {
            setBuilderContextOverride(true);
            const element = render({ buttonLabel: '<img src=x>Stop' }, { status: 'chatting' });

            expect(button(element)!.label).toBe('<img src=x>Stop');
            expect(element.shadowRoot!.querySelector('img')).toBeNull();
            expect(noticeText(element)).toContain('Button label: HTML is shown as plain text');
            await expect(element).toBeAccessible();
        });

        it.each([
            [undefined, 'neutral'],
            ['brand', 'brand'],
            ['outline', 'brand-outline'],
            ['DESTRUCTIVE', 'destructive']
        ])('maps the style %p to the button variant %s', (variant, expected) => {
            const element = render({ variant }, { status: 'chatting' });

            expect(button(element)!.variant).toBe(expected);
        });

        it('falls back to neutral for an unknown style and tells the admin', () => {
            setBuilderContextOverride(true);
            const element = render({ variant: 'loud' }, { status: 'chatting' });

            expect(button(element)!.variant).toBe('neutral');
            expect(noticeText(element)).toContain(
                'Button style: “loud” is not one of brand, neutral, outline, destructive, success; using neutral.'
            );
        });

        it.each([
            ['TRUE ', true],
            ['maybe', false]
        ])('reads stretch to full width %p as %p', (stretch, expected) => {
            const element = render({ stretch }, { status: 'chatting' });

            expect(button(element)!.stretch).toBe(expected);
        });

        it('keeps the default for a bad show only during a chat value and tells the admin', () => {
            setBuilderContextOverride(true);
            const element = render({ showOnlyDuringChat: 'maybe' }, { status: 'ready' });

            expect(button(element)).toBeNull();
            expect(noticeText(element)).toContain(
                'Show only during a chat: “maybe” is not true or false; using true.'
            );
        });

        it('never shows property problems to visitors', () => {
            setBuilderContextOverride(false);
            const element = render({ variant: 'loud' }, { status: 'chatting' });

            expect(noticeText(element)).toBeNull();
        });
    });

    describe('ending a chat', () => {
        it('calls endChat when clicked', async () => {
            const element = render({}, { status: 'chatting' });

            button(element)!.click();
            await flushPromises();

            expect(endChat).toHaveBeenCalledTimes(1);
            expect(text(element, '.error')).toBeNull();
        });

        it('is disabled and busy while ending, so it cannot ask twice', async () => {
            holdMockAction('endChat');
            const element = render({}, { status: 'chatting' });

            button(element)!.click();
            await flushPromises();

            expect(button(element)!.disabled).toBe(true);
            expect(button(element)!.getAttribute('aria-busy')).toBe('true');
            expect(text(element, '.reason')).toBe('Ending your chat…');
            await expect(element).toBeAccessible();

            button(element)!.click();
            await flushPromises();
            expect(endChat).toHaveBeenCalledTimes(1);

            // The chat ends before the promise settles: the button stays until it does.
            setMockChatState({ status: 'ended' });
            await flushPromises();
            expect(button(element)).not.toBeNull();

            releaseMockAction('endChat');
            await flushPromises();
            expect(button(element)).toBeNull();
        });

        it.each([
            ['CHAT_CLIENT_MISSING', "Chat isn't available right now. Please try again later."],
            ['CLIENT_ERROR', 'Something went wrong with the chat. Please try again.'],
            ['TIMEOUT', 'The chat is taking too long to respond. Please try again.']
        ] as [ChatErrorCode, string][])(
            'shows the visitor what went wrong for %s',
            async (code, expected) => {
                setMockActionResult('endChat', { ok: false, code, message: 'Developer text' });
                const element = render({}, { status: 'chatting' });

                button(element)!.click();
                await flushPromises();

                expect(text(element, '.error')).toBe(expected);
                expect(element.shadowRoot!.textContent).not.toContain('Developer text');
                expect(
                    element.shadowRoot!.querySelector('.error')!.closest('[aria-live="polite"]')
                ).not.toBeNull();
                await expect(element).toBeAccessible();
            }
        );

        it('shows a general error instead of throwing when endChat rejects', async () => {
            endChat.mockImplementationOnce(() => Promise.reject(new Error('boom')));
            const element = render({}, { status: 'chatting' });

            button(element)!.click();
            await flushPromises();

            expect(text(element, '.error')).toBe(
                'Something went wrong with the chat. Please try again.'
            );
        });

        it('does not call the service while the button is disabled', async () => {
            const element = render({ showOnlyDuringChat: false }, { status: 'loading' });

            button(element)!.click();
            await flushPromises();

            expect(endChat).not.toHaveBeenCalled();
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
