/**
 * A stand-in for Salesforce's Enhanced Chat page client (`window.embeddedservice_bootstrap`:
 * Messaging for In-App and Web, v1 `bootstrap.js`; v2 Proxy host `init.js`) for the local preview
 * and the browser tests. It keeps the real client's sharp edges, each naming the client function
 * it mirrors (public copies: ESW1234/esw1234.github.io `godwin/assets/js/bootstrap.js` and
 * `godwin/assets/js/init.js`; docs/enhanced-chat-client.md says what each means for the code):
 * the API objects appear only just before Ready (v1), Ready fires again after every reset, the
 * button comes after Ready and `launchChat()` rejects without it, there is no duplicate guard,
 * invalid hidden fields are dropped silently, hidden fields are read when the conversation is
 * created and wiped by every reset, after an ended chat `launchChat()` only re-shows the window,
 * the agent-availability check holds Ready back while no agent is online, the Experience-site
 * login mode gives a guest no button, the button's hidden state is not remembered, and v1 keeps a
 * conversation's token in the page's web storage, restoring the session from it after a reload.
 *
 * Pure logic, no DOM: the browser boot (enhancedBoot.mts) installs it on `window` and draws its
 * chat window; Node tests drive it with a manual clock. Never deployed.
 */

export type EnhancedVersion = 'v1' | 'v2';
export type SessionStatus = 'Waiting' | 'Active' | 'Ended';
/** AUTH_MODE of both clients: the configuration's, or ExperienceSiteAuth set by init. */
export type AuthMode = 'UnAuth' | 'Auth' | 'ExperienceSiteAuth';

export interface EnhancedScheduler {
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
    now(): number;
}

/** A field the deployment declares (a custom parameter or a pre-chat form field). */
export interface DeclaredField {
    name: string;
    label: string;
    maxLength: number;
}

/** What the configuration call answers about the channel (the admin's Setup choices). */
export interface EnhancedChannel {
    /** embeddedServiceMessagingChannel.authMode: 'Auth' when User Verification is on. */
    authMode: 'UnAuth' | 'Auth';
    /** messagingChannel.isAgentAvailabilityCheckEnabled (a checkbox of the channel). */
    agentAvailabilityCheck: boolean;
}

export interface EnhancedDelays {
    /** init → the configuration call answers (mergeSettings): the merged settings are readable. */
    configMs: number;
    /** init → Ready (config, business hours, CSS: the Promise.all in init). */
    readyMs: number;
    /** After a reset: Ready → ButtonCreated (initializeClientState, after agent availability). */
    buttonMs: number;
    /** launch → chat window loaded (createIframe → onEmbeddedMessagingInitSuccess); v2: the RPC answer. */
    iframeMs: number;
    /** window loaded → conversation created (access token, createNewConversation). */
    conversationMs: number;
    /** conversation created → routed to the queue (Waiting). */
    routeMs: number;
    /** clearSession with a window: until the chat iframe answers. */
    iframeAnswerMs: number;
    /** AGENT_AVAILABILITY_TIMEOUT_MS: how often the client asks whether an agent is online. */
    agentCheckMs: number;
    /** v2: launchChat's RPC answer → the frame's ESW_APP_MAXIMIZE (handleMaximize) reaches the page. */
    maximizeMs: number;
}

export const DEFAULT_DELAYS: EnhancedDelays = {
    configMs: 150,
    readyMs: 300,
    buttonMs: 60,
    iframeMs: 250,
    conversationMs: 350,
    routeMs: 300,
    iframeAnswerMs: 150,
    agentCheckMs: 30000,
    maximizeMs: 150
};

/** The routing fields the admin declares as hidden pre-chat fields (max lengths: the admin's). */
export const DEMO_HIDDEN_FIELDS: DeclaredField[] = [
    { name: 'Chat_Agent_Id', label: 'Chat Agent Id', maxLength: 18 },
    { name: 'Chat_Target_Id', label: 'Chat Target Id', maxLength: 18 },
    { name: 'Chat_Fallback', label: 'Chat Fallback', maxLength: 5 },
    { name: 'Chat_Fallback_Routing', label: 'Chat Fallback Routing', maxLength: 255 }
];

export const DEMO_VISIBLE_FIELDS: DeclaredField[] = [
    { name: '_firstName', label: 'First Name', maxLength: 40 },
    { name: '_lastName', label: 'Last Name', maxLength: 80 },
    { name: '_email', label: 'Email', maxLength: 80 }
];

/** The part of a Web Storage object the client uses (the browser's localStorage in the preview). */
export interface WebStorage {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
}

/** A Web Storage in memory (the Node tests' page storage). */
export function memoryStorage(): WebStorage {
    const items = new Map<string, string>();
    return {
        getItem: (key) => items.get(key) ?? null,
        setItem: (key, value) => {
            items.set(key, String(value));
        },
        removeItem: (key) => {
            items.delete(key);
        }
    };
}

export interface EnhancedSimulatorOptions {
    scheduler: EnhancedScheduler;
    /** dispatchEventToHost: the browser boot dispatches a CustomEvent on window. */
    dispatch: (name: string, detail: unknown) => void;
    version?: EnhancedVersion;
    hiddenFields?: DeclaredField[];
    visibleFields?: DeclaredField[];
    /** The deployment shows a visible pre-chat form: the conversation is created at submit. */
    prechatForm?: boolean;
    /** The channel as Setup has it (default: UnAuth, no agent-availability check). */
    channel?: Partial<EnhancedChannel>;
    /** Whether the agent-availability endpoint says an agent is online (default true). */
    agentsOnline?: boolean;
    /** What removeAllComponents does last: `delete window.embeddedservice_bootstrap`. */
    removeGlobal?: () => void;
    /**
     * The server's side of a conversation from before a page reload: what listing the stored
     * session's conversations finds (handleListConversation). v1 looks for it only when the page's
     * storage holds the session's token; v2 keeps its session in its frame, so for v2 this alone
     * is the stored session.
     */
    restored?: EnhancedConversation | null;
    /**
     * The page's web storage as v1 uses it (determineStorageType: localStorage, or sessionStorage
     * when localStorage is out of reach); null: none. Default: an empty one in memory.
     */
    webStorage?: WebStorage | null;
    delays?: Partial<EnhancedDelays>;
}

export interface EnhancedCall {
    method: string;
    args: unknown[];
    at: number;
    /** How the call answered: 'returned …', 'resolved …', 'rejected: …'; unset while pending. */
    answer?: string;
}

export interface EnhancedEvent {
    name: string;
    detail: unknown;
    at: number;
}

export interface EnhancedNote {
    text: string;
    at: number;
}

/** One conversation the client created, with the routing attributes it sent. */
export interface EnhancedConversation {
    conversationId: string;
    hiddenFields: Record<string, string>;
    visibleFields: Record<string, string>;
    status: 'Created' | SessionStatus | 'Closed';
}

/** One chat window (iframe) on the page. More than one = a duplicate launch. */
export interface ChatWindow {
    id: number;
    view: 'loading' | 'prechat' | 'conversation';
    conversation: EnhancedConversation | null;
}

export interface EnhancedSnapshot {
    version: EnhancedVersion;
    /** init ran (the snippet's script loaded and called it). */
    initialized: boolean;
    /** The configuration call answered (v1: `settings.embeddedServiceConfig` is readable). */
    configLoaded: boolean;
    /** When it answered, in ms since the simulator started (the log's clock); null before. */
    configLoadedAt: number | null;
    /** The API objects are on the global (v1: from the first Ready). */
    apiObjects: boolean;
    readyFired: boolean;
    readyCount: number;
    /** The client's own chat button: null = not created (v2: no ButtonCreated since the last reset). */
    button: 'Show' | 'Hide' | null;
    windows: ChatWindow[];
    minimized: boolean;
    /** The hidden fields the client holds now (sent with the next conversation). */
    hiddenFields: Record<string, string>;
    visibleValues: Record<string, string>;
    conversations: EnhancedConversation[];
    withinBusinessHours: boolean;
    iframeResponsive: boolean;
    prechatForm: boolean;
    /** The configuration's auth mode after init's Experience-site override (null before it). */
    authMode: AuthMode | null;
    /** settings.snippetConfig.isExpSiteGuestUser. */
    guest: boolean;
    /** The agent-availability endpoint's answer now. */
    agentsOnline: boolean;
    /** Holding Ready or the button back until an agent is online (getAgentAvailability). */
    waitingForAgent: boolean;
    /** Agent-availability requests so far. */
    availabilityChecks: number;
    /** v2: the chat frame is gone (launchChat resolves doing nothing). */
    frameMissing: boolean;
    /** The minimized notification the client shows (handleAgentUnavailableOnButtonClick). */
    notice: string | null;
}

// v1 rejection strings (bootstrap.js EmbeddedMessagingUtil.launchChat, clearSession).
export const NOT_READY_MESSAGE =
    '[Launch Chat API] Can’t invoke API before the onEmbeddedMessagingReady event is fired.';
export const NO_BUTTON_MESSAGE =
    '[Launch Chat API] Default chat button isn’t present. Check if the messaging client initialized successfully.';
export const CLEAR_NOT_READY_MESSAGE =
    "Method can't be invoked before the onEmbeddedMessagingReady event is fired.";
/** handleClick rejects "Agent Unavailable"; launchChat wraps it in its click-error message. */
export const AGENT_UNAVAILABLE_MESSAGE =
    '[Launch Chat API] Error when API simulates clicking the custom messaging client button: Agent Unavailable';
// v2 `Error` messages (init.js validateEmbeddedMessagingReadyEventFired, …ButtonCreatedEventFired).
export const V2_NOT_READY_MESSAGE = 'API not available before onEmbeddedMessagingReady is fired.';
export const V2_NO_BUTTON_MESSAGE =
    'API not available before onEmbeddedMessagingButtonCreated event is fired.';
const SUCCESS_MESSAGE = '[Launch Chat API] Successfully initialized the messaging client.';
const MAXIMIZED_MESSAGE = '[Launch Chat API] Successfully maximized the messaging client.';
const PRESENT_MESSAGE =
    '[Launch Chat API] The messaging client window is already present and maximized.';
const AGENT_UNAVAILABLE_NOTICE = 'No agents are available right now. Try again later.';

function copy<T>(value: T): T {
    try {
        return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
    } catch {
        return value;
    }
}

function describe(value: unknown): string {
    if (value instanceof Error) {
        return `Error(${JSON.stringify(value.message)})`;
    }
    return value === undefined ? 'undefined' : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** mergeSettings: a deep merge that only fills keys still `undefined` in the target. */
function mergeSettings(target: Record<string, unknown>, source: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(source)) {
        const current = target[key];
        if (isRecord(current) && isRecord(value)) {
            mergeSettings(current, value);
        } else if (current === undefined) {
            target[key] = value;
        }
    }
}

type Fn = (...args: unknown[]) => unknown;

export class EnhancedClientSimulator {
    readonly calls: EnhancedCall[] = [];
    readonly events: EnhancedEvent[] = [];
    readonly notes: EnhancedNote[] = [];
    /** The object the page sees as `window.embeddedservice_bootstrap`. */
    readonly global: Record<string, unknown>;
    /** v2 only: the object the page sees as `window.agentforce_messaging` (null on v1). */
    readonly host: Record<string, unknown> | null;
    private readonly options: Required<Omit<EnhancedSimulatorOptions, 'delays' | 'channel'>>;
    private readonly channel: EnhancedChannel;
    private readonly delays: EnhancedDelays;
    private readonly started: number;
    private readonly listeners = new Set<() => void>();
    /** `embeddedservice_bootstrap.settings` (v2: agentforce_messaging.settings, behind the Proxy). */
    private readonly settings: Record<string, unknown> = { devMode: false };
    private readonly apis: Record<
        'utilAPI' | 'prechatAPI' | 'userVerificationAPI',
        Record<string, Fn>
    >;
    private initialized = false;
    private configLoaded = false;
    private snippet: Record<string, unknown> = {};
    private configLoadedAt: number | null = null;
    private authMode: AuthMode | null = null;
    private apiObjects = false;
    private readyFired = false;
    private readyCount = 0;
    private button: 'Show' | 'Hide' | null = null;
    private windows: ChatWindow[] = [];
    private minimized = false;
    private hiddenFields: Record<string, string> = {};
    private visibleValues: Record<string, string> = {};
    private conversations: EnhancedConversation[] = [];
    private withinBusinessHours = true;
    private iframeResponsive = true;
    private agentsOnline: boolean;
    private waitingForAgent = false;
    private availabilityChecks = 0;
    /** setupAgentAvailabilityTimer's interval (v1); bumped to stop it (clearAgentAvailabilityTimer). */
    private availabilityTimer = 0;
    private frameMissing = false;
    private notice: string | null = null;
    /** v1 storageKey: `${settings.orgId}_WEB_STORAGE`, known once the configuration answered. */
    private storageKey: string | null = null;
    /** v2: its frame holds a session (its own storage, on another origin: not the page's). */
    private frameSession: boolean;
    /** clearUserSessionPromiseResolve: one slot, overwritten by each clearSession call. */
    private clearResolve: (() => void) | null = null;
    /** Bumped by each reset: timers of an earlier state do nothing. */
    private epoch = 0;
    private nextWindow = 1;
    private nextConversation = 1;

    constructor(options: EnhancedSimulatorOptions) {
        this.options = {
            scheduler: options.scheduler,
            dispatch: options.dispatch,
            version: options.version ?? 'v1',
            hiddenFields: options.hiddenFields ?? DEMO_HIDDEN_FIELDS,
            visibleFields: options.visibleFields ?? DEMO_VISIBLE_FIELDS,
            prechatForm: options.prechatForm ?? false,
            agentsOnline: options.agentsOnline ?? true,
            removeGlobal: options.removeGlobal ?? (() => undefined),
            restored: options.restored ?? null,
            webStorage: options.webStorage === undefined ? memoryStorage() : options.webStorage
        };
        this.channel = {
            authMode: options.channel?.authMode ?? 'UnAuth',
            agentAvailabilityCheck: options.channel?.agentAvailabilityCheck ?? false
        };
        this.agentsOnline = this.options.agentsOnline;
        this.frameSession = this.v2 && this.options.restored !== null;
        this.delays = { ...DEFAULT_DELAYS, ...(options.delays ?? {}) };
        this.started = options.scheduler.now();
        this.apis = this.buildApis();
        const base: Record<string, unknown> = {
            settings: this.settings,
            init: (...args: unknown[]) => this.init(args)
        };
        if (this.v2) {
            // init.js createProxy: the global and its sub-APIs are Proxies over agentforce_messaging
            // with a `get` and a `set` trap but no `has` trap, so `in` answers false for real
            // methods and unknown properties are undefined (logged).
            const impl: Record<string, unknown> = { ...base };
            for (const [name, api] of Object.entries(this.apis)) {
                impl[name] = this.proxy(api, name);
            }
            this.apiObjects = true;
            // The script also leaves the real object on the page: window.agentforce_messaging.
            this.host = impl;
            this.global = this.proxy(impl, 'embeddedservice_bootstrap');
        } else {
            this.host = null;
            this.global = base;
        }
    }

    private get v2(): boolean {
        return this.options.version === 'v2';
    }

    // ---- observation ----------------------------------------------------------------------

    subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    snapshot(): EnhancedSnapshot {
        return {
            version: this.options.version,
            initialized: this.initialized,
            configLoaded: this.configLoaded,
            configLoadedAt: this.configLoadedAt,
            apiObjects: this.apiObjects,
            readyFired: this.readyFired,
            readyCount: this.readyCount,
            button: this.button,
            windows: copy(this.windows),
            minimized: this.minimized,
            hiddenFields: { ...this.hiddenFields },
            visibleValues: { ...this.visibleValues },
            conversations: copy(this.conversations),
            withinBusinessHours: this.withinBusinessHours,
            iframeResponsive: this.iframeResponsive,
            prechatForm: this.options.prechatForm,
            authMode: this.authMode,
            guest: this.isGuest(),
            agentsOnline: this.agentsOnline,
            waitingForAgent: this.waitingForAgent,
            availabilityChecks: this.availabilityChecks,
            frameMissing: this.frameMissing,
            notice: this.notice
        };
    }

    visibleFields(): DeclaredField[] {
        return [...this.options.visibleFields];
    }

    note(text: string): void {
        this.notes.push({ text, at: this.now() });
        this.changed();
    }

    // ---- page-load ------------------------------------------------------------------------

    /**
     * EmbeddedServiceBootstrap.prototype.init: works once (a second call only logs); keeps its 4th
     * argument as `settings.snippetConfig` and merges it (v2 keeps it off `settings`); then the
     * configuration call answers (`configMs`), and Ready waits for config, business hours, CSS
     * (`readyMs`) and, when the check applies, an agent online.
     */
    private init(args: unknown[]): void {
        this.record('init', args).answer = 'returned undefined';
        if (this.initialized) {
            this.note('init: attempted to initialize bootstrap multiple times (ignored)');
            return;
        }
        this.initialized = true;
        this.snippet = isRecord(args[3]) ? args[3] : {};
        if (this.v2) {
            // init.js keeps its arguments in its config helper; `settings` only gets metrics.
            this.settings.metrics = { cwcInitTime: Date.now() };
        } else {
            this.settings.orgId = args[0];
            this.settings.snippetConfig = this.snippet;
            mergeSettings(this.settings, this.snippet);
        }
        const configAt = Math.min(this.delays.configMs, this.delays.readyMs);
        this.later(configAt, () => {
            this.configArrived();
            this.later(this.delays.readyMs - configAt, () => {
                // init: the agentAvailabilityPromise is skipped outside business hours and when
                // a session exists in web storage.
                const gate =
                    this.isAgentAvailabilityCheckEnabled() &&
                    this.withinBusinessHours &&
                    !this.sessionExists();
                if (gate) {
                    this.getAgentAvailability(this.epoch, () => this.initialReady());
                } else {
                    this.initialReady();
                }
            });
        });
    }

    /**
     * init's configPromise: mergeSettings(response) puts the configuration under
     * `settings.embeddedServiceConfig` (v1 only: init.js keeps it inside its config helper, off
     * `settings`); then, on an Experience site whose page asks for its login
     * (`settings.expSiteAuthMode`) and whose channel has User Verification on, the auth mode
     * becomes ExperienceSiteAuth.
     */
    private configArrived(): void {
        this.configLoaded = true;
        this.configLoadedAt = this.now();
        let authMode: AuthMode = this.channel.authMode;
        const snippet = this.snippetConfig();
        const expSite = snippet.expSiteContext === 'LWR' || snippet.expSiteContext === 'AURA';
        if (expSite && this.settings.expSiteAuthMode && authMode === 'Auth') {
            authMode = 'ExperienceSiteAuth';
        }
        this.authMode = authMode;
        if (!this.v2) {
            // init waits for the configuration to name its web storage entry.
            this.storageKey = `${String(this.settings.orgId)}_WEB_STORAGE`;
            mergeSettings(this.settings, {
                embeddedServiceConfig: {
                    name: 'Northwind_Web_Chat',
                    embeddedServiceMessagingChannel: { authMode },
                    messagingChannel: {
                        isAgentAvailabilityCheckEnabled: this.channel.agentAvailabilityCheck
                    },
                    forms: [
                        {
                            hiddenFormFields: copy(this.options.hiddenFields),
                            formFields: copy(this.options.visibleFields)
                        }
                    ]
                }
            });
        }
        if (!this.withinBusinessHours) {
            // setupBusinessHoursTimer at load: outside business hours, …Ended at once.
            this.fire('onEmbeddedMessagingBusinessHoursEnded', {});
        }
        this.note(
            `Configuration answered: auth mode ${authMode}` +
                (this.channel.agentAvailabilityCheck ? ', agent-availability check on' : '')
        );
    }

    /** init's 4th argument (v1: `settings.snippetConfig`, the same object). */
    private snippetConfig(): Record<string, unknown> {
        return this.snippet;
    }

    /** settings.snippetConfig.isExpSiteGuestUser. */
    private isGuest(): boolean {
        return this.snippetConfig().isExpSiteGuestUser === true;
    }

    /**
     * isAgentAvailabilityCheckEnabled (v1): the channel's checkbox, unless the page set
     * `settings.hideChatButtonOnLoad` (which switches the check off). init.js has no such check.
     */
    private isAgentAvailabilityCheckEnabled(): boolean {
        return (
            !this.v2 &&
            this.configLoaded &&
            !this.settings.hideChatButtonOnLoad &&
            this.channel.agentAvailabilityCheck
        );
    }

    /**
     * The button exists in this auth mode (init and initializeClientState; init.js
     * resetClientToInitialState): UnAuth, or ExperienceSiteAuth for a logged-in user. A guest of
     * a login-only site gets Ready and nothing more.
     */
    private buttonAllowed(): boolean {
        return (
            this.authMode === 'UnAuth' ||
            (this.authMode === 'ExperienceSiteAuth' && !this.isGuest())
        );
    }

    /**
     * The end of init's Promise.all: initializeWebStorage, initializeFeatureObjects, Ready, then
     * the stored session (sessionExists) or the button.
     */
    private initialReady(): void {
        this.initializeWebStorage();
        this.attachApis();
        this.emitReady();
        // Then, in the same task, handleExistingSession or generateMarkup: a Ready listener
        // still finds no button, so a launchChat() from it rejects, and finds the session's token
        // in web storage when there is one.
        if (this.sessionExists()) {
            this.handleExistingSession();
        } else if (this.buttonAllowed()) {
            this.generateMarkup();
        } else {
            this.note(
                `No chat button: auth mode ${this.authMode}` +
                    (this.isGuest() ? ' and the visitor is a guest' : '')
            );
        }
    }

    /**
     * getAgentAvailability: asks the agent-availability endpoint, and again every
     * AGENT_AVAILABILITY_TIMEOUT_MS until an agent is online; then setupAgentAvailabilityTimer
     * and `then` (Ready at load; the button after a reset). Nothing tells the page meanwhile.
     */
    private getAgentAvailability(epoch: number, then: () => void): void {
        const ask = (): void => {
            if (epoch !== this.epoch) {
                return;
            }
            this.availabilityChecks += 1;
            if (this.agentsOnline) {
                this.waitingForAgent = false;
                this.note('Agent availability: an agent is online');
                this.setupAgentAvailabilityTimer();
                then();
                return;
            }
            this.waitingForAgent = true;
            this.note(
                `Agent availability: no agent online; the client asks again in ${this.delays.agentCheckMs / 1000} s`
            );
            this.later(this.delays.agentCheckMs, ask);
        };
        ask();
    }

    /**
     * setupAgentAvailabilityTimer (v1): every AGENT_AVAILABILITY_TIMEOUT_MS, showChatButton when
     * an agent is online (within business hours, UnAuth or a logged-in site user), else
     * hideChatButton. No event tells the page.
     */
    private setupAgentAvailabilityTimer(): void {
        const timer = ++this.availabilityTimer;
        const tick = (): void => {
            if (timer !== this.availabilityTimer) {
                return;
            }
            this.availabilityChecks += 1;
            if (this.agentsOnline) {
                if (this.withinBusinessHours && this.buttonAllowed()) {
                    this.showChatButton();
                }
            } else {
                this.hideChatButton();
            }
            this.changed();
            this.later(this.delays.agentCheckMs, tick);
        };
        this.later(this.delays.agentCheckMs, tick);
    }

    /** clearAgentAvailabilityTimer. */
    private clearAgentAvailabilityTimer(): void {
        this.availabilityTimer += 1;
    }

    /**
     * handleExistingSession → bootstrapExistingSession: a stored session gets the button (Show)
     * and a window at once; the window then lists the visitor's open conversations
     * (handleGetContinuityJwt, handleListConversation). One still open on the server is
     * reopened: the iframe relays ConversationOpened, but no ConversationStarted and no status.
     * None open (the agent ended it, so it is closed on the server; or the server has no record
     * of it) means stale data: the client resets itself (resetClientToInitialState: storage
     * cleared, Ready and the button again) and fires nothing about the old conversation.
     */
    private handleExistingSession(): void {
        this.generateMarkup();
        const stored = this.options.restored;
        const conversation = stored ? copy(stored) : null;
        if (conversation) {
            this.conversations.push(conversation);
        }
        const win: ChatWindow = { id: this.nextWindow++, view: 'loading', conversation };
        this.windows.push(win);
        this.note(
            `Session restored from web storage (conversation ${conversation?.status ?? 'unknown'})`
        );
        const epoch = this.epoch;
        this.later(this.delays.iframeMs, () => {
            if (epoch !== this.epoch) {
                return;
            }
            if (
                !conversation ||
                conversation.status === 'Ended' ||
                conversation.status === 'Closed'
            ) {
                this.note('No open conversation found for the stored session: the client resets');
                this.resetClientToInitialState();
                return;
            }
            win.view = 'conversation';
            this.fire('onEmbeddedMessagingConversationOpened', {});
        });
    }

    /** v1 getItemInWebStorageByKey: one field of the stored JSON object (undefined if none). */
    private storedItem(key: string): unknown {
        const storage = this.options.webStorage;
        try {
            const text = this.storageKey ? storage?.getItem(this.storageKey) : null;
            return text ? (JSON.parse(text) as Record<string, unknown>)[key] : undefined;
        } catch {
            return undefined;
        }
    }

    /** sessionExists: v1, a `JWT` in the page's web storage; v2, a session in its frame. */
    private sessionExists(): boolean {
        return this.v2 ? this.frameSession : Boolean(this.storedItem('JWT'));
    }

    /** initializeWebStorage (v1): `{}` under the key when it is missing. */
    private initializeWebStorage(): void {
        const storage = this.options.webStorage;
        if (!this.v2 && storage && this.storageKey && !storage.getItem(this.storageKey)) {
            storage.setItem(this.storageKey, '{}');
        }
    }

    /**
     * setAndStoreJwt: the conversation's access token, kept for the next page (v1: in the
     * page's web storage, with whatever else the object holds; v2: in its frame).
     */
    private setAndStoreJwt(conversation: EnhancedConversation): void {
        const storage = this.options.webStorage;
        if (this.v2) {
            this.frameSession = true;
        } else if (storage && this.storageKey) {
            let stored: Record<string, unknown> = {};
            try {
                stored = JSON.parse(storage.getItem(this.storageKey) ?? '{}') as Record<
                    string,
                    unknown
                >;
            } catch {
                // not the client's JSON: replaced
            }
            stored.JWT = `simulated-token.${conversation.conversationId}`;
            storage.setItem(this.storageKey, JSON.stringify(stored));
        }
    }

    /** clearWebStorage, then initializeWebStorage (v1); v2 clears its frame's. */
    private clearWebStorage(): void {
        this.frameSession = false;
        if (!this.v2 && this.storageKey) {
            this.options.webStorage?.removeItem(this.storageKey);
            this.initializeWebStorage();
        }
    }

    /** What the client keeps in web storage for the next page: the conversation in its window. */
    sessionToKeep(): EnhancedConversation | null {
        const conversation = this.currentConversation();
        return conversation && conversation.status !== 'Closed' ? copy(conversation) : null;
    }

    /** initializeFeatureObjects: the API objects appear on the global (v1). */
    private attachApis(): void {
        if (!this.apiObjects) {
            Object.assign(this.global, this.apis);
            this.apiObjects = true;
        }
    }

    /** emitEmbeddedMessagingReadyEvent. */
    private emitReady(): void {
        this.readyFired = true;
        this.readyCount += 1;
        this.fire('onEmbeddedMessagingReady', {});
    }

    /**
     * v1 generateMarkup → createConversationButton + onEmbeddedMessagingButtonCreated
     * { buttonVisibility }: hidden when outside business hours or `settings.hideChatButtonOnLoad`
     * and no session exists (shouldShowChatButtonInInitialState).
     * v2 handleFabReadyEvent: the button is the chat frame's; the frame is hidden, ButtonCreated
     * fires with no detail, THEN the frame is shown when shouldShowChatButtonOnLoad says so, which
     * undoes a hideChatButton() made by a ButtonCreated listener.
     */
    private generateMarkup(): void {
        if (this.button) {
            return;
        }
        const hideOnLoad = this.settings.hideChatButtonOnLoad;
        if (this.v2) {
            this.frameDisplay = 'Hide';
            this.button = 'Hide';
            this.fire('onEmbeddedMessagingButtonCreated', {});
            const show =
                this.sessionExists() ||
                (typeof hideOnLoad === 'boolean' ? !hideOnLoad : this.withinBusinessHours);
            if (show) {
                this.toggleChatFabVisibility(true);
            }
            return;
        }
        const show = (this.withinBusinessHours && !hideOnLoad) || this.sessionExists();
        this.button = show ? 'Show' : 'Hide';
        this.fire('onEmbeddedMessagingButtonCreated', { buttonVisibility: this.button });
    }

    /** v2: the chat frame's display (toggleIframeVisibility); it survives resets. */
    private frameDisplay: 'Show' | 'Hide' = 'Hide';

    // ---- the API objects --------------------------------------------------------------------

    private buildApis(): Record<
        'utilAPI' | 'prechatAPI' | 'userVerificationAPI',
        Record<string, Fn>
    > {
        const utilAPI: Record<string, Fn> = {
            launchChat: (...args) => this.track('launchChat', args, () => this.launchChat()),
            showChatButton: (...args) =>
                this.track('showChatButton', args, () => this.showChatButton()),
            hideChatButton: (...args) =>
                this.track('hideChatButton', args, () => this.hideChatButton())
        };
        if (!this.v2) {
            utilAPI.getEmbeddedMessagingFrame = () => null;
            // removeAllComponents: removeMarkup (re-emits Ready), then deletes the global.
            utilAPI.removeAllComponents = (...args) =>
                this.track('removeAllComponents', args, () => {
                    this.windows = [];
                    this.button = null;
                    this.emitReady();
                    this.options.removeGlobal();
                    return Promise.resolve();
                });
        }
        const prechatAPI: Record<string, Fn> = {
            setHiddenPrechatFields: (...args) =>
                this.track('setHiddenPrechatFields', args, () =>
                    this.setHiddenPrechatFields(args[0])
                ),
            removeHiddenPrechatFields: (...args) => {
                return this.track('removeHiddenPrechatFields', args, () => {
                    if (this.readyFired && Array.isArray(args[0])) {
                        for (const name of args[0]) {
                            delete this.hiddenFields[String(name)];
                        }
                    }
                    return undefined;
                });
            },
            // Throws on a null entry, as the real one does.
            setVisiblePrechatFields: (...args) =>
                this.track('setVisiblePrechatFields', args, () => {
                    this.setVisiblePrechatFields(args[0]);
                    return undefined;
                })
        };
        const userVerificationAPI: Record<string, Fn> = {
            clearSession: (...args) => this.track('clearSession', args, () => this.clearSession()),
            setIdentityToken: (...args) => this.track('setIdentityToken', args, () => false)
        };
        return { utilAPI, prechatAPI, userVerificationAPI };
    }

    /** init.js createProxy: `get` and `set` traps only; unknown names log and are undefined. */
    private proxy(impl: Record<string, unknown>, path: string): Record<string, unknown> {
        const missing = (prop: string | symbol): void => {
            if (typeof prop === 'string' && prop !== 'then' && prop !== 'toJSON') {
                this.note(`Property '${path}.${prop}' is not implemented (v2 Proxy)`);
            }
        };
        return new Proxy({} as Record<string, unknown>, {
            get: (_target, prop) => {
                if (typeof prop === 'string' && Object.prototype.hasOwnProperty.call(impl, prop)) {
                    return impl[prop];
                }
                missing(prop);
                return undefined;
            },
            set: (_target, prop, value) => {
                if (typeof prop === 'string' && Object.prototype.hasOwnProperty.call(impl, prop)) {
                    impl[prop] = value;
                    return true;
                }
                missing(prop);
                return false;
            }
        });
    }

    /**
     * v1 EmbeddedMessagingUtil.showChatButton: false before Ready; shows the button only in
     * UnAuth mode (or with an identity token, which this simulator never has), so never in
     * ExperienceSiteAuth. v2 toggleChatFabVisibility(true).
     */
    private showChatButton(): boolean {
        if (this.v2) {
            return this.toggleChatFabVisibility(true);
        }
        if (!this.readyFired || this.authMode !== 'UnAuth' || !this.button) {
            return false;
        }
        this.button = 'Show';
        this.changed();
        return true;
    }

    /**
     * v1 EmbeddedMessagingUtil.hideChatButton: false before Ready, once the chat window exists
     * ("can't hide … once the messaging window is showing") and without a button. The hidden
     * state is not remembered: a reset makes a new button (generateMarkup).
     * v2 toggleChatFabVisibility(false).
     */
    private hideChatButton(): boolean {
        if (this.v2) {
            return this.toggleChatFabVisibility(false);
        }
        if (!this.readyFired || this.windows.length > 0 || !this.button) {
            return false;
        }
        this.button = 'Hide';
        this.changed();
        return true;
    }

    /**
     * v2 toggleChatFabVisibility: false before ButtonCreated; hiding fails once a conversation
     * is under way (conversationStatus not NOT_STARTED); otherwise the frame's display changes.
     */
    private toggleChatFabVisibility(show: boolean): boolean {
        if (!this.button) {
            return false;
        }
        if (!show && this.windows.some((w) => w.conversation !== null)) {
            this.note('hideChatButton ignored: the messaging window is already showing');
            return false;
        }
        this.frameDisplay = show ? 'Show' : 'Hide';
        this.button = this.frameDisplay;
        this.changed();
        return true;
    }

    /**
     * validatePrechatField + setHiddenPrechatFields: each entry checked on its own against the
     * configuration's hidden fields (declared name, no script, within that field's maxLength, a
     * string); invalid ones are dropped with only a log line. v2 returns false only before Ready
     * or for a non-object, and true even when it dropped fields.
     */
    private setHiddenPrechatFields(fields: unknown): boolean | undefined {
        if (!this.readyFired || !fields || typeof fields !== 'object') {
            return this.v2 ? false : undefined;
        }
        for (const [name, value] of Object.entries(fields as Record<string, unknown>)) {
            const problem = this.fieldProblem(this.declaredFields('hiddenFormFields'), name, value);
            if (problem === null && typeof value === 'string') {
                this.hiddenFields[name] = value;
            } else {
                this.note(`setHiddenPrechatFields dropped ${name}: ${problem ?? 'not a string'}`);
            }
        }
        return this.v2 ? true : undefined;
    }

    /** setVisiblePrechatFields: `{ name: { value, isEditableByEndUser } }`, reads `.value` unchecked. */
    private setVisiblePrechatFields(fields: unknown): void {
        if (!this.readyFired || !fields || typeof fields !== 'object' || Array.isArray(fields)) {
            return;
        }
        for (const [name, data] of Object.entries(fields as Record<string, { value: unknown }>)) {
            const value = data.value;
            const problem = this.fieldProblem(this.declaredFields('formFields'), name, value);
            if (problem === null) {
                this.visibleValues[name] = String(value ?? '');
            } else {
                this.note(`setVisiblePrechatFields dropped ${name}: ${problem}`);
            }
        }
    }

    /**
     * v1 getHiddenPrechatFieldsFromConfig / getVisiblePrechatFieldsFromConfig: the fields listed
     * in `settings.embeddedServiceConfig.forms[0]`, read at each call (none while it is missing);
     * v2 reads its own copy of the configuration (init.js getHiddenPrechatFormFields).
     */
    private declaredFields(list: 'hiddenFormFields' | 'formFields'): DeclaredField[] {
        if (this.v2) {
            return list === 'hiddenFormFields'
                ? this.options.hiddenFields
                : this.options.visibleFields;
        }
        const config = this.settings.embeddedServiceConfig as
            | { forms?: Record<string, unknown>[] }
            | undefined;
        const listed = config?.forms?.[0]?.[list];
        return Array.isArray(listed) ? (listed as DeclaredField[]) : [];
    }

    /**
     * validatePrechatField: a declared name, no script, within that field's maxLength (a field
     * without one takes any length: v1 compares with undefined, v2 checks it is set first).
     */
    private fieldProblem(declared: DeclaredField[], name: string, value: unknown): string | null {
        const field = declared.find((f) => f.name === name);
        if (!field) {
            return 'not a field of the deployment';
        }
        if (typeof value === 'string' && /javascript:|<script>/i.test(value)) {
            return 'script in the value';
        }
        if (value && String(value).length > field.maxLength) {
            return `longer than ${field.maxLength}`;
        }
        return null;
    }

    /**
     * EmbeddedMessagingUtil.launchChat (v1): a string rejection before Ready or without the
     * button; a window already there is only maximized or left as it is (after an ended chat
     * too); otherwise handleClick: with the availability check on it asks first, and with no
     * agent online resets the client (Ready, a new button, a notice) and then rejects
     * "… Agent Unavailable"; else a NEW window, with no guard against a launch under way.
     * v2 AgentforceMessagingUtil.launchChat: an `Error` before ButtonCreated; an RPC to the chat
     * frame that resolves `undefined` when the frame answers; with no frame it resolves at once
     * having done nothing.
     */
    private launchChat(): Promise<string | undefined> {
        if (this.v2) {
            return this.launchChatV2();
        }
        if (!this.readyFired) {
            return Promise.reject(NOT_READY_MESSAGE);
        }
        if (!this.button) {
            return Promise.reject(NO_BUTTON_MESSAGE);
        }
        if (this.windows.length > 0) {
            if (this.minimized) {
                this.setMinimized(false);
                return Promise.resolve(MAXIMIZED_MESSAGE);
            }
            return Promise.resolve(PRESENT_MESSAGE);
        }
        return new Promise((resolve, reject) => {
            const epoch = this.epoch;
            this.clearAgentAvailabilityTimer();
            const check = this.isAgentAvailabilityCheckEnabled();
            // handleClick: the iframe appears once the agent-availability answer is in.
            this.later(0, () => {
                if (epoch !== this.epoch) {
                    return;
                }
                if (check) {
                    this.availabilityChecks += 1;
                    if (!this.agentsOnline) {
                        this.handleAgentUnavailableOnButtonClick();
                        reject(AGENT_UNAVAILABLE_MESSAGE);
                        return;
                    }
                }
                this.openWindow(epoch, () => resolve(SUCCESS_MESSAGE));
            });
        });
    }

    private launchChatV2(): Promise<undefined> {
        if (!this.button) {
            return Promise.reject(new Error(V2_NO_BUTTON_MESSAGE));
        }
        if (this.frameMissing) {
            this.note('launchChat: no chat frame on the page, nothing launched');
            return Promise.resolve(undefined);
        }
        // Unhides the frame in case hideChatButton was called, then callRpcClient("launchChat").
        this.toggleChatFabVisibility(true);
        const epoch = this.epoch;
        return new Promise((resolve) => {
            if (this.windows.length > 0) {
                this.whenIframeAnswers(this.delays.iframeAnswerMs, 'launchChat', () => {
                    resolve(undefined);
                    if (this.minimized) {
                        this.later(this.delays.maximizeMs, () => this.setMinimized(false));
                    }
                });
                return;
            }
            this.openWindow(epoch, () => resolve(undefined));
        });
    }

    /**
     * handleAgentUnavailableOnButtonClick (v1): resetClientToInitialState without a new
     * availability check (so no timer either), generateMarkup, and a minimized notification.
     */
    private handleAgentUnavailableOnButtonClick(): void {
        this.resetClientToInitialState(false);
        this.generateMarkup();
        this.notice = AGENT_UNAVAILABLE_NOTICE;
        this.changed();
    }

    /**
     * v1 handleClick → createIframe → handleAfterAppLoad: onEmbeddedMessagingInitSuccess, the
     * window maximized, the launch resolved. v2: the frame answers the RPC (resolved), and its
     * ESW_APP_MAXIMIZE reaches the page `maximizeMs` later (handleMaximize); the host fires no
     * InitSuccess.
     */
    private openWindow(epoch: number, resolve: () => void): void {
        const win: ChatWindow = { id: this.nextWindow++, view: 'loading', conversation: null };
        this.windows.push(win);
        this.minimized = false;
        this.notice = null;
        this.changed();
        this.whenIframeAnswers(this.delays.iframeMs, 'launchChat', () => {
            if (this.v2) {
                resolve();
                this.later(this.delays.maximizeMs, () => {
                    if (epoch === this.epoch && this.windows.includes(win)) {
                        this.fire('onEmbeddedMessagingWindowMaximized', {});
                    }
                });
            } else {
                this.fire('onEmbeddedMessagingInitSuccess', {});
                this.fire('onEmbeddedMessagingWindowMaximized', {});
                resolve();
            }
            this.windowLoaded(win, epoch);
        });
    }

    /** The chat window's app loaded: the pre-chat form, or the conversation is created. */
    private windowLoaded(win: ChatWindow, epoch: number): void {
        if (this.options.prechatForm) {
            win.view = 'prechat'; // hidden fields are read at submit (handlePrechatSubmit)
            this.changed();
            return;
        }
        this.later(this.delays.conversationMs, () => this.createNewConversation(win, epoch, {}));
    }

    /** The visitor submits the pre-chat form of the newest window. */
    submitPrechatForm(values: Record<string, string>): boolean {
        const win = [...this.windows].reverse().find((w) => w.view === 'prechat');
        if (!win) {
            return false;
        }
        win.view = 'loading';
        this.fire('onEmbeddedMessagingPreChatSubmitted', {
            prechatDisplay: 'Conversation',
            prechatSubmitFields: { ...values }
        });
        const epoch = this.epoch;
        this.later(this.delays.conversationMs, () =>
            this.createNewConversation(win, epoch, values)
        );
        return true;
    }

    /**
     * createNewConversation (after the access-token request): the hidden fields are read NOW;
     * the page script fires ConversationStarted, the iframe relays ConversationOpened, then
     * routing puts it in the queue (Waiting).
     */
    private createNewConversation(
        win: ChatWindow,
        epoch: number,
        form: Record<string, string>
    ): void {
        if (epoch !== this.epoch || !this.windows.includes(win)) {
            return;
        }
        const conversation: EnhancedConversation = {
            conversationId: `00000000-0000-4000-8000-${String(this.nextConversation++).padStart(12, '0')}`,
            hiddenFields: { ...this.hiddenFields },
            visibleFields: { ...this.visibleValues, ...form },
            status: 'Created'
        };
        this.setAndStoreJwt(conversation); // the access token of handleClick's conversation
        this.conversations.push(conversation);
        win.view = 'conversation';
        win.conversation = conversation;
        this.fire('onEmbeddedMessagingConversationStarted', {
            conversationId: conversation.conversationId
        });
        this.fire('onEmbeddedMessagingConversationOpened', {});
        this.later(this.delays.routeMs, () => {
            if (epoch === this.epoch && conversation.status === 'Created') {
                this.sessionStatus(conversation, 'Waiting');
            }
        });
    }

    /** onEmbeddedMessagingSessionStatusUpdate, relayed from the iframe. */
    private sessionStatus(conversation: EnhancedConversation, status: SessionStatus): void {
        conversation.status = status;
        this.fire('onEmbeddedMessagingSessionStatusUpdate', {
            conversationId: conversation.conversationId,
            conversationEntry: {
                entryType: 'SessionStatusChanged',
                entryPayload: JSON.stringify({
                    entryType: 'SessionStatusChanged',
                    sessionStatus: status
                })
            }
        });
    }

    /**
     * userVerificationAPI.clearSession (v1): one resolver slot (a later call orphans an earlier
     * one); a string rejection before the first Ready; with a window the iframe answers first
     * (handleClearUserSession), without one the reset runs at once (Ready inside the call); it
     * resolves when initializeClientState ends, so only once an agent is online when the
     * availability check applies. v2: an `Error` before Ready; the RPC, then the reset, resolved.
     */
    private clearSession(): Promise<void> {
        if (this.v2) {
            if (!this.readyFired) {
                return Promise.reject(new Error(V2_NOT_READY_MESSAGE));
            }
            return new Promise((resolve) => {
                this.whenIframeAnswers(this.delays.iframeAnswerMs, 'clearSession', () => {
                    this.resetClientToInitialState();
                    resolve();
                });
            });
        }
        return new Promise((resolve, reject) => {
            this.clearResolve = resolve;
            if (!this.readyFired) {
                reject(CLEAR_NOT_READY_MESSAGE);
                return;
            }
            if (this.windows.length > 0) {
                this.whenIframeAnswers(this.delays.iframeAnswerMs, 'clearSession', () =>
                    this.resetClientToInitialState()
                );
                return;
            }
            this.resetClientToInitialState();
        });
    }

    /**
     * v1 resetClientToInitialState: wipes web storage (clearWebStorage, initializeWebStorage)
     * and in-memory data (hidden fields,
     * pre-filled values), removeMarkup re-emits Ready at once; then, after an agent is online when
     * the check applies (and `checkAvailability`), initializeClientState makes a new button
     * (ButtonCreated) where the auth mode has one and resolves the pending clearSession.
     * v2 resetClientToInitialState: hides the frame when hideChatButtonOnLoad (or a guest) says so
     * (which fails while a conversation shows), then Ready and, where the auth mode has a button,
     * ButtonCreated in the same task; the frame keeps its display.
     */
    private resetClientToInitialState(checkAvailability = true): void {
        if (this.v2 && this.shouldHideChatButtonOnReset()) {
            this.toggleChatFabVisibility(false);
        }
        this.epoch += 1;
        const epoch = this.epoch;
        for (const win of this.windows) {
            if (win.conversation && win.conversation.status !== 'Ended') {
                win.conversation.status = 'Closed';
            }
        }
        this.windows = [];
        this.clearWebStorage();
        this.minimized = false;
        this.hiddenFields = {};
        this.visibleValues = {};
        this.button = null;
        this.notice = null;
        this.emitReady();
        if (this.v2) {
            if (this.buttonAllowed()) {
                this.button = this.frameDisplay;
                this.fire('onEmbeddedMessagingButtonCreated', {});
            }
            return;
        }
        const initializeClientState = (): void => {
            this.later(this.delays.buttonMs, () => {
                if (epoch !== this.epoch) {
                    return;
                }
                if (this.buttonAllowed()) {
                    this.generateMarkup();
                }
                const resolve = this.clearResolve;
                this.clearResolve = null;
                resolve?.();
            });
        };
        if (this.isAgentAvailabilityCheckEnabled() && checkAvailability) {
            this.getAgentAvailability(epoch, initializeClientState);
        } else {
            initializeClientState();
        }
    }

    /**
     * v2 shouldHideChatButtonOnReset: after a ButtonCreated, UnAuth hides when
     * hideChatButtonOnLoad is set; ExperienceSiteAuth hides for a guest or as UnAuth does;
     * identity-token modes always hide.
     */
    private shouldHideChatButtonOnReset(): boolean {
        if (!this.button) {
            return false;
        }
        const hideOnLoad = this.settings.hideChatButtonOnLoad === true;
        if (this.authMode === 'UnAuth') {
            return hideOnLoad;
        }
        if (this.authMode === 'ExperienceSiteAuth') {
            return this.isGuest() || hideOnLoad;
        }
        return true;
    }

    // ---- the viewer's controls (agent, visitor, page) --------------------------------------

    private currentConversation(): EnhancedConversation | null {
        const win = this.windows[this.windows.length - 1];
        return win?.conversation ?? null;
    }

    /** An agent accepts the chat (Active). */
    agentAccepts(): boolean {
        const conversation = this.currentConversation();
        if (
            !conversation ||
            (conversation.status !== 'Waiting' && conversation.status !== 'Created')
        ) {
            return false;
        }
        this.sessionStatus(conversation, 'Active');
        return true;
    }

    /** The agent ends the chat (Ended); the window stays, showing the ended chat. */
    agentEnds(): boolean {
        const conversation = this.currentConversation();
        if (!conversation || conversation.status === 'Ended' || conversation.status === 'Closed') {
            return false;
        }
        this.sessionStatus(conversation, 'Ended');
        return true;
    }

    /** The visitor closes the chat window: ConversationClosed if it was live, then a reset. */
    visitorCloses(): boolean {
        if (this.windows.length === 0) {
            return false;
        }
        const conversation = this.currentConversation();
        if (conversation && conversation.status !== 'Ended' && conversation.status !== 'Closed') {
            conversation.status = 'Closed';
            this.fire('onEmbeddedMessagingConversationClosed', {
                conversationId: conversation.conversationId
            });
        }
        const epoch = this.epoch;
        this.later(0, () => {
            if (epoch === this.epoch) {
                this.resetClientToInitialState();
            }
        });
        return true;
    }

    /** maximizeIframe / minimizeIframe (v2: handleMaximize / handleMinimize). */
    setMinimized(minimized: boolean): boolean {
        if (this.windows.length === 0 || this.minimized === minimized) {
            return false;
        }
        this.minimized = minimized;
        this.fire(
            minimized ? 'onEmbeddedMessagingWindowMinimized' : 'onEmbeddedMessagingWindowMaximized',
            {}
        );
        return true;
    }

    /**
     * Business hours start or end (businessHoursTimerCallback, then the event). Leaving them
     * hides the button (and v1 stops its availability timer); entering them shows it (v1: once an
     * agent is online when the check applies). v1's timer names the event after the state it
     * was set in, so it fires onEmbeddedMessagingBusinessHoursStarted when they END and
     * …Ended when they START (setupBusinessHoursTimer); v2 names them right.
     */
    setBusinessHours(within: boolean): void {
        this.withinBusinessHours = within;
        if (!this.configLoaded) {
            this.note(`Business hours ${within ? 'open' : 'closed'} at load`);
            return;
        }
        const started = 'onEmbeddedMessagingBusinessHoursStarted';
        const ended = 'onEmbeddedMessagingBusinessHoursEnded';
        if (this.v2) {
            if (within) {
                this.showChatButton();
            } else {
                this.hideChatButton();
            }
            this.fire(within ? started : ended, {});
            return;
        }
        this.clearAgentAvailabilityTimer();
        if (!within) {
            this.hideChatButton();
        } else if (this.isAgentAvailabilityCheckEnabled()) {
            this.getAgentAvailability(this.epoch, () => {
                if (this.withinBusinessHours) {
                    this.showChatButton();
                }
            });
        } else {
            this.showChatButton();
        }
        this.fire(within ? ended : started, {});
    }

    /**
     * The agent-availability endpoint's answer changes. Nothing happens at once: the client
     * learns it at its next request (getAgentAvailability's retry, the availability timer, or
     * a launch).
     */
    setAgentsOnline(online: boolean): void {
        this.agentsOnline = online;
        this.note(
            online
                ? 'An agent comes online (the client learns it at its next availability request)'
                : 'Agents go offline (the client learns it at its next availability request)'
        );
    }

    /** false: the chat iframe stops answering (launchChat and clearSession with a window hang). */
    setIframeResponsive(responsive: boolean): void {
        this.iframeResponsive = responsive;
        this.changed();
    }

    /** v2: the chat frame is removed from the page (removeIframe): launchChat does nothing. */
    setFrameMissing(missing: boolean): void {
        this.frameMissing = missing;
        this.changed();
    }

    /** The visitor clicks the client's own chat button (handleClick, as launchChat does). */
    clickButton(): void {
        this.launchChat().catch((reason: unknown) =>
            this.note(`Button click: ${describe(reason)}`)
        );
    }

    // ---- plumbing ---------------------------------------------------------------------------

    /**
     * After `ms`, while no reset came in between: `then()` when the chat iframe answers its
     * postMessage (v2: the RPC), else `what` stays pending for good.
     */
    private whenIframeAnswers(ms: number, what: string, then: () => void): void {
        const epoch = this.epoch;
        this.later(ms, () => {
            if (epoch !== this.epoch) {
                return;
            }
            if (!this.iframeResponsive) {
                this.note(`The chat iframe does not answer: ${what} stays pending`);
                return;
            }
            then();
        });
    }

    private now(): number {
        return this.options.scheduler.now() - this.started;
    }

    private later(ms: number, fn: () => void): void {
        this.options.scheduler.setTimeout(fn, ms);
    }

    private fire(name: string, detail: unknown): void {
        this.events.push({ name, detail: copy(detail), at: this.now() });
        this.options.dispatch(name, detail);
        this.changed();
    }

    private record(method: string, args: unknown[]): EnhancedCall {
        const call: EnhancedCall = { method, args: copy(args), at: this.now() };
        this.calls.push(call);
        this.changed();
        return call;
    }

    /** Logs a call, runs it, and logs how it answered (a value, a throw, or when it settles). */
    private track<T>(method: string, args: unknown[], run: () => T): T {
        const call = this.record(method, args);
        let result: T;
        try {
            result = run();
        } catch (error) {
            call.answer = `threw ${String(error)}`;
            this.changed();
            throw error;
        }
        if (result instanceof Promise) {
            result.then(
                (value: unknown) => {
                    call.answer = `resolved ${describe(value)}`;
                    this.changed();
                },
                (reason: unknown) => {
                    call.answer = `rejected: ${describe(reason)}`;
                    this.changed();
                }
            );
        } else {
            call.answer = `returned ${describe(result)}`;
        }
        return result;
    }

    private changed(): void {
        for (const listener of this.listeners) {
            listener();
        }
    }
}
