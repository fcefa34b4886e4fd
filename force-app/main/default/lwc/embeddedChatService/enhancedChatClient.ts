/**
 * The Enhanced Chat adapter (Messaging for In-App and Web): the only code in the package that
 * reads `window.embeddedservice_bootstrap`. Facts it relies on (docs/enhanced-chat-client.md):
 * - Its events are window CustomEvents. `onEmbeddedMessagingReady` fires at init and again after
 *   every reset (clear, window closed, ended chat); the chat button exists only after
 *   `onEmbeddedMessagingButtonCreated`, and `launchChat()` rejects (with a string) before it.
 * - v1 attaches `utilAPI`, `prechatAPI`, `userVerificationAPI` just before Ready; v2's global
 *   and sub-APIs are Proxies on which `in` answers false even for real methods: every method is
 *   feature-tested with `typeof … === 'function'`.
 * - Hidden pre-chat fields are read when the conversation is created and wiped by every reset:
 *   they are set before each launch. The client drops invalid ones silently: they are checked
 *   first. There is no duplicate guard (the service makes one start at a time); after an ended
 *   chat `launchChat()` only re-shows it, so a new start resets the client first.
 * - `removeAllComponents` deletes the global: never used.
 * - With the channel's agent-availability check on, v1 holds Ready back while no agent is online,
 *   with no event: its merged settings say so (`availabilityGated`). A guest of a site whose
 *   Embedded Messaging component is in login mode never gets a chat button (`loginRequired`).
 * - v2 answers launchChat when its chat frame answers, maybe before the window's event, and keeps
 *   the chat button inside that frame.
 * - v1 keeps a session's token (`JWT`) in the page's web storage; with one there at the first
 *   Ready, the client goes on to restore a conversation (ConversationOpened) or resets (Ready):
 *   until then the chat reads as loading (`restoring`), at most RESTORE_MS.
 */
import { debug } from './debugLog';
import { DEFAULT_PARAMETER_LENGTH, hiddenRoutingValues } from './prechatRules';
import { errorText, isObject, readField } from './values';
import { sessionStatusOf } from './enhancedStatus';
import {
    AgentsUnavailable,
    UnsupportedAction,
    type ChatClient,
    type ChatSignal,
    type ClearCall,
    type ClientProbe,
    type ContinuedChat,
    type SignalSink
} from './chatClient';
import type { HiddenFieldLimits, RoutingConfig } from './chatTypes';

const GLOBAL = 'embeddedservice_bootstrap';
/** The id of the chat button element the client adds to the page (ButtonCreated). */
const BUTTON_ID = 'embeddedMessagingConversationButton';
/** v2: the chat frame, which holds the chat button (init.js getIframe). */
const FRAME_ID = 'embeddedMessagingFrame';
/** How a launchChat refusal reads when no agent is online (bootstrap.js handleClick). */
const AGENT_UNAVAILABLE = /agent unavailable/i;
/** v2's refusal before its frame's ButtonCreated (init.js validateEmbeddedMessagingButtonCreatedEventFired). */
const NO_BUTTON_YET = /ButtonCreated/;
/**
 * Under the availability check, how long after a reset's Ready the button may take before no
 * agent is taken to be online (the client draws it once its availability request says yes).
 */
const BUTTON_DUE_MS = 2000;
/** How long a launch refused for want of an agent keeps Start offline without a new Ready. */
const REFUSAL_MS = 30000;
/**
 * How long a window may show before its conversation starts until it is taken to wait for the
 * visitor (its pre-chat form): without a form the conversation follows within a request or two,
 * and the status does not flicker.
 */
const FORM_SHOWN_MS = 1500;
/** How long after the first Ready a stored session may take to reopen its conversation. */
const RESTORE_MS = 3000;

/** The client's window events this adapter listens to (one listener each, per page). */
export const ENHANCED_EVENTS: readonly string[] = [
    'onEmbeddedMessagingReady',
    'onEmbeddedMessagingButtonCreated',
    'onEmbeddedMessagingInitSuccess',
    'onEmbeddedMessagingInitError',
    'onEmbeddedMessagingWindowMaximized',
    'onEmbeddedMessagingWindowMinimized',
    'onEmbeddedMessagingConversationStarted',
    'onEmbeddedMessagingConversationOpened',
    'onEmbeddedMessagingConversationClosed',
    'onEmbeddedMessagingSessionStatusUpdate',
    'onEmbeddedMessagingPreChatSubmitted',
    'onEmbeddedMessagingBusinessHoursStarted',
    'onEmbeddedMessagingBusinessHoursEnded'
];

/** What the client refuses in a pre-chat value (it drops such fields silently). */
const SCRIPT_LIKE = /javascript:|<script/i;

type Method = (...args: unknown[]) => unknown;

export { sessionStatusOf };

/** The adapter over `window.embeddedservice_bootstrap` (v1 and v2). */
export class EnhancedChatClient implements ChatClient {
    readonly kind = 'enhanced' as const;
    readonly reportsCloses = true;
    readonly launchGraceMs = 1000;
    private readonly getWindow: () => unknown;
    private sink: SignalSink | null = null;
    private listening = false;
    /** Ready was seen, or the client was already there when the service first looked. */
    private readySeen = false;
    /** This adapter heard a Ready event (then only ButtonCreated says the button is there). */
    private readyHeard = false;
    /** Whether the service looked while the global was not there (then Ready must be seen). */
    private sawItAbsent = false;
    /** The chat button exists (ButtonCreated since the last Ready). */
    private buttonReady = false;
    private buttonWaiters: (() => void)[] = [];
    /** The next Ready ends a reset this adapter made as a start's first step (not a close). */
    private ownReset = false;
    /** End and clear calls so far: a start yields to one made while it prepares. */
    private closes = 0;
    private closeWaiter: { promise: Promise<void>; resolve: () => void } | null = null;
    /** Counts starts and abandonments: a start launches only while it is still the latest. */
    private startEpoch = 0;
    /** A chat was requested on this page since the last reset (form submitted, conversation started). */
    private startedHere = false;
    /** The conversation in the window ended: a new start resets the client first. */
    private conversationEnded = false;
    private availability: boolean | null = null;
    /** No agent online as the client said (held-back Ready, a refused launch): until next Ready. */
    private offlineUntilReady = false;
    private offlineTimer: ReturnType<typeof setTimeout> | undefined;
    private formTimer: ReturnType<typeof setTimeout> | undefined;
    /** A start is setting its fields and launching: the site's fields wait. */
    private launching = false;
    /** The chat window is on the page (shown or minimized) since the last reset. */
    private windowOpen = false;
    /** The site routing's hidden fields, set at every Ready (each reset wipes them). */
    private siteFields: Record<string, string> = {};
    /** Hide the client's own chat button whenever it is drawn. */
    private hideButton = false;
    /** The bound of the stored session's restore, while it is under way (at most once a page). */
    private restoring: ReturnType<typeof setTimeout> | undefined;
    /** The window shows a conversation reopened after a reload (not started on this page). */
    private reopened = false;
    private readonly onEvent = (event: Event): void => {
        try {
            const signals = this.translate(event.type, readField(event, 'detail'));
            for (const signal of signals) {
                this.sink?.(signal);
            }
        } catch {
            debug(`${event.type} failed`);
        }
    };

    constructor(
        getWindow: () => unknown = () => (typeof window === 'undefined' ? undefined : window)
    ) {
        this.getWindow = getWindow;
    }

    private global(): Record<string, unknown> | null {
        const value = readField(this.getWindow(), GLOBAL);
        return isObject(value) ? value : null;
    }

    /** A method of one of the API objects, when it is a function (never `in`: v2 Proxies). */
    private method(api: string, name: string): Method | null {
        const fn = readField(readField(this.global(), api), name);
        return typeof fn === 'function' ? (fn as Method) : null;
    }

    private call(api: string, name: string, args: unknown[]): unknown {
        const fn = this.method(api, name);
        if (!fn) {
            throw new UnsupportedAction(`no ${api}.${name}()`);
        }
        return fn.apply(readField(this.global(), api), args);
    }

    /** `embeddedservice_bootstrap.settings`, merged with the configuration once it arrived. */
    private setting(...path: string[]): unknown {
        return path.reduce(readField, readField(this.global(), 'settings'));
    }

    /**
     * bootstrap.js isAgentAvailabilityCheckEnabled: Setup's check on the channel, unless the
     * button is hidden on load. Until an agent is online, init holds Ready back.
     */
    private availabilityGated(): boolean {
        return (
            this.setting(
                'embeddedServiceConfig',
                'messagingChannel',
                'isAgentAvailabilityCheckEnabled'
            ) === true && this.setting('hideChatButtonOnLoad') !== true
        );
    }

    /** Experience-site login mode and a guest: the client never draws a chat button. */
    private loginRequired(): boolean {
        return (
            this.setting('embeddedServiceConfig', 'embeddedServiceMessagingChannel', 'authMode') ===
                'ExperienceSiteAuth' && this.setting('snippetConfig', 'isExpSiteGuestUser') === true
        );
    }

    probe(): ClientProbe {
        if (!this.global()) {
            this.sawItAbsent = true;
            return 'absent';
        }
        if (this.loginRequired()) {
            return 'login-required';
        }
        if (!isObject(readField(this.global(), 'utilAPI'))) {
            // v1 attaches its API objects just before Ready, which it holds back while the
            // availability check finds no agent (not with a stored session: init skips the
            // check then): the chat is there, with no agent online.
            if (this.availabilityGated() && !this.readySeen && !this.sessionStored()) {
                this.availability = false;
                this.offlineUntilReady = true;
                return 'ready';
            }
            return 'loading';
        }
        if (!this.readySeen && !this.sawItAbsent) {
            // Loaded after the client: its API objects mean Ready fired (not on v2: the limit in
            // docs/enhanced-chat-client.md). The button's element means ButtonCreated fired;
            // without it a start waits for the event (bounded by the service's timeout).
            this.readySeen = true;
            this.buttonReady = this.buttonInPage();
            this.restore(true);
        }
        return this.readySeen && !this.restoring ? 'ready' : 'loading';
    }

    /** A v2 page: init.js leaves its real object there as `agentforce_messaging`. */
    private v2(): boolean {
        return isObject(readField(this.getWindow(), 'agentforce_messaging'));
    }

    /**
     * bootstrap.js sessionExists(): v1 keeps its data as one JSON object under
     * `${settings.orgId}_WEB_STORAGE`, in localStorage, or in sessionStorage when localStorage
     * is out of reach (getItemInWebStorageByKey); a `JWT` there is a session init restores.
     * v2 keeps its storage in its frame, on another origin: nothing to read here.
     */
    private sessionStored(): boolean {
        const win = this.getWindow();
        try {
            const storage = (readField(win, 'localStorage') ??
                readField(win, 'sessionStorage')) as Storage;
            const key = `${this.setting('orgId') as string}_WEB_STORAGE`;
            const jwt = readField(JSON.parse(storage.getItem(key) as string), 'JWT');
            return typeof jwt === 'string' && jwt !== '' && !this.v2();
        } catch {
            return false; // storage refused, or not JSON: no session the service can see
        }
    }

    /**
     * Ends a restore under way (a conversation reopened, or the client reset). At the page's
     * first Ready (`first`), with a stored session, begins one: the client lists its
     * conversations (handleExistingSession) and either reopens one (ConversationOpened) or resets
     * (Ready). The chat reads as loading until then, or for RESTORE_MS at most.
     */
    private restore(first: boolean): void {
        clearTimeout(this.restoring);
        this.restoring = undefined;
        if (first && this.sessionStored()) {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- bounded, once per page
            this.restoring = setTimeout(() => {
                this.restore(false);
                this.sink?.({ kind: 'ready' }); // the readiness reads the client again
            }, RESTORE_MS);
        }
    }

    /**
     * bootstrap.js generateMarkup puts the chat button in the page (kept while hidden); v2's is
     * inside its chat frame (a v2 page has `agentforce_messaging`), made at init: only for a
     * service that loaded after the client's Ready does the frame stand for the button.
     */
    private buttonInPage(): boolean {
        const v2 = this.v2();
        if (v2 && this.readyHeard) {
            return false;
        }
        const id = v2 ? FRAME_ID : BUTTON_ID;
        try {
            // eslint-disable-next-line @lwc/lwc/no-document-query -- the client's button is page markup, outside any component
            return typeof document !== 'undefined' && !!document.getElementById(id);
        } catch {
            return false;
        }
    }

    connect(sink: SignalSink): void {
        this.sink = sink;
        const win = this.getWindow() as Window | undefined;
        if (this.listening || !win || typeof win.addEventListener !== 'function') {
            return;
        }
        this.listening = true;
        for (const name of ENHANCED_EVENTS) {
            win.addEventListener(name, this.onEvent);
        }
        debug('handlers on');
    }

    private translate(name: string, detail: unknown): ChatSignal[] {
        switch (name) {
            case 'onEmbeddedMessagingReady': {
                // At init and after every reset: no conversation, no button until ButtonCreated.
                // A Ready held back for an agent means one is online; a reset's Ready comes
                // before the client checks again (its ButtonCreated once the check passed).
                const first = !this.readySeen;
                this.readySeen = true;
                this.readyHeard = true;
                this.buttonReady = false;
                this.startedHere = false;
                this.conversationEnded = false;
                this.windowOpen = false;
                this.reopened = false;
                this.restore(first); // a later Ready is a reset: nothing is restored after it
                clearTimeout(this.formTimer);
                this.setSiteFields();
                const signals: ChatSignal[] = [{ kind: 'ready' }];
                if (this.offlineUntilReady) {
                    this.offlineUntilReady = false;
                    signals.push(...this.availabilitySignal(first ? true : null));
                }
                clearTimeout(this.offlineTimer);
                if (!first && this.availabilityGated()) {
                    // The client checks for an agent before drawing the button again.
                    this.offlineAfter(BUTTON_DUE_MS, false);
                }
                if (this.ownReset) {
                    this.ownReset = false; // a start's own first step: the start goes on
                    return signals;
                }
                return [...signals, { kind: 'reset' }];
            }
            case 'onEmbeddedMessagingButtonCreated': {
                this.buttonReady = true;
                clearTimeout(this.offlineTimer);
                this.buttonWaiters.splice(0).forEach((resolve) => resolve());
                if (this.hideButton) {
                    // After the event: v2 shows its button right after firing it.
                    Promise.resolve().then(() => this.tryCall('utilAPI', 'hideChatButton'));
                }
                // v2's event has no detail: its button shows unless hidden on load.
                const visibility = readField(detail, 'buttonVisibility');
                const unknown = this.availability === null || this.offlineUntilReady;
                this.offlineUntilReady = false;
                return (visibility ?? 'Show') === 'Show' && unknown
                    ? this.availabilitySignal(true)
                    : [];
            }
            case 'onEmbeddedMessagingBusinessHoursStarted':
            case 'onEmbeddedMessagingBusinessHoursEnded':
                // Outside business hours the client skips its availability check.
                this.offlineUntilReady = false;
                return this.availabilitySignal(name.endsWith('Started'));
            case 'onEmbeddedMessagingPreChatSubmitted': // the form requests nothing before this
            case 'onEmbeddedMessagingConversationStarted':
                this.startedHere = true;
                clearTimeout(this.formTimer);
                return [{ kind: 'requested' }];
            case 'onEmbeddedMessagingConversationOpened':
                // Without ConversationStarted on this page: a conversation reopened after a
                // reload, whose stage the client does not say (it may have ended): a window is
                // open, and the status events that follow say where the chat stands. It ends a
                // restore: the readiness then finds it (continuedChat) before it reads ready.
                this.windowOpen = true;
                this.restore(false);
                this.reopened = !this.startedHere;
                return this.startedHere
                    ? [{ kind: 'activity' }]
                    : [{ kind: 'continued', phase: 'open' }];
            case 'onEmbeddedMessagingSessionStatusUpdate':
                return this.statusSignal(sessionStatusOf(detail));
            case 'onEmbeddedMessagingConversationClosed':
                this.conversationEnded = true;
                return [{ kind: 'ended' }];
            case 'onEmbeddedMessagingInitSuccess':
            case 'onEmbeddedMessagingWindowMaximized':
                // handleAfterAppLoad: the window shows its pre-chat form, or creates the
                // conversation (ConversationStarted); until then nothing is requested.
                this.windowOpen = true;
                if (!this.startedHere) {
                    clearTimeout(this.formTimer);
                    // eslint-disable-next-line @lwc/lwc/no-async-operation -- bounded, once per window shown
                    this.formTimer = setTimeout(() => {
                        if (!this.startedHere && this.windowOpen) {
                            this.sink?.({ kind: 'awaiting' });
                        }
                    }, FORM_SHOWN_MS);
                }
                return [{ kind: 'opened' }];
            default:
                return [{ kind: 'activity' }];
        }
    }

    private statusSignal(status: string | null): ChatSignal[] {
        if (status === 'Waiting') return [{ kind: 'queued', position: null }];
        if (status === 'Active') return [{ kind: 'chatting' }];
        if (status === 'Ended') {
            this.conversationEnded = true;
            return [{ kind: 'ended' }];
        }
        return [{ kind: 'activity' }];
    }

    private availabilitySignal(available: boolean | null): ChatSignal[] {
        this.availability = available;
        return [{ kind: 'availability', available }];
    }

    knownAvailability(): boolean | null {
        return this.availability;
    }

    targetAvailability(): undefined {
        return undefined; // the flow routes; the client knows no per-target availability
    }

    /** A conversation reopened after a reload, still in the window (ConversationOpened). */
    continuedChat(): ContinuedChat | null {
        return this.reopened && !this.conversationEnded ? 'open' : null;
    }

    sessionPending(): boolean {
        return false;
    }

    /**
     * bootstrap.js getHiddenPrechatFieldsFromConfig: the hidden fields of the configuration's
     * first form, each with its maxLength (a field without a numeric one: the default). Null
     * before the configuration answered, and on v2, whose configuration is not on `settings`.
     */
    declaredHiddenFields(): HiddenFieldLimits | null {
        if (!isObject(this.setting('embeddedServiceConfig'))) {
            return null;
        }
        const declared: Record<string, number> = {};
        try {
            const path = ['embeddedServiceConfig', 'forms', '0', 'hiddenFormFields'];
            for (const field of this.setting(...path) as unknown[]) {
                const name = readField(field, 'name');
                const max = readField(field, 'maxLength');
                if (typeof name === 'string') {
                    declared[name] =
                        typeof max === 'number' && max > 0 ? max : DEFAULT_PARAMETER_LENGTH;
                }
            }
        } catch {
            // not a list (the client reads none then either), or a list that throws when read
        }
        return declared;
    }

    /**
     * The visible pre-fill the client would drop (validatePrechatField): not text, script-like, or
     * longer than a custom parameter's default length. The hidden routing values were checked by
     * the validation, against their fields' own lengths.
     */
    startProblem(routing: RoutingConfig): string | null {
        for (const [name, value] of Object.entries(routing.visiblePrechatFields ?? {})) {
            const problem =
                typeof value !== 'string'
                    ? 'not text'
                    : SCRIPT_LIKE.test(value)
                      ? 'script-like'
                      : value.length > DEFAULT_PARAMETER_LENGTH
                        ? `over ${DEFAULT_PARAMETER_LENGTH} characters`
                        : null;
            if (problem) {
                return `pre-chat field ${name}: ${problem}`;
            }
        }
        return null;
    }

    /**
     * Resets the client first when its window shows an ended chat, waits for the chat button,
     * sets the hidden (and visible) pre-chat fields, then launches.
     */
    async startChat(routing: RoutingConfig): Promise<unknown> {
        const launch = this.method('utilAPI', 'launchChat');
        if (!launch) {
            throw new UnsupportedAction('no utilAPI.launchChat()');
        }
        this.startEpoch += 1;
        const epoch = this.startEpoch;
        if (!this.buttonReady && !this.conversationEnded && this.buttonInPage()) {
            this.buttonReady = true; // created before this adapter listened (a late load)
        }
        const closes = this.closes;
        const closed = this.nextClose();
        if (this.conversationEnded) {
            debug('reset before start');
            this.buttonReady = false;
            this.ownReset = true;
            try {
                // The client keeps only the latest clearSession's resolver: a close made now
                // would leave this one pending, so the close ends the wait too.
                await Promise.race([this.call('userVerificationAPI', 'clearSession', []), closed]);
            } catch (error) {
                this.ownReset = false;
                throw error;
            }
        }
        // At most two tries: the second only after v2 refused the first for want of its button.
        for (let tries = 0; ; tries += 1) {
            if (this.closes === closes) {
                // eslint-disable-next-line no-await-in-loop -- the button comes before each try
                await Promise.race([this.buttonCreated(), closed]);
            }
            if (!this.buttonReady && this.offlineUntilReady) {
                throw new AgentsUnavailable('no chat button drawn');
            }
            if (this.closes !== closes) {
                debug('start yields to a close');
                return undefined;
            }
            if (this.startEpoch !== epoch) {
                debug('start abandoned');
                return undefined;
            }
            const open = this.windowOpen;
            this.launching = true;
            try {
                this.setFields(routing);
                // eslint-disable-next-line no-await-in-loop -- one launch per try
                const answer: unknown = await this.call('utilAPI', 'launchChat', []);
                if (open) {
                    // The window was already there (a start that timed out while it opened):
                    // the client shows it again; that is the sign of this start.
                    this.sink?.({ kind: 'opened' });
                }
                return answer;
            } catch (error) {
                const text = errorText(error);
                if (tries === 0 && NO_BUTTON_YET.test(text)) {
                    // v2 loaded before this adapter: its frame was there, not yet its button.
                    this.buttonReady = false;
                    continue;
                }
                if (AGENT_UNAVAILABLE.test(text)) {
                    // No agent is online after all (handleClick's check). The client stops asking
                    // and shows its button again: offline until the next Ready, or for a while.
                    this.offlineAfter(0, true);
                    if (this.hideButton) {
                        this.tryCall('utilAPI', 'hideChatButton');
                    }
                    throw new AgentsUnavailable(text);
                }
                throw error;
            } finally {
                this.launching = false;
            }
        }
    }

    /**
     * After `ms` (unless ButtonCreated or Ready comes first): no agent is online, and a start
     * waiting for the button stops. `expires`: only for a while (REFUSAL_MS), then not known.
     */
    private offlineAfter(ms: number, expires: boolean): void {
        clearTimeout(this.offlineTimer);
        const offline = (): void => {
            this.offlineUntilReady = true;
            this.availabilitySignal(false).forEach((signal) => this.sink?.(signal));
            this.buttonWaiters.splice(0).forEach((resolve) => resolve());
            if (expires) {
                // eslint-disable-next-line @lwc/lwc/no-async-operation -- bounded, cleared by the client's next Ready or button
                this.offlineTimer = setTimeout(() => {
                    this.offlineUntilReady = false;
                    this.availabilitySignal(null).forEach((signal) => this.sink?.(signal));
                }, REFUSAL_MS);
            }
        };
        if (ms === 0) {
            offline();
        } else {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- bounded, as above
            this.offlineTimer = setTimeout(offline, ms);
        }
    }

    configurePage(routing: RoutingConfig | null, hideClientButton: boolean): void {
        const fields = routing ? hiddenRoutingValues(routing) : {};
        if (this.readySeen && !this.launching && !this.windowOpen) {
            this.dropSiteFieldsBut(fields);
        }
        this.siteFields = fields;
        const wasHidden = this.hideButton;
        this.hideButton = hideClientButton;
        if (this.readySeen) {
            this.setSiteFields();
            if (hideClientButton !== wasHidden) {
                // Without a button the client answers false; ButtonCreated hides it again.
                this.tryCall('utilAPI', hideClientButton ? 'hideChatButton' : 'showChatButton');
            }
        }
    }

    /** A call whose failure changes nothing (the client logs it). */
    private tryCall(api: string, name: string, args: unknown[] = []): void {
        try {
            this.call(api, name, args);
        } catch {
            // nothing to do: the page goes on as the client left it
        }
    }

    /** The service stopped waiting: the start never launches later (one launch at most). */
    abandonStart(): void {
        this.startEpoch += 1;
    }

    /** Resolves at the next endChat or clearSession (one promise, shared). */
    private nextClose(): Promise<void> {
        if (!this.closeWaiter) {
            let resolve: () => void = () => undefined;
            const promise = new Promise<void>((r) => {
                resolve = r;
            });
            this.closeWaiter = { promise, resolve };
        }
        return this.closeWaiter.promise;
    }

    /** An end or clear is being made: its reset is not a start's own, and it wins over a start. */
    private noteClose(): void {
        this.closes += 1;
        this.ownReset = false;
        const waiter = this.closeWaiter;
        this.closeWaiter = null;
        waiter?.resolve();
    }

    private buttonCreated(): Promise<void> {
        return this.buttonReady
            ? Promise.resolve()
            : new Promise((resolve) => {
                  this.buttonWaiters.push(resolve);
              });
    }

    /**
     * The site routing's hidden fields, for every chat the page starts, the client's own button's
     * included (at Ready and whenever they change; the service checked them).
     */
    private setSiteFields(): void {
        if (Object.keys(this.siteFields).length > 0 && !this.launching && !this.windowOpen) {
            this.tryCall('prechatAPI', 'setHiddenPrechatFields', [this.siteFields]);
        }
    }

    /** The client only ever adds fields: the site's that `fields` does not set are removed. */
    private dropSiteFieldsBut(fields: Record<string, string>): void {
        const stale = Object.keys(this.siteFields).filter((name) => !(name in fields));
        if (stale.length > 0) {
            this.tryCall('prechatAPI', 'removeHiddenPrechatFields', [stale]);
        }
    }

    private setFields(routing: RoutingConfig): void {
        const hidden = hiddenRoutingValues(routing);
        this.dropSiteFieldsBut(hidden);
        // v2 answers false when it took none (before its Ready: v1 answers nothing; neither says
        // when it dropped one field, hence startProblem's checks first): a chat launched then
        // would not be routed as configured, so it is not launched.
        if (
            Object.keys(hidden).length > 0 &&
            this.call('prechatAPI', 'setHiddenPrechatFields', [hidden]) === false
        ) {
            throw new Error('setHiddenPrechatFields refused the fields: not launched');
        }
        const visible = routing.visiblePrechatFields ?? {};
        const entries = Object.entries(visible);
        if (entries.length > 0) {
            const fields: Record<string, { value: string; isEditableByEndUser: boolean }> = {};
            for (const [name, value] of entries) {
                fields[name] = { value, isEditableByEndUser: true };
            }
            this.call('prechatAPI', 'setVisiblePrechatFields', [fields]);
        }
    }

    openOfflineForm(): unknown {
        throw new UnsupportedAction('no offline form');
    }

    /** The client holds its Ready back for an agent: no chat exists, and no API to call yet. */
    private heldBack(): boolean {
        return this.offlineUntilReady && !isObject(readField(this.global(), 'userVerificationAPI'));
    }

    /** v1: clearSession(true) ends the session (the client has no endChat). */
    endChat(): unknown {
        this.noteClose();
        return this.heldBack()
            ? undefined
            : this.call('userVerificationAPI', 'clearSession', [true]);
    }

    /**
     * Confirmed when the client's promise resolves (after its reset); never while the client
     * holds its Ready back (nothing can be asked of it then).
     */
    clearSession(): ClearCall {
        this.noteClose();
        const held = this.heldBack();
        const result = held ? undefined : this.call('userVerificationAPI', 'clearSession', []);
        return { result, confirmed: null, settledProvesIt: () => !held, dispose: () => undefined };
    }
}
