/**
 * A stand-in for Salesforce's Enhanced Chat page client (`window.embeddedservice_bootstrap`:
 * Messaging for In-App and Web, v1 `bootstrap.js`; v2 Proxy host `init.js`) for the local preview
 * and the browser tests. It keeps the real client's sharp edges, each naming the client function
 * it mirrors (public copy: ESW1234/esw1234.github.io `godwin/assets/js/bootstrap.js`):
 * the API objects appear only just before Ready (v1), Ready fires again after every reset, the
 * button comes after Ready and `launchChat()` rejects with a string without it, there is no
 * duplicate guard, invalid hidden fields are dropped silently, hidden fields are read when the
 * conversation is created and wiped by every reset, and after an ended chat `launchChat()` only
 * re-shows the window.
 *
 * Pure logic, no DOM: the browser boot (enhancedBoot.mts) installs it on `window` and draws its
 * chat window; Node tests drive it with a manual clock. Never deployed.
 */

export type EnhancedVersion = 'v1' | 'v2';
export type SessionStatus = 'Waiting' | 'Active' | 'Ended';

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

export interface EnhancedDelays {
    /** init → Ready (config, business hours, CSS: the Promise.all in init). */
    readyMs: number;
    /** After a reset: Ready → ButtonCreated (initializeClientState, after agent availability). */
    buttonMs: number;
    /** launch → chat window loaded (createIframe → onEmbeddedMessagingInitSuccess). */
    iframeMs: number;
    /** window loaded → conversation created (access token, createNewConversation). */
    conversationMs: number;
    /** conversation created → routed to the queue (Waiting). */
    routeMs: number;
    /** clearSession with a window: until the chat iframe answers. */
    iframeAnswerMs: number;
}

export const DEFAULT_DELAYS: EnhancedDelays = {
    readyMs: 300,
    buttonMs: 60,
    iframeMs: 250,
    conversationMs: 350,
    routeMs: 300,
    iframeAnswerMs: 150
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

export interface EnhancedSimulatorOptions {
    scheduler: EnhancedScheduler;
    /** dispatchEventToHost: the browser boot dispatches a CustomEvent on window. */
    dispatch: (name: string, detail: unknown) => void;
    version?: EnhancedVersion;
    hiddenFields?: DeclaredField[];
    visibleFields?: DeclaredField[];
    /** The deployment shows a visible pre-chat form: the conversation is created at submit. */
    prechatForm?: boolean;
    /** What removeAllComponents does last: `delete window.embeddedservice_bootstrap`. */
    removeGlobal?: () => void;
    /** A conversation from before a page reload (the client keeps its session in web storage). */
    restored?: EnhancedConversation | null;
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
    /** The API objects are on the global (v1: from the first Ready). */
    apiObjects: boolean;
    readyFired: boolean;
    readyCount: number;
    button: 'Show' | null;
    windows: ChatWindow[];
    minimized: boolean;
    /** The hidden fields the client holds now (sent with the next conversation). */
    hiddenFields: Record<string, string>;
    visibleValues: Record<string, string>;
    conversations: EnhancedConversation[];
    withinBusinessHours: boolean;
    iframeResponsive: boolean;
    prechatForm: boolean;
}

export const NOT_READY_MESSAGE =
    '[Launch Chat API] Can not invoke API before the onEmbeddedMessagingReady event is fired.';
export const NO_BUTTON_MESSAGE =
    '[Launch Chat API] Default chat button is not present. Check if the messaging client initialized successfully.';
export const CLEAR_NOT_READY_MESSAGE =
    'Method can not be invoked before the onEmbeddedMessagingReady event is fired.';
const SUCCESS_MESSAGE = '[Launch Chat API] Successfully initialized the messaging client.';
const MAXIMIZED_MESSAGE = '[Launch Chat API] Successfully maximized the messaging client.';
const PRESENT_MESSAGE =
    '[Launch Chat API] The messaging client window is already present and maximized.';

function copy<T>(value: T): T {
    try {
        return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
    } catch {
        return value;
    }
}

function describe(value: unknown): string {
    return value === undefined ? 'undefined' : JSON.stringify(value);
}

type Fn = (...args: unknown[]) => unknown;

export class EnhancedClientSimulator {
    readonly calls: EnhancedCall[] = [];
    readonly events: EnhancedEvent[] = [];
    readonly notes: EnhancedNote[] = [];
    /** The object the page sees as `window.embeddedservice_bootstrap`. */
    readonly global: Record<string, unknown>;
    private readonly options: Required<Omit<EnhancedSimulatorOptions, 'delays'>>;
    private readonly delays: EnhancedDelays;
    private readonly started: number;
    private readonly listeners = new Set<() => void>();
    private readonly apis: Record<
        'utilAPI' | 'prechatAPI' | 'userVerificationAPI',
        Record<string, Fn>
    >;
    private initialized = false;
    private apiObjects = false;
    private readyFired = false;
    private readyCount = 0;
    private button: 'Show' | null = null;
    private windows: ChatWindow[] = [];
    private minimized = false;
    private hiddenFields: Record<string, string> = {};
    private visibleValues: Record<string, string> = {};
    private conversations: EnhancedConversation[] = [];
    private withinBusinessHours = true;
    private iframeResponsive = true;
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
            removeGlobal: options.removeGlobal ?? (() => undefined),
            restored: options.restored ?? null
        };
        this.delays = { ...DEFAULT_DELAYS, ...(options.delays ?? {}) };
        this.started = options.scheduler.now();
        this.apis = this.buildApis();
        const base: Record<string, unknown> = {
            settings: { devMode: false },
            init: (...args: unknown[]) => this.init(args)
        };
        if (this.options.version === 'v2') {
            // init.js: the global and its sub-APIs are Proxies with only a `get` trap, so `in`
            // answers false for real methods and unknown properties are undefined.
            const impl: Record<string, unknown> = { ...base };
            for (const [name, api] of Object.entries(this.apis)) {
                impl[name] = this.proxy(api, name);
            }
            this.apiObjects = true;
            this.global = this.proxy(impl, 'embeddedservice_bootstrap');
        } else {
            this.global = base;
        }
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
            prechatForm: this.options.prechatForm
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
     * EmbeddedServiceBootstrap.prototype.init: works once (a second call only logs), then waits
     * for config, business hours and CSS before initializeFeatureObjects + Ready, then the button.
     * (`readyMs` covers that wait.)
     */
    private init(args: unknown[]): void {
        this.record('init', args).answer = 'returned undefined';
        if (this.initialized) {
            this.note('init: attempted to initialize bootstrap multiple times (ignored)');
            return;
        }
        this.initialized = true;
        this.later(this.delays.readyMs, () => {
            this.attachApis();
            this.emitReady();
            // Then, in the same task, generateMarkup (or handleExistingSession): a Ready listener
            // still finds no button, so a launchChat() from it rejects.
            this.generateMarkup();
            if (this.options.restored) {
                this.bootstrapExistingSession(this.options.restored);
            }
        });
    }

    /**
     * handleExistingSession → bootstrapExistingSession: a session in web storage reopens its
     * window; the iframe relays ConversationOpened, but no ConversationStarted and no status.
     */
    private bootstrapExistingSession(restored: EnhancedConversation): void {
        const conversation = copy(restored);
        this.conversations.push(conversation);
        const win: ChatWindow = { id: this.nextWindow++, view: 'conversation', conversation };
        this.windows.push(win);
        this.note(`Session restored from web storage (conversation ${conversation.status})`);
        const epoch = this.epoch;
        this.later(this.delays.iframeMs, () => {
            if (epoch === this.epoch) {
                this.fire('onEmbeddedMessagingConversationOpened', {});
            }
        });
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

    /** generateMarkup → onEmbeddedMessagingButtonCreated { buttonVisibility }. */
    private generateMarkup(): void {
        if (this.button) {
            return;
        }
        this.button = 'Show';
        this.fire('onEmbeddedMessagingButtonCreated', { buttonVisibility: 'Show' });
    }

    // ---- the API objects --------------------------------------------------------------------

    private buildApis(): Record<
        'utilAPI' | 'prechatAPI' | 'userVerificationAPI',
        Record<string, Fn>
    > {
        const v2 = this.options.version === 'v2';
        const utilAPI: Record<string, Fn> = {
            launchChat: (...args) => this.track('launchChat', args, () => this.launchChat()),
            showChatButton: (...args) =>
                this.track('showChatButton', args, () => this.readyFired && this.button !== null),
            hideChatButton: (...args) =>
                this.track(
                    'hideChatButton',
                    args,
                    () => this.readyFired && this.button !== null && this.windows.length === 0
                )
        };
        if (!v2) {
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

    private proxy(impl: Record<string, unknown>, path: string): Record<string, unknown> {
        return new Proxy({} as Record<string, unknown>, {
            get: (_target, prop) => {
                if (typeof prop === 'string' && Object.prototype.hasOwnProperty.call(impl, prop)) {
                    return impl[prop];
                }
                if (typeof prop === 'string' && prop !== 'then' && prop !== 'toJSON') {
                    this.note(`Property '${path}.${prop}' is not implemented (v2 Proxy)`);
                }
                return undefined;
            }
        });
    }

    /**
     * validatePrechatField + setHiddenPrechatFields: each entry checked on its own (declared name,
     * no script, within maxLength, a string); invalid ones are dropped with only a log line.
     */
    private setHiddenPrechatFields(fields: unknown): boolean | undefined {
        const v2 = this.options.version === 'v2';
        if (!this.readyFired || !fields || typeof fields !== 'object') {
            return v2 ? false : undefined;
        }
        let all = true;
        for (const [name, value] of Object.entries(fields as Record<string, unknown>)) {
            const problem = this.fieldProblem(this.options.hiddenFields, name, value);
            if (problem === null && typeof value === 'string') {
                this.hiddenFields[name] = value;
            } else {
                all = false;
                this.note(`setHiddenPrechatFields dropped ${name}: ${problem ?? 'not a string'}`);
            }
        }
        return v2 ? all : undefined;
    }

    /** setVisiblePrechatFields: `{ name: { value, isEditableByEndUser } }`, reads `.value` unchecked. */
    private setVisiblePrechatFields(fields: unknown): void {
        if (!this.readyFired || !fields || typeof fields !== 'object' || Array.isArray(fields)) {
            return;
        }
        for (const [name, data] of Object.entries(fields as Record<string, { value: unknown }>)) {
            const value = data.value;
            const problem = this.fieldProblem(this.options.visibleFields, name, value);
            if (problem === null) {
                this.visibleValues[name] = String(value ?? '');
            } else {
                this.note(`setVisiblePrechatFields dropped ${name}: ${problem}`);
            }
        }
    }

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
     * EmbeddedMessagingUtil.launchChat: a string rejection before Ready or without the button; a
     * window already there is only maximized or left as it is (after an ended chat too);
     * otherwise handleClick makes a NEW window, with no guard against a launch under way.
     */
    private launchChat(): Promise<string | undefined> {
        const v2 = this.options.version === 'v2';
        if (!this.readyFired) {
            return Promise.reject(NOT_READY_MESSAGE);
        }
        if (!this.button) {
            return Promise.reject(NO_BUTTON_MESSAGE);
        }
        if (this.windows.length > 0) {
            if (this.minimized) {
                this.setMinimized(false);
                return Promise.resolve(v2 ? undefined : MAXIMIZED_MESSAGE);
            }
            return Promise.resolve(v2 ? undefined : PRESENT_MESSAGE);
        }
        return new Promise((resolve) => {
            const epoch = this.epoch;
            // handleClick: the iframe appears once the agent-availability promise settles.
            this.later(0, () => {
                if (epoch !== this.epoch) {
                    return;
                }
                const win: ChatWindow = {
                    id: this.nextWindow++,
                    view: 'loading',
                    conversation: null
                };
                this.windows.push(win);
                this.minimized = false;
                this.changed();
                this.later(this.delays.iframeMs, () => this.windowLoaded(win, epoch, resolve));
            });
        });
    }

    /** handleAfterAppLoad → onEmbeddedMessagingInitSuccess; then the form or the conversation. */
    private windowLoaded(
        win: ChatWindow,
        epoch: number,
        resolve: (v: string | undefined) => void
    ): void {
        if (epoch !== this.epoch) {
            return;
        }
        if (!this.iframeResponsive) {
            this.note('The chat iframe does not answer: launchChat stays pending');
            return;
        }
        this.fire('onEmbeddedMessagingInitSuccess', {});
        this.fire('onEmbeddedMessagingWindowMaximized', {});
        resolve(this.options.version === 'v2' ? undefined : SUCCESS_MESSAGE);
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
     * userVerificationAPI.clearSession: one resolver slot (a later call orphans an earlier one);
     * a string rejection before the first Ready; with a window the iframe answers first
     * (handleClearUserSession), without one the reset runs at once (Ready inside the call).
     */
    private clearSession(): Promise<void> {
        return new Promise((resolve, reject) => {
            this.clearResolve = resolve;
            if (!this.readyFired) {
                reject(CLEAR_NOT_READY_MESSAGE);
                return;
            }
            if (this.windows.length > 0) {
                const epoch = this.epoch;
                this.later(this.delays.iframeAnswerMs, () => {
                    if (epoch !== this.epoch) {
                        return;
                    }
                    if (this.iframeResponsive) {
                        this.resetClientToInitialState();
                    } else {
                        this.note('The chat iframe does not answer: clearSession stays pending');
                    }
                });
                return;
            }
            this.resetClientToInitialState();
        });
    }

    /**
     * resetClientToInitialState: wipes in-memory data (hidden fields, pre-filled values),
     * removeMarkup re-emits Ready at once, then initializeClientState regenerates the button
     * (ButtonCreated) and resolves the pending clearSession.
     */
    private resetClientToInitialState(): void {
        this.epoch += 1;
        const epoch = this.epoch;
        for (const win of this.windows) {
            if (win.conversation && win.conversation.status !== 'Ended') {
                win.conversation.status = 'Closed';
            }
        }
        this.windows = [];
        this.minimized = false;
        this.hiddenFields = {};
        this.visibleValues = {};
        this.button = null;
        this.emitReady();
        this.later(this.delays.buttonMs, () => {
            if (epoch !== this.epoch) {
                return;
            }
            this.generateMarkup();
            const resolve = this.clearResolve;
            this.clearResolve = null;
            resolve?.();
        });
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

    /** maximizeIframe / minimizeIframe. */
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

    /** Business hours start or end. */
    setBusinessHours(within: boolean): void {
        this.withinBusinessHours = within;
        this.fire(
            within
                ? 'onEmbeddedMessagingBusinessHoursStarted'
                : 'onEmbeddedMessagingBusinessHoursEnded',
            {}
        );
    }

    /** false: the chat iframe stops answering (launchChat and clearSession with a window hang). */
    setIframeResponsive(responsive: boolean): void {
        this.iframeResponsive = responsive;
        this.changed();
    }

    /** The visitor clicks the client's own chat button (handleClick, as launchChat does). */
    clickButton(): void {
        this.launchChat().catch((reason: unknown) => this.note(`Button click: ${String(reason)}`));
    }

    // ---- plumbing ---------------------------------------------------------------------------

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
