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
 */
import { debug } from './debugLog';
import { hiddenFieldNames } from './prechatRules';
import { isObject, readField } from './values';
import { sessionStatusOf } from './enhancedStatus';
import {
    UnsupportedAction,
    type ChatClient,
    type ChatSignal,
    type ClearCall,
    type ClientProbe,
    type ContinuedChat,
    type SignalSink
} from './chatClient';
import type { RoutingConfig } from './chatTypes';

const GLOBAL = 'embeddedservice_bootstrap';
/** The id of the chat button element the client adds to the page (ButtonCreated). */
const BUTTON_ID = 'embeddedMessagingConversationButton';

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

/** The longest hidden field value sent (a custom parameter's maximum length is the admin's). */
export const MAX_HIDDEN_VALUE_LENGTH = 255;
/** What the client refuses in a pre-chat value (it drops such fields silently). */
const SCRIPT_LIKE = /javascript:|<script/i;

type Method = (...args: unknown[]) => unknown;

export { sessionStatusOf };

/** The hidden pre-chat fields that carry a routing (names from hiddenRoutingFields). */
export function hiddenRoutingValues(routing: RoutingConfig): Record<string, string> {
    const names = hiddenFieldNames(routing.hiddenRoutingFields);
    const direct = routing.directToAgentRouting;
    const values: Record<string, string> = {};
    const put = (name: string | null, value: string | undefined): void => {
        if (name && value !== undefined) values[name] = value;
    };
    put(names.agentId, direct?.userId);
    put(names.targetId, direct?.buttonId);
    put(names.fallback, direct ? String(direct.fallback === true) : undefined);
    put(names.fallbackRouting, routing.fallbackRouting?.join(','));
    return values;
}

/** The adapter over `window.embeddedservice_bootstrap` (v1 and v2). */
export class EnhancedChatClient implements ChatClient {
    readonly kind = 'enhanced' as const;
    readonly reportsCloses = true;
    private readonly getWindow: () => unknown;
    private sink: SignalSink | null = null;
    private listening = false;
    /** Ready was seen, or the client was already there when the service first looked. */
    private readySeen = false;
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
    /** A conversation began on this page since the last reset. */
    private startedHere = false;
    /** The conversation in the window ended: a new start resets the client first. */
    private conversationEnded = false;
    private availability: boolean | null = null;
    private readonly onEvent = (event: Event): void => {
        try {
            const signals = this.translate(event.type, readField(event, 'detail'));
            for (const signal of signals) {
                this.sink?.(signal);
            }
        } catch {
            debug(`handling ${event.type} failed`);
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
            throw new UnsupportedAction(`the chat client has no ${api}.${name}()`);
        }
        return fn.apply(readField(this.global(), api), args);
    }

    probe(): ClientProbe {
        if (!this.global()) {
            this.sawItAbsent = true;
            return 'absent';
        }
        if (!isObject(readField(this.global(), 'utilAPI'))) {
            return 'loading'; // v1 attaches its API objects just before Ready
        }
        if (!this.readySeen && !this.sawItAbsent) {
            // Loaded after the client: its API objects mean Ready fired (not on v2: the limit in
            // docs/enhanced-chat-client.md). The button's element means ButtonCreated fired;
            // without it a start waits for the event (bounded by the service's timeout).
            this.readySeen = true;
            this.buttonReady = this.buttonInPage();
        }
        return this.readySeen ? 'ready' : 'loading';
    }

    /** bootstrap.js generateMarkup puts the chat button in the page (kept while hidden). */
    private buttonInPage(): boolean {
        try {
            // eslint-disable-next-line @lwc/lwc/no-document-query -- the client's button is page markup, outside any component
            return typeof document !== 'undefined' && !!document.getElementById(BUTTON_ID);
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
        debug(`listening for ${ENHANCED_EVENTS.length} Enhanced Chat events`);
    }

    private translate(name: string, detail: unknown): ChatSignal[] {
        switch (name) {
            case 'onEmbeddedMessagingReady':
                // At init and after every reset: no conversation, no button until ButtonCreated.
                this.readySeen = true;
                this.buttonReady = false;
                this.startedHere = false;
                this.conversationEnded = false;
                if (this.ownReset) {
                    this.ownReset = false; // a start's own first step: the start goes on
                    return [{ kind: 'ready' }];
                }
                return [{ kind: 'ready' }, { kind: 'reset' }];
            case 'onEmbeddedMessagingButtonCreated': {
                this.buttonReady = true;
                this.buttonWaiters.splice(0).forEach((resolve) => resolve());
                if (
                    readField(detail, 'buttonVisibility') === 'Show' &&
                    this.availability === null
                ) {
                    return this.availabilitySignal(true);
                }
                return [];
            }
            case 'onEmbeddedMessagingBusinessHoursStarted':
            case 'onEmbeddedMessagingBusinessHoursEnded':
                return this.availabilitySignal(name.endsWith('Started'));
            case 'onEmbeddedMessagingConversationStarted':
                this.startedHere = true;
                return [{ kind: 'requested' }];
            case 'onEmbeddedMessagingConversationOpened':
                // Without ConversationStarted on this page: a conversation reopened after a
                // reload, whose stage the client does not say.
                return this.startedHere
                    ? [{ kind: 'activity' }]
                    : [{ kind: 'continued', phase: 'chatting' }];
            case 'onEmbeddedMessagingSessionStatusUpdate':
                return this.statusSignal(sessionStatusOf(detail));
            case 'onEmbeddedMessagingConversationClosed':
                this.conversationEnded = true;
                return [{ kind: 'ended' }];
            case 'onEmbeddedMessagingInitSuccess':
            case 'onEmbeddedMessagingWindowMaximized':
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

    private availabilitySignal(available: boolean): ChatSignal[] {
        this.availability = available;
        return [{ kind: 'availability', available }];
    }

    knownAvailability(): boolean | null {
        return this.availability;
    }

    targetAvailability(): undefined {
        return undefined; // the flow routes; the client knows no per-target availability
    }

    continuedChat(): ContinuedChat | null {
        return null; // a reopened conversation shows as ConversationOpened (translate)
    }

    sessionPending(): boolean {
        return false;
    }

    startProblem(routing: RoutingConfig): string | null {
        const values = {
            ...hiddenRoutingValues(routing),
            ...(routing.visiblePrechatFields ?? {})
        };
        for (const [name, value] of Object.entries(values)) {
            if (typeof value !== 'string') {
                return `The pre-chat field ${name} must be text.`;
            }
            if (SCRIPT_LIKE.test(value)) {
                return `The pre-chat field ${name} holds text the chat client refuses.`;
            }
            if (value.length > MAX_HIDDEN_VALUE_LENGTH) {
                return `The pre-chat field ${name} is longer than ${MAX_HIDDEN_VALUE_LENGTH} characters.`;
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
            throw new UnsupportedAction('the chat client has no utilAPI.launchChat()');
        }
        this.startEpoch += 1;
        const epoch = this.startEpoch;
        if (!this.buttonReady && !this.conversationEnded && this.buttonInPage()) {
            this.buttonReady = true; // created before this adapter listened (a late load)
        }
        const closes = this.closes;
        const closed = this.nextClose();
        if (this.conversationEnded) {
            debug('resetting the client before a new chat');
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
        if (this.closes === closes) {
            await Promise.race([this.buttonCreated(), closed]);
        }
        if (this.closes !== closes) {
            debug('a later end or clear won over the start: no launch');
            return undefined;
        }
        if (this.startEpoch !== epoch) {
            debug('a start the service gave up on: no launch');
            return undefined;
        }
        this.setFields(routing);
        return this.call('utilAPI', 'launchChat', []);
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

    private setFields(routing: RoutingConfig): void {
        const hidden = hiddenRoutingValues(routing);
        // v2 answers false when it dropped a field (v1 answers nothing): a chat launched then
        // would not be routed as configured, so it is not launched.
        if (
            Object.keys(hidden).length > 0 &&
            this.call('prechatAPI', 'setHiddenPrechatFields', [hidden]) === false
        ) {
            throw new Error(
                'setHiddenPrechatFields refused the routing fields, so no chat was launched: declare each of them as a hidden pre-chat field of the deployment, long enough for its value.'
            );
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
        throw new UnsupportedAction('Enhanced Chat has no offline form to open');
    }

    /** v1: clearSession(true) ends the session (the client has no endChat). */
    endChat(): unknown {
        this.noteClose();
        return this.call('userVerificationAPI', 'clearSession', [true]);
    }

    /** Confirmed when the client's promise resolves (after its reset). */
    clearSession(): ClearCall {
        this.noteClose();
        const result = this.call('userVerificationAPI', 'clearSession', []);
        return { result, confirmed: null, settledProvesIt: () => true, dispose: () => undefined };
    }
}
