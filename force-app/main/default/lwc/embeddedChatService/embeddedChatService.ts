/**
 * c/embeddedChatService: the one safe door to Salesforce chat on the page, whichever client the
 * site runs: legacy Embedded Chat (`embedded_svc`) or Enhanced Chat (`embeddedservice_bootstrap`).
 *
 * Import it from any LWC on the site:
 *
 *     import { subscribeToChat, startChat } from 'c/embeddedChatService';
 *
 * One instance per page: the first import detects Lightning Locker, listens to the chat client's
 * events once (as soon as it can) and tracks the chat's state for every component. Every function is safe to call at any time: none throws, and no returned promise
 * rejects or hangs.
 */
import { fail } from './actionResults';
import { ChatService } from './chatService';
import { ChatChannel } from './chatChannel';
import { EmbeddedSvcClient } from './embeddedSvcClient';
import { EnhancedChatClient } from './enhancedChatClient';
import { detectSandbox } from './sandboxDetection';
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
} from './chatTypes';

export type {
    ChatActionResult,
    ChatClientKind,
    ChatDisabledReason,
    ChatErrorCode,
    ChatServiceOptions,
    ChatState,
    ChatStateListener,
    ChatStatus,
    DirectToAgentRouting,
    ExtraPrechatEntityFieldMap,
    ExtraPrechatFormDetail,
    ExtraPrechatInfo,
    HiddenFieldLimits,
    HiddenRoutingFieldNames,
    OfflineBehavior,
    RoutingConfig,
    RoutingIssue,
    RoutingIssueCode,
    RoutingIssueLocation,
    RoutingValidation,
    StartChatOptions
} from './chatTypes';
/** The messages of the chat's Lightning message channel (docs/service-api.md). */
export type {
    ChatChannelAction,
    ChatChannelErrorCode,
    ChatChannelMessage,
    ChatChannelRequest,
    ChatChannelResult,
    ChatChannelResultMessage,
    ChatChannelStateMessage
} from './channelTypes';
/**
 * ID helpers, for admin UIs: `checkId(id, kind)` says what is wrong with an ID (null when it is
 * a well-formed ID of that kind), `shorten(text, max)` a short form for messages, `KEY_PREFIX`
 * the key prefixes routing uses, `targetKind(client)` the kind of ID a routing target must be.
 */
export { checkId, KEY_PREFIX, shorten, targetKind } from './salesforceIds';
export type { IdKind, IdProblem } from './salesforceIds';
/**
 * The routing rules, for admin UIs, so that each rule has one home: `validateRouting` (below),
 * `idIssueFor(id, kind)` (the issue of one ID, as validateRouting gives it), the pre-chat name
 * rules, the default hidden routing field names, `hiddenRoutingValues(config)` (the hidden fields
 * a routing sends under Enhanced Chat) and the length a hidden field is taken to hold when the
 * deployment's is not known.
 */
/**
 * The fallback rules' text form, as Chat Routing Settings stores it: `splitRules(text)` its rules,
 * `ruleParts(rule)` a rule's kind and IDs, `ruleText(parts)` a rule printed back.
 */
export { ruleParts, ruleText, splitRules } from './fallbackRouting';
export type { RuleKind, RuleParts } from './fallbackRouting';
export { idIssueFor } from './routingIds';
export {
    DEFAULT_HIDDEN_ROUTING_FIELDS,
    DEFAULT_PARAMETER_LENGTH,
    hiddenFieldNameIssue,
    hiddenRoutingValues,
    isChannelVariableName,
    isPrechatFieldName
} from './prechatRules';

const service = new ChatService(
    [new EmbeddedSvcClient(), new EnhancedChatClient()],
    detectSandbox() === 'locker'
);

/** Publishes the chat on the page's message channel while the service is in use. */
const channel = new ChatChannel({
    watch: (listener) => service.subscribe(listener),
    state: getChatState,
    startChat,
    endChat,
    clearSession
});

/** The last line of defence of the promise contract: an action never rejects or throws. */
function settled(action: () => Promise<ChatActionResult>): Promise<ChatActionResult> {
    const unexpected = (): ChatActionResult => fail('CLIENT_ERROR', 'unexpected');
    try {
        return action().catch(unexpected);
    } catch {
        return Promise.resolve(unexpected());
    }
}

/** The chat's current state (a frozen snapshot). */
export function getChatState(): ChatState {
    return service.getState();
}

/**
 * Calls `listener` at once with the current state, then on every change. Returns the function
 * that unsubscribes (call it in disconnectedCallback). A listener that throws does not disturb
 * the others.
 */
export function subscribeToChat(listener: ChatStateListener): () => void {
    const unsubscribe = service.subscribe(listener);
    const release = channel.hold();
    return () => {
        unsubscribe();
        release();
    };
}

/**
 * Opens the chat widget and requests a chat, with the site routing (configureRouting), or
 * `options.routing` for this call. Refuses without calling the client while a chat is already
 * requesting, queued or active (CHAT_IN_PROGRESS), when agents are known to be offline
 * (AGENTS_OFFLINE, unless `whenOffline: 'offline-form'`), or when the routing is invalid
 * (INVALID_ROUTING). `ok: true` means the client was called; follow the state for the outcome.
 */
export function startChat(options?: StartChatOptions): Promise<ChatActionResult> {
    return settled(() => service.startChat(options));
}

/** Ends the current chat, if any, and closes the widget. */
export function endChat(): Promise<ChatActionResult> {
    return settled(() => service.endChat());
}

/** Ends the chat and deletes all of the chat's session data in this browser. */
export function clearSession(): Promise<ChatActionResult> {
    return settled(() => service.clearSession());
}

/**
 * Sets the site routing used by every later startChat on this page (whatever order components
 * mount in). An invalid configuration is stored as refused: startChat then returns
 * INVALID_ROUTING rather than silently using other routing. `{}` means the snippet's own routing.
 *
 * `owner` (a component, say) sets the routing on its own behalf, with its choice for the chat
 * client's own button (`hideClientChatButton`; none: configureChatService's). The newest owner
 * wins (an owner's later calls update its routing in its place; to become the newest again it
 * releases first); when it calls releaseRouting, the one before it wins again; with none left,
 * the snippet's routing applies. Calls without an owner share one, which never leaves.
 */
export function configureRouting(
    config: RoutingConfig,
    owner?: object,
    hideClientChatButton?: boolean
): RoutingValidation {
    return service.configureRouting(config, owner, hideClientChatButton);
}

/** Withdraws what `owner` set with configureRouting (call it in disconnectedCallback). */
export function releaseRouting(owner: object): void {
    service.releaseRouting(owner);
}

/**
 * The site routing's current verdict (the routing of configureRouting's newest owner); with
 * `routing`, the verdict on the routing a `startChat({ routing })` would use: `routing` merged
 * over the site's, key by key. `ChatState.siteRoutingValid` follows the site routing's verdict.
 */
export function getRoutingValidation(routing?: RoutingConfig): RoutingValidation {
    return service.getRouting(routing);
}

/**
 * Validates a routing configuration for `client` (null: not known yet), as startChat would; never
 * throws. `hiddenFields`: the hidden fields of the Enhanced Chat deployment, with their maximum
 * lengths; left out, those the page's client declares (null: not known, each takes 255).
 */
export function validateRouting(
    input: unknown,
    client?: ChatClientKind | null,
    hiddenFields?: HiddenFieldLimits | null
): RoutingValidation {
    return service.validate(input, client ?? null, hiddenFields);
}

/** Tunes the waits and turns debug logging on or off. */
export function configureChatService(options: ChatServiceOptions): void {
    service.configure(options);
}
