import ChatEndButton from 'c/chatEndButton';
import {
    endChat,
    holdMockAction,
    releaseMockAction,
    setMockChatState
} from 'test/jest-mocks/chatServiceDouble';
import {
    CHATTING,
    LOADING,
    READY,
    button,
    clickButton,
    dropFocus,
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
    itShowsVisitorsNothingWhenChatIsOff,
    itShowsVisitorsNothingWhileTheChatLoads,
    itSubscribesOnlyWhileInserted
} from 'test/sharedComponentTests';

const ENDED_BY_VISITOR = 'You ended the chat.';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

type Props = Partial<
    Pick<ChatEndButton, 'buttonLabel' | 'variant' | 'stretch' | 'showOnlyDuringChat'>
>;

const render = renderer<Props>('c-chat-end-button', ChatEndButton);

describe('c-chat-end-button', () => {
    afterEach(resetPage);

    describe('when chat is turned off', () => {
        itShowsVisitorsNothingWhenChatIsOff(
            (state) => render({ showOnlyDuringChat: false }, state),
            button
        );
        itShowsTheAdminWhyChatIsOff((state) => render({}, state), button);
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
            const element = render({}, READY);
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
                const element = render({ showOnlyDuringChat }, READY);

                expect(button(element)!.disabled).toBe(false);
                await expect(element).toBeAccessible();
            }
        );

        itShowsVisitorsNothingWhileTheChatLoads(
            (state) => render({ showOnlyDuringChat: false }, state),
            button
        );
        itShowsTheAdminTheButtonWaitingForTheChat((state) =>
            render({ showOnlyDuringChat: false }, state)
        );

        it('shows visitors the enabled button the moment the chat client is ready', async () => {
            viewAsVisitor();
            const element = render({ showOnlyDuringChat: false }, LOADING);

            setMockChatState({ status: 'ready' });
            await flushPromises();

            expect(button(element)!.disabled).toBe(false);
            expect(text(element, '.reason')).toBeNull();
        });

        it('calls endChat outside a chat too (it closes the chat window)', async () => {
            const element = render({ showOnlyDuringChat: false }, { status: 'ended' });

            await clickButton(element);

            expect(endChat).toHaveBeenCalledTimes(1);
        });
    });

    describe('builder properties', () => {
        it('shows the label the admin typed, trimmed, or the default when blank', () => {
            const typed = render({ buttonLabel: '  Leave chat ' }, CHATTING);
            const blank = render({ buttonLabel: '' });

            expect(button(typed)!.label).toBe('Leave chat');
            expect(button(blank)!.label).toBe('End chat');
        });

        it('shows HTML in the label as text and tells the admin', async () => {
            viewInBuilder();
            const element = render({ buttonLabel: '<img src=x>Stop' }, CHATTING);

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
            const element = render({ variant }, CHATTING);

            expect(button(element)!.variant).toBe(expected);
        });

        it('falls back to neutral for an unknown style and tells the admin', () => {
            viewInBuilder();
            const element = render({ variant: 'loud' }, CHATTING);

            expect(button(element)!.variant).toBe('neutral');
            expect(noticeText(element)).toContain(
                'Button style: “loud” is not one of Brand, Neutral, Outline, Destructive, Success; using Neutral.'
            );
        });

        it.each([
            ['TRUE ', true],
            ['maybe', false]
        ])('reads stretch to full width %p as %p', (stretch, expected) => {
            const element = render({ stretch }, CHATTING);

            expect(button(element)!.stretch).toBe(expected);
        });

        it('keeps the default for a bad show only during a chat value and tells the admin', () => {
            viewInBuilder();
            const element = render({ showOnlyDuringChat: 'maybe' }, READY);

            expect(button(element)).toBeNull();
            expect(noticeText(element)).toContain(
                'Show only during a chat: “maybe” is not true or false; using true.'
            );
        });

        it('never shows property problems to visitors', () => {
            viewAsVisitor();
            const element = render({ variant: 'loud' }, CHATTING);

            expect(noticeText(element)).toBeNull();
        });
    });

    describe('ending a chat', () => {
        it('calls endChat when clicked', async () => {
            const element = render({}, CHATTING);

            await clickButton(element);

            expect(endChat).toHaveBeenCalledTimes(1);
            expect(text(element, '.error')).toBeNull();
        });

        it('is disabled and busy while ending, so it cannot ask twice', async () => {
            holdMockAction('endChat');
            const element = render({}, CHATTING);

            await clickButton(element);

            expect(button(element)!.disabled).toBe(true);
            expect(button(element)!.getAttribute('aria-busy')).toBe('true');
            expect(text(element, '.reason')).toBe('Ending your chat…');
            await expect(element).toBeAccessible();

            await clickButton(element);
            expect(endChat).toHaveBeenCalledTimes(1);

            // The chat ends before the promise settles: the button stays until it does.
            setMockChatState({ status: 'ended' });
            await flushPromises();
            expect(button(element)).not.toBeNull();

            releaseMockAction('endChat');
            await flushPromises();
            expect(button(element)).toBeNull();
        });

        it('confirms the end politely, after the button hid itself', async () => {
            const element = render({}, CHATTING);

            await clickButton(element);
            setMockChatState({ status: 'ended' });
            await flushPromises();

            expect(button(element)).toBeNull();
            expect(text(element, '.success')).toBe(ENDED_BY_VISITOR);
            expect(politeRegionOf(element, '.success')).not.toBeNull();
            await expect(element).toBeAccessible();
        });

        it('drops the confirmation when a new chat starts', async () => {
            const element = render({}, CHATTING);
            await clickButton(element);
            setMockChatState({ status: 'ended' });
            await flushPromises();

            setMockChatState({ status: 'queued', queuePosition: 1 });
            await flushPromises();

            expect(button(element)!.disabled).toBe(false);
            expect(text(element, '.success')).toBeNull();
        });

        it('confirms nothing when no chat was open (it only closed the chat window)', async () => {
            const element = render({ showOnlyDuringChat: false }, READY);

            await clickButton(element);

            expect(endChat).toHaveBeenCalledTimes(1);
            expect(text(element, '.success')).toBeNull();
        });

        it('shows the button for a reopened window, and confirms no end it cannot vouch for', async () => {
            // Enhanced Chat reopened a conversation after a reload: it may have ended already.
            const element = render({}, { status: 'open' });
            expect(button(element)).not.toBeNull();

            await clickButton(element);
            setMockChatState({ status: 'ready' });
            await flushPromises();

            expect(endChat).toHaveBeenCalledTimes(1);
            expect(text(element, '.success')).toBeNull();
        });

        it.each(['requesting', 'open'] as const)(
            'claims no ended chat when it only closed a window with no chat known (%s)',
            async (status) => {
                holdMockAction('endChat');
                const element = render({}, { status, agentsAvailable: true });
                await clickButton(element);
                setMockChatState({ status: 'ready' }); // the pre-chat form or window closed
                releaseMockAction('endChat');
                await flushPromises();

                expect(text(element, '.success')).toBeNull();
            }
        );

        it('leaves the word to a clear made while it was ending the chat', async () => {
            holdMockAction('endChat');
            const element = render({}, CHATTING);
            await clickButton(element);
            setMockChatState({ status: 'ready' }); // Clear Chat Session cleared meanwhile
            releaseMockAction('endChat');
            await flushPromises();

            expect(text(element, '.success')).toBeNull();
        });

        it('drops the confirmation when the chat history is cleared', async () => {
            const element = render({}, CHATTING);
            await clickButton(element);
            setMockChatState({ status: 'ended' });
            await flushPromises();
            expect(text(element, '.success')).toBe(ENDED_BY_VISITOR);

            // A clear (by Clear Chat Session) puts the chat back to ready.
            setMockChatState({ status: 'ready' });
            await flushPromises();

            expect(text(element, '.success')).toBeNull();
            expect(element.shadowRoot!.textContent).toBe('');
        });

        it('keeps the confirmation when the client reports the end after the promise', async () => {
            const element = render({}, CHATTING);
            await clickButton(element);

            setMockChatState({ status: 'ended' });
            await flushPromises();

            expect(text(element, '.success')).toBe(ENDED_BY_VISITOR);
        });

        it('shows nothing when the agent ends the chat', async () => {
            const element = render({}, CHATTING);

            setMockChatState({ status: 'ended' });
            await flushPromises();

            expect(element.shadowRoot!.textContent).toBe('');
        });

        itShowsTheVisitorWhatWentWrong('endChat', () => render({}, CHATTING), [
            'CHAT_CLIENT_MISSING',
            'CLIENT_ERROR',
            'TIMEOUT'
        ]);
        itShowsAGeneralErrorWhenTheActionRejects('endChat', () => render({}, CHATTING));
        itDoesNotCallTheServiceWhileDisabled('endChat', () => {
            viewInBuilder();
            return render({ showOnlyDuringChat: false }, { status: 'loading' });
        });
    });

    describe('screen readers and keyboard focus', () => {
        itDescribesTheButtonWithItsReasonAndError(
            'endChat',
            () => {
                viewInBuilder();
                return render({ showOnlyDuringChat: false }, LOADING);
            },
            () => render({}, CHATTING)
        );
        itKeepsTheKeyboardFocus('endChat', () => render({}, CHATTING));

        it('moves focus to the confirmation when the button hides itself after ending', async () => {
            holdMockAction('endChat');
            const element = render({}, CHATTING);
            focusButton(element);

            await clickButton(element);
            dropFocus(element);
            setMockChatState({ status: 'ended' });
            releaseMockAction('endChat');
            await flushPromises();

            expect(button(element)).toBeNull();
            expect(focusedIn(element)).toBe(messages(element));
            expect(text(element, '.messages')).toBe(ENDED_BY_VISITOR);
            await expect(element).toBeAccessible();
        });

        it('keeps the focus in the component when the agent ends the chat', async () => {
            const element = render({}, CHATTING);
            focusButton(element);

            setMockChatState({ status: 'ended' });
            // The browser drops the focus of a removed button.
            document.body.focus();
            await flushPromises();

            expect(button(element)).toBeNull();
            expect(focusedIn(element)).toBe(messages(element));
            expect(document.activeElement).not.toBe(document.body);
        });
    });

    describe('in Experience Builder, outside a chat', () => {
        it.each([READY, LOADING, { status: 'ended' as const }])(
            'shows the admin a placeholder saying when visitors see it (%p)',
            async (state) => {
                viewInBuilder();
                const element = render({}, state);

                expect(button(element)).toBeNull();
                expect(noticeText(element)).toContain(
                    'End Chat Button: visitors see it only while a chat is being requested, is queued or is in progress.'
                );
                await expect(element).toBeAccessible();
            }
        );

        it('shows no placeholder when the button always shows', () => {
            viewInBuilder();
            const element = render({ showOnlyDuringChat: false }, READY);

            expect(button(element)).not.toBeNull();
            expect(noticeText(element)).toBeNull();
        });

        it('shows visitors no placeholder', () => {
            viewAsVisitor();
            const element = render({}, READY);

            expect(element.shadowRoot!.textContent).toBe('');
        });
    });

    describe('lifecycle', () => {
        itSubscribesOnlyWhileInserted(() => render());
    });
});
