/**
 * A test double of Salesforce's Enhanced Chat page client (`window.embeddedservice_bootstrap`),
 * with a control API in the style of embeddedSvc.ts. It keeps the real client's sharp edges
 * (see embeddedServiceBootstrapClient.ts for each behaviour and the client function it mirrors):
 * - v1: `utilAPI`, `prechatAPI`, `userVerificationAPI` are absent until just before
 *   `onEmbeddedMessagingReady` (initializeFeatureObjects); v2: they exist from load, but before
 *   Ready `launchChat`/`clearSession` reject and `setHiddenPrechatFields` returns false.
 * - Ready fires again after every reset; `onEmbeddedMessagingButtonCreated` comes after Ready, and
 *   `launchChat()` rejects with a STRING while the button is missing.
 * - No duplicate guard: two launches in one tick make two iframes and two conversations.
 * - `setHiddenPrechatFields` silently drops invalid fields; the hidden fields are read when the
 *   conversation is created and wiped by every reset.
 * - After an ended chat `launchChat()` only re-shows the window.
 * - v2: the global and its sub-APIs are Proxies without a `has` trap (`'launchChat' in utilAPI` is
 *   false though `typeof utilAPI.launchChat === 'function'`), unknown properties are undefined, and
 *   there is no `removeAllComponents`.
 * - v1 keeps a conversation's token (`JWT`) in the page's web storage under
 *   `${settings.orgId}_WEB_STORAGE` (setAndStoreJwt); at the first Ready a stored token makes the
 *   client restore the session (handleExistingSession), and every reset deletes it
 *   (resetClientToInitialState → clearWebStorage). The storage outlives an install, as it
 *   outlives a page; `uninstallEmbeddedServiceBootstrap()` clears it unless told to keep it.
 */
import { showButtonElement, showFrameElement } from './embeddedServiceBootstrapMarkup';
import { buildApis, proxyOf, type ApiObjects } from './embeddedServiceBootstrapApi';
import { clearWebStorage, EnhancedClientModel, storeItem } from './embeddedServiceBootstrapClient';
import {
    DEFAULT_HIDDEN_FIELDS,
    DEFAULT_VISIBLE_FIELDS,
    ENHANCED_EVENTS,
    type ButtonVisibility,
    type CallBehavior,
    type ClientMethod,
    type ClientSnapshot,
    type ConversationRecord,
    type DeclaredField,
    type EnhancedVersion,
    type ExistingSession,
    type FiredEvent,
    type RecordedCall,
    type SessionStatus,
    STORED_JWT
} from './embeddedServiceBootstrapTypes';

export * from './embeddedServiceBootstrapTypes';

export interface InstallOptions {
    /** 'v1' (bootstrap.js, default) or 'v2' (Proxy host). */
    version?: EnhancedVersion;
    /** Hidden pre-chat fields declared in the deployment, with their maximum lengths. */
    hiddenFields?: DeclaredField[];
    /** Visible pre-chat form fields. */
    visibleFields?: DeclaredField[];
    /**
     * 'ready' (default): the client became ready (Ready, then ButtonCreated) before the service
     * loads, so the service hears neither event. 'loading': the global exists but the test fires
     * Ready and ButtonCreated itself (fireReady / fireButtonCreated / becomeReady).
     */
    readiness?: 'ready' | 'loading';
    /** A visible pre-chat form: the conversation is created at submit (submitPrechatForm). */
    prechatForm?: boolean;
    /** A new conversation gets a Waiting status by itself (routed to a queue). Default true. */
    queueOnStart?: boolean;
    /** The button's visibility in ButtonCreated. Default 'Show'. */
    buttonVisibility?: ButtonVisibility;
    /**
     * The page was reloaded during a chat: a session is stored (v1: a JWT in the page's web
     * storage, as the earlier page left it; v2: in its frame) and, when the client lists its
     * conversations after the first Ready, the server finds one open in this status (the client
     * reopens the window and fires ConversationOpened only: no ConversationStarted, no status
     * event), 'none' (the client resets: Ready again), or 'no-answer' (nothing more happens).
     * With a JWT stored by storeSessionJwt and no value here: 'none'.
     */
    existingSession?: ExistingSession;
    /**
     * Setup's agent-availability check on the channel. With it on and no agent online
     * (`agentsOnline: false`), init holds Ready back (getAgentAvailability) until agentComesOnline.
     */
    availabilityCheck?: boolean;
    /** Whether an agent is online (the availability endpoint's answer). Default true. */
    agentsOnline?: boolean;
    /** settings.hideChatButtonOnLoad: hides the button at load and switches the check off. */
    hideChatButtonOnLoad?: boolean;
    /** The Embedded Messaging component's login mode (isExpSiteAuthMode), and who visits. */
    expSiteAuth?: 'guest' | 'user';
    /**
     * 'loaded' (default): the configuration call answered at install. 'pending': settings hold
     * no configuration until deliverConfiguration.
     */
    configuration?: 'loaded' | 'pending';
}

interface DoubleState {
    model: EnhancedClientModel | null;
    global: Record<string, unknown> | null;
    /** The plain objects behind the API objects (v1: the objects themselves). */
    apis: ApiObjects | null;
    /** Properties read on a v2 Proxy that it does not implement. */
    notImplemented: string[];
}

const state: DoubleState = { model: null, global: null, apis: null, notImplemented: [] };

// Window listeners for the client's events, tracked from the moment this module loads (the
// service may listen before the client is installed), so tests can count and remove them.
type Tracked = [
    string,
    EventListenerOrEventListenerObject,
    boolean | AddEventListenerOptions | undefined
];
const tracked: Tracked[] = [];
const originalAdd = window.addEventListener.bind(window);
const originalRemove = window.removeEventListener.bind(window);
const isClientEvent = (type: string): boolean => type.startsWith('onEmbeddedMessag');
window.addEventListener = ((
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions
) => {
    if (
        isClientEvent(type) &&
        listener &&
        !tracked.some(([t, l]) => t === type && l === listener)
    ) {
        tracked.push([type, listener, options]);
    }
    originalAdd(type, listener, options);
}) as typeof window.addEventListener;
window.removeEventListener = ((
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions
) => {
    const index = tracked.findIndex(([t, l]) => t === type && l === listener);
    if (index >= 0) {
        tracked.splice(index, 1);
    }
    originalRemove(type, listener, options);
}) as typeof window.removeEventListener;

function model(): EnhancedClientModel {
    if (!state.model) {
        throw new Error(
            'The Enhanced Chat double is not installed (installEmbeddedServiceBootstrap).'
        );
    }
    return state.model;
}

/** initializeFeatureObjects: attaches the API objects (v1 only; v2 has them from load). */
function attachApis(m: EnhancedClientModel): void {
    state.apis = buildApis(m);
    if (m.options.version === 'v1' && state.global) {
        Object.assign(state.global, state.apis);
    }
}

/**
 * Puts `window.embeddedservice_bootstrap` on the page, as bootstrap.js (v1) or init.js (v2)
 * does. Replaces any earlier double (and forgets its state).
 */
export function installEmbeddedServiceBootstrap(
    options: InstallOptions = {}
): Record<string, unknown> {
    uninstallEmbeddedServiceBootstrap({ keepListeners: true, keepStorage: true });
    const m = new EnhancedClientModel({
        version: options.version ?? 'v1',
        hiddenFields: options.hiddenFields ?? DEFAULT_HIDDEN_FIELDS,
        visibleFields: options.visibleFields ?? DEFAULT_VISIBLE_FIELDS,
        prechatForm: options.prechatForm ?? false,
        queueOnStart: options.queueOnStart ?? true,
        buttonVisibility: options.buttonVisibility ?? 'Show',
        existingSession: options.existingSession ?? null,
        availabilityCheck: options.availabilityCheck ?? false,
        hideChatButtonOnLoad: options.hideChatButtonOnLoad ?? false,
        expSiteAuth: options.expSiteAuth ?? null
    });
    m.agentsOnline = options.agentsOnline ?? true;
    if ((options.configuration ?? 'loaded') === 'loaded') {
        m.deliverConfiguration();
    }
    if (m.options.version === 'v1' && m.options.existingSession && !m.sessionExists()) {
        storeSessionJwt();
    }
    state.model = m;
    let initialized = false;
    const base: Record<string, unknown> = {
        settings: m.settings,
        // init works once; a second call only logs (EmbeddedServiceBootstrap.prototype.init).
        init: () => {
            m.log.push(initialized ? 'Attempted to initialize bootstrap multiple times' : 'init');
            initialized = true;
        }
    };
    if (m.options.version === 'v2') {
        state.apis = buildApis(m);
        const impl: Record<string, unknown> = { ...base };
        for (const [name, api] of Object.entries(state.apis)) {
            impl[name] = proxyOf(api, name, state.notImplemented);
        }
        state.global = proxyOf(impl, 'embeddedservice_bootstrap', state.notImplemented);
        // init.js: the real object is window.agentforce_messaging; its chat frame is made at init.
        (window as unknown as Record<string, unknown>).agentforce_messaging = impl;
        showFrameElement(true);
    } else {
        state.global = base;
    }
    (window as unknown as Record<string, unknown>).embeddedservice_bootstrap = state.global;
    if ((options.readiness ?? 'ready') === 'ready') {
        becomeReady();
    }
    return state.global;
}

/**
 * Removes the client from the page and forgets everything. Unless `keepListeners`, also removes
 * every window listener registered for the client's events (a new page has none); unless
 * `keepStorage`, the client's web storage too (the next test is a new visitor; a page reload
 * keeps it).
 */
export function uninstallEmbeddedServiceBootstrap(
    options: { keepListeners?: boolean; keepStorage?: boolean } = {}
): void {
    if (!options.keepStorage) {
        clearWebStorage();
    }
    if (state.model) {
        state.model.epoch += 1;
    }
    showButtonElement(null);
    showFrameElement(false);
    delete (window as unknown as Record<string, unknown>).agentforce_messaging;
    state.model = null;
    state.global = null;
    state.apis = null;
    state.notImplemented.length = 0;
    delete (window as unknown as Record<string, unknown>).embeddedservice_bootstrap;
    if (!options.keepListeners) {
        for (const [type, listener, opts] of tracked.splice(0)) {
            originalRemove(type, listener, opts);
        }
    }
}

/**
 * Puts a session token in v1's web storage, as setAndStoreJwt left it on an earlier page: call it
 * before the first Ready (before installing, or with `readiness: 'loading'`). 'session': in
 * sessionStorage, where v1 keeps it when localStorage is out of reach.
 */
export function storeSessionJwt(storage: 'local' | 'session' = 'local', jwt = STORED_JWT): void {
    storeItem('JWT', jwt, storage === 'local');
}

/**
 * The server answers the conversation list of a restore held back (`existingSession:
 * 'no-answer'`): one conversation open in this status, or 'none' (handleListConversation).
 */
export function answerConversationList(found: SessionStatus | 'none'): void {
    const answer = model().answerList;
    if (!answer) {
        throw new Error('No conversation list is waiting for an answer.');
    }
    answer(found);
}

/** initializeFeatureObjects + emitEmbeddedMessagingReadyEvent (the first Ready, or another one). */
export function fireReady(): void {
    const m = model();
    if (!state.apis) {
        attachApis(m);
    }
    m.emitReady();
}

/** generateMarkup: the chat button appears and onEmbeddedMessagingButtonCreated fires. */
export function fireButtonCreated(visibility?: ButtonVisibility): void {
    model().generateMarkup(visibility);
}

/**
 * What init does when everything has loaded: initializeWebStorage, Ready, then with a stored
 * session (sessionExists) handleExistingSession, else the button (ButtonCreated; none for a
 * guest of a login-only site). With the availability gate holding (no agent online), nothing
 * fires: init waits for getAgentAvailability (see agentComesOnline).
 */
export function becomeReady(): void {
    const m = model();
    if (!m.settings.embeddedServiceConfig) {
        m.deliverConfiguration();
    }
    if (m.readyCount === 0 && m.gateHolds()) {
        m.waitingForAgent = true;
        return;
    }
    m.waitingForAgent = false;
    const first = m.readyCount === 0;
    if (first) {
        m.initializeWebStorage();
    }
    fireReady();
    if (first && m.sessionExists()) {
        m.handleExistingSession();
    } else {
        fireButtonCreated();
    }
}

/** The configuration call answers (mergeSettings): settings.embeddedServiceConfig appears. */
export function deliverConfiguration(): void {
    model().deliverConfiguration();
}

/**
 * An agent comes online: the availability endpoint says so. A held-back init (getAgentAvailability
 * polls every 30 s) then fires Ready and creates the button.
 */
export function agentComesOnline(): void {
    const m = model();
    m.agentsOnline = true;
    if (m.waitingForAgent) {
        if (m.readyCount === 0) {
            becomeReady(); // init's held-back Ready
        } else {
            m.initializeClientState(); // a reset waiting for an agent
        }
    }
}

/**
 * Whether an agent is online from now on. Offline after Ready: with the check on, the next
 * launchChat is refused (handleClick → handleAgentUnavailableOnButtonClick).
 */
export function setAgentsOnline(online: boolean): void {
    if (online) {
        agentComesOnline();
    } else {
        model().agentsOnline = false;
    }
}

/**
 * v2: promise turns between the frame's answer to launchChat and its WindowMaximized; null: the
 * frame answers and no window ever shows.
 */
export function setV2MaximizeDelay(turnCount: number | null): void {
    model().v2MaximizeTurns = turnCount;
}

/** The agent accepts the current conversation: session status Active. */
export function agentAccepts(): void {
    const m = model();
    if (!m.current) {
        throw new Error('No conversation to accept.');
    }
    m.sessionStatus(m.current, 'Active');
}

/** The agent ends the current conversation: session status Ended; the window stays open. */
export function agentEnds(): void {
    const m = model();
    if (!m.current) {
        throw new Error('No conversation to end.');
    }
    m.sessionStatus(m.current, 'Ended');
}

/** Fires any session status for the current conversation (Waiting after a transfer...). */
export function fireSessionStatus(status: SessionStatus): void {
    const m = model();
    if (!m.current) {
        throw new Error('No conversation.');
    }
    m.sessionStatus(m.current, status);
}

/** The visitor closes the window: ConversationClosed (unless already ended), then a reset. */
export function visitorCloses(): void {
    model().visitorCloses();
}

/** The visitor submits the visible pre-chat form (install with prechatForm: true). */
export function submitPrechatForm(values: Record<string, unknown> = {}): void {
    model().submitPrechatForm(values);
}

/** Business hours start or end (onEmbeddedMessagingBusinessHoursStarted / ...Ended). */
export function setBusinessHours(within: boolean): void {
    const m = model();
    m.withinBusinessHours = within;
    m.dispatch(within ? ENHANCED_EVENTS.businessHoursStarted : ENHANCED_EVENTS.businessHoursEnded);
}

/** The visitor minimizes or maximizes the chat window. */
export function setWindowMinimized(minimized: boolean): void {
    const m = model();
    if (m.windows === 0) {
        throw new Error('No chat window is open.');
    }
    m.setMinimized(minimized);
}

/** The next launch fails in the iframe: InitError, launchChat rejects (string), the client resets. */
export function failNextLaunch(): void {
    model().failNextLaunch = true;
}

/** false: the chat iframe stops answering (launchChat and clearSession with a window hang). */
export function setIframeResponsive(responsive: boolean): void {
    model().iframeResponsive = responsive;
}

/** Decides how a client method answers from now on ('missing' removes it). */
export function setCallBehavior(name: ClientMethod, behavior: CallBehavior): void {
    const m = model();
    m.behaviors[name] = behavior;
    if (state.apis && (m.readyFired || m.options.version === 'v2')) {
        const rebuilt = buildApis(m);
        for (const key of Object.keys(state.apis) as (keyof typeof rebuilt)[]) {
            const live = state.apis[key];
            for (const prop of Object.keys(live)) {
                delete live[prop];
            }
            Object.assign(live, rebuilt[key]);
        }
    }
}

/** Replaces the whole global with something else (hostile pages). */
export function setEmbeddedServiceBootstrapValue(value: unknown): void {
    (window as unknown as Record<string, unknown>).embeddedservice_bootstrap = value;
}

/** Lets every pending step of the client run (iframe creation, token request, reset). */
export async function settleClient(): Promise<void> {
    for (let i = 0; i < 20; i++) {
        // eslint-disable-next-line no-await-in-loop -- one promise turn at a time
        await Promise.resolve();
    }
}

/** Every call made to the client so far (or to one method). */
export function getCalls(name?: ClientMethod): RecordedCall[] {
    const calls = state.model?.calls ?? [];
    return name ? calls.filter((c) => c.method === name) : [...calls];
}

/** Every conversation created, with the hidden fields sent with each. */
export function getConversations(): ConversationRecord[] {
    return (state.model?.conversations ?? []).map((c) => ({
        ...c,
        hiddenFields: { ...c.hiddenFields }
    }));
}

/** Every event the client fired, in order (or those with one name). */
export function getFiredEvents(name?: string): FiredEvent[] {
    const events = state.model?.events ?? [];
    return name ? events.filter((e) => e.name === name) : [...events];
}

/** What the client would have logged in devMode (dropped fields, repeated init...). */
export function getClientLog(): string[] {
    return [...(state.model?.log ?? [])];
}

/** Properties read on the v2 Proxies that they do not implement ("utilAPI.endChat"...). */
export function getNotImplementedReads(): string[] {
    return [...state.notImplemented];
}

/** Window listeners currently registered for one client event, or for all of them. */
export function listenerCount(name?: string): number {
    return name ? tracked.filter(([t]) => t === name).length : tracked.length;
}

/** The client's current state. */
export function getClientState(): ClientSnapshot {
    const m = model();
    return {
        version: m.options.version,
        readyFired: m.readyFired,
        readyCount: m.readyCount,
        buttonCreatedCount: m.buttonCreatedCount,
        button: m.button,
        windows: m.windows,
        minimized: m.minimized,
        conversation: m.current ? { ...m.current } : null,
        hiddenFields: { ...m.hiddenFields },
        visibleValues: { ...m.visibleValues },
        withinBusinessHours: m.withinBusinessHours,
        buttonShown: m.buttonShown,
        waitingForAgent: m.waitingForAgent
    };
}

type ApiMethods = Record<string, (...args: unknown[]) => unknown>;

/** The page's client as tests call it: `clientApi().utilAPI.launchChat()`. */
export function clientApi(): {
    utilAPI: ApiMethods;
    prechatAPI: ApiMethods;
    userVerificationAPI: ApiMethods;
    settings: Record<string, unknown>;
} {
    return (window as unknown as { embeddedservice_bootstrap: ReturnType<typeof clientApi> })
        .embeddedservice_bootstrap;
}
