/**
 * Test double of `c/embeddedChatService`, with a control API in the style of ebikes-lwc's empApi
 * mock. Use it from a component test with:
 *
 *     jest.mock('c/embeddedChatService', () =>
 *         jest.requireActual('test/jest-mocks/chatServiceDouble')
 *     );
 *
 * (`test/…` is mapped by jest.config.js and tsconfig.json; requireActual returns the same module
 * instance the test imports, and keeps ESLint's no-require-imports rule quiet.)
 * and import the control functions (`setMockChatState`, `resetChatServiceDouble`…) from
 * 'test/jest-mocks/chatServiceDouble'. The service functions are jest.fn()s, so tests can assert on
 * their calls; what they return is steered through the control functions, not mockResolvedValue.
 */
import type {
    ChatActionResult,
    ChatClientKind,
    ChatServiceOptions,
    ChatState,
    ChatStateListener,
    HiddenFieldLimits,
    RoutingConfig,
    RoutingValidation,
    StartChatOptions
} from '../../main/default/lwc/embeddedChatService/chatTypes';
// The real, pure validation: components are tested against the verdicts the service gives.
import {
    mergeRouting,
    validateRouting as realValidateRouting
} from '../../main/default/lwc/embeddedChatService/routingRules';
import { LEGACY_READY } from '../fixtures/records';

// The pure rule helpers are the service's own: they hold no state, so there is nothing to steer.
export {
    checkId,
    KEY_PREFIX,
    shorten,
    targetKind
} from '../../main/default/lwc/embeddedChatService/salesforceIds';
export {
    ruleParts,
    ruleText,
    splitRules
} from '../../main/default/lwc/embeddedChatService/fallbackRouting';
export { idIssueFor } from '../../main/default/lwc/embeddedChatService/routingIds';
export {
    DEFAULT_HIDDEN_ROUTING_FIELDS,
    DEFAULT_PARAMETER_LENGTH,
    hiddenFieldNameIssue,
    hiddenRoutingValues,
    isChannelVariableName,
    isPrechatFieldName
} from '../../main/default/lwc/embeddedChatService/prechatRules';

/** The three actions of the service. */
export type ChatAction = 'startChat' | 'endChat' | 'clearSession';

const INITIAL_STATE: ChatState = LEGACY_READY;

const OK: ChatActionResult = Object.freeze({ ok: true });

let state: ChatState = INITIAL_STATE;
let listeners: ChatStateListener[] = [];
let results: Record<ChatAction, ChatActionResult> = {
    startChat: OK,
    endChat: OK,
    clearSession: OK
};
let held: Record<ChatAction, boolean> = { startChat: false, endChat: false, clearSession: false };
let waiting: { action: ChatAction; resolve: (result: ChatActionResult) => void }[] = [];

function act(action: ChatAction): Promise<ChatActionResult> {
    if (held[action]) {
        return new Promise((resolve) => {
            waiting.push({ action, resolve });
        });
    }
    return Promise.resolve(results[action]);
}

let validation: ((input: unknown) => RoutingValidation) | null = null;
/** The hidden fields the page's Enhanced Chat deployment declares (null: not known). */
let hiddenFields: HiddenFieldLimits | null = null;
/** The site routing, as configureRouting's newest owner set it (setMockSiteRouting). */
let siteRouting: RoutingConfig = {};

// ---- the service API -------------------------------------------------------------------------

const implementations = {
    getChatState: (): ChatState => state,
    subscribeToChat: (listener: ChatStateListener): (() => void) => {
        listeners.push(listener);
        listener(state);
        return () => {
            listeners = listeners.filter((l) => l !== listener);
        };
    },
    startChat: (_options?: StartChatOptions): Promise<ChatActionResult> => act('startChat'),
    endChat: (): Promise<ChatActionResult> => act('endChat'),
    clearSession: (): Promise<ChatActionResult> => act('clearSession'),
    // embeddedChatService.ts validateRouting: left out, the hidden fields the page declares.
    validateRouting: (
        input: unknown,
        client: ChatClientKind | null = null,
        fields: HiddenFieldLimits | null = hiddenFields
    ): RoutingValidation => {
        return validation ? validation(input) : realValidateRouting(input, client, fields);
    },
    // chatService.ts getRouting: the site routing's verdict; with `routing`, that of a start with
    // it, merged over the site's key by key (as startChat judges it), for the page's client.
    getRoutingValidation: (routing?: RoutingConfig): RoutingValidation =>
        realValidateRouting(mergeRouting(siteRouting, routing), state.client, hiddenFields)
};

export const getChatState = jest.fn(implementations.getChatState);
export const subscribeToChat = jest.fn(implementations.subscribeToChat);
export const startChat = jest.fn(implementations.startChat);
export const endChat = jest.fn(implementations.endChat);
export const clearSession = jest.fn(implementations.clearSession);
export const validateRouting = jest.fn(implementations.validateRouting);
export const getRoutingValidation = jest.fn(implementations.getRoutingValidation);
/** The service's tuning (chatService.ts configure): the double only records the calls. */
export const configureChatService = jest.fn((_options: ChatServiceOptions): void => undefined);
/** Withdraws an owner's site routing (chatService.ts releaseRouting): the double only records it. */
export const releaseRouting = jest.fn((_owner: object): void => undefined);

// ---- the control API -------------------------------------------------------------------------

/** Changes the state (merged over the current one) and notifies every subscriber. */
export function setMockChatState(partial: Partial<ChatState>): void {
    state = Object.freeze({ ...state, ...partial });
    for (const listener of [...listeners]) {
        listener(state);
    }
}

/** What the next calls of `action` resolve with (until changed or reset). */
export function setMockActionResult(action: ChatAction, result: ChatActionResult): void {
    results[action] = result;
}

/** Makes later calls of `action` stay pending until `releaseMockAction(action)`. */
export function holdMockAction(action: ChatAction): void {
    held[action] = true;
}

/**
 * Settles every pending call of `action` (with `result`, else the configured result) and stops
 * holding new ones. Returns how many calls were released.
 */
export function releaseMockAction(action: ChatAction, result?: ChatActionResult): number {
    held[action] = false;
    const released = waiting.filter((w) => w.action === action);
    waiting = waiting.filter((w) => w.action !== action);
    released.forEach((w) => w.resolve(result ?? results[action]));
    return released.length;
}

/** Replaces the verdict of validateRouting (null returns to the built-in approximation). */
export function setMockRoutingValidation(
    verdict: RoutingValidation | ((input: unknown) => RoutingValidation) | null
): void {
    validation = verdict === null || typeof verdict === 'function' ? verdict : () => verdict;
}

/** The hidden fields the page's client declares, with their maximum lengths (null: not known). */
export function setMockHiddenFields(fields: HiddenFieldLimits | null): void {
    hiddenFields = fields;
}

/**
 * Sets the site routing, as Chat Routing Settings does through configureRouting (chatService.ts
 * applySite): getRoutingValidation judges it, and the state's siteRoutingValid follows its
 * verdict (subscribers are told when it changes).
 */
export function setMockSiteRouting(config: RoutingConfig): void {
    siteRouting = config;
    const { valid } = realValidateRouting(config, state.client);
    if (valid !== state.siteRoutingValid) {
        setMockChatState({ siteRoutingValid: valid });
    }
}

/** How many listeners are subscribed now. */
export function subscriberCount(): number {
    return listeners.length;
}

/** Back to a ready service with agents online, ok results, nothing held, no subscribers. */
export function resetChatServiceDouble(): void {
    state = INITIAL_STATE;
    listeners = [];
    results = { startChat: OK, endChat: OK, clearSession: OK };
    held = { startChat: false, endChat: false, clearSession: false };
    waiting = [];
    validation = null;
    hiddenFields = null;
    siteRouting = {};
    // mockReset also drops one-off implementations a test left unused; then restore the defaults.
    getChatState.mockReset().mockImplementation(implementations.getChatState);
    subscribeToChat.mockReset().mockImplementation(implementations.subscribeToChat);
    startChat.mockReset().mockImplementation(implementations.startChat);
    endChat.mockReset().mockImplementation(implementations.endChat);
    clearSession.mockReset().mockImplementation(implementations.clearSession);
    validateRouting.mockReset().mockImplementation(implementations.validateRouting);
    getRoutingValidation.mockReset().mockImplementation(implementations.getRoutingValidation);
}
