/**
 * What the tests of the chat components share: mounting a component on the page, letting its
 * promises settle, reading its shadow DOM, showing it to a visitor or to an admin in Experience
 * Builder, and the chat states and visitor texts they check. The test files mock
 * c/embeddedChatService with test/jest-mocks/chatServiceDouble, which these helpers steer.
 */
import { createElement, type LightningElement } from 'lwc';
import type { ChatDisabledReason, ChatErrorCode, ChatState } from 'c/embeddedChatService';
import {
    loadBuilderKit,
    setBuilderContextOverride
} from '../main/default/lwc/chatComponentBase/builderKit';
import { resetChatServiceDouble, setMockChatState } from './jest-mocks/chatServiceDouble';
import { flushPromises } from './flushPromises';

// In Experience Builder the components load their admin-only part (the notice, the admin wording)
// with a dynamic import. Loaded once before each test file, a component shows its notice right
// after a render; chatComponentBase/__tests__/builderKit.test.ts tests the loading itself.
beforeAll(() => loadBuilderKit());

// ---- mounting --------------------------------------------------------------------------------

/** Mounts a component: sets the chat state first (merged over the current one), then its props. */
export type Render<Props> = (props?: Props, state?: Partial<ChatState>) => HTMLElement & Props;

/** The `render` of a component test. */
export function renderer<Props extends object>(
    tag: string,
    component: typeof LightningElement
): Render<Props> {
    return (props, state) => {
        if (state) {
            setMockChatState(state);
        }
        const element = createElement(tag, { is: component });
        Object.assign(element, props);
        document.body.appendChild(element);
        return element as HTMLElement & Props;
    };
}

/** Lets pending promises (a click's service call) settle and the component re-render. */
export { flushPromises };

/** Empties the page and puts the service double and the builder check back to their defaults. */
export function resetPage(): void {
    // The jsdom instance is shared across a file's tests: reset it.
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    resetChatServiceDouble();
    setBuilderContextOverride(null);
}

/** Components mounted after this show what visitors see on the live site. */
export function viewAsVisitor(): void {
    setBuilderContextOverride(false);
}

/** Components mounted after this show what the admin sees in Experience Builder. */
export function viewInBuilder(): void {
    setBuilderContextOverride(true);
}

// ---- reading the shadow DOM ------------------------------------------------------------------

/** The lightning-button stub, with the properties the components set. */
export interface ButtonStub extends HTMLElement {
    label: string;
    variant: string;
    stretch: boolean;
    disabled: boolean;
}

export function button(element: HTMLElement): ButtonStub | null {
    return element.shadowRoot!.querySelector('lightning-button');
}

/** Clicks the component's button and lets the service call settle. */
export async function clickButton(element: HTMLElement): Promise<void> {
    button(element)!.click();
    await flushPromises();
}

/** The trimmed text of the first match of `selector`, or null when nothing matches. */
export function text(element: HTMLElement, selector: string): string | null {
    return element.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? null;
}

/** The text of the admin notice, or null when the component shows none. */
export function noticeText(element: HTMLElement): string | null {
    const notice = element.shadowRoot!.querySelector('.admin-notice');
    return notice ? (notice.shadowRoot!.textContent ?? '') : null;
}

/** The messages region of a chat button (reason, error, confirmation), or null. */
export function messages(element: HTMLElement): HTMLElement | null {
    return element.shadowRoot!.querySelector('.messages');
}

/** What has focus inside the component's shadow root (null when focus is elsewhere). */
export function focusedIn(element: HTMLElement): Element | null {
    return element.shadowRoot!.activeElement;
}

/**
 * Puts keyboard focus on the component's button. The lightning-button stub has no inner
 * `<button>`, so the stub itself is made focusable.
 */
export function focusButton(element: HTMLElement): ButtonStub {
    const stub = button(element)!;
    stub.tabIndex = 0;
    stub.focus();
    return stub;
}

/**
 * What a browser does when a focused button is disabled: focus falls back to the page. (jsdom
 * keeps focus on a disabled element.)
 */
export function dropFocus(element: HTMLElement): void {
    (focusedIn(element) as HTMLElement | null)?.blur();
}

/**
 * The button's description, as screen readers get it: lightning-button's `title`, which takes the
 * text itself (null when not set). An `aria-describedby` ID would point from lightning-button's
 * inner `<button>` into this component's shadow root, which native shadow DOM does not allow.
 */
export function descriptionOf(element: HTMLElement): string | null {
    const stub = button(element)!;
    expect(stub.getAttribute('aria-describedby')).toBeNull();
    return stub.getAttribute('title') || null;
}

/** The polite live region that holds the first match of `selector` (null when none does). */
export function politeRegionOf(element: HTMLElement, selector: string): Element | null {
    return element.shadowRoot!.querySelector(selector)!.closest('[aria-live="polite"]');
}

// ---- chat states -----------------------------------------------------------------------------

export const LOADING: Readonly<Partial<ChatState>> = { status: 'loading', agentsAvailable: null };
export const READY: Readonly<Partial<ChatState>> = { status: 'ready' };
export const READY_OFFLINE: Readonly<Partial<ChatState>> = {
    status: 'ready',
    agentsAvailable: false
};
export const CHATTING: Readonly<Partial<ChatState>> = { status: 'chatting' };

/** Why chat can be turned off on a site. */
export const CHAT_OFF_REASONS: readonly ChatDisabledReason[] = [
    'locker',
    'no-chat-client',
    'login-required'
];

/** Chat turned off, for `reason`. */
export function chatOff(reason: ChatDisabledReason): Partial<ChatState> {
    return { status: 'disabled', disabledReason: reason };
}

// ---- what visitors read ----------------------------------------------------------------------

/** The visitor's words for each error code of a failed action. */
export const VISITOR_ERRORS: Readonly<Record<ChatErrorCode, string>> = {
    LOCKER_ACTIVE: "Chat isn't available on this site right now.",
    CHAT_CLIENT_MISSING: "Chat isn't available right now. Please try again later.",
    AGENTS_OFFLINE: 'No agents are available right now. Please try again later.',
    LOGIN_REQUIRED: 'Please log in to chat.',
    CHAT_IN_PROGRESS: 'You already have a chat open.',
    INVALID_ROUTING: "Chat isn't available right now.",
    CLIENT_ERROR: 'Something went wrong with the chat. Please try again.',
    TIMEOUT: 'The chat is taking too long to respond. Please try again.',
    NOT_SUPPORTED: "This chat can't do that on this site.",
    CLEAR_UNCONFIRMED:
        'Your chat has ended, but its history may still be stored in this browser. To remove it, close all windows of this browser.'
};

/** Every error code a failed action can report. */
export const ERROR_CODES = Object.keys(VISITOR_ERRORS) as ChatErrorCode[];
