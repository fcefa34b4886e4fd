import ChatStartButton from 'c/chatStartButton';
import {
    holdMockAction,
    releaseMockAction,
    setMockActionResult,
    setMockChatState,
    setMockRoutingValidation,
    setMockSiteRouting,
    startChat,
    validateRouting
} from 'test/jest-mocks/chatServiceDouble';
import {
    CHATTING,
    chatOff,
    ERROR_CODES,
    VISITOR_ERRORS,
    descriptionOf,
    LOADING,
    READY_OFFLINE,
    button,
    clickButton,
    dropFocus,
    flushPromises,
    focusButton,
    focusedIn,
    messages,
    noticeText,
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
import type { RoutingIssue, RoutingIssueCode } from 'c/embeddedChatService';
import { AGENT as USER_ID, BUTTON as BUTTON_ID } from 'test/fixtures/ids';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

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
        | 'guestLoginLink'
    >
>;

const render = renderer<Props>('c-chat-start-button', ChatStartButton);

// What startChat gets for a valid agent override without fallback, when offline is left at disable.
const AGENT_WITHOUT_FALLBACK = {
    routing: {
        directToAgentRouting: { buttonId: BUTTON_ID, userId: USER_ID, fallback: false }
    },
    whenOffline: 'refuse'
};

describe('c-chat-start-button', () => {
    afterEach(resetPage);

    describe('when chat is turned off', () => {
        itShowsVisitorsNothingWhenChatIsOff((state) => render({}, state), button);
        itShowsTheAdminWhyChatIsOff((state) => render({}, state), button);
    });

    describe('when chat is for logged-in users and the visitor is a guest', () => {
        const GUEST = chatOff('login-required');

        it('shows guests nothing by default', async () => {
            viewAsVisitor();
            const element = render({}, GUEST);
            expect(element.shadowRoot!.textContent).toBe('');
            await expect(element).toBeAccessible();
        });

        it('shows guests a link to the site’s login page, back to this page, when set', async () => {
            viewAsVisitor();
            window.history.replaceState(null, '', '/s/help');
            const element = render({ guestLoginLink: 'true' }, GUEST);
            const link = element.shadowRoot!.querySelector('a.login-link') as HTMLAnchorElement;
            expect(link.textContent).toBe('Log in to chat');
            expect(link.getAttribute('href')).toBe('/s/login?startURL=%2Fs%2Fhelp');
            expect(button(element)).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('shows the link for no other reason chat is off', () => {
            viewAsVisitor();
            const element = render({ guestLoginLink: true }, chatOff('no-chat-client'));
            expect(element.shadowRoot!.querySelector('a.login-link')).toBeNull();
        });

        it('drops the link once the visitor can chat', async () => {
            viewAsVisitor();
            const element = render({ guestLoginLink: true }, GUEST);
            setMockChatState({ status: 'ready', disabledReason: null, client: 'enhanced' });
            await flushPromises();
            expect(element.shadowRoot!.querySelector('a.login-link')).toBeNull();
            expect(button(element)).not.toBeNull();
        });
    });

    describe('while the chat loads', () => {
        itShowsVisitorsNothingWhileTheChatLoads((state) => render({}, state), button);
        itShowsTheAdminTheButtonWaitingForTheChat((state) => render({}, state));

        it('shows visitors the enabled button the moment the chat client is ready', async () => {
            viewAsVisitor();
            const element = render({}, LOADING);

            setMockChatState({ status: 'ready', agentsAvailable: null });
            await flushPromises();

            expect(button(element)!.disabled).toBe(false);
            expect(text(element, '.reason')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('enables the admin’s button the moment the chat client is ready', async () => {
            viewInBuilder();
            const element = render({}, LOADING);

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
            const element = render({}, READY_OFFLINE);

            expect(button(element)!.disabled).toBe(true);
            expect(text(element, '.reason')).toBe(
                'You can start a chat as soon as an agent is online.'
            );
            expect(descriptionOf(element)).toBe(
                'You can start a chat as soon as an agent is online.'
            );
            await expect(element).toBeAccessible();
        });

        it('reads the Builder texts of the style', () => {
            const element = render({ variant: 'Outline' });

            expect(button(element)!.variant).toBe('brand-outline');
        });

        it('hides the button when no agent is online and the admin chose hide', () => {
            const element = render({ whenOffline: 'hide' }, READY_OFFLINE);

            expect(button(element)).toBeNull();
            expect(element.shadowRoot!.textContent).toBe('');
        });

        it('shows the button again when agents come back online', async () => {
            const element = render({ whenOffline: 'hide' }, READY_OFFLINE);

            setMockChatState({ agentsAvailable: true });
            await flushPromises();

            expect(button(element)!.disabled).toBe(false);
        });

        it('opens the offline support form when no agent is online and the admin chose so', async () => {
            const element = render({ whenOffline: 'offline-form' }, READY_OFFLINE);

            expect(button(element)!.disabled).toBe(false);
            await clickButton(element);

            expect(startChat).toHaveBeenCalledTimes(1);
            expect(startChat).toHaveBeenCalledWith({ whenOffline: 'offline-form' });
        });
    });

    describe('during a chat', () => {
        it('says the chat is being started while it is requested, not that one is open', async () => {
            const element = render({}, { status: 'requesting' });

            expect(button(element)!.disabled).toBe(true);
            expect(text(element, '.reason')).toBe('Starting your chat…');
            await expect(element).toBeAccessible();
        });

        it.each(['queued', 'chatting'] as const)(
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
                const element = render({ hideDuringChat }, CHATTING);

                expect(button(element)).toBeNull();
                // Nothing of the hidden button's stays: no reason above no button.
                expect(element.shadowRoot!.textContent).toBe('');
            }
        );

        it('leaves no error of its own under no button once a chat it found is under way', async () => {
            setMockActionResult('startChat', {
                ok: false,
                code: 'CHAT_IN_PROGRESS',
                message: 'A chat is already open or being requested.'
            });
            const element = render({ hideDuringChat: true });
            await clickButton(element);
            setMockChatState({ status: 'queued' }); // the chat the page continued
            await flushPromises();

            expect(button(element)).toBeNull();
            expect(element.shadowRoot!.textContent).toBe('');
        });

        it('enables the button again when the chat ends', async () => {
            const element = render({}, CHATTING);

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
            viewInBuilder();
            const element = render({ buttonLabel: '   ' });

            expect(button(element)!.label).toBe('Chat with an agent');
            expect(noticeText(element)).toBeNull();
        });

        it('shows HTML in the label as text and tells the admin', async () => {
            viewInBuilder();
            const element = render({ buttonLabel: '<b>Help</b>' });

            expect(button(element)!.label).toBe('<b>Help</b>');
            expect(element.shadowRoot!.querySelector('b')).toBeNull();
            expect(noticeText(element)).toContain(
                'Button label: HTML is shown as plain text, not formatted.'
            );
            await expect(element).toBeAccessible();
        });

        it('shortens a label over 80 characters at a word, with an ellipsis, and tells the admin', () => {
            viewInBuilder();
            const long =
                'Chat with one of our friendly support agents about your order, your account or anything';
            const element = render({ buttonLabel: long });

            const shortened =
                'Chat with one of our friendly support agents about your order, your account or…';
            expect(button(element)!.label).toBe(shortened);
            expect(noticeText(element)).toContain(
                `Button label: longer than 80 characters; visitors see it shortened: “${shortened}”.`
            );
        });

        it('removes a right-to-left override from the label and tells the admin', () => {
            viewInBuilder();
            const element = render({ buttonLabel: 'Chat \u202Esu htiw' });

            expect(button(element)!.label).toBe('Chat su htiw');
            expect(noticeText(element)).toContain(
                'Button label: contains invisible characters that change the text’s direction'
            );
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
            viewInBuilder();
            const element = render({ variant: 'fancy' });

            expect(button(element)!.variant).toBe('brand');
            expect(noticeText(element)).toContain(
                'Button style: “fancy” is not one of Brand, Neutral, Outline, Destructive, Success; using Brand.'
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
            viewInBuilder();
            const element = render({ stretch: 'maybe' });

            expect(button(element)!.stretch).toBe(false);
            expect(noticeText(element)).toContain(
                'Stretch to full width: “maybe” is not true or false; using false.'
            );
        });

        it('disables the button offline for an unknown offline choice and tells the admin', () => {
            viewInBuilder();
            const element = render({ whenOffline: 'sometimes' }, READY_OFFLINE);

            expect(button(element)!.disabled).toBe(true);
            expect(noticeText(element)).toContain(
                'When no agent is online: “sometimes” is not one of Disable the button, Hide the button, Offer the offline form; using Disable the button.'
            );
        });

        it('tells the admin about a bad hide during a chat value and keeps the button', () => {
            viewInBuilder();
            const element = render({ hideDuringChat: 'maybe' }, CHATTING);

            expect(button(element)!.disabled).toBe(true);
            expect(noticeText(element)).toContain(
                'Hide during a chat: “maybe” is not true or false'
            );
        });

        it('never shows property problems to visitors', () => {
            viewAsVisitor();
            const element = render({ variant: 'fancy', stretch: 'maybe', buttonLabel: '<i>x</i>' });

            expect(noticeText(element)).toBeNull();
            expect(button(element)!.variant).toBe('brand');
        });
    });

    describe('starting a chat', () => {
        it('calls startChat with the site routing when clicked', async () => {
            const element = render();

            await clickButton(element);

            expect(startChat).toHaveBeenCalledTimes(1);
            expect(startChat).toHaveBeenCalledWith({ whenOffline: 'refuse' });
            expect(text(element, '.error')).toBeNull();
        });

        it('is disabled and busy while the request is pending, so it cannot ask twice', async () => {
            holdMockAction('startChat');
            const element = render();

            await clickButton(element);

            expect(button(element)!.disabled).toBe(true);
            expect(button(element)!.getAttribute('aria-busy')).toBe('true');
            expect(text(element, '.reason')).toBe('Starting your chat…');
            await expect(element).toBeAccessible();

            await clickButton(element);
            expect(startChat).toHaveBeenCalledTimes(1);

            expect(releaseMockAction('startChat')).toBe(1);
            await flushPromises();

            expect(button(element)!.disabled).toBe(false);
            expect(button(element)!.getAttribute('aria-busy')).toBe('false');
            expect(text(element, '.reason')).toBeNull();
        });

        it('sends the per-button routing when a chat button ID is set', async () => {
            const element = render({ routingButtonId: ` ${BUTTON_ID} ` });

            await clickButton(element);

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

            await clickButton(element);

            // Checked for the client the page runs.
            expect(validateRouting).toHaveBeenCalledWith(
                {
                    directToAgentRouting: { buttonId: BUTTON_ID, userId: USER_ID, fallback: true }
                },
                'legacy'
            );
            expect(startChat).toHaveBeenCalledWith({
                routing: {
                    directToAgentRouting: { buttonId: BUTTON_ID, userId: USER_ID, fallback: true }
                },
                whenOffline: 'offline-form'
            });
        });

        it('falls back to the site routing when the override is invalid and tells the admin', async () => {
            viewInBuilder();
            const element = render({ routingButtonId: '573abc' });

            expect(noticeText(element)).toContain(
                'Routing override: chat button or queue ID: “573abc” has 6 characters; a chat button ID has 15 or 18. Chats from this button use the site routing instead.'
            );

            await clickButton(element);

            expect(startChat).toHaveBeenCalledWith({ whenOffline: 'refuse' });
            await expect(element).toBeAccessible();
        });

        it('tells the admin that an agent user ID needs a chat button ID', async () => {
            viewInBuilder();
            const element = render({ routingUserId: USER_ID });

            expect(noticeText(element)).toContain(
                'Routing override: chat button or queue ID: Enter a chat button ID (it starts with 573).'
            );

            await clickButton(element);

            expect(startChat).toHaveBeenCalledWith({ whenOffline: 'refuse' });
        });

        it('names the agent user ID property when the service refuses it', () => {
            viewInBuilder();
            const element = render({
                routingButtonId: BUTTON_ID,
                routingUserId: BUTTON_ID
            });

            expect(noticeText(element)).toContain(
                `Routing override: agent user ID: “${BUTTON_ID}” is not a user ID: a user ID starts with 005.`
            );
        });

        it('shows the admin the cautions of a valid override and still uses it', async () => {
            viewInBuilder();
            setMockRoutingValidation({
                valid: true,
                errors: [],
                warnings: [
                    {
                        field: 'directToAgentRouting.fallback',
                        location: { key: 'directToAgentRouting', part: 'fallback' },
                        message: 'Without fallback the chat is refused when the agent is away.',
                        // A code this version does not know: its message is shown as is.
                        code: 'NOT_YET_KNOWN' as RoutingIssueCode,
                        params: []
                    } as RoutingIssue
                ],
                config: { directToAgentRouting: { buttonId: BUTTON_ID } }
            });
            const element = render({ routingButtonId: BUTTON_ID, routingUserId: USER_ID });

            expect(noticeText(element)).toContain(
                'Routing override: fall back to the queue: Without fallback the chat is refused when the agent is away.'
            );

            await clickButton(element);

            expect(startChat).toHaveBeenCalledWith(AGENT_WITHOUT_FALLBACK);
        });

        it('words the override problems with their Custom Labels, not the service messages', () => {
            viewInBuilder();
            setMockRoutingValidation({
                valid: false,
                errors: [
                    {
                        field: 'directToAgentRouting.userId',
                        location: { key: 'directToAgentRouting', part: 'userId' },
                        message: 'English for the developer console.',
                        code: 'ID_PREFIX',
                        params: ['user', BUTTON_ID, '005']
                    } as RoutingIssue
                ],
                warnings: [],
                config: null
            });
            const element = render({ routingButtonId: BUTTON_ID, routingUserId: BUTTON_ID });

            expect(noticeText(element)).toContain(
                `Routing override: agent user ID: “${BUTTON_ID}” is not a user ID: a user ID starts with 005.`
            );
            expect(noticeText(element)).not.toContain('English for the developer console.');
        });

        it('does not fall back for a value that is not a Boolean and tells the admin', async () => {
            viewInBuilder();
            const element = render({
                routingButtonId: BUTTON_ID,
                routingUserId: USER_ID,
                routingFallback: 'maybe'
            });

            expect(noticeText(element)).toContain(
                'Routing override: fall back to the queue: “maybe” is not true or false; using false.'
            );

            await clickButton(element);

            expect(startChat).toHaveBeenCalledWith(AGENT_WITHOUT_FALLBACK);
        });

        itShowsTheVisitorWhatWentWrong('startChat', () => render(), ERROR_CODES);
        itShowsAGeneralErrorWhenTheActionRejects('startChat', () => render());

        it('clears the error on the next click', async () => {
            setMockActionResult('startChat', { ok: false, code: 'TIMEOUT', message: 'late' });
            const element = render();
            await clickButton(element);
            expect(text(element, '.error')).not.toBeNull();

            setMockActionResult('startChat', { ok: true });
            await clickButton(element);

            expect(text(element, '.error')).toBeNull();
            expect(startChat).toHaveBeenCalledTimes(2);
        });

        itDoesNotCallTheServiceWhileDisabled('startChat', () =>
            render({}, { status: 'queued', queuePosition: 1 })
        );

        it('says “You already have a chat open.” once when the error repeats the reason', async () => {
            holdMockAction('startChat');
            const element = render();
            await clickButton(element);

            setMockChatState({ status: 'chatting' });
            releaseMockAction('startChat', {
                ok: false,
                code: 'CHAT_IN_PROGRESS',
                message: 'A chat is already open.'
            });
            await flushPromises();

            expect(text(element, '.reason')).toBe('You already have a chat open.');
            expect(text(element, '.error')).toBeNull();
            expect(
                element.shadowRoot!.textContent!.split('You already have a chat open.')
            ).toHaveLength(2);
            await expect(element).toBeAccessible();
        });
    });

    describe('when the site routing is invalid', () => {
        // One mistyped fallback rule in Chat Routing Settings: the service refuses every start
        // that uses the site routing.
        const MISTYPED_RULE = { fallbackRouting: [BUTTON_ID, '573-typo'] };
        const UNAVAILABLE = "Chat isn't available right now.";

        it('shows visitors the button disabled with plain words, and never calls the service', async () => {
            viewAsVisitor();
            setMockSiteRouting(MISTYPED_RULE);
            const element = render();

            expect(button(element)!.disabled).toBe(true);
            expect(text(element, '.reason')).toBe(UNAVAILABLE);
            expect(descriptionOf(element)).toBe(UNAVAILABLE);
            expect(element.shadowRoot!.textContent).not.toContain('try again later');
            await clickButton(element);
            expect(startChat).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('turns unavailable and back as the site routing is broken and fixed', async () => {
            viewAsVisitor();
            const element = render();
            expect(button(element)!.disabled).toBe(false);

            setMockSiteRouting(MISTYPED_RULE);
            await flushPromises();
            expect(text(element, '.reason')).toBe(UNAVAILABLE);

            setMockSiteRouting({ fallbackRouting: [BUTTON_ID] });
            await flushPromises();
            expect(button(element)!.disabled).toBe(false);
            expect(text(element, '.reason')).toBeNull();
        });

        it('stays unavailable with its own valid routing, which keeps the site’s fallback rules', () => {
            setMockSiteRouting(MISTYPED_RULE);
            const element = render({ routingButtonId: BUTTON_ID });

            expect(button(element)!.disabled).toBe(true);
            expect(text(element, '.reason')).toBe(UNAVAILABLE);
        });

        it('can start when its own routing replaces the site’s invalid part', async () => {
            setMockSiteRouting({ directToAgentRouting: { buttonId: USER_ID } });
            const element = render({ routingButtonId: BUTTON_ID });

            expect(button(element)!.disabled).toBe(false);
            await clickButton(element);
            expect(startChat).toHaveBeenCalledTimes(1);
        });

        it('offers no offline form it could not open', () => {
            setMockSiteRouting(MISTYPED_RULE);
            const element = render(
                { whenOffline: 'Offer the offline form', buttonLabel: 'Talk to us' },
                READY_OFFLINE
            );

            expect(button(element)!.label).toBe('Talk to us');
            expect(button(element)!.disabled).toBe(true);
            expect(text(element, '.reason')).toBe(UNAVAILABLE);
        });

        it('says the same plain words when a start is refused for its routing', async () => {
            setMockActionResult('startChat', {
                ok: false,
                code: 'INVALID_ROUTING',
                message: 'INVALID_ROUTING: fallbackRouting[1]: ID_LENGTH'
            });
            const element = render();

            await clickButton(element);

            expect(text(element, '.error')).toBe(UNAVAILABLE);
        });

        it('tells the admin that the site routing is invalid, where to fix it, and what visitors see', async () => {
            viewInBuilder();
            setMockSiteRouting(MISTYPED_RULE);
            const element = render();

            expect(noticeText(element)).toContain(
                'The site routing has errors, so no chat that uses it can start. Fix them on the Chat Routing Settings component (on this page or the theme layout), whose card lists them.'
            );
            expect(noticeText(element)).toContain(
                `Meanwhile visitors see this button disabled, with “${UNAVAILABLE}”`
            );
            await expect(element).toBeAccessible();

            setMockSiteRouting({});
            await flushPromises();
            expect(noticeText(element)).toBeNull();
        });

        it('says nothing of the site routing to the admin of a button whose own routing repairs it', () => {
            viewInBuilder();
            setMockSiteRouting({ directToAgentRouting: { buttonId: USER_ID } });
            const element = render({ routingButtonId: BUTTON_ID });

            expect(noticeText(element)).toBeNull();
        });
    });

    describe('screen readers and keyboard focus', () => {
        itDescribesTheButtonWithItsReasonAndError(
            'startChat',
            () => render({}, READY_OFFLINE),
            () => render()
        );
        itKeepsTheKeyboardFocus('startChat', () => render());

        it('moves focus to the reason when the started chat leaves the button disabled', async () => {
            holdMockAction('startChat');
            const element = render();
            focusButton(element);

            await clickButton(element);
            dropFocus(element);
            setMockChatState({ status: 'requesting' });
            releaseMockAction('startChat');
            await flushPromises();

            expect(button(element)!.disabled).toBe(true);
            expect(focusedIn(element)).toBe(messages(element));
            expect(messages(element)!.getAttribute('tabindex')).toBe('-1');
            expect(text(element, '.messages')).toBe('Starting your chat…');
            await expect(element).toBeAccessible();
        });

        it('moves focus to the reason when the focused button becomes unusable', async () => {
            const element = render();
            focusButton(element);

            setMockChatState({ agentsAvailable: false });
            await flushPromises();

            expect(button(element)!.disabled).toBe(true);
            expect(focusedIn(element)).toBe(messages(element));
        });

        it('keeps the focus in its messages when the button hides during the chat it started', async () => {
            holdMockAction('startChat');
            const element = render({ hideDuringChat: true });
            focusButton(element);

            await clickButton(element);
            dropFocus(element);
            setMockChatState({ status: 'requesting' });
            releaseMockAction('startChat');
            await flushPromises();

            expect(button(element)).toBeNull();
            expect(messages(element)).not.toBeNull();
            expect(focusedIn(element)).toBe(messages(element));
        });

        it('says first that the chat is being started, and then nothing that sounds like a refusal', async () => {
            holdMockAction('startChat');
            const element = render();
            const said: string[] = [];
            const listen = () => said.push(text(element, '.messages') ?? '');

            await clickButton(element);
            listen();
            setMockChatState({ status: 'requesting' });
            await flushPromises();
            listen();
            releaseMockAction('startChat');
            await flushPromises();
            listen();

            expect(said).toEqual([
                'Starting your chat…',
                'Starting your chat…',
                'Starting your chat…'
            ]);
        });

        it('gives the focus back to the button when the chat it waited for ends', async () => {
            holdMockAction('startChat');
            const element = render();
            focusButton(element);

            await clickButton(element);
            dropFocus(element);
            setMockChatState({ status: 'chatting' });
            releaseMockAction('startChat');
            await flushPromises();
            expect(focusedIn(element)).toBe(messages(element));

            setMockChatState({ status: 'ended' });
            await flushPromises();

            expect(button(element)!.disabled).toBe(false);
            expect(focusedIn(element)).toBe(button(element));
        });
    });

    describe('old messages', () => {
        it('drops “You already have a chat open.” once that chat has ended', async () => {
            // A chat open in another tab: the page only learns of it from the refusal.
            setMockActionResult('startChat', {
                ok: false,
                code: 'CHAT_IN_PROGRESS',
                message: 'A chat is already open.'
            });
            const element = render();
            await clickButton(element);
            expect(text(element, '.error')).toBe('You already have a chat open.');

            setMockChatState({ status: 'chatting' });
            await flushPromises();
            setMockChatState({ status: 'ended' });
            await flushPromises();

            expect(button(element)!.disabled).toBe(false);
            expect(text(element, '.messages')).toBe('');
            expect(descriptionOf(element)).toBeNull();
        });

        it('drops “No agents are available” when agents come online', async () => {
            setMockActionResult('startChat', { ok: false, code: 'AGENTS_OFFLINE', message: 'x' });
            const element = render({}, { status: 'ready', agentsAvailable: null });
            await clickButton(element);
            expect(text(element, '.error')).toBe(VISITOR_ERRORS.AGENTS_OFFLINE);

            setMockChatState({ agentsAvailable: true });
            await flushPromises();

            expect(text(element, '.error')).toBeNull();
            expect(button(element)!.disabled).toBe(false);
        });

        it('keeps an error while the chat stands where it was', async () => {
            setMockActionResult('startChat', { ok: false, code: 'TIMEOUT', message: 'late' });
            const element = render();
            await clickButton(element);

            setMockChatState({ agentsAvailable: true, queuePosition: null });
            await flushPromises();

            expect(text(element, '.error')).toBe(VISITOR_ERRORS.TIMEOUT);
        });
    });

    describe('offline, with the offline form', () => {
        it('says “Leave a message” while no agent is online, and the admin label otherwise', async () => {
            const element = render(
                { whenOffline: 'Offer the offline form', buttonLabel: 'Talk to us' },
                READY_OFFLINE
            );

            expect(button(element)!.label).toBe('Leave a message');
            expect(button(element)!.disabled).toBe(false);

            setMockChatState({ agentsAvailable: true });
            await flushPromises();

            expect(button(element)!.label).toBe('Talk to us');
        });

        it('under Enhanced Chat, which has no offline form, disables the button with the offline reason', async () => {
            const element = render(
                { whenOffline: 'Offer the offline form', buttonLabel: 'Talk to us' },
                { ...READY_OFFLINE, client: 'enhanced' }
            );

            expect(button(element)!.label).toBe('Talk to us');
            expect(button(element)!.disabled).toBe(true);
            expect(text(element, '.reason')).toBe(
                'You can start a chat as soon as an agent is online.'
            );
            await clickButton(element);
            expect(startChat).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('accepts the old offline-form value and tells the admin what visitors see', () => {
            viewInBuilder();
            const element = render({ whenOffline: 'offline-form' }, READY_OFFLINE);

            expect(button(element)!.label).toBe('Leave a message');
            expect(noticeText(element)).toContain(
                'While no agent is online, visitors see the button “Leave a message”, which opens the offline support form.'
            );
        });

        it('tells the admin of an Enhanced Chat site that there is no offline form, and what visitors see instead', async () => {
            viewInBuilder();
            const element = render(
                { whenOffline: 'Offer the offline form' },
                { ...READY_OFFLINE, client: 'enhanced' }
            );
            const ENHANCED_NOTE =
                'Enhanced Chat has no offline support form: while no agent is online, visitors see this button disabled, with “You can start a chat as soon as an agent is online.”';

            expect(noticeText(element)).toContain(ENHANCED_NOTE);
            expect(noticeText(element)).not.toContain('Leave a message');

            // The same page on legacy Chat: the form opens.
            setMockChatState({ client: 'legacy' });
            await flushPromises();
            expect(noticeText(element)).toContain('which opens the offline support form.');
            expect(noticeText(element)).not.toContain(ENHANCED_NOTE);
        });
    });

    describe('in Experience Builder, when visitors do not always see it', () => {
        it.each(['Hide the button', 'hide'])(
            'shows the admin a placeholder while agents are offline and the choice is %p',
            async (whenOffline) => {
                viewInBuilder();
                const element = render({ whenOffline }, READY_OFFLINE);

                expect(button(element)).toBeNull();
                expect(noticeText(element)).toContain(
                    'Start Chat Button: hidden from visitors while no agent is online.'
                );
                await expect(element).toBeAccessible();
            }
        );

        it('says so also while the button shows, and names hiding during a chat', () => {
            viewInBuilder();
            const element = render({ whenOffline: 'Hide the button', hideDuringChat: true });

            expect(button(element)).not.toBeNull();
            expect(noticeText(element)).toContain('hidden from visitors while no agent is online');
            expect(noticeText(element)).toContain(
                'Start Chat Button: hidden from visitors during a chat.'
            );
        });

        it('shows visitors no placeholder', () => {
            viewAsVisitor();
            const element = render({ whenOffline: 'Hide the button' }, READY_OFFLINE);

            expect(element.shadowRoot!.textContent).toBe('');
            expect(noticeText(element)).toBeNull();
        });

        it('shows no placeholder when the button always shows', () => {
            viewInBuilder();
            const element = render({}, READY_OFFLINE);

            expect(noticeText(element)).toBeNull();
        });
    });

    describe('lifecycle', () => {
        itSubscribesOnlyWhileInserted(() => render());
    });
});
