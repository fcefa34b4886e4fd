/**
 * What the service needs from a chat provider. Each adapter (embeddedSvcClient.ts for the legacy
 * Embedded Chat client `embedded_svc`, enhancedChatClient.ts for Enhanced Chat's
 * `embeddedservice_bootstrap`) keeps every provider-specific fact to itself: it translates its
 * client's events into the ChatSignal vocabulary below, builds the client's own call arguments,
 * and knows how its client proves that stored data was deleted. The service and the store only
 * ever see this interface, so the components never change with the provider.
 */
import type { ChatClientKind, HiddenFieldLimits, RoutingConfig } from './chatTypes';

/**
 * Whether the chat client can be used: the one vocabulary of the adapters (`probe`), the
 * readiness and the store.
 */
export type ClientPhase =
    /** Lightning Locker is on: the client's global is out of reach and is never read. */
    | 'locker'
    /** Nothing of the client on the page (yet). */
    | 'absent'
    /** The client's global exists (events can be registered) but its API is not usable yet. */
    | 'loading'
    /** The chat API can be called. */
    | 'ready'
    /**
     * The client is on the page but this visitor cannot chat before logging in (Enhanced Chat in
     * the Experience-site login mode, for a guest): the client never draws a chat button.
     */
    | 'login-required'
    /** No usable client appeared within the wait. */
    | 'missing';

/** What an adapter can see of its client on the page right now. */
export type ClientProbe = Extract<ClientPhase, 'absent' | 'loading' | 'ready' | 'login-required'>;

/**
 * A chat that the page already shows (a session continued from another page or tab): 'open'
 * when the client reopened a conversation without saying where it stands.
 */
export type ContinuedChat = 'queued' | 'chatting' | 'open';

/**
 * The client's events, in one vocabulary for every provider. Each adapter documents which of
 * its client's events maps to which signal.
 */
export type ChatSignal =
    /** The client says its API is usable now (readiness). */
    | { kind: 'ready' }
    /** Agent availability for the site's chat button (or the deployment). */
    | { kind: 'availability'; available: boolean | null }
    /** The widget opened or showed a result of a start (a start can settle). */
    | { kind: 'opened' }
    /** A chat request began (the client's own button, or a conversation was created). */
    | { kind: 'requested' }
    /**
     * The chat window shows and no chat is requested yet (Enhanced Chat's pre-chat form waits for
     * the visitor): a start under way reads as an open window, not as a request.
     */
    | { kind: 'awaiting' }
    /** The chat waits for an agent. */
    | { kind: 'queued'; position: number | null }
    /** A chat reconnected after a page change: chatting unless it was still queued. */
    | { kind: 'reconnected' }
    /** An agent (or bot) and the visitor are talking. */
    | { kind: 'chatting' }
    /** The chat ended (visitor, agent, bot, idle timeout). */
    | { kind: 'ended' }
    /** The widget was closed: a request not yet made is dropped, a chat under way ended. */
    | { kind: 'closed' }
    /**
     * The client loaded its stored session: `phase` is the chat it continues from a previous
     * page or tab, or null when none continues.
     */
    | { kind: 'continued'; phase: ContinuedChat | null }
    /**
     * The client went back to its initial state: a chat that was under way or had ended stays
     * ended (its story is told until the next start or clear), a request not yet made is dropped.
     */
    | { kind: 'reset' }
    /** Any other sign that the widget is doing something. */
    | { kind: 'activity' };

export type SignalSink = (signal: ChatSignal) => void;

/** A clearSession call in progress, and how its client proves the data is gone. */
export interface ClearCall {
    /** What the client's method returned (usually a promise). */
    readonly result: unknown;
    /** Resolves when the client proves the data was deleted; null when only settling can. */
    readonly confirmed: Promise<void> | null;
    /** Once the client's promise resolved: does that alone prove the deletion? */
    settledProvesIt(): boolean;
    /** Stops listening for the proof. */
    dispose(): void;
}

/** Thrown by an adapter when its client has no way to do an action (answers NOT_SUPPORTED). */
export class UnsupportedAction extends Error {}

/** Thrown (or rejected) by an adapter when the client says no agent is online (AGENTS_OFFLINE). */
export class AgentsUnavailable extends Error {}

export interface ChatClient {
    readonly kind: ChatClientKind;
    /**
     * Whether the client's own events report what an end or clear did (Enhanced Chat: a reset's
     * Ready). When false (legacy: endChat with no chat fires nothing), the service moves the
     * chat on itself once the call settles.
     */
    readonly reportsCloses: boolean;
    /**
     * How long a start whose call resolved with no sign of the chat window still waits for one
     * (Enhanced Chat v2: launchChat's answer can come before the window's event); 0: none.
     */
    readonly launchGraceMs: number;
    /** Looks at the page now. Never throws. */
    probe(): ClientProbe;
    /**
     * Registers the service's handlers with the client, at most once per client instance (the
     * legacy client's handlers can never be removed). Safe to call repeatedly. Never throws.
     */
    connect(sink: SignalSink): void;
    /** The availability the client already knows, or null. Never throws. */
    knownAvailability(): boolean | null;
    /**
     * Availability of the target a routing sends the chat to, when the client reports it per
     * target and the target is not the site's own: true/false/null. `undefined` = the site's
     * availability applies. Never throws.
     */
    targetAvailability(routing: RoutingConfig): boolean | null | undefined;
    /** The chat the page shows already (continued session), or null. Never throws. */
    continuedChat(): ContinuedChat | null;
    /** True while the client is still loading its stored session (a continued chat may appear). */
    sessionPending(): boolean;
    /**
     * The hidden pre-chat fields the deployment declares, with their maximum lengths, when the
     * page can read them (Enhanced Chat v1, once its configuration answered); else null. Never
     * throws.
     */
    declaredHiddenFields(): HiddenFieldLimits | null;
    /** What is wrong with this routing for this client, or null. Never throws. */
    startProblem(routing: RoutingConfig): string | null;
    /** Starts a chat with a validated routing. May throw or return anything: the caller guards it. */
    startChat(routing: RoutingConfig): unknown;
    /**
     * The service gave up waiting for the latest start (its timeout): a start still preparing
     * must never reach the client later. Never throws.
     */
    abandonStart(): void;
    /**
     * The page's own settings for the client, applied now and again whenever the client resets:
     * the site routing every chat should carry, whichever button starts it (null: none), and
     * whether the client's own chat button is hidden. Never throws.
     */
    configurePage(routing: RoutingConfig | null, hideClientButton: boolean): void;
    /** Opens the client's form for offline agents (no chat request). May throw. */
    openOfflineForm(): unknown;
    /** Ends the chat and closes the widget. May throw or return anything. */
    endChat(): unknown;
    /** Ends the chat and deletes the chat's stored data. May throw. */
    clearSession(): ClearCall;
}
