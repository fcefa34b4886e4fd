/**
 * The service behind the public functions: one instance per page (embeddedChatService.ts makes
 * it), holding the state, the client readiness, the site routing and the three guarded actions.
 * Outcomes are judged from the client's signals and from the page, never from the value a client
 * promise resolves with (the legacy client's always resolve `undefined`).
 */
import { ChatStore, type ChatPhase } from './chatStore';
import { ClientReadiness } from './clientReadiness';
import { guardedCall } from './clientCall';
import { debug, setDebug } from './debugLog';
import { mergeRouting, validateRouting } from './routingRules';
import { SignalWatches, showsWidget } from './signalWatches';
import { SessionWait } from './sessionWait';
import { isObject } from './values';
import { callFailure, fail, OK } from './actionResults';
import { phaseAfterEnd, unseenEnd, type StartAttempt } from './startAttempt';
import type { ChatClient, ChatSignal, ClearCall } from './chatClient';
import type {
    ChatActionResult,
    ChatClientKind,
    ChatServiceOptions,
    ChatState,
    ChatStateListener,
    HiddenFieldLimits,
    RoutingConfig,
    RoutingValidation,
    StartChatOptions
} from './chatTypes';

export const DEFAULT_CLIENT_WAIT_MS = 15000;
export const DEFAULT_CALL_TIMEOUT_MS = 8000;
const MAX_WAIT_MS = 120000;

const UNREADABLE = 'unreadable'; // a stand-in for routing whose properties could not be read

/** What one owner set for the site: its routing as given, its choice for the client's button. */
interface SiteSetup {
    routing: unknown;
    hide?: unknown;
}
/** The site with no owner: the snippet's own routing. */
const SNIPPET: SiteSetup = { routing: {} };

function clampMs(value: unknown, fallback: number): number {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
        ? Math.min(value, MAX_WAIT_MS)
        : fallback;
}

export class ChatService {
    private client: ChatClient;
    private readonly clients: readonly ChatClient[];
    private readonly store: ChatStore;
    private readonly readiness: ClientReadiness;
    private clientWaitMs = DEFAULT_CLIENT_WAIT_MS;
    private callTimeoutMs = DEFAULT_CALL_TIMEOUT_MS;
    /**
     * Who set the site routing, in the order they first did so (an update keeps an owner's
     * place): the newest one's applies. The calls that name no owner have the service for
     * theirs, which never leaves.
     */
    private readonly owners = new Map<unknown, SiteSetup>();
    private siteValidation: RoutingValidation = validateRouting({});
    /** configureChatService's choice for the client's own button, for owners that made none. */
    private hideClientButton = false;
    /** A startChat is running: one at a time, later ones answer CHAT_IN_PROGRESS. */
    private starting = false;
    /** The latest start that reached the client. */
    private attempt: StartAttempt | null = null;
    private readonly watches = new SignalWatches();
    private readonly session = new SessionWait(this.watches);
    /** Ends still waiting: the next end or clear to settle settles them. */
    private pendingEnds: (() => void)[] = [];

    /** `clients`: one adapter per provider, in order of preference (never empty). */
    constructor(clients: readonly ChatClient[], locker: boolean) {
        this.client = clients[0];
        this.clients = clients;
        this.store = new ChatStore(locker ? 'locker' : 'absent');
        this.readiness = new ClientReadiness(
            clients,
            this.store,
            (signal) => this.onSignal(signal),
            () => this.clientWaitMs,
            (client) => this.onClientReady(client)
        );
        if (!locker) {
            this.readiness.check();
        }
    }

    configure(options: ChatServiceOptions): void {
        if (!isObject(options)) {
            return;
        }
        this.clientWaitMs = clampMs(options.clientWaitMs, this.clientWaitMs);
        this.callTimeoutMs = clampMs(options.callTimeoutMs, this.callTimeoutMs);
        if (typeof options.debug === 'boolean') {
            setDebug(options.debug);
        }
        if (typeof options.hideClientChatButton === 'boolean') {
            this.hideClientButton = options.hideClientChatButton;
            this.configurePage();
        }
    }

    /** The newest owner's setup, none: the snippet's routing (may be invalid: startChat refuses). */
    private get site(): SiteSetup {
        return [...this.owners.values()].pop() ?? SNIPPET;
    }

    /** What the client applies whenever it resets: the site routing, its own button hidden. */
    private configurePage(force?: boolean): void {
        const { valid, config } = this.siteValidation;
        const { hide } = this.site;
        if (force || this.store.clientPhase === 'ready') {
            this.client.configurePage(
                valid ? config : null,
                typeof hide === 'boolean' ? hide : this.hideClientButton
            );
        }
    }

    getState(): ChatState {
        this.recheck();
        return this.store.state;
    }

    subscribe(listener: ChatStateListener): () => void {
        if (typeof listener !== 'function') {
            return () => undefined;
        }
        this.recheck();
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

    private recheck(): void {
        if (this.store.clientPhase !== 'ready' && this.store.clientPhase !== 'locker') {
            this.readiness.check();
        }
    }

    /**
     * `owner`'s routing (and its choice for the client's button): the site's when `owner` is the
     * newest owner. An owner already known keeps its place (an update is not a newer owner).
     */
    configureRouting(config: unknown, owner?: unknown, hide?: unknown): RoutingValidation {
        if (owner === undefined) {
            this.owners.delete(this); // a call without an owner is always the newest
        }
        this.owners.set(owner ?? this, { routing: config ?? {}, hide });
        return this.applySite();
    }

    /** Withdraws what `owner` set: when its setup applied, the next newest owner's applies. */
    releaseRouting(owner: unknown): void {
        const site = this.site;
        this.owners.delete(owner);
        if (this.site !== site) {
            this.applySite();
        }
    }

    /**
     * The hidden fields the page's deployment declares, as the first client that can read them
     * says (before the client is known too: Enhanced Chat's configuration comes before Ready).
     */
    hiddenFields(): HiddenFieldLimits | null {
        for (const client of this.clients) {
            const declared = client.declaredHiddenFields();
            if (declared) {
                return declared;
            }
        }
        return null;
    }

    /** validateRouting with what the page knows of the hidden fields (unless given). */
    validate(
        input: unknown,
        client: ChatClientKind | null,
        hiddenFields: HiddenFieldLimits | null = this.hiddenFields()
    ): RoutingValidation {
        return validateRouting(input, client, hiddenFields);
    }

    /** The newest owner's setup (none: the snippet's) applies, checked for `client`. */
    private applySite(client = this.store.state.client, force?: boolean): RoutingValidation {
        const validation = this.validate(this.site.routing, client);
        this.siteValidation = validation;
        this.store.setSiteRoutingValid(validation.valid);
        this.configurePage(force);
        debug(`site routing ${validation.valid ? 'set' : 'refused'}`);
        return validation;
    }

    /** The site routing's verdict; with `routing`, that of a start with it (as startChat judges). */
    getRouting(routing?: RoutingConfig): RoutingValidation {
        return routing ? this.routingFor({ routing }) : this.siteValidation;
    }

    /** The client is known: routing set before is checked again for it; the page is read. */
    private onClientReady(client: ChatClient): void {
        this.client = client;
        this.session.clientReady();
        this.applySite(client.kind, true);
        this.adoptContinuedChat();
    }

    private onSignal(signal: ChatSignal): void {
        debug(`signal ${signal.kind}`);
        if (showsWidget(signal) && this.attempt) {
            this.attempt.shown = true;
        }
        if (this.store.clientPhase !== 'ready' || signal.kind === 'ready') {
            this.readiness.check();
        }
        this.store.applySignal(signal);
        this.watches.notify(signal);
    }

    /** A chat the page shows already (continued session) is a chat under way. */
    private adoptContinuedChat(): void {
        const phase = this.client.continuedChat();
        if (phase && !this.store.chatActive) {
            debug(`continued ${phase}`);
            this.store.applySignal({ kind: 'continued', phase });
        }
    }

    /** Waits for the client; returns a failure result, or null when the client is ready. */
    private async requireClient(): Promise<ChatActionResult | null> {
        const knownMissing = this.store.clientPhase === 'missing';
        const phase = await this.readiness.whenReady();
        if (phase === 'ready') {
            return null;
        }
        if (phase === 'locker' || phase === 'login-required') {
            return fail(phase === 'locker' ? 'LOCKER_ACTIVE' : 'LOGIN_REQUIRED');
        }
        return knownMissing ? fail('CHAT_CLIENT_MISSING') : fail('TIMEOUT');
    }

    private routingFor(options: StartChatOptions): RoutingValidation {
        const kind = this.client.kind;
        try {
            const site = this.site.routing;
            if (!options.routing) {
                return this.validate(site, kind);
            }
            const override = options.routing as unknown;
            if (!isObject(override) || Array.isArray(override)) {
                return this.validate(override, kind);
            }
            const base = isObject(site) ? (site as RoutingConfig) : {};
            return this.validate(mergeRouting(base, options.routing), kind);
        } catch {
            return this.validate(UNREADABLE, kind);
        }
    }

    async startChat(rawOptions?: StartChatOptions): Promise<ChatActionResult> {
        // Checked before the in-flight guard: a start under Locker never waits for anything.
        if (this.store.clientPhase === 'locker') {
            return fail('LOCKER_ACTIVE');
        }
        if (this.starting) {
            return fail('CHAT_IN_PROGRESS');
        }
        this.starting = true;
        try {
            const options: StartChatOptions = isObject(rawOptions) ? rawOptions : {};
            const missing = await this.requireClient();
            if (missing) {
                return missing;
            }
            await this.session.loaded(this.client);
            this.adoptContinuedChat();
            if (this.store.chatActive) {
                return fail('CHAT_IN_PROGRESS');
            }
            const routing = this.routingFor(options);
            if (!routing.valid || !routing.config) {
                // For developers: the place, the code and its params (the words are the code's
                // Custom Label, in admin code that visitors do not download).
                const first = routing.errors[0];
                const params = first?.params.length ? ` (${first.params.join(', ')})` : '';
                return fail(
                    'INVALID_ROUTING',
                    first ? `${first.field}: ${first.code}${params}` : ''
                );
            }
            const problem = this.client.startProblem(routing.config);
            if (problem) {
                return fail('INVALID_ROUTING', problem);
            }
            const target = this.client.targetAvailability(routing.config);
            const available = target === undefined ? this.store.state.agentsAvailable : target;
            if (available === false) {
                return options.whenOffline === 'offline-form'
                    ? this.openOfflineForm()
                    : fail('AGENTS_OFFLINE');
            }
            return await this.requestChat(routing.config);
        } finally {
            this.starting = false;
        }
    }

    private async requestChat(config: RoutingConfig): Promise<ChatActionResult> {
        const attempt: StartAttempt = {
            state: 'waiting',
            shown: false,
            revertTo: this.store.chatPhase,
            closings: 0,
            leftByClose: null
        };
        this.attempt = attempt;
        this.store.setChat('requesting');
        const shown = this.watches.watch(showsWidget);
        debug('call startChat');
        const outcome = await guardedCall(
            () => this.client.startChat(config),
            this.callTimeoutMs,
            () => shown.promise
        );
        const grace = this.client.launchGraceMs;
        if (outcome.kind === 'resolved' && !attempt.shown && !attempt.closings && grace) {
            // The call answered before the window's event could (Enhanced Chat v2): a short wait.
            await guardedCall(() => shown.promise, grace);
        }
        shown.stop();
        if (outcome.kind === 'timeout') {
            this.client.abandonStart(); // a start still preparing never launches later
        }
        const failure = callFailure(outcome);
        // Settling proves nothing: with no sign of the widget, the start did not happen.
        const unseen = unseenEnd(attempt, outcome);
        const phase = this.store.chatPhase;
        if (unseen === 'silentWhileClosing') {
            // Failed once the close already acted on what was before it; else the close decides.
            attempt.state = phase === attempt.leftByClose ? 'failed' : unseen;
        } else {
            attempt.state = failure || unseen ? 'failed' : 'settled';
        }
        if (
            attempt.state === 'failed' &&
            (phase === 'requesting' || phase === attempt.leftByClose)
        ) {
            // Failed, or no answer and no sign of the widget: nothing shows a chat under way, so
            // the visitor is not left with a button that stays disabled.
            this.store.setChat(attempt.revertTo);
        }
        if (unseen === 'timeout' || unseen === 'settled') {
            debug('start unseen');
            return unseen === 'timeout'
                ? fail('TIMEOUT', 'no sign of the widget')
                : fail('CLIENT_ERROR', 'settled, no sign of the widget');
        }
        return failure ?? OK;
    }

    /**
     * Offline Support: no chat is requested, so the state does not change.
     */
    private async openOfflineForm(): Promise<ChatActionResult> {
        debug('call offline form');
        const shown = this.watches.watch(showsWidget);
        const outcome = await guardedCall(
            () => this.client.openOfflineForm(),
            this.callTimeoutMs,
            () => shown.promise
        );
        shown.stop();
        return callFailure(outcome) ?? OK;
    }

    async endChat(): Promise<ChatActionResult> {
        return this.close('endChat');
    }

    async clearSession(): Promise<ChatActionResult> {
        return this.close('clearSession');
    }

    /**
     * endChat and clearSession. A chat started after this call reached the client stands; should
     * that start fail (now or later), it goes back to what the close left, not to what was
     * before. clearSession succeeds only on the client's proof that the data is gone.
     */
    private async close(action: 'endChat' | 'clearSession'): Promise<ChatActionResult> {
        const missing = await this.requireClient();
        if (missing) {
            return missing;
        }
        if (action === 'clearSession') {
            await this.session.loaded(this.client);
        }
        debug(`call ${action}`);
        const attempt = this.attempt;
        if (attempt) {
            attempt.closings += 1;
        }
        let clear: ClearCall | null = null;
        // An end is done once the chat's own end event came (the legacy promise waits for the
        // storage frame, which may never answer), or a later end or clear settled (Enhanced Chat
        // keeps only the latest call's resolver).
        const ended = this.watches.watch((signal) => signal.kind === 'ended');
        const earlier = this.pendingEnds.splice(0);
        const superseded = new Promise<void>((resolve) => {
            if (action === 'endChat') this.pendingEnds.push(resolve);
        });
        const outcome = await guardedCall(
            () => {
                if (action === 'endChat') {
                    return this.client.endChat();
                }
                clear = this.client.clearSession();
                return clear.result;
            },
            this.callTimeoutMs,
            () => {
                if (action === 'endChat') {
                    return Promise.race([ended.promise, superseded]);
                }
                return (clear as ClearCall | null)?.confirmed;
            }
        );
        ended.stop();
        earlier.forEach((resolve) => resolve());
        const proof = clear as ClearCall | null;
        proof?.dispose();
        // A client that reports its closes and said nothing in time did nothing we know of.
        const failure =
            callFailure(outcome) ??
            (outcome.kind === 'timeout' && this.client.reportsCloses ? fail('TIMEOUT') : null);
        if (failure) {
            if (attempt && this.attempt === attempt) {
                attempt.closings -= 1; // a failed call closed nothing
                if (attempt.state === 'silentWhileClosing' && attempt.closings === 0) {
                    // The start settled unseen while this close was pending: it did nothing.
                    attempt.state = 'failed';
                    if (this.store.chatPhase === 'requesting') {
                        this.store.setChat(attempt.revertTo);
                    }
                }
            }
            return failure;
        }
        if (!this.client.reportsCloses || action === 'clearSession') {
            // A clear leaves no chat behind, whatever the client's reset said (ended stays
            // through an end's reset only).
            this.afterClosing(attempt, action === 'endChat' ? phaseAfterEnd : () => 'idle');
        }
        if (
            proof &&
            outcome.kind !== 'signalled' &&
            !(outcome.kind === 'resolved' && proof.settledProvesIt())
        ) {
            debug('clear unconfirmed');
            return fail('CLEAR_UNCONFIRMED');
        }
        return OK;
    }

    /** Moves the chat on after a close made when `attempt` was the latest start. */
    private afterClosing(
        attempt: StartAttempt | null,
        next: (phase: ChatPhase) => ChatPhase
    ): void {
        const latest = this.attempt;
        const same = latest === attempt;
        switch (latest?.state) {
            case 'waiting':
                latest.revertTo = next(latest.revertTo);
                if (same) {
                    // The close reached the client after this start, still unanswered: should
                    // the start fail, the close acted on what was before it.
                    this.store.setChat(next(this.store.chatPhase));
                    latest.leftByClose = this.store.chatPhase;
                }
                break;
            case 'silentWhileClosing':
                latest.revertTo = next(latest.revertTo);
                if (same) {
                    // The start did nothing: the close acted on what was before it.
                    latest.state = 'failed';
                    this.store.setChat(latest.revertTo);
                }
                break;
            case 'failed':
                this.store.setChat(next(this.store.chatPhase));
                break;
            default:
                // Settled, or no start yet: a close made since a later start leaves it alone.
                if (same) {
                    this.store.setChat(next(this.store.chatPhase));
                }
        }
    }
}
