/**
 * The tests that every chat component (or every chat button) passes in the same way. A component
 * test calls them inside its own describe blocks, with a function that mounts the component:
 * `mountIn(state)` in the chat state the test sets, or `mount()` in the state the test's name
 * asks for (a button that can be clicked, or a disabled one).
 */
/* eslint-disable jest/no-export -- this module exports tests for the component test files to run */
import type { ChatErrorCode, ChatState } from 'c/embeddedChatService';
import {
    clearSession,
    endChat,
    holdMockAction,
    releaseMockAction,
    setMockActionResult,
    startChat,
    subscriberCount,
    type ChatAction
} from './jest-mocks/chatServiceDouble';
import {
    CHAT_OFF_REASONS,
    LOADING,
    VISITOR_ERRORS,
    button,
    chatOff,
    clickButton,
    descriptionOf,
    dropFocus,
    flushPromises,
    focusButton,
    focusedIn,
    noticeText,
    politeRegionOf,
    text,
    viewAsVisitor,
    viewInBuilder
} from './componentTestUtils';

type MountIn = (state: Partial<ChatState>) => HTMLElement;
type Mount = () => HTMLElement;
/** Finds the component's own content (its button, its status region), or null. */
type Content = (element: HTMLElement) => Element | null;

const SERVICE_ACTIONS = { startChat, endChat, clearSession };

/** What the admin notice says about a turned-off chat: the problem and its fix. */
const CHAT_OFF_EXPLANATIONS = [
    ['locker', 'because Lightning Locker is on', 'turn on Lightning Web Security'],
    ['no-chat-client', 'no chat client loaded', 'add the Embedded Messaging component'],
    ['login-required', 'is for logged-in users', 'Show guests a login link']
] as const;

export function itShowsVisitorsNothingWhenChatIsOff(mountIn: MountIn, content: Content): void {
    it.each(CHAT_OFF_REASONS)('shows visitors nothing when the reason is %s', async (reason) => {
        viewAsVisitor();
        const element = mountIn(chatOff(reason));

        expect(content(element)).toBeNull();
        expect(noticeText(element)).toBeNull();
        expect(element.shadowRoot!.textContent).toBe('');
        await expect(element).toBeAccessible();
    });
}

export function itShowsTheAdminWhyChatIsOff(mountIn: MountIn, content: Content): void {
    it.each(CHAT_OFF_EXPLANATIONS)(
        'shows the admin in Experience Builder why (%s)',
        async (reason, problem, fix) => {
            viewInBuilder();
            const element = mountIn(chatOff(reason));

            expect(content(element)).toBeNull();
            expect(noticeText(element)).toContain(problem);
            expect(noticeText(element)).toContain(fix);
            await expect(element).toBeAccessible();
        }
    );
}

export function itShowsVisitorsNothingWhileTheChatLoads(mountIn: MountIn, content: Content): void {
    it('shows visitors nothing while the chat loads', async () => {
        viewAsVisitor();
        const element = mountIn(LOADING);

        expect(content(element)).toBeNull();
        expect(element.shadowRoot!.textContent).toBe('');
        await expect(element).toBeAccessible();
    });
}

export function itShowsTheAdminTheButtonWaitingForTheChat(mountIn: MountIn): void {
    it('shows the admin in Experience Builder the disabled button with the reason', async () => {
        viewInBuilder();
        const element = mountIn(LOADING);

        expect(button(element)!.disabled).toBe(true);
        expect(text(element, '.reason')).toBe('Chat is getting ready…');
        expect(descriptionOf(element)).toBe('Chat is getting ready…');
        await expect(element).toBeAccessible();
    });
}

export function itDescribesTheButtonWithItsReasonAndError(
    action: ChatAction,
    mountDisabled: Mount,
    mountEnabled: Mount
): void {
    it('describes the disabled button with its reason, as text (no cross-root ID)', () => {
        const element = mountDisabled();

        expect(button(element)!.disabled).toBe(true);
        expect(descriptionOf(element)).toBe(text(element, '.reason'));
    });

    it('describes the button with its error, and with nothing when there is nothing to say', async () => {
        const element = mountEnabled();
        expect(descriptionOf(element)).toBeNull();

        setMockActionResult(action, { ok: false, code: 'TIMEOUT', message: 'late' });
        await clickButton(element);

        expect(descriptionOf(element)).toBe(VISITOR_ERRORS.TIMEOUT);
        expect(text(element, '.error')).toBe(VISITOR_ERRORS.TIMEOUT);
    });
}

export function itKeepsTheKeyboardFocus(action: ChatAction, mount: Mount): void {
    it('gives focus back to the button when the action ends and it can be used again', async () => {
        holdMockAction(action);
        const element = mount();
        const stub = focusButton(element);

        await clickButton(element);
        expect(button(element)!.disabled).toBe(true);
        // The browser drops the focus of a disabled button.
        dropFocus(element);
        releaseMockAction(action, { ok: false, code: 'TIMEOUT', message: 'late' });
        await flushPromises();

        expect(button(element)!.disabled).toBe(false);
        expect(focusedIn(element)).toBe(stub);
    });

    it('leaves the focus alone when the visitor moved on while the action ran', async () => {
        holdMockAction(action);
        const element = mount();
        focusButton(element);
        const elsewhere = document.createElement('input');
        document.body.appendChild(elsewhere);

        await clickButton(element);
        elsewhere.focus();
        releaseMockAction(action);
        await flushPromises();

        expect(document.activeElement).toBe(elsewhere);
    });

    it('does not take focus after a click by a visitor whose focus was not on the button', async () => {
        const element = mount();

        await clickButton(element);

        expect(focusedIn(element)).toBeNull();
    });
}

export function itSubscribesOnlyWhileInserted(mount: Mount): void {
    it('subscribes once when inserted and unsubscribes when removed', () => {
        const element = mount();
        expect(subscriberCount()).toBe(1);

        document.body.removeChild(element);

        expect(subscriberCount()).toBe(0);
    });
}

export function itShowsTheVisitorWhatWentWrong(
    action: ChatAction,
    mount: Mount,
    codes: readonly ChatErrorCode[]
): void {
    it.each(codes)(
        'shows the visitor what went wrong for %s, not the service message',
        async (code) => {
            setMockActionResult(action, {
                ok: false,
                code,
                message: 'Developer text that visitors must not see.'
            });
            const element = mount();

            await clickButton(element);

            expect(text(element, '.error')).toBe(VISITOR_ERRORS[code]);
            expect(text(element, '.success')).toBeNull();
            expect(element.shadowRoot!.textContent).not.toContain('Developer text');
            expect(politeRegionOf(element, '.error')).not.toBeNull();
            expect(button(element)!.disabled).toBe(false);
            await expect(element).toBeAccessible();
        }
    );
}

export function itShowsAGeneralErrorWhenTheActionRejects(action: ChatAction, mount: Mount): void {
    it(`shows a general error instead of throwing when ${action} rejects`, async () => {
        SERVICE_ACTIONS[action].mockImplementationOnce(() => Promise.reject(new Error('boom')));
        const element = mount();

        await clickButton(element);

        expect(text(element, '.error')).toBe(VISITOR_ERRORS.CLIENT_ERROR);
        expect(button(element)!.disabled).toBe(false);
    });
}

export function itDoesNotCallTheServiceWhileDisabled(action: ChatAction, mount: Mount): void {
    it('does not call the service while the button is disabled', async () => {
        const element = mount();

        await clickButton(element);

        expect(SERVICE_ACTIONS[action]).not.toHaveBeenCalled();
    });
}
