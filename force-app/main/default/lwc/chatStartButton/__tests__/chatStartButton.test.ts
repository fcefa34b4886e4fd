import { createElement } from 'lwc';
import ChatStartButton from 'c/chatStartButton';
import { setBuilderContextOverride } from 'c/chatComponentSupport';
import type { ChatErrorCode, ChatState } from 'c/embeddedChatService';
import {
    holdMockAction,
    releaseMockAction,
    resetChatServiceDouble,
    setMockActionResult,
    setMockChatState,
    setMockRoutingValidation,
    startChat,
    subscriberCount,
    validateRouting
} from 'test/jest-mocks/chatServiceDouble';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

// Well-formed IDs (15 characters, right key prefix).
const BUTTON_ID = '5735g000000XyZa';
const USER_ID = '0055g00000ABcDe';

type Props = Partial<
    Pick<
        ChatStartButton,
        | 'buttonLabel'
        | 'variant'
        | 'stretch'
        | 'whenOffline'
        | 'hideDuringChat'
        | 'routingButtonId'
        | 'routingUserId'
        | 'routingFallback'
    >
>;

function render(props: Props = {}, state?: Partial<ChatState>): HTMLElement & Props {
    if (state) {
        setMockChatState(state);
    }
    const element = createElement('c-chat-start-button', { is: ChatStartButton });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

// Lets pending promises (the click's startChat) settle and the component re-render.
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

describe('c-chat-start-button', () => {
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
                const element = render({}, { status: 'disabled', disabledReason: reason });

                expect(button(element)).toBeNull();
                expect(noticeText(element)).toBeNull();
                expect(element.shadowRoot!.textContent).toBe('');
                await expect(element).toBeAccessible();
            }
        );

        it('shows the admin in Experience Builder that Lightning Locker blocks the chat', async () => {
            setBuilderContextOverride(true);
            const element = render({}, { status: 'disabled', disabledReason: 'locker' });

            expect(button(element)).toBeNull();
            expect(noticeText(element)).toContain('because Lightning Locker is on');
            expect(noticeText(element)).toContain('turn on Lightning Web Security');
            await expect(element).toBeAccessible();
        });

        it('shows the admin in Experience Builder that no chat client loaded', async () => {
            setBuilderContextOverride(true);
            const element = render({}, { status: 'disabled', disabledReason: 'no-chat-client' });

            expect(button(element)).toBeNull();
            expect(noticeText(element)).toContain('no Embedded Chat client loaded');
            expect(noticeText(element)).toContain('add the Embedded Service Chat component');
        });
    });

    describe('while the chat loads', () => {
        it('shows the button disabled with the reason', async () => {
            const element = render({}, { status: 'loading', agentsAvailable: null });

            expect(button(element)!.disabled).toBe(true);
            expect(text(element, '.reason')).toBe('Chat is getting ready…');
            await expect(element).toBeAccessible();
        });

        it('enables the button the moment the chat client is ready', async () => {
            const element = render({}, { status: 'loading', agentsAvailable: null });

            setMockChatState({ status: 'ready', agentsAvailable: null });
            await flushPromises();

            expect(button(element)!.disabled).toBe(false);
            expect(text(element, '.reason')).toBeNull();
        });
    });

    describe('when the chat is ready', () => {
        it('enables the button when agents are online', async () => {
            const element = render({}, { status: 'ready', agentsAvailable: true });

            expect(button(element)!.disabled).toBe(false);
            expect(button(element)!.label).toBe('Chat with an agent');
            expect(text(element, '.reason')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('enables the button when agent availability is not known', () => {
            const element = render({}, { status: 'ready', agentsAvailable: null });

            expect(button(element)!.disabled).toBe(false);
        });

        it('enables the button again after a chat ended', () => {
            const element = render({}, { status: 'ended', agentsAvailable: true });

            expect(button(element)!.disabled).toBe(false);
        });

        it('disables the button with an offline text when no agent is online (default)', async () => {
            const element = render({}, { status: 'ready', agentsAvailable: false });

            expect(button(element)!.disabled).toBe(true);
            expect(text(element, '.reason')).toBe(
                'No agents are online right now. Please try again later.'
            );
            await expect(element).toBeAccessible();
        });

        it('hides the button when no agent is online and the admin chose hide', () => {
            const element = render(
                { whenOffline: 'hide' },
                { status: 'ready', agentsAvailable: false }
            );

            expect(button(element)).toBeNull();
            expect(element.shadowRoot!.textContent).toBe('');
        });

        it('shows the button again when agents come back online', async () => {
            const element = render(
                { whenOffline: 'hide' },
                { status: 'ready', agentsAvailable: false }
            );

            setMockChatState({ agentsAvailable: true });
            await flushPromises();

            expect(button(element)!.disabled).toBe(false);
        });

        it('opens the offline support form when no agent is online and the admin chose so', async () => {
            const element = render(
                { whenOffline: 'offline-form' },
                { status: 'ready', agentsAvailable: false }
            );

            expect(button(element)!.disabled).toBe(false);
            button(element)!.click();
            await flushPromises();

            expect(startChat).toHaveBeenCalledTimes(1);
            expect(startChat).toHaveBeenCalledWith({ whenOffline: 'offline-form' });
        });
    });

    describe('during a chat', () => {
        it.each(['requesting', 'queued', 'chatting'] as const)(
            'disables the button with a reason while the chat is %s',
            async (status) => {
                const element = render({}, { status, queuePosition: 2 });

                expect(button(element)!.disabled).toBe(true);
                expect(text(element, '.reason')).toBe('You already have a chat open.');
                await expect(element).toBeAccessible();
            }
        );

        it.each([true, 'TRUE ', 'true'])(
            'hides the button during a chat when hide during a chat is %p',
            (hideDuringChat) => {
                const element = render({ hideDuringChat }, { status: 'chatting' });

                expect(button(element)).toBeNull();
            }
        );

        it('enables the button again when the chat ends', async () => {
            const element = render({}, { status: 'chatting' });

            setMockChatState({ status: 'ended' });
            await flushPromises();

            expect(button(element)!.disabled).toBe(false);
            expect(text(element, '.reason')).toBeNull();
        });
    });

    describe('builder properties', () => {
        it('shows the label the admin typed, trimmed', () => {
            const element = render({ buttonLabel: '  Talk to us  ' });

            expect(button(element)!.label).toBe('Talk to us');
        });

        it('falls back to the default label when the label is blank', () => {
            setBuilderContextOverride(true);
            const element = render({ buttonLabel: '   ' });

            expect(button(element)!.label).toBe('Chat with an agent');
            expect(noticeText(element)).toBeNull();
        });

        it('shows HTML in the label as text and tells the admin', async () => {
            setBuilderContextOverride(true);
            const element = render({ buttonLabel: '<b>Help</b>' });

            expect(button(element)!.label).toBe('<b>Help</b>');
            expect(element.shadowRoot!.querySelector('b')).toBeNull();
            expect(noticeText(element)).toContain(
                'Button label: HTML is shown as plain text, not formatted.'
            );
            await expect(element).toBeAccessible();
        });

        it.each([
            ['brand', 'brand'],
            ['neutral', 'neutral'],
            ['outline', 'brand-outline'],
            [' Outline ', 'brand-outline'],
            ['destructive', 'destructive'],
            ['success', 'success'],
            [undefined, 'brand']
        ])('maps the style %p to the button variant %s', (variant, expected) => {
            const element = render({ variant });

            expect(button(element)!.variant).toBe(expected);
        });

        it('falls back to brand for an unknown style and tells the admin', () => {
            setBuilderContextOverride(true);
            const element = render({ variant: 'fancy' });

            expect(button(element)!.variant).toBe('brand');
            expect(noticeText(element)).toContain(
                'Button style: “fancy” is not one of brand, neutral, outline, destructive, success; using brand.'
            );
        });

        it.each([
            [true, true],
            ['TRUE ', true],
            ['false', false],
            [false, false],
            [undefined, false]
        ])('reads stretch to full width %p as %p', (stretch, expected) => {
            const element = render({ stretch });

            expect(button(element)!.stretch).toBe(expected);
        });

        it('does not stretch for a value that is not a Boolean and tells the admin', () => {
            setBuilderContextOverride(true);
            const element = render({ stretch: 'maybe' });

            expect(button(element)!.stretch).toBe(false);
            expect(noticeText(element)).toContain(
                'Stretch to full width: “maybe” is not true or false; using false.'
            );
        });

        it('disables the button offline for an unknown offline choice and tells the admin', () => {
            setBuilderContextOverride(true);
            const element = render(
                { whenOffline: 'sometimes' },
                { status: 'ready', agentsAvailable: false }
            );

            expect(button(element)!.disabled).toBe(true);
            expect(noticeText(element)).toContain(
                'When no agent is online: “sometimes” is not one of disable, hide, offline-form; using disable.'
            );
        });

        it('tells the admin about a bad hide during a chat value and keeps the button', () => {
            setBuilderContextOverride(true);
            const element = render({ hideDuringChat: 'maybe' }, { status: 'chatting' });

            expect(button(element)!.disabled).toBe(true);
            expect(noticeText(element)).toContain(
                'Hide during a chat: “maybe” is not true or false'
            );
        });

        it('never shows property problems to visitors', () => {
            setBuilderContextOverride(false);
            const element = render({ variant: 'fancy', stretch: 'maybe', buttonLabel: '<i>x</i>' });

            expect(noticeText(element)).toBeNull();
            expect(button(element)!.variant).toBe('brand');
        });
    });

    describe('starting a chat', () => {
        it('calls startChat with the site routing when clicked', async () => {
            const element = render();

            button(element)!.click();
            await flushPromises();

            expect(startChat).toHaveBeenCalledTimes(1);
            expect(startChat).toHaveBeenCalledWith({ whenOffline: 'refuse' });
            expect(text(element, '.error')).toBeNull();
        });

        it('is disabled and busy while the request is pending, so it cannot ask twice', async () => {
            holdMockAction('startChat');
            const element = render();

            button(element)!.click();
            await flushPromises();

            expect(button(element)!.disabled).toBe(true);
            expect(button(element)!.getAttribute('aria-busy')).toBe('true');
            expect(text(element, '.reason')).toBe('Starting your chat…');
            await expect(element).toBeAccessible();

            button(element)!.click();
            await flushPromises();
            expect(startChat).toHaveBeenCalledTimes(1);

            expect(releaseMockAction('startChat')).toBe(1);
            await flushPromises();

            expect(button(element)!.disabled).toBe(false);
            expect(button(element)!.getAttribute('aria-busy')).toBe('false');
            expect(text(element, '.reason')).toBeNull();
        });

        it('sends the per-button routing when a chat button ID is set', async () => {
            const element = render({ routingButtonId: ` ${BUTTON_ID} ` });

            button(element)!.click();
            await flushPromises();

            expect(startChat).toHaveBeenCalledWith({
                routing: { directToAgentRouting: { buttonId: BUTTON_ID, fallback: false } },
                whenOffline: 'refuse'
            });
        });

        it('sends the agent and the fallback with the chat button ID', async () => {
            const element = render({
                routingButtonId: BUTTON_ID,
                routingUserId: USER_ID,
                routingFallback: 'true',
                whenOffline: 'offline-form'
            });

            button(element)!.click();
            await flushPromises();

            expect(validateRouting).toHaveBeenCalledWith({
                directToAgentRouting: { buttonId: BUTTON_ID, userId: USER_ID, fallback: true }
            });
            expect(startChat).toHaveBeenCalledWith({
                routing: {
                    directToAgentRouting: { buttonId: BUTTON_ID, userId: USER_ID, fallback: true }
                },
                whenOffline: 'offline-form'
            });
        });

        it('falls back to the site routing when the override is invalid and tells the admin', async () => {
            setBuilderContextOverride(true);
            const element = render({ routingButtonId: '573abc' });

            expect(noticeText(element)).toContain(
                'Routing override: chat button ID: The chat button ID is not valid (length). Chats from this button use the site routing instead.'
            );

            button(element)!.click();
            await flushPromises();

            expect(startChat).toHaveBeenCalledWith({ whenOffline: 'refuse' });
            await expect(element).toBeAccessible();
        });

        it('tells the admin that an agent user ID needs a chat button ID', async () => {
            setBuilderContextOverride(true);
            const element = render({ routingUserId: USER_ID });

            expect(noticeText(element)).toContain(
                'Routing override: chat button ID: The chat button ID is not valid (empty).'
            );

            button(element)!.click();
            await flushPromises();

            expect(startChat).toHaveBeenCalledWith({ whenOffline: 'refuse' });
        });

        it('names the agent user ID property when the service refuses it', () => {
            setBuilderContextOverride(true);
            const element = render({
                routingButtonId: BUTTON_ID,
                routingUserId: '5735g000000XyZa'
            });

            expect(noticeText(element)).toContain(
                'Routing override: agent user ID: The agent user ID is not valid (prefix).'
            );
        });

        it('shows the admin the cautions of a valid override and still uses it', async () => {
            setBuilderContextOverride(true);
            setMockRoutingValidation({
                valid: true,
                errors: [],
                warnings: [
                    {
                        field: 'directToAgentRouting.fallback',
                        message: 'Without fallback the chat is refused when the agent is away.'
                    }
                ],
                config: { directToAgentRouting: { buttonId: BUTTON_ID } }
            });
            const element = render({ routingButtonId: BUTTON_ID, routingUserId: USER_ID });

            expect(noticeText(element)).toContain(
                'Routing override: fall back to the button queue: Without fallback the chat is refused when the agent is away.'
            );

            button(element)!.click();
            await flushPromises();

            expect(startChat).toHaveBeenCalledWith({
                routing: {
                    directToAgentRouting: { buttonId: BUTTON_ID, userId: USER_ID, fallback: false }
                },
                whenOffline: 'refuse'
            });
        });

        it('does not fall back for a value that is not a Boolean and tells the admin', async () => {
            setBuilderContextOverride(true);
            const element = render({
                routingButtonId: BUTTON_ID,
                routingUserId: USER_ID,
                routingFallback: 'maybe'
            });

            expect(noticeText(element)).toContain(
                'Routing override: fall back to the button queue: “maybe” is not true or false; using false.'
            );

            button(element)!.click();
            await flushPromises();

            expect(startChat).toHaveBeenCalledWith({
                routing: {
                    directToAgentRouting: { buttonId: BUTTON_ID, userId: USER_ID, fallback: false }
                },
                whenOffline: 'refuse'
            });
        });

        it.each([
            ['LOCKER_ACTIVE', "Chat isn't available on this site right now."],
            ['CHAT_CLIENT_MISSING', "Chat isn't available right now. Please try again later."],
            ['AGENTS_OFFLINE', 'No agents are available right now. Please try again later.'],
            ['CHAT_IN_PROGRESS', 'You already have a chat open.'],
            ['INVALID_ROUTING', "We couldn't start your chat. Please try again later."],
            ['CLIENT_ERROR', 'Something went wrong with the chat. Please try again.'],
            ['TIMEOUT', 'The chat is taking too long to respond. Please try again.']
        ] as [ChatErrorCode, string][])(
            'shows the visitor what went wrong for %s, not the service message',
            async (code, expected) => {
                setMockActionResult('startChat', {
                    ok: false,
                    code,
                    message: 'Developer text that visitors must not see.'
                });
                const element = render();

                button(element)!.click();
                await flushPromises();

                expect(text(element, '.error')).toBe(expected);
                expect(element.shadowRoot!.textContent).not.toContain('Developer text');
                expect(
                    element.shadowRoot!.querySelector('.error')!.closest('[aria-live="polite"]')
                ).not.toBeNull();
                expect(button(element)!.disabled).toBe(false);
            }
        );

        it('shows a general error instead of throwing when startChat rejects', async () => {
            startChat.mockImplementationOnce(() => Promise.reject(new Error('boom')));
            const element = render();

            button(element)!.click();
            await flushPromises();

            expect(text(element, '.error')).toBe(
                'Something went wrong with the chat. Please try again.'
            );
            expect(button(element)!.disabled).toBe(false);
        });

        it('clears the error on the next click', async () => {
            setMockActionResult('startChat', { ok: false, code: 'TIMEOUT', message: 'late' });
            const element = render();
            button(element)!.click();
            await flushPromises();
            expect(text(element, '.error')).not.toBeNull();

            setMockActionResult('startChat', { ok: true });
            button(element)!.click();
            await flushPromises();

            expect(text(element, '.error')).toBeNull();
            expect(startChat).toHaveBeenCalledTimes(2);
        });

        it('does not call the service while the button is disabled', async () => {
            const element = render({}, { status: 'queued', queuePosition: 1 });

            button(element)!.click();
            await flushPromises();

            expect(startChat).not.toHaveBeenCalled();
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
