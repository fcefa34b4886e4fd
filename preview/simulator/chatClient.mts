/**
 * A stand-in for Salesforce's Embedded Chat client (snippet 5.0: `embedded_svc` and
 * `embedded_svc.liveAgentAPI`) for the local preview and the browser tests. It behaves as
 * docs/legacy-chat-client.md describes the real script (esw.js, client/liveagent.esw.js, frame/session.esw.js), including its sharp
 * edges, each named after the function it mirrors: handlers can never be removed and are not
 * replayed; `liveAgentAPI` is assigned in the feature script's `onload` and `featureLoaded`
 * fires at once; startChat mutates the attributes it receives and builds
 * `directToAgentRouting` from the top-level keys; every promise resolves `undefined` (outcome
 * texts go only to the client's log, shown in the panel); startChat settles only once the
 * pre-chat form is submitted; clearSession ends the chat first and needs the hidden storage
 * frame, which answers by postMessage, to clear anything.
 *
 * Pure logic, no DOM: the browser boot (boot.mts) installs it on `window`; Node tests drive it
 * with a manual clock. Never deployed.
 */

/** What the real client LOGS when startChat is refused because a chat is under way. */
export const RESTRICTED_MESSAGE =
    'Restricted from starting chat in current state. Chat request will not fire.';

/** What the real client LOGS when clearSession finds no storage frame (nothing is cleared). */
export const IFRAME_MISSING_MESSAGE = 'Salesforce iframe not present on this page.';

/** The storage frame's answer once it deleted all session data (session.esw.js). */
export const DELETED_ALL_MESSAGE = { method: 'session.deletedAllSessionData' } as const;

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
    /** After liveAgentAPI appears, until the storage frame returns the session data. */
    sessionDataMs: number;
    /** After startChat, until the widget opens (afterMaximize). */
    openMs: number;
    /**
     * After startChat, until the pre-chat form is submitted: the start's promise settles
     * (liveagent.initialized), then onChatRequestSuccess + onQueueUpdate.
     */
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
    /** The storage frame is on the page but never answers (third-party storage blocked). */
    storageFrameSilent?: boolean;
    /**
     * The storage frame loads but can never post anything (a content-security policy, an
     * extension, the network): not even the session data, so `hasSessionDataLoaded` stays false,
     * `sessionDataRetrieved` never fires and the settings call is never made.
     */
    storageFrameUnreachable?: boolean;
    /** Posts the storage frame's messages to the page (the browser boot: window.postMessage). */
    postFromStorageFrame?: (data: unknown) => void;
    /**
     * The page's own sessionStorage (the browser boot: window.sessionStorage), where esw.js
     * session.updatePrimary keeps the tab's chat marker; none: the marker is not kept.
     */
    pageStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
    /** esw.js settings.storageDomain (its default: document.domain). */
    storageDomain?: string;
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
    /**
     * The rest of the feature script's `onload` task after `featureLoaded` (esw.js
     * loadFeatureScript: the loader's callback, then processPendingMessages). The browser boot
     * spends the time a real client does there; default: nothing.
     */
    featureTaskWork?: () => void;
}

export type EventHandler = (data: unknown) => unknown;

/** The shape of `window.embedded_svc` the components may use. */
export interface EmbeddedSvc {
    settings: Record<string, unknown>;
    /** False until the storage frame returned the session data (esw.js hasSessionDataLoaded). */
    hasSessionDataLoaded: boolean;
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
    /** The storage frame is there but never answers. */
    storageFrameSilent: boolean;
    /** The storage frame is there but unreachable: not even the session data comes. */
    storageFrameUnreachable: boolean;
    /**
     * The feature script's `onload` task: when `featureLoaded` fired and when the task ended
     * (scheduler time); null until it ran.
     */
    featureTask: { firedAt: number; endedAt: number } | null;
}

export const DEMO_BUTTON_ID = '5735g000000b1Ab';
export const DEMO_DEPLOYMENT_ID = '5725g000000c2Cd';
export const DEMO_AGENT_USER_ID = '0055g00000AgEnT';

export const DEFAULT_DELAYS: SimulatorDelays = {
    liveAgentApiMs: 300,
    // The storage iframe is cross-origin: its answer (esw.js resumeInitWithSessionData) comes
    // well after liveAgentAPI exists; a real frame took about 250 ms in our measurements.
    sessionDataMs: 250,
    settingsMs: 150,
    openMs: 60,
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
    private readonly featureTaskWork: () => void;
    private readonly storageFrameUnreachable: boolean;
    private featureTask: { firedAt: number; endedAt: number } | null = null;

    private loaded = false;
    private agentsAvailable: boolean | undefined;
    private phase: ChatPhase = 'none';
    private widget: WidgetView = 'help-button';
    private queuePosition: number | null = null;
    private sessionKey: string | null = null;
    private sessionCounter = 0;
    private promisesHang = false;
    private storageFrameMissing: boolean;
    private storageFrameSilent: boolean;
    private readonly postFromStorageFrame: (data: unknown) => void;
    private readonly pageStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
    /** The chat the storage frame holds for a continued session, restored once it answers. */
    private readonly restored: RestoredChat | null;
    private availabilityTimer: unknown = null;
    private requestTimer: unknown = null;
    /** Settles the pending startChat promise (liveagent.initialized). */
    private settleStart: (() => void) | null = null;

    constructor(options: SimulatorOptions) {
        this.scheduler = options.scheduler;
        this.delays = { ...DEFAULT_DELAYS, ...(options.delays ?? {}) };
        this.startedAt = this.scheduler.now();
        this.agentsAvailable = 'agentsAvailable' in options ? options.agentsAvailable : true;
        this.continuedSession = options.continuedSession === true;
        this.offlineSupport = options.offlineSupport !== false;
        this.storageFrameMissing = options.storageFrameMissing === true;
        this.storageFrameSilent = options.storageFrameSilent === true;
        this.postFromStorageFrame = options.postFromStorageFrame ?? (() => undefined);
        this.pageStorage = options.pageStorage ?? null;
        this.initialQueuePosition = options.initialQueuePosition ?? 3;
        this.loadFeature = options.loadFeature ?? ((install) => install());
        this.featureTaskWork = options.featureTaskWork ?? (() => undefined);
        this.storageFrameUnreachable = options.storageFrameUnreachable === true;
        this.logError =
            options.logError ??
            ((message, error) => {
                console.error(`[chat simulator] ${message}`, error);
            });
        const restored = this.continuedSession ? (options.restoredChat ?? null) : null;
        this.restored = restored && restored.phase !== 'none' ? restored : null;
        // Session keys go on from the restored one's number (sim-session-<n>).
        this.sessionCounter = Number(/(\d+)$/.exec(restored?.sessionKey ?? '')?.[1] ?? 0);

        const settings = demoSnippetSettings();
        if (!this.storageFrameUnreachable) {
            // Set by the settings call (liveagent.esw.js handleSettings), which only the
            // feature's sessionDataRetrieved handler makes: without the frame's answer it stays
            // unset (esw.js merges the feature's defaults only in preparePageForSidebar).
            settings.agentAvailableOnButtonClick = this.agentsAvailable;
        }
        settings.isOfflineSupportEnabled = this.offlineSupport;
        settings.storageDomain = options.storageDomain ?? 'localhost';
        this.embeddedSvc = {
            settings,
            hasSessionDataLoaded: false,
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
            storageFrameMissing: this.storageFrameMissing,
            storageFrameSilent: this.storageFrameSilent,
            storageFrameUnreachable: this.storageFrameUnreachable,
            featureTask: this.featureTask
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
            // esw.js loadFeatureScript: the feature script's onload (after capture-phase load
            // listeners) sets up liveAgentAPI, then fires featureLoaded('LiveAgent').
            // The rest of that onload runs in the same task: the loader's callback
            // (onFeatureScriptsLoaded: the storage frame, whose answer comes later) and
            // processPendingMessages; no page code runs before it ends.
            this.loadFeature(() => {
                this.embeddedSvc.liveAgentAPI = this.liveAgentApi;
                const firedAt = this.scheduler.now();
                this.fire('featureLoaded', 'LiveAgent');
                this.note('LiveAgent feature loaded: embedded_svc.liveAgentAPI exists');
                if (this.storageFrameUnreachable) {
                    // esw.js resumeInitWithSessionData never runs: hasSessionDataLoaded stays
                    // false, no sessionDataRetrieved, no settings call.
                    this.note('The session storage frame is unreachable: it never answers');
                } else {
                    this.scheduler.setTimeout(
                        () => this.sessionDataRetrieved(),
                        this.delays.sessionDataMs
                    );
                }
                this.featureTaskWork();
                this.featureTask = { firedAt, endedAt: this.scheduler.now() };
            });
        }, this.delays.liveAgentApiMs);
    }

    /**
     * esw.js resumeInitWithSessionData: the storage frame returned the session data. A continued
     * chat (CHASITOR_SERIALIZED_KEY) is restored into the widget, and the settings call is
     * skipped; handlers' return values are reduced (`true` would force a session to continue).
     */
    private sessionDataRetrieved(): void {
        const restored = this.restored;
        const data: Record<string, unknown> = {};
        if (restored) {
            data.CHASITOR_SERIALIZED_KEY = JSON.stringify({
                chasitorData: {
                    chatKey: restored.sessionKey,
                    isChatEstablished: restored.phase === 'active'
                }
            });
            this.phase = restored.phase;
            this.sessionKey = restored.sessionKey;
            this.queuePosition = restored.queuePosition;
            this.widget = 'chat';
        }
        const answers = this.fire('sessionDataRetrieved', data);
        if (restored) {
            this.updatePrimary(true); // the restored chat's frame loads it again (chasitor.load)
        }
        if (answers.includes(true)) {
            this.note(
                'A sessionDataRetrieved handler returned true: the client would force a session'
            );
        }
        this.embeddedSvc.hasSessionDataLoaded = true;
        this.scheduler.setTimeout(() => {
            if (!restored) {
                this.fire('onSettingsCallCompleted', { isAgentAvailable: this.agentsAvailable });
            }
            this.fireAvailability();
            this.scheduleAvailability();
        }, this.delays.settingsMs);
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

    /** liveagent.esw.js LiveAgentAPI.prototype.startChat. */
    private startChat(attributes?: unknown): Promise<unknown> {
        const call = this.record('startChat', [snapshotValue(attributes)]);
        const attrs = attributes === undefined || attributes === null ? {} : attributes;
        if (this.phase === 'waiting' || this.phase === 'active') {
            // The widget's state is waiting or chat: refused; the text goes to the log only.
            this.widget = 'chat';
            call.outcome = `${RESTRICTED_MESSAGE} (logged only)`;
            this.changed();
            return this.settle(call);
        }
        try {
            this.validateStartChatAttributes(attrs);
        } catch (error) {
            // The real script catches and only logs: the caller's promise still resolves.
            call.effective = snapshotValue(attrs);
            call.outcome = `error (logged only): ${(error as Error).message}`;
            this.logError('startChat failed', error);
            this.changed();
            return this.settle(call);
        }
        call.effective = snapshotValue(attrs);
        const opening = this.widget === 'help-button';
        if (this.agentsAvailable !== true) {
            this.widget = this.offlineSupport ? 'offline-form' : 'no-agents';
            call.outcome =
                this.widget === 'offline-form'
                    ? 'agents offline: widget shows the Offline Support form (attributes ignored)'
                    : 'agents offline: widget shows "No agents available"';
            this.changed();
            this.afterOpening(opening);
            // liveagent.esw.js startChat: with the widget's feature rendered and no chat waiting
            // or under way, its promise settles only on the chat frame's liveagent.initialized,
            // which an offline form or a "no agents" dialog never posts: it stays pending.
            return this.settle(call, 'never');
        }
        if (this.phase === 'requesting') {
            call.outcome = 'pre-chat form already open: waits for it as the first call does';
            this.changed();
            return this.settleWithPrechat(call);
        }
        this.phase = 'requesting';
        this.widget = 'chat';
        this.sessionCounter += 1;
        this.sessionKey = `sim-session-${this.sessionCounter}`;
        // The widget opens with the pre-chat form; the promise settles once it is submitted.
        call.outcome = 'chat requested';
        this.changed();
        this.afterOpening(opening);
        const key = this.sessionKey;
        this.requestTimer = this.scheduler.setTimeout(
            () => {
                this.requestTimer = null;
                if (this.phase !== 'requesting' || this.sessionKey !== key) {
                    return;
                }
                // The pre-chat form is submitted: liveagent.initialized settles the start.
                this.settleStart?.();
                this.settleStart = null;
                this.updatePrimary(true); // the chat frame loads the chat (chasitor.load)
                this.phase = 'waiting';
                this.queuePosition = this.initialQueuePosition;
                this.fire('onChatRequestSuccess', { liveAgentSessionKey: key });
                this.fire('onQueueUpdate', {
                    liveAgentSessionKey: key,
                    queuePosition: this.queuePosition
                });
                // The visitor fills the pre-chat form once the widget has opened.
            },
            this.delays.requestMs + (opening ? this.delays.openMs : 0)
        );
        return this.settleWithPrechat(call);
    }

    /** sidebarRenderer: the widget maximizes once its component is created (afterMaximize). */
    private afterOpening(opening: boolean): void {
        if (opening) {
            this.scheduler.setTimeout(
                () => this.fire('afterMaximize', undefined),
                this.delays.openMs
            );
        }
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

    /**
     * liveagent.esw.js LiveAgentAPI.prototype.endChat: settles once the storage frame answers
     * (at once when no widget was rendered); without an answering frame it stays pending.
     */
    private endChat(): Promise<unknown> {
        const call = this.record('endChat', []);
        const hadWidget = this.widget !== 'help-button';
        call.outcome = this.closeChat();
        this.changed();
        if (hadWidget && !this.frameAnswers()) {
            call.outcome += '; the storage frame does not answer: never settles';
            return this.settle(call, 'never');
        }
        this.updatePrimary(false); // liveagent.esw.js endChat, once settled
        return this.settle(call);
    }

    /**
     * esw.js `session.updatePrimary`: the storage frame says whether this tab holds the chat, and
     * the page keeps it in its own sessionStorage (`${storageDomain}MASTER_DEPLOYMENT_ID` = the
     * deployment's ID), where a tab reloaded mid-chat finds it before the frame answers.
     */
    private updatePrimary(isPrimary: boolean): void {
        const { storageDomain, deploymentId } = this.embeddedSvc.settings;
        const key = `${String(storageDomain)}MASTER_DEPLOYMENT_ID`;
        try {
            if (isPrimary) {
                this.pageStorage?.setItem(key, String(deploymentId));
            } else {
                this.pageStorage?.removeItem(key);
            }
        } catch {
            // the page's storage is unavailable: the real client's call throws the same way
        }
    }

    /** endChat's work: ends the chat (if any) and closes the widget; says what it did. */
    private closeChat(): string {
        this.settleStart = null; // the pre-chat form is gone: the start never settles now
        return this.endCurrentChat('onChatEndedByChasitor')
            ? 'chat ended by the visitor'
            : 'no chat: widget closed, no event';
    }

    private frameAnswers(): boolean {
        return (
            !this.storageFrameMissing && !this.storageFrameSilent && !this.storageFrameUnreachable
        );
    }

    /**
     * liveagent.esw.js LiveAgentAPI.prototype.clearSession: endChat first (the log shows it
     * inside this call), then, with the storage frame on the page and LiveAgent enabled, asks the
     * frame to delete all keys and settles when it answers `session.deletedAllSessionData` by
     * postMessage (session.esw.js deleteAllSessionData). Without the frame it settles at once,
     * having cleared nothing. Every outcome text goes to the log only.
     */
    private clearSession(): Promise<unknown> {
        const call = this.record('clearSession', []);
        const hadWidget = this.widget !== 'help-button';
        const ended = `endChat first: ${this.closeChat()}`;
        if (hadWidget && !this.frameAnswers()) {
            call.outcome = `${ended}; endChat never settles (storage frame not answering): nothing cleared`;
            this.changed();
            return this.settle(call, 'never');
        }
        if (this.storageFrameMissing) {
            call.outcome = `${ended}; "${IFRAME_MISSING_MESSAGE}" (logged only): session data NOT cleared`;
            this.changed();
            return this.settle(call);
        }
        const features = this.embeddedSvc.settings.enabledFeatures;
        if (!Array.isArray(features) || !features.includes('LiveAgent')) {
            call.outcome = `${ended}; LiveAgent is not in enabledFeatures (error logged only): session data NOT cleared`;
            this.changed();
            return this.settle(call);
        }
        // liveagent.esw.js clearSession: the tab's marker goes before the frame is asked.
        this.updatePrimary(false);
        if (this.storageFrameSilent || this.storageFrameUnreachable) {
            call.outcome = `${ended}; the storage frame never answers: never settles`;
            this.changed();
            return this.settle(call, 'never');
        }
        this.sessionKey = null;
        call.outcome = `${ended}; session data cleared`;
        this.changed();
        const answer = this.settle(call);
        if (!this.promisesHang) {
            this.postFromStorageFrame(DELETED_ALL_MESSAGE);
        }
        return answer;
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
     * clearSession ends the chat and settles without clearing anything.
     */
    setStorageFrameMissing(value: boolean): void {
        this.storageFrameMissing = value;
        this.note(`Control: session storage frame ${value ? 'missing' : 'present'}`);
    }

    /** The storage frame stays on the page but stops answering (or answers again). */
    setStorageFrameSilent(value: boolean): void {
        this.storageFrameSilent = value;
        this.note(`Control: session storage frame ${value ? 'silent' : 'answering'}`);
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

    /** esw.js fireEvent: calls every handler; returns their return values (for reducers). */
    private fire(name: string, data: unknown): unknown[] {
        const list = [...(this.handlers.get(name.toLowerCase()) ?? [])];
        const answers: unknown[] = [];
        this.events.push({
            name,
            data: snapshotValue(data),
            at: this.elapsed(),
            handlers: list.length
        });
        for (const handler of list) {
            try {
                answers.push(handler(data));
            } catch (error) {
                this.logError(`a handler of ${name} threw`, error);
            }
        }
        this.changed();
        return answers;
    }

    private record(method: string, args: unknown[]): SimulatorCall {
        const call: SimulatorCall = { method, args, at: this.elapsed() };
        this.calls.push(call);
        this.changed();
        return call;
    }

    /**
     * The call's promise: resolves `undefined` (the real client's always do), or never settles
     * (client promises hang, or `never`); logs which.
     */
    private settle(call: SimulatorCall, never: 'never' | null = null): Promise<unknown> {
        if (this.promisesHang || never) {
            call.answer = 'never settles';
            this.changed();
            return new Promise(() => {});
        }
        call.answer = 'resolved undefined';
        this.changed();
        return Promise.resolve(undefined);
    }

    /** Resolves `undefined` once the pre-chat form is submitted (liveagent.initialized). */
    private settleWithPrechat(call: SimulatorCall): Promise<unknown> {
        if (this.promisesHang) {
            return this.settle(call);
        }
        call.answer = 'pending until the pre-chat form is submitted';
        const previous = this.settleStart;
        return new Promise((resolve) => {
            this.settleStart = () => {
                previous?.();
                call.answer = 'resolved undefined';
                this.changed();
                resolve(undefined);
            };
        });
    }

    /** Milliseconds since the simulator started: the clock of every `at` in the log. */
    elapsed(): number {
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
