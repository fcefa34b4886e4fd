/**
 * The service behind the public functions: one instance per page (embeddedChatService.ts makes
 * it), holding the state, the client readiness, the site routing and the three guarded actions.
 */
import { ChatStore, type ChatPhase } from './chatStore';
import { ClientReadiness } from './clientReadiness';
import { guardedCall, type CallOutcome } from './clientCall';
import { debug, setDebug } from './debugLog';
import { isEmptyRouting, mergeRouting, validateRouting } from './routingRules';
import { buildStartChatAttributes } from './startChatAttributes';
import type { ChatClient } from './chatClient';
import type {
    ChatActionResult,
    ChatErrorCode,
    ChatServiceOptions,
    ChatState,
    ChatStateListener,
    RoutingConfig,
    RoutingValidation,
    StartChatOptions
} from './chatTypes';

export const DEFAULT_CLIENT_WAIT_MS = 15000;
export const DEFAULT_CALL_TIMEOUT_MS = 8000;
const MAX_WAIT_MS = 120000;

/** The client's answer when a chat is already waiting or active. */
const RESTRICTED = /^Restricted/i;
/** The client's answer to clearSession when its session-storage frame is missing. */
const IFRAME_MISSING = /iframe not present/i;
/** A stand-in for routing whose properties could not be read. */
const UNREADABLE = 'unreadable';

/** Two IDs of the same record (15- and 18-character forms compared on their first 15). */
function sameId(a: string, b: string): boolean {
    return a.slice(0, 15) === b.slice(0, 15);
}

const MESSAGES: Record<ChatErrorCode, string> = {
    LOCKER_ACTIVE:
        'Chat is unavailable because Lightning Locker is on for this site. Turn on Lightning Web Security.',
    CHAT_CLIENT_MISSING:
        'No Embedded Chat client is on this page. Add the Embedded Service Chat component to the site.',
    AGENTS_OFFLINE: 'No agents are available right now.',
    CHAT_IN_PROGRESS: 'A chat is already open or being requested.',
    INVALID_ROUTING: 'The chat routing configuration is not valid.',
    CLIENT_ERROR: 'The chat client reported an error.',
    TIMEOUT: 'The chat client did not load in time.',
    NOT_SUPPORTED: 'The chat client on this page cannot do this.',
    CLEAR_UNCONFIRMED:
        'The chat ended, but the chat client did not confirm that its stored session data was deleted.'
};

function fail(code: ChatErrorCode, detail?: string): ChatActionResult {
    return { ok: false, code, message: detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code] };
}

const OK: ChatActionResult = Object.freeze({ ok: true });

/** Where a chat stands once the visitor's end reached the client. */
function phaseAfterEnd(phase: ChatPhase): ChatPhase {
    if (phase === 'requesting') {
        return 'idle';
    }
    return phase === 'queued' || phase === 'chatting' ? 'ended' : phase;
}

function clampMs(value: unknown, fallback: number): number {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
        ? Math.min(value, MAX_WAIT_MS)
        : fallback;
}

/** A short description of what the client threw; '' when it cannot be read safely. */
function errorText(error: unknown): string {
    try {
        if (typeof error === 'string') {
            return error.slice(0, 200);
        }
        const message =
            error !== null && typeof error === 'object'
                ? (error as { message?: unknown }).message
                : undefined;
        return typeof message === 'string' ? message.slice(0, 200) : '';
    } catch {
        return '';
    }
}

export class ChatService {
    private readonly client: ChatClient;
    readonly store: ChatStore;
    readonly readiness: ClientReadiness;
    private clientWaitMs = DEFAULT_CLIENT_WAIT_MS;
    private callTimeoutMs = DEFAULT_CALL_TIMEOUT_MS;
    /** The site routing as given (may be invalid: then startChat refuses). */
    private siteRouting: unknown = {};
    private siteValidation: RoutingValidation = validateRouting({});
    private startInFlight = false;
    /** Counts startChat calls that reached the client: a later start wins over an earlier end. */
    private startEpoch = 0;
    /** The phase a failed startChat goes back to (moved on by an end or clear meanwhile). */
    private phaseBeforeStart: ChatPhase = 'idle';
    /** Whether the last startChat that reached the client failed (and so went back). */
    private lastStartFailed = false;
    /** Client events other than availability: a sign that the widget is doing something. */
    private chatEventCount = 0;
    /** endChat and clearSession calls made since the last start (and not failed). */
    private closingSinceStart = 0;
    /** Availability per chat button (15-character ID), as onAvailability reported it. */
    private readonly availabilityById = new Map<string, boolean | null>();

    constructor(client: ChatClient, locker: boolean) {
        this.client = client;
        this.store = new ChatStore(locker ? 'locker' : 'waiting');
        this.readiness = new ClientReadiness(
            client,
            this.store,
            (name, data) => this.onClientEvent(name, data),
            () => this.clientWaitMs
        );
        if (!locker) {
            this.readiness.check();
        }
    }

    configure(options: ChatServiceOptions): void {
        if (!options || typeof options !== 'object') {
            return;
        }
        this.clientWaitMs = clampMs(options.clientWaitMs, this.clientWaitMs);
        this.callTimeoutMs = clampMs(options.callTimeoutMs, this.callTimeoutMs);
        if (typeof options.debug === 'boolean') {
            setDebug(options.debug);
        }
    }

    getState(): ChatState {
        if (this.store.clientPhase !== 'ready' && this.store.clientPhase !== 'locker') {
            this.readiness.check();
        }
        return this.store.state;
    }

    subscribe(listener: ChatStateListener): () => void {
        if (typeof listener !== 'function') {
            return () => undefined;
        }
        if (this.store.clientPhase !== 'ready' && this.store.clientPhase !== 'locker') {
            this.readiness.check();
        }
        const remove = this.store.subscribe(listener);
        this.readiness.demandChanged();
        let active = true;
        return () => {
            if (active) {
                active = false;
                remove();
                this.readiness.demandChanged();
            }
        };
    }

    configureRouting(config: unknown): RoutingValidation {
        const validation = validateRouting(config);
        this.siteRouting = config ?? {};
        this.siteValidation = validation;
        debug(
            validation.valid
                ? `site routing set (${validation.config && isEmptyRouting(validation.config) ? 'snippet routing' : 'custom'})`
                : `site routing refused (${validation.errors.length} errors)`
        );
        return validation;
    }

    getRouting(): RoutingValidation {
        return this.siteValidation;
    }

    /** Records a button's availability; returns the button's ID when the payload names one. */
    private rememberAvailability(data: unknown): string | null {
        try {
            const { id, isAgentAvailable } = (data ?? {}) as {
                id?: unknown;
                isAgentAvailable?: unknown;
            };
            if (typeof id === 'string' && id.length >= 15) {
                this.availabilityById.set(
                    id.slice(0, 15),
                    typeof isAgentAvailable === 'boolean' ? isAgentAvailable : null
                );
                return id;
            }
        } catch {
            debug('unreadable availability payload');
        }
        return null;
    }

    private onClientEvent(name: string, data: unknown): void {
        debug(`event ${name}`);
        if (name === 'onavailability' || name === 'onsettingscallcompleted') {
            const id = this.rememberAvailability(data);
            const siteButton = this.client.snippetSettings().buttonId;
            if (id && typeof siteButton === 'string' && !sameId(id, siteButton)) {
                return; // another button's availability: kept for starts routed to that button
            }
        } else {
            this.chatEventCount += 1;
        }
        if (this.store.clientPhase !== 'ready') {
            this.readiness.check();
        }
        this.store.applyEvent(name, data);
    }

    /** Waits for the client; returns a failure result, or null when the client is ready. */
    private async requireClient(): Promise<ChatActionResult | null> {
        if (this.store.clientPhase === 'locker') {
            return fail('LOCKER_ACTIVE');
        }
        const outcome = await this.readiness.whenReady();
        if (outcome === 'ready') {
            return null;
        }
        return outcome === 'timeout' ? fail('TIMEOUT') : fail('CHAT_CLIENT_MISSING');
    }

    private routingFor(options: StartChatOptions): RoutingValidation {
        const client = this.getState().client; // a target's kind depends on the client
        try {
            if (!options.routing) {
                return validateRouting(this.siteRouting, client);
            }
            const override = options.routing as unknown;
            if (!override || typeof override !== 'object' || Array.isArray(override)) {
                return validateRouting(override, client);
            }
            const site =
                this.siteRouting && typeof this.siteRouting === 'object'
                    ? (this.siteRouting as RoutingConfig)
                    : {};
            return validateRouting(mergeRouting(site, options.routing), client);
        } catch {
            return validateRouting(UNREADABLE);
        }
    }

    /**
     * Agent availability for the button this chat is routed to: the site's (the snippet's
     * button) unless the routing names another button, whose availability is known only if the
     * client reported it (onAvailability carries the button's id).
     */
    private availabilityFor(routing: RoutingConfig): boolean | null {
        const target = routing.directToAgentRouting?.buttonId;
        const snippetButton = this.client.snippetSettings().buttonId;
        if (!target || typeof snippetButton !== 'string' || sameId(target, snippetButton)) {
            return this.store.state.agentsAvailable;
        }
        return this.availabilityById.get(target.slice(0, 15)) ?? null;
    }

    async startChat(rawOptions?: StartChatOptions): Promise<ChatActionResult> {
        if (this.store.clientPhase === 'locker') {
            return fail('LOCKER_ACTIVE');
        }
        if (this.startInFlight) {
            return fail('CHAT_IN_PROGRESS');
        }
        this.startInFlight = true;
        try {
            const options: StartChatOptions =
                rawOptions && typeof rawOptions === 'object' ? rawOptions : {};
            const missing = await this.requireClient();
            if (missing) {
                return missing;
            }
            if (this.store.chatActive) {
                return fail('CHAT_IN_PROGRESS');
            }
            const routing = this.routingFor(options);
            if (!routing.valid || !routing.config) {
                const first = routing.errors[0];
                return fail('INVALID_ROUTING', first ? `${first.field}: ${first.message}` : '');
            }
            if (this.availabilityFor(routing.config) === false) {
                if (options.whenOffline !== 'offline-form') {
                    return fail('AGENTS_OFFLINE');
                }
                return this.openOfflineForm();
            }
            const attributes = buildStartChatAttributes(
                routing.config,
                this.client.snippetSettings()
            );
            this.phaseBeforeStart = this.store.chatPhase;
            this.startEpoch += 1;
            this.closingSinceStart = 0;
            this.store.setChat('requesting');
            const before = this.activitySignature();
            debug('calling startChat');
            const outcome = await guardedCall(
                () => this.client.startChat(attributes),
                this.callTimeoutMs
            );
            return this.startResult(outcome, before);
        } finally {
            this.startInFlight = false;
        }
    }

    /**
     * Offline Support: startChat with no attributes (pre-fill and routing are not supported
     * there). No chat is requested, so the state does not change.
     */
    private async openOfflineForm(): Promise<ChatActionResult> {
        debug('calling startChat for the offline form');
        const outcome = await guardedCall(() => this.client.startChat({}), this.callTimeoutMs);
        if (outcome.kind === 'threw' || outcome.kind === 'rejected') {
            return fail('CLIENT_ERROR', errorText(outcome.error));
        }
        return OK;
    }

    /** Changes when the widget shows a sign of life or the visitor ends or clears the chat. */
    private activitySignature(): string {
        return `${this.chatEventCount}/${this.closingSinceStart}`;
    }

    private startResult(outcome: CallOutcome, before: string): ChatActionResult {
        this.lastStartFailed = outcome.kind === 'threw' || outcome.kind === 'rejected';
        if (outcome.kind === 'threw' || outcome.kind === 'rejected') {
            if (this.store.chatPhase === 'requesting') {
                this.store.setChat(this.phaseBeforeStart);
            }
            return fail('CLIENT_ERROR', errorText(outcome.error));
        }
        if (outcome.kind === 'resolved' && typeof outcome.value === 'string') {
            if (RESTRICTED.test(outcome.value)) {
                // A chat the service did not start (the snippet's own button, another tab) is open.
                return fail('CHAT_IN_PROGRESS');
            }
        }
        if (outcome.kind === 'timeout') {
            if (this.activitySignature() === before && this.store.chatPhase === 'requesting') {
                // No answer and no sign of the widget: nothing shows a chat under way, so the
                // visitor is not left with a button that stays disabled.
                this.store.setChat(this.phaseBeforeStart);
                debug('startChat did not settle and the widget gave no sign; back to ready');
            } else {
                debug('startChat did not settle in time; following the client events');
            }
        }
        return OK;
    }

    /**
     * Moves the chat on after an endChat or clearSession (made when startEpoch was `epoch`).
     * A chat started after that call reached the client stands; should that start fail (now or
     * later), it goes back to what the end or clear left, not to what was before.
     */
    private afterClosing(epoch: number, next: (phase: ChatPhase) => ChatPhase): void {
        if (epoch === this.startEpoch || (!this.startInFlight && this.lastStartFailed)) {
            this.store.setChat(next(this.store.chatPhase));
        } else if (this.startInFlight) {
            this.phaseBeforeStart = next(this.phaseBeforeStart);
        }
    }

    async endChat(): Promise<ChatActionResult> {
        const missing = await this.requireClient();
        if (missing) {
            return missing;
        }
        debug('calling endChat');
        const epoch = this.startEpoch;
        this.closingSinceStart += 1;
        const outcome = await guardedCall(() => this.client.endChat(), this.callTimeoutMs);
        if (outcome.kind === 'threw' || outcome.kind === 'rejected') {
            if (epoch === this.startEpoch) {
                this.closingSinceStart -= 1; // a failed call closed nothing
            }
            return fail('CLIENT_ERROR', errorText(outcome.error));
        }
        this.afterClosing(epoch, phaseAfterEnd);
        return OK;
    }

    async clearSession(): Promise<ChatActionResult> {
        const missing = await this.requireClient();
        if (missing) {
            return missing;
        }
        debug('calling clearSession');
        const epoch = this.startEpoch;
        this.closingSinceStart += 1;
        const outcome = await guardedCall(() => this.client.clearSession(), this.callTimeoutMs);
        if (outcome.kind === 'threw' || outcome.kind === 'rejected') {
            if (epoch === this.startEpoch) {
                this.closingSinceStart -= 1; // a failed call closed nothing
            }
            return fail('CLIENT_ERROR', errorText(outcome.error));
        }
        this.afterClosing(epoch, () => 'idle');
        if (
            outcome.kind === 'resolved' &&
            typeof outcome.value === 'string' &&
            IFRAME_MISSING.test(outcome.value)
        ) {
            // The chat ended, but the client could not reach its session storage: the data is
            // still in the browser, which is what the caller wanted gone.
            return fail(
                'CLIENT_ERROR',
                'The chat ended, but its stored session data could not be cleared yet (the client’s storage frame is not on the page). Try again.'
            );
        }
        return OK;
    }
}
