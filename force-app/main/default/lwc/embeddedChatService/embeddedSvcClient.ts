/**
 * The legacy Embedded Chat adapter (snippet 5.0): the only code in the package that reads
 * `window.embedded_svc`. Facts it relies on (docs/legacy-chat-client.md):
 * - `embedded_svc` exists as soon as esw.min.js runs, with `addEventHandler`; `liveAgentAPI` is
 *   assigned later, in the `onload` property of the LiveAgent feature script, which fires the
 *   client event `featureLoaded` right after (the readiness signal).
 * - Handlers can't be removed and events are not replayed: they are registered once per client
 *   object, as early as possible. Names are case-insensitive.
 * - startChat/endChat/clearSession promises never reject and resolve `undefined`; outcomes are
 *   read from events and from the page (the widget's state classes, the storage frame's answer).
 * - A continued chat shows as the event `sessionDataRetrieved` carrying CHASITOR_SERIALIZED_KEY
 *   (its handlers' return values are reduced by the client: ours returns undefined), and, once
 *   restored, as the widget's state classes. Until the storage frame sends that data, the page
 *   knows of a chat only through the tab's marker (`restoring`).
 */
import { debug } from './debugLog';
import { buildStartChatAttributes, type SnippetSettings } from './startChatAttributes';
import { isObject, readField } from './values';
import { SESSION_WAIT_MS } from './sessionWait';
import type {
    ChatClient,
    ChatSignal,
    ClearCall,
    ClientProbe,
    ContinuedChat,
    SignalSink
} from './chatClient';
import type { RoutingConfig } from './chatTypes';

/** Events that mean an agent (or bot) is talking with the visitor. */
const CHATTING_EVENTS = [
    'onChatEstablished',
    'onAgentMessage',
    'onAgentRichMessage',
    'onChasitorMessage',
    'onChatTransferInitiated',
    'onChatTransferSuccessful',
    'onChatConferenceInitiated',
    'onAgentJoinedConference',
    'onAgentLeftConference',
    'onChatConferenceEnded'
];
const ENDED_EVENTS = [
    'onChatEndedByChasitor',
    'onChatEndedByAgent',
    'onChatEndedByChatbot',
    'onIdleTimeoutOccurred'
];
/** Signs of the widget that change nothing the service shows. */
const ACTIVITY_EVENTS = [
    'onClickSubmitButton',
    'afterMinimize',
    'onInviteAccepted',
    'onInviteRejected',
    'onInvitationResourceLoaded',
    'onIdleTimeoutWarningStart',
    'onIdleTimeoutClear',
    'onConnectionError'
];

/** Every event the service registers: the documented ones plus the two readiness signals. */
export const CLIENT_EVENTS: readonly string[] = [
    'onSettingsCallCompleted',
    'onAvailability',
    'onHelpButtonClick',
    'afterMaximize',
    'afterDestroy',
    'onChatRequestSuccess',
    'onQueueUpdate',
    'onChatReconnectSuccessful',
    ...CHATTING_EVENTS,
    ...ENDED_EVENTS,
    ...ACTIVITY_EVENTS,
    'featureLoaded',
    'sessionDataRetrieved'
];

const STORAGE_FRAME_ID = 'esw_storage_iframe';
/** The storage frame's answer once it deleted all session data (frame/session.esw.js). */
const DELETED_ALL = 'session.deletedAllSessionData';
const STATE_SELECTOR = '.embeddedServiceSidebarState';
const WAITING_CLASS = 'embeddedServiceLiveAgentStateWaiting';
const CHAT_CLASS = 'embeddedServiceLiveAgentStateChat';

function fixedSignals(): Map<string, ChatSignal> {
    const map = new Map<string, ChatSignal>([
        ['onhelpbuttonclick', { kind: 'requested' }],
        ['aftermaximize', { kind: 'opened' }],
        ['afterdestroy', { kind: 'closed' }],
        ['onchatreconnectsuccessful', { kind: 'reconnected' }],
        ['featureloaded', { kind: 'ready' }]
    ]);
    CHATTING_EVENTS.forEach((n) => map.set(n.toLowerCase(), { kind: 'chatting' }));
    ENDED_EVENTS.forEach((n) => map.set(n.toLowerCase(), { kind: 'ended' }));
    ACTIVITY_EVENTS.forEach((n) => map.set(n.toLowerCase(), { kind: 'activity' }));
    return map;
}
const FIXED_SIGNALS = fixedSignals();

/** Two IDs of the same record (15- and 18-character forms compared on their first 15). */
function sameId(a: string, b: string): boolean {
    return a.slice(0, 15) === b.slice(0, 15);
}

function readQueuePosition(data: unknown): number | null {
    const raw = readField(data, 'queuePosition');
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e6
        ? value
        : null;
}

function readAvailability(data: unknown): boolean | null {
    const value = readField(data, 'isAgentAvailable');
    return typeof value === 'boolean' ? value : null;
}

/** The continued chat that session data carries (CHASITOR_SERIALIZED_KEY), or null. */
function continuedFromSessionData(data: unknown): ContinuedChat | null {
    const serialized = readField(data, 'CHASITOR_SERIALIZED_KEY');
    if (!serialized) {
        return null;
    }
    try {
        const parsed: unknown = typeof serialized === 'string' ? JSON.parse(serialized) : null;
        const established = readField(readField(parsed, 'chasitorData'), 'isChatEstablished');
        return established === true ? 'chatting' : 'queued';
    } catch {
        return 'queued'; // a chat continues, its stage unreadable
    }
}

/**
 * esw.js session.updatePrimary: while this tab holds a chat (from the chat's start, again when it
 * is restored), the page's own sessionStorage has `${storageDomain}MASTER_DEPLOYMENT_ID` set to
 * the deployment's ID; liveagent.esw.js endChat and clearSession remove it.
 */
const TAB_CHAT_KEY = 'MASTER_DEPLOYMENT_ID';

function currentWindow(): unknown {
    return typeof window === 'undefined' ? undefined : window;
}

/** The adapter over `window.embedded_svc`. */
export class EmbeddedSvcClient implements ChatClient {
    readonly kind = 'legacy' as const;
    readonly reportsCloses = false;
    readonly launchGraceMs = 0;
    /** The service hides the client's help button. */
    private helpHidden = false;
    /** Client objects already given our handlers (a reloaded script makes a new object). */
    private readonly connected = new WeakSet<object>();
    /** Availability per chat button (15-character ID), as onAvailability reported it. */
    private readonly availabilityById = new Map<string, boolean | null>();
    private readonly getWindow: () => unknown;
    /**
     * Until when (Date.now()) a chat of this tab may still be restored: set at the first look
     * with the API there (0 when the tab has no chat marker), so the hold is paid once per page.
     */
    private restoreUntil: number | null = null;
    /** The storage frame's session data came (sessionDataRetrieved). */
    private sessionAnswered = false;
    /** The chat that data restores, for the service's look when the hold ends. */
    private restored: ContinuedChat | null = null;
    private sink: SignalSink | null = null;

    constructor(getWindow: () => unknown = currentWindow) {
        this.getWindow = getWindow;
    }

    private svc(): Record<string, unknown> | null {
        const svc = readField(this.getWindow(), 'embedded_svc');
        return isObject(svc) ? svc : null;
    }

    private api(): Record<string, unknown> | null {
        const api = readField(this.svc(), 'liveAgentAPI');
        return isObject(api) ? api : null;
    }

    private settings(): Record<string, unknown> | null {
        const settings = readField(this.svc(), 'settings');
        return isObject(settings) ? settings : null;
    }

    probe(): ClientProbe {
        if (!this.svc()) {
            return 'absent';
        }
        return this.api() && !this.restoring() ? 'ready' : 'loading';
    }

    /**
     * A chat of this tab may continue and the storage frame has not said yet: whether a chat is
     * under way is not known, so the client reads as loading (at most SESSION_WAIT_MS, once per
     * page). A tab without the marker reads ready at once, whatever the frame does.
     */
    private restoring(): boolean {
        if (this.sessionAnswered || readField(this.svc(), 'hasSessionDataLoaded') !== false) {
            return false;
        }
        if (this.restoreUntil === null) {
            this.restoreUntil = this.tabHasChat() ? Date.now() + SESSION_WAIT_MS : 0;
            if (this.restoreUntil) {
                // The hold's end is a sign for the service to look again (no event marks it).
                // eslint-disable-next-line @lwc/lwc/no-async-operation -- once per page, bounded
                setTimeout(() => this.sink?.({ kind: 'ready' }), SESSION_WAIT_MS);
            }
        }
        return Date.now() < this.restoreUntil;
    }

    private tabHasChat(): boolean {
        try {
            const settings = this.settings();
            const domain = readField(settings, 'storageDomain');
            const id = readField(settings, 'deploymentId');
            return (
                typeof domain === 'string' &&
                typeof id === 'string' &&
                window.sessionStorage.getItem(domain + TAB_CHAT_KEY) === id
            );
        } catch {
            return false; // storage blocked: no marker can be read
        }
    }

    connect(sink: SignalSink): void {
        this.sink = sink;
        const svc = this.svc();
        if (!svc || this.connected.has(svc)) {
            return;
        }
        const add = readField(svc, 'addEventHandler');
        if (typeof add !== 'function') {
            return;
        }
        this.connected.add(svc);
        for (const name of CLIENT_EVENTS) {
            const lower = name.toLowerCase();
            try {
                // The handler returns undefined: the client reduces sessionDataRetrieved's
                // return values, and `true` would force it to continue a session.
                add.call(svc, name, (data: unknown): undefined => {
                    try {
                        const signal = this.translate(lower, data);
                        if (signal) {
                            sink(signal);
                        }
                    } catch {
                        debug(`${name} failed`);
                    }
                    return undefined;
                });
            } catch {
                debug(`addEventHandler ${name} threw`);
            }
        }
        debug('handlers on');
    }

    /** The client event `name` (lower case) in the service's vocabulary; null = nothing to say. */
    private translate(name: string, data: unknown): ChatSignal | null {
        if (name === 'onavailability' || name === 'onsettingscallcompleted') {
            const available = readAvailability(data);
            const id = readField(data, 'id');
            if (typeof id === 'string' && id.length >= 15) {
                this.availabilityById.set(id.slice(0, 15), available);
                const siteButton = this.snippetSettings().buttonId;
                if (typeof siteButton === 'string' && !sameId(id, siteButton)) {
                    return null; // another button's: kept for starts routed to that button
                }
            }
            return { kind: 'availability', available };
        }
        if (name === 'onchatrequestsuccess' || name === 'onqueueupdate') {
            return { kind: 'queued', position: readQueuePosition(data) };
        }
        if (name === 'sessiondataretrieved') {
            const phase = continuedFromSessionData(data);
            if (this.restoring()) {
                this.restored = phase; // the hold ends with this signal: the chat it restores
            }
            this.sessionAnswered = true;
            return { kind: 'continued', phase };
        }
        return FIXED_SIGNALS.get(name) ?? null;
    }

    knownAvailability(): boolean | null {
        const value = readField(this.settings(), 'agentAvailableOnButtonClick');
        return typeof value === 'boolean' ? value : null;
    }

    targetAvailability(routing: RoutingConfig): boolean | null | undefined {
        const target = routing.directToAgentRouting?.buttonId;
        const siteButton = this.snippetSettings().buttonId;
        if (!target || typeof siteButton !== 'string' || sameId(target, siteButton)) {
            return undefined;
        }
        return this.availabilityById.get(target.slice(0, 15)) ?? null;
    }

    continuedChat(): ContinuedChat | null {
        const restored = this.restored;
        this.restored = null;
        if (restored) {
            return restored;
        }
        try {
            if (typeof document === 'undefined') {
                return null;
            }
            // The check the client's own startChat makes before refusing a second chat.
            // eslint-disable-next-line @lwc/lwc/no-document-query -- the client's widget is page markup, outside any component
            const state = document.querySelector(STATE_SELECTOR);
            if (state?.classList.contains(CHAT_CLASS)) {
                return 'chatting';
            }
            return state?.classList.contains(WAITING_CLASS) ? 'queued' : null;
        } catch {
            return null;
        }
    }

    /** The page's one wait for the stored session: already paid when the tab's hold ran out. */
    sessionPending(): boolean {
        return (
            readField(this.svc(), 'hasSessionDataLoaded') === false &&
            !(this.restoreUntil && Date.now() >= this.restoreUntil)
        );
    }

    startProblem(): string | null {
        return null;
    }

    declaredHiddenFields(): null {
        return null; // legacy Chat has no hidden pre-chat fields
    }

    snippetSettings(): SnippetSettings {
        const settings = this.settings();
        const read = (name: string): unknown => readField(settings, name);
        return {
            prepopulatedPrechatFields: read('prepopulatedPrechatFields'),
            extraPrechatInfo: read('extraPrechatInfo'),
            extraPrechatFormDetails: read('extraPrechatFormDetails'),
            fallbackRouting: read('fallbackRouting'),
            directToButtonRouting: read('directToButtonRouting'),
            buttonId: read('buttonId')
        };
    }

    private call(method: string, args: unknown[]): unknown {
        const api = this.api();
        const fn = readField(api, method);
        if (typeof fn !== 'function') {
            throw new Error(`no liveAgentAPI.${method}()`);
        }
        return (fn as (...a: unknown[]) => unknown).apply(api, args);
    }

    startChat(routing: RoutingConfig): unknown {
        return this.call('startChat', [buildStartChatAttributes(routing, this.snippetSettings())]);
    }

    /** The call reached the client at once: nothing is left to abandon. */
    abandonStart(): void {
        return undefined;
    }

    /**
     * Hides (or shows again) the client's help button: esw.js hideHelpButton, and its
     * `settings.displayHelpButton` off, which is what liveagent.esw.js endChat reads before
     * showing the button again after each chat. The site routing applies to our starts only.
     */
    configurePage(_routing: RoutingConfig | null, hideClientButton: boolean): void {
        const svc = this.svc();
        const settings = this.settings();
        if (svc && settings && this.helpHidden !== hideClientButton) {
            this.helpHidden = hideClientButton;
            try {
                settings.displayHelpButton = !hideClientButton;
                (svc[hideClientButton ? 'hideHelpButton' : 'showHelpButton'] as () => void)();
            } catch {
                // a client without these methods keeps its button
            }
        }
    }

    /** Offline Support: startChat with no attributes (the client supports none there). */
    openOfflineForm(): unknown {
        return this.call('startChat', [{}]);
    }

    endChat(): unknown {
        return this.call('endChat', []);
    }

    /**
     * clearSession is proven by the storage frame's `session.deletedAllSessionData` message
     * from the frame's own origin, or by the client's promise settling while that frame is on
     * the page (it then settles only on that message, or on a LiveAgent feature error).
     */
    clearSession(): ClearCall {
        const frame = this.storageFrame();
        const origin = frame ? frameOrigin(frame) : null;
        let confirm: () => void = () => undefined;
        const confirmed = new Promise<void>((resolve) => {
            confirm = resolve;
        });
        const onMessage = (event: MessageEvent): void => {
            if (event.origin === origin && readField(event.data, 'method') === DELETED_ALL) {
                confirm();
            }
        };
        const win = this.getWindow() as Window | undefined;
        if (origin && win && typeof win.addEventListener === 'function') {
            win.addEventListener('message', onMessage);
        }
        const dispose = (): void => {
            if (origin && win && typeof win.removeEventListener === 'function') {
                win.removeEventListener('message', onMessage);
            }
        };
        let result: unknown;
        try {
            result = this.call('clearSession', []);
        } catch (error) {
            dispose();
            throw error;
        }
        return {
            result,
            confirmed: origin ? confirmed : null,
            settledProvesIt: () => frame !== null && frame.isConnected && this.liveAgentEnabled(),
            dispose
        };
    }

    private storageFrame(): HTMLIFrameElement | null {
        try {
            const frame =
                typeof document === 'undefined'
                    ? null
                    : // eslint-disable-next-line @lwc/lwc/no-document-query -- the client's storage frame is page markup
                      document.getElementById(STORAGE_FRAME_ID);
            return frame instanceof HTMLIFrameElement ? frame : null;
        } catch {
            return null;
        }
    }

    private liveAgentEnabled(): boolean {
        const features = readField(this.settings(), 'enabledFeatures');
        return Array.isArray(features) && features.includes('LiveAgent');
    }
}

/** The origin of a frame's src; null when it has none (about:blank, unreadable). */
function frameOrigin(frame: HTMLIFrameElement): string | null {
    try {
        const origin = new URL(frame.src).origin;
        return origin && origin !== 'null' ? origin : null;
    } catch {
        return null;
    }
}
