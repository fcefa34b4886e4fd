/**
 * A stand-in for Salesforce's Embedded Chat client (snippet 5.0: `embedded_svc` and
 * `embedded_svc.liveAgentAPI`) for the local preview and the browser tests. It behaves as
 * docs/legacy-chat-client.md describes the real script, including its sharp edges:
 * handlers can never be removed and are not replayed, startChat mutates the attributes it
 * receives and builds `directToAgentRouting` from the top-level keys, promises never reject
 * (except clearSession when `LiveAgent` is not in `enabledFeatures`), clearSession ends the chat
 * first and needs the client's hidden session-storage iframe to clear anything.
 *
 * Pure logic, no DOM: the browser boot (boot.mts) installs it on `window`; Node tests drive it
 * with a manual clock. Never deployed.
 */

/** The message the real client resolves startChat with when a chat is already under way. */
export const RESTRICTED_MESSAGE =
    'Restricted from starting chat in current state. Chat request will not fire.';

/**
 * The message the real client resolves clearSession with when its hidden session-storage iframe
 * is not on the page (the chat was still ended first).
 */
export const IFRAME_MISSING_MESSAGE = 'iframe not present';

/** Where the simulated chat stands. */
export type ChatPhase =
    /** No chat. */
    | 'none'
    /** startChat accepted, the request is under way (before onChatRequestSuccess). */
    | 'requesting'
    /** Requested, waiting in the queue for an agent. */
    | 'waiting'
    /** An agent accepted: chatting. */
    | 'active';

/** What the simulated widget shows. */
export type WidgetView =
    /** The snippet's help button (widget closed). */
    | 'help-button'
    /** The chat window (request, queue or conversation). */
    | 'chat'
    /** The Offline Support form (agents offline, offline support on). */
    | 'offline-form'
    /** The "No agents available" dialog (agents offline, no offline support). */
    | 'no-agents';

/** One call a component made to the client. `args` are deep copies taken before any mutation. */
export interface SimulatorCall {
    method: string;
    args: unknown[];
    /** Milliseconds since the simulator started. */
    at: number;
    /** For startChat: the attributes after the client's own validation/mutation (deep copy). */
    effective?: unknown;
    /** What the client did with the call, in words (for the log). */
    outcome?: string;
    /**
     * How the call's promise settled, in words: 'resolved undefined', 'resolved "…"',
     * 'rejected: …', or 'never settles' (client promises hang). Unset until it settles.
     */
    answer?: string;
}

/** One event the client fired. */
export interface SimulatorEvent {
    name: string;
    data: unknown;
    at: number;
    /** How many registered handlers received it. */
    handlers: number;
}

/** A note in the log that is neither a call nor an event (script loaded, internal error...). */
export interface SimulatorNote {
    text: string;
    at: number;
}

/** A chat carried over from a previous page (continued session). */
export interface RestoredChat {
    phase: ChatPhase;
    sessionKey: string | null;
    queuePosition: number | null;
}

export interface Scheduler {
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
    now(): number;
}

export interface SimulatorDelays {
    /** After the script loads, until `embedded_svc.liveAgentAPI` appears. */
    liveAgentApiMs: number;
    /** After liveAgentAPI appears, until the settings call completes (onSettingsCallCompleted). */
    settingsMs: number;
    /** After startChat, until onChatRequestSuccess + onQueueUpdate. */
    requestMs: number;
    /** Period of onAvailability (the real script: about 50 s). 0 = only on changes. */
    availabilityIntervalMs: number;
}

export interface SimulatorOptions {
    scheduler: Scheduler;
    /** Agents available for the snippet's button; undefined = no button matched. */
    agentsAvailable?: boolean | undefined;
    /** This page continues an existing chat session: no settings call, only onAvailability. */
    continuedSession?: boolean;
    /** The chat carried over when continuedSession is set. */
    restoredChat?: RestoredChat | null;
    /** Offline Support on in the deployment (agents offline => offline form, else a dialog). */
    offlineSupport?: boolean;
    /**
     * The client's hidden session-storage iframe is missing from the page: clearSession ends
     * the chat, then resolves "iframe not present" without clearing the session data.
     */
    storageFrameMissing?: boolean;
    delays?: Partial<SimulatorDelays>;
    /** Where internal errors go (the real script logs them to the console). */
    logError?: (message: string, error: unknown) => void;
    /** The queue position a new chat starts at. */
    initialQueuePosition?: number;
    /**
     * Loads the LiveAgent feature script and calls `install` when it runs (the browser appends a
     * real <script>, so its load event fires as the real one's does). Default: install at once.
     */
    loadFeature?: (install: () => void) => void;
}

export type EventHandler = (data: unknown) => void;

/** The shape of `window.embedded_svc` the components may use. */
export interface EmbeddedSvc {
    settings: Record<string, unknown>;
    addEventHandler(name: string, handler: EventHandler): void;
    liveAgentAPI?: LiveAgentApi;
}

export interface LiveAgentApi {
    startChat(attributes?: unknown): Promise<unknown>;
    endChat(): Promise<unknown>;
    clearSession(): Promise<unknown>;
}

/** Everything the viewer (the panel, the tests) can read about the simulated client. */
export interface SimulatorSnapshot {
    loaded: boolean;
    liveAgentApiReady: boolean;
    agentsAvailable: boolean | undefined;
    phase: ChatPhase;
    widget: WidgetView;
    queuePosition: number | null;
    sessionKey: string | null;
    promisesHang: boolean;
    /** The hidden session-storage iframe is missing (clearSession cannot clear). */
    storageFrameMissing: boolean;
}

export const DEMO_BUTTON_ID = '5735g000000b1Ab';
export const DEMO_DEPLOYMENT_ID = '5725g000000c2Cd';
export const DEMO_AGENT_USER_ID = '0055g00000AgEnT';

const DEFAULT_DELAYS: SimulatorDelays = {
    liveAgentApiMs: 300,
    settingsMs: 150,
    requestMs: 250,
    availabilityIntervalMs: 50_000
};

/** The snippet's own pre-chat setup (what a site's `embedded_svc.settings` would hold). */
export function demoSnippetSettings(): Record<string, unknown> {
    return {
        displayHelpButton: true,
        language: 'en-US',
        defaultMinimizedText: 'Chat with an expert',
        enabledFeatures: ['LiveAgent'],
        entryFeature: 'LiveAgent',
        buttonId: DEMO_BUTTON_ID,
        deploymentId: DEMO_DEPLOYMENT_ID,
        eswLiveAgentDevName: 'Preview_Chat_Agents',
        isOfflineSupportEnabled: true,
        prepopulatedPrechatFields: {
            Subject: 'Question from the preview site'
        },
        extraPrechatInfo: [
            {
                entityName: 'Contact',
                showOnCreate: true,
                saveToTranscript: 'ContactId',
                entityFieldMaps: [
                    {
                        fieldName: 'Email',
                        label: 'Email',
                        doCreate: false,
                        doFind: true,
                        isExactMatch: true
                    }
                ]
            }
        ],
        extraPrechatFormDetails: [
            {
                label: 'Site page',
                value: 'Preview home',
                displayToAgent: true,
                transcriptFields: ['Site_Page__c']
            }
        ]
    };
}

/**
 * A deep copy made for the log: plain data as is, functions as '[Function name]', class
 * instances and cycles described, so that a later mutation never changes what was logged.
 */
export function snapshotValue(value: unknown, seen: unknown[] = []): unknown {
    if (typeof value === 'function') {
        return `[Function ${(value as { name?: string }).name || 'anonymous'}]`;
    }
    if (value === null || typeof value !== 'object') {
        return value;
    }
    if (seen.includes(value)) {
        return '[Circular]';
    }
    const nextSeen = [...seen, value];
    if (Array.isArray(value)) {
        return value.map((item) => snapshotValue(item, nextSeen));
    }
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
        copy[key] = snapshotValue((value as Record<string, unknown>)[key], nextSeen);
    }
    return copy;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The simulated client and the controls the viewer uses. */
export class ChatClientSimulator {
    readonly calls: SimulatorCall[] = [];
    readonly events: SimulatorEvent[] = [];
    readonly notes: SimulatorNote[] = [];
    readonly embeddedSvc: EmbeddedSvc;

    private readonly scheduler: Scheduler;
    private readonly delays: SimulatorDelays;
    private readonly startedAt: number;
    private readonly handlers = new Map<string, EventHandler[]>();
    private readonly listeners: (() => void)[] = [];
    private readonly logError: (message: string, error: unknown) => void;
    private readonly continuedSession: boolean;
    private readonly offlineSupport: boolean;
    private readonly initialQueuePosition: number;
    private readonly liveAgentApi: LiveAgentApi;
    private readonly loadFeature: (install: () => void) => void;

    private loaded = false;
    private agentsAvailable: boolean | undefined;
    private phase: ChatPhase = 'none';
    private widget: WidgetView = 'help-button';
    private queuePosition: number | null = null;
    private sessionKey: string | null = null;
    private sessionCounter = 0;
    private promisesHang = false;
    private storageFrameMissing: boolean;
    private availabilityTimer: unknown = null;
    private requestTimer: unknown = null;

    constructor(options: SimulatorOptions) {
        this.scheduler = options.scheduler;
        this.delays = { ...DEFAULT_DELAYS, ...(options.delays ?? {}) };
        this.startedAt = this.scheduler.now();
        this.agentsAvailable = 'agentsAvailable' in options ? options.agentsAvailable : true;
        this.continuedSession = options.continuedSession === true;
        this.offlineSupport = options.offlineSupport !== false;
        this.storageFrameMissing = options.storageFrameMissing === true;
        this.initialQueuePosition = options.initialQueuePosition ?? 3;
        this.loadFeature = options.loadFeature ?? ((install) => install());
        this.logError =
            options.logError ??
            ((message, error) => {
                console.error(`[chat simulator] ${message}`, error);
            });
        const restored = this.continuedSession ? options.restoredChat : null;
        if (restored && restored.phase !== 'none') {
            this.phase = restored.phase;
            this.sessionKey = restored.sessionKey;
            this.queuePosition = restored.queuePosition;
            this.widget = 'chat';
        }
        // Session keys go on from the restored one's number (sim-session-<n>).
        this.sessionCounter = Number(/(\d+)$/.exec(restored?.sessionKey ?? '')?.[1] ?? 0);

        const settings = demoSnippetSettings();
        settings.agentAvailableOnButtonClick = this.agentsAvailable;
        settings.isOfflineSupportEnabled = this.offlineSupport;
        this.embeddedSvc = {
            settings,
            addEventHandler: (name: string, handler: EventHandler) => {
                this.addEventHandler(name, handler);
            }
        };
        this.liveAgentApi = {
            startChat: (attributes?: unknown) => this.startChat(attributes),
            endChat: () => this.endChat(),
            clearSession: () => this.clearSession()
        };
    }

    // ----- what the viewer reads -------------------------------------------------------------

    snapshot(): SimulatorSnapshot {
        return {
            loaded: this.loaded,
            liveAgentApiReady: this.embeddedSvc.liveAgentAPI !== undefined,
            agentsAvailable: this.agentsAvailable,
            phase: this.phase,
            widget: this.widget,
            queuePosition: this.queuePosition,
            sessionKey: this.sessionKey,
            promisesHang: this.promisesHang,
            storageFrameMissing: this.storageFrameMissing
        };
    }

    /** The chat to carry over to a continued session. */
    chatToRestore(): RestoredChat {
        return {
            phase: this.phase,
            sessionKey: this.sessionKey,
            queuePosition: this.queuePosition
        };
    }

    /** Calls `listener` after every change (call, event, note or control). */
    subscribe(listener: () => void): void {
        this.listeners.push(listener);
    }

    /** The handler names registered so far (lower case), with their counts. */
    registeredHandlers(): Record<string, number> {
        const result: Record<string, number> = {};
        for (const [name, list] of this.handlers) {
            result[name] = list.length;
        }
        return result;
    }

    // ----- page life ---------------------------------------------------------------------------

    /**
     * The script has loaded (`embedded_svc` exists now). Schedules the LiveAgent feature script
     * (liveAgentAPI), then the settings call (not on a continued session) and availability.
     */
    load(): void {
        if (this.loaded) {
            return;
        }
        this.loaded = true;
        this.note(
            this.continuedSession
                ? 'Chat script loaded (continued session: no settings call)'
                : 'Chat script loaded: embedded_svc exists'
        );
        this.scheduler.setTimeout(() => {
            this.loadFeature(() => {
                this.embeddedSvc.liveAgentAPI = this.liveAgentApi;
                this.note('LiveAgent feature loaded: embedded_svc.liveAgentAPI exists');
                this.scheduler.setTimeout(() => {
                    if (!this.continuedSession) {
                        this.fire('onSettingsCallCompleted', {
                            isAgentAvailable: this.agentsAvailable
                        });
                    }
                    this.fireAvailability();
                    this.scheduleAvailability();
                }, this.delays.settingsMs);
            });
        }, this.delays.liveAgentApiMs);
    }

    // ----- the client API ----------------------------------------------------------------------

    private addEventHandler(name: unknown, handler: unknown): void {
        this.record('addEventHandler', [snapshotValue(name), snapshotValue(handler)]);
        if (typeof name !== 'string' || typeof handler !== 'function') {
            this.logError('addEventHandler needs a name and a function', { name });
            return;
        }
        const key = name.toLowerCase();
        const list = this.handlers.get(key) ?? [];
        list.push(handler as EventHandler);
        this.handlers.set(key, list);
        this.changed();
    }

    private startChat(attributes?: unknown): Promise<unknown> {
        const call = this.record('startChat', [snapshotValue(attributes)]);
        const attrs = attributes === undefined || attributes === null ? {} : attributes;
        try {
            this.validateStartChatAttributes(attrs);
        } catch (error) {
            // The real script catches and only logs: the caller's promise still resolves.
            call.effective = snapshotValue(attrs);
            call.outcome = `error (logged only): ${(error as Error).message}`;
            this.logError('startChat failed', error);
            this.changed();
            return this.settle(call, undefined);
        }
        call.effective = snapshotValue(attrs);
        if (this.phase !== 'none') {
            this.widget = 'chat';
            call.outcome = 'restricted: a chat is already waiting or active';
            this.changed();
            return this.settle(call, RESTRICTED_MESSAGE);
        }
        if (this.agentsAvailable !== true) {
            this.widget = this.offlineSupport ? 'offline-form' : 'no-agents';
            call.outcome =
                this.widget === 'offline-form'
                    ? 'agents offline: widget shows the Offline Support form (attributes ignored)'
                    : 'agents offline: widget shows "No agents available"';
            this.changed();
            return this.settle(call, undefined);
        }
        this.phase = 'requesting';
        this.widget = 'chat';
        this.sessionCounter += 1;
        this.sessionKey = `sim-session-${this.sessionCounter}`;
        call.outcome = 'chat requested';
        this.changed();
        const key = this.sessionKey;
        this.requestTimer = this.scheduler.setTimeout(() => {
            this.requestTimer = null;
            if (this.phase !== 'requesting' || this.sessionKey !== key) {
                return;
            }
            this.phase = 'waiting';
            this.queuePosition = this.initialQueuePosition;
            this.fire('onChatRequestSuccess', { liveAgentSessionKey: key });
            this.fire('onQueueUpdate', {
                liveAgentSessionKey: key,
                queuePosition: this.queuePosition
            });
        }, this.delays.requestMs);
        return this.settle(call, undefined);
    }

    /**
     * Mirrors the real script's validateStartChatAttributes: routing built from the TOP-LEVEL
     * keys, overwriting a nested directToAgentRouting; kinds checked; the object is mutated.
     */
    private validateStartChatAttributes(attrs: unknown): void {
        if (!isPlainObject(attrs)) {
            throw new TypeError('startChat attributes must be an object');
        }
        if ('directToAgentRouting' in attrs) {
            const buttonId = attrs.buttonId;
            if (typeof buttonId !== 'string' || buttonId.trim() === '') {
                throw new TypeError(
                    'directToAgentRouting needs a top-level buttonId string (the nested one is ignored)'
                );
            }
            const routing: Record<string, unknown> = { buttonId };
            if (attrs.userId !== undefined) {
                routing.userId = attrs.userId;
            }
            routing.fallback = attrs.fallback === undefined ? false : attrs.fallback;
            attrs.directToAgentRouting = routing;
        }
        if (
            'prepopulatedPrechatFields' in attrs &&
            !isPlainObject(attrs.prepopulatedPrechatFields)
        ) {
            throw new TypeError('prepopulatedPrechatFields must be an object');
        }
        for (const key of ['extraPrechatInfo', 'extraPrechatFormDetails', 'fallbackRouting']) {
            if (key in attrs && !Array.isArray(attrs[key])) {
                throw new TypeError(`${key} must be an array`);
            }
        }
        if ('directToButtonRouting' in attrs && typeof attrs.directToButtonRouting !== 'function') {
            delete attrs.directToButtonRouting;
        }
    }

    private endChat(): Promise<unknown> {
        const call = this.record('endChat', []);
        call.outcome = this.closeChat();
        this.changed();
        return this.settle(call, undefined);
    }

    /** endChat's work: ends the chat (if any) and closes the widget; says what it did. */
    private closeChat(): string {
        return this.endCurrentChat('onChatEndedByChasitor')
            ? 'chat ended by the visitor'
            : 'no chat: widget closed, no event';
    }

    /**
     * As the real script: rejects when LiveAgent is not in `settings.enabledFeatures`; else
     * calls endChat first (the log shows it inside this call, not as a component's call), then
     * clears the session data through its hidden iframe, or, when that iframe is missing,
     * resolves "iframe not present" and leaves the data in place.
     */
    private clearSession(): Promise<unknown> {
        const call = this.record('clearSession', []);
        const features = this.embeddedSvc.settings.enabledFeatures;
        if (!Array.isArray(features) || !features.includes('LiveAgent')) {
            call.outcome = 'LiveAgent is not in enabledFeatures: nothing ended or cleared';
            this.changed();
            return this.settle(
                call,
                new Error('clearSession needs LiveAgent in embedded_svc.settings.enabledFeatures'),
                true
            );
        }
        const ended = `endChat first: ${this.closeChat()}`;
        if (this.storageFrameMissing) {
            call.outcome = `${ended}; session storage iframe missing: session data NOT cleared`;
            this.changed();
            return this.settle(call, IFRAME_MISSING_MESSAGE);
        }
        this.sessionKey = null;
        call.outcome = `${ended}; session data cleared`;
        this.changed();
        return this.settle(call, undefined);
    }

    // ----- controls for the viewer -----------------------------------------------------------

    /** Agents come online / go offline (or undefined: no button matched); fires onAvailability. */
    setAgentsAvailable(value: boolean | undefined): void {
        this.agentsAvailable = value;
        this.embeddedSvc.settings.agentAvailableOnButtonClick = value;
        this.note(
            `Control: agents ${value === undefined ? 'unknown' : value ? 'online' : 'offline'}`
        );
        if (this.loaded && this.embeddedSvc.liveAgentAPI) {
            this.fireAvailability();
        } else {
            this.changed();
        }
    }

    /** An agent accepts the waiting chat. */
    acceptChat(): boolean {
        if (this.phase !== 'waiting') {
            this.note('Control: no chat waiting in the queue');
            return false;
        }
        this.phase = 'active';
        this.queuePosition = null;
        this.fire('onChatEstablished', { liveAgentSessionKey: this.sessionKey });
        return true;
    }

    /** The waiting chat moves up the queue by one. */
    advanceQueue(): boolean {
        if (this.phase !== 'waiting') {
            this.note('Control: no chat waiting in the queue');
            return false;
        }
        this.queuePosition = Math.max(1, (this.queuePosition ?? 1) - 1);
        this.fire('onQueueUpdate', {
            liveAgentSessionKey: this.sessionKey,
            queuePosition: this.queuePosition
        });
        return true;
    }

    /** The agent ends the chat. */
    agentEndsChat(): boolean {
        const ended = this.endCurrentChat('onChatEndedByAgent');
        if (!ended) {
            this.note('Control: no chat to end');
        }
        return ended;
    }

    /** The visitor was idle too long. */
    idleTimeout(): boolean {
        const ended = this.phase === 'active' && this.endCurrentChat('onIdleTimeoutOccurred');
        if (!ended) {
            this.note('Control: idle timeout needs an active chat');
        }
        return ended;
    }

    /** From now on, startChat/endChat/clearSession promises never settle (a real widget state). */
    setPromisesHang(value: boolean): void {
        this.promisesHang = value;
        this.note(`Control: client promises ${value ? 'never settle' : 'settle'}`);
    }

    /**
     * The client's hidden session-storage iframe goes missing (or comes back): while missing,
     * clearSession ends the chat and resolves "iframe not present" without clearing.
     */
    setStorageFrameMissing(value: boolean): void {
        this.storageFrameMissing = value;
        this.note(`Control: session storage frame ${value ? 'missing' : 'present'}`);
    }

    /** Stops the periodic availability timer (page unload, tests). */
    dispose(): void {
        if (this.availabilityTimer !== null) {
            this.scheduler.clearTimeout(this.availabilityTimer);
            this.availabilityTimer = null;
        }
        if (this.requestTimer !== null) {
            this.scheduler.clearTimeout(this.requestTimer);
            this.requestTimer = null;
        }
    }

    // ----- internals ---------------------------------------------------------------------------

    note(text: string): void {
        this.notes.push({ text, at: this.elapsed() });
        this.changed();
    }

    private endCurrentChat(eventName: string): boolean {
        const key = this.sessionKey;
        const hadChat = this.phase !== 'none';
        if (this.requestTimer !== null) {
            this.scheduler.clearTimeout(this.requestTimer);
            this.requestTimer = null;
        }
        this.phase = 'none';
        this.queuePosition = null;
        this.widget = 'help-button';
        if (hadChat) {
            this.fire(eventName, { liveAgentSessionKey: key });
        }
        return hadChat;
    }

    private fireAvailability(): void {
        this.fire('onAvailability', {
            isAgentAvailable: this.agentsAvailable,
            id: this.embeddedSvc.settings.buttonId
        });
    }

    private scheduleAvailability(): void {
        if (this.delays.availabilityIntervalMs <= 0) {
            return;
        }
        this.availabilityTimer = this.scheduler.setTimeout(() => {
            this.fireAvailability();
            this.scheduleAvailability();
        }, this.delays.availabilityIntervalMs);
    }

    private fire(name: string, data: unknown): void {
        const list = [...(this.handlers.get(name.toLowerCase()) ?? [])];
        this.events.push({
            name,
            data: snapshotValue(data),
            at: this.elapsed(),
            handlers: list.length
        });
        for (const handler of list) {
            try {
                handler(data);
            } catch (error) {
                this.logError(`a handler of ${name} threw`, error);
            }
        }
        this.changed();
    }

    private record(method: string, args: unknown[]): SimulatorCall {
        const call: SimulatorCall = { method, args, at: this.elapsed() };
        this.calls.push(call);
        this.changed();
        return call;
    }

    /** The call's promise: resolves (or rejects) with `value`, or never settles; logs which. */
    private settle(call: SimulatorCall, value: unknown, reject = false): Promise<unknown> {
        if (this.promisesHang) {
            call.answer = 'never settles';
            this.changed();
            return new Promise(() => {});
        }
        call.answer = reject
            ? `rejected: ${value instanceof Error ? value.message : JSON.stringify(value)}`
            : `resolved ${value === undefined ? 'undefined' : JSON.stringify(value)}`;
        this.changed();
        return reject ? Promise.reject(value) : Promise.resolve(value);
    }

    private elapsed(): number {
        return this.scheduler.now() - this.startedAt;
    }

    private changed(): void {
        for (const listener of this.listeners) {
            try {
                listener();
            } catch (error) {
                this.logError('a simulator listener threw', error);
            }
        }
    }
}
