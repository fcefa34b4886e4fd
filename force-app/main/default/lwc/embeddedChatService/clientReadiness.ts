/**
 * Finds the chat client as soon as it is usable, without polling forever.
 *
 * Signals, in order of preference: the client is already there (most pages); the client's own
 * readiness event (legacy `featureLoaded`, Enhanced `onEmbeddedMessagingReady`: the adapter
 * translates it into a `ready` signal and the service calls `check`); the `load` event of a
 * script element (caught on the document in the capture phase), re-checked once in the next
 * task, because the legacy client assigns its API in the script's `onload` property, which runs
 * after capture-phase listeners. A few back-off checks (50 ms doubling to 2 s) cover scripts
 * injected without a load event, and a client whose global is there but still loading (Enhanced
 * Chat says only in its settings, with no event, that it holds Ready back for an agent): while a
 * global is on the page, reads are at most a second apart. After the wait the client is reported
 * missing; a later script load or client event still recovers. No timer runs once the client is
 * found, or while nobody (no subscriber, no pending action) needs it.
 */
import { debug } from './debugLog';
import type { ChatClient, ClientPhase, SignalSink } from './chatClient';
import type { ChatStore } from './chatStore';

const FIRST_CHECK_MS = 50;
const MAX_CHECK_INTERVAL_MS = 2000;
/** The longest gap between reads while a client's global is on the page but still loading. */
const LOADING_CHECK_MS = 1000;

/** The client is found: usable, or on the page with no chat for this visitor. */
function isFound(phase: ClientPhase): boolean {
    return phase === 'ready' || phase === 'login-required';
}

export class ClientReadiness {
    private readonly clients: readonly ChatClient[];
    private readonly store: ChatStore;
    private readonly sink: SignalSink;
    private readonly waitMs: () => number;
    private readonly onReady: (client: ChatClient) => void;
    private timer: ReturnType<typeof setTimeout> | null = null;
    private recheck: ReturnType<typeof setTimeout> | null = null;
    private deadline = 0;
    private interval = FIRST_CHECK_MS;
    private waiters: ((phase: ClientPhase) => void)[] = [];
    private listening = false;
    private readonly onScriptLoad = (): void => {
        if (!isFound(this.check()) && this.recheck === null) {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- one re-check after the script's own onload
            this.recheck = setTimeout(() => {
                this.recheck = null;
                this.check();
            }, 0);
        }
    };

    /**
     * `clients`: the adapters, in order of preference; the first one whose client appears is
     * used from then on. `onReady` is told which one is ready.
     */
    constructor(
        clients: readonly ChatClient[],
        store: ChatStore,
        sink: SignalSink,
        waitMs: () => number,
        onReady: (client: ChatClient) => void
    ) {
        this.clients = clients;
        this.store = store;
        this.sink = sink;
        this.waitMs = waitMs;
        this.onReady = onReady;
    }

    /** Looks at the page now; registers handlers as soon as a client global exists. */
    check(): ClientPhase {
        if (this.store.clientPhase === 'locker') {
            return 'locker';
        }
        let phase: ClientPhase = 'absent';
        let found: ChatClient | null = null;
        for (const client of this.clients) {
            const probe = client.probe();
            // Each adapter connects once it can: the legacy one when its global exists (its
            // handlers live on it), the Enhanced one at once (window events).
            client.connect(this.sink);
            if (isFound(probe) || (probe === 'loading' && phase === 'absent')) {
                phase = probe;
                found = client;
            }
            if (isFound(probe)) {
                break;
            }
        }
        if (isFound(phase) && found) {
            if (this.store.clientPhase !== phase) {
                const known = found.knownAvailability();
                if (known !== null) {
                    this.store.setAvailability(known);
                }
                this.onReady(found);
                this.store.setClient(phase, found.kind);
                debug(`client ${found.kind} ${phase}`);
            }
            this.stopTimers();
            this.stopListening();
            this.settle(phase);
        } else if (this.store.clientPhase === 'ready') {
            // The client went away (its script ran again and replaced the global with one still
            // loading its API): wait for it again rather than calling a missing API.
            this.store.setClient('loading', null);
            debug('client gone');
        }
        return phase;
    }

    /** Resolves 'ready' when the client is usable, or 'missing'/'locker' when it is not. */
    whenReady(): Promise<ClientPhase> {
        const found = this.check();
        if (isFound(found)) {
            return Promise.resolve(found);
        }
        const phase = this.store.clientPhase;
        if (phase === 'locker' || phase === 'missing') {
            return Promise.resolve(phase);
        }
        return new Promise<ClientPhase>((resolve) => {
            this.waiters.push(resolve);
            this.demandChanged();
        });
    }

    /** Starts or stops waiting as demand (subscribers, pending actions) comes and goes. */
    demandChanged(): void {
        const phase = this.store.clientPhase;
        if (isFound(phase) || phase === 'locker') {
            return;
        }
        this.startListening();
        const demand = this.store.listenerCount > 0 || this.waiters.length > 0;
        if (!demand) {
            this.stopTimers();
            return;
        }
        if (phase !== 'missing' && this.timer === null) {
            this.deadline = Date.now() + Math.max(0, this.waitMs());
            this.interval = FIRST_CHECK_MS;
            this.schedule();
        }
    }

    private schedule(): void {
        const remaining = this.deadline - Date.now();
        const delay = Math.max(0, Math.min(this.interval, remaining));
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- bounded back-off, cleared when the client is found or nobody waits
        this.timer = setTimeout(() => {
            this.timer = null;
            const phase = this.check();
            if (isFound(phase)) {
                return;
            }
            if (Date.now() >= this.deadline) {
                this.store.setClient('missing', null);
                debug('no client');
                this.settle('missing');
                return;
            }
            const cap = phase === 'loading' ? LOADING_CHECK_MS : MAX_CHECK_INTERVAL_MS;
            this.interval = Math.min(this.interval * 2, cap);
            this.schedule();
        }, delay);
    }

    private settle(phase: ClientPhase): void {
        const waiters = this.waiters;
        this.waiters = [];
        for (const resolve of waiters) {
            resolve(phase);
        }
    }

    private stopTimers(): void {
        if (this.timer !== null) {
            clearTimeout(this.timer);
            this.timer = null;
        }
        if (this.recheck !== null) {
            clearTimeout(this.recheck);
            this.recheck = null;
        }
    }

    private startListening(): void {
        if (this.listening || typeof document === 'undefined') {
            return;
        }
        try {
            document.addEventListener('load', this.onScriptLoad, true);
            this.listening = true;
        } catch {
            debug('no load events');
        }
    }

    private stopListening(): void {
        if (this.listening) {
            document.removeEventListener('load', this.onScriptLoad, true);
            this.listening = false;
        }
    }
}
