/**
 * Finds the chat client as soon as it appears, without polling forever.
 *
 * Signals, in order of preference: the client is already there (most pages); a `load` event of a
 * script element (caught on the document in the capture phase: the snippet and its feature
 * scripts are scripts); any event of the client itself (its handlers are registered as soon as
 * the `embedded_svc` global exists, before its chat API). A few back-off checks (50 ms doubling
 * to 2 s) cover scripts injected without a load event. After the wait the client is reported
 * missing; a later script load still recovers. No timer runs once the client is found, or while
 * nobody (no subscriber, no pending action) needs it.
 */
import { debug } from './debugLog';
import type { ChatClient, ClientEventSink, ClientPresence } from './chatClient';
import type { ChatStore } from './chatStore';

export type ReadyOutcome = 'ready' | 'missing' | 'timeout';

const FIRST_CHECK_MS = 50;
const MAX_CHECK_INTERVAL_MS = 2000;

export class ClientReadiness {
    private readonly client: ChatClient;
    private readonly store: ChatStore;
    private readonly sink: ClientEventSink;
    private readonly waitMs: () => number;
    private timer: ReturnType<typeof setTimeout> | null = null;
    private deadline = 0;
    private interval = FIRST_CHECK_MS;
    private waiters: ((outcome: ReadyOutcome) => void)[] = [];
    private listening = false;
    private readonly onScriptLoad = (): void => {
        this.check();
    };

    constructor(client: ChatClient, store: ChatStore, sink: ClientEventSink, waitMs: () => number) {
        this.client = client;
        this.store = store;
        this.sink = sink;
        this.waitMs = waitMs;
    }

    /** True while a back-off timer is pending (for tests and diagnostics). */
    get timerRunning(): boolean {
        return this.timer !== null;
    }

    /** Looks at the page now; registers handlers as soon as the client global exists. */
    check(): ClientPresence {
        if (this.store.clientPhase === 'locker') {
            return 'absent';
        }
        const presence = this.client.probe();
        if (presence !== 'absent') {
            this.client.connect(this.sink);
        }
        if (presence === 'ready') {
            if (this.store.clientPhase !== 'ready') {
                const known = this.client.knownAvailability();
                if (known !== null) {
                    this.store.setAvailability(known);
                }
                this.store.setClient('ready');
                debug('chat client ready');
            }
            this.stopTimer();
            this.stopListening();
            this.settle('ready');
        } else if (this.store.clientPhase === 'ready') {
            // The client went away (the snippet ran again and replaced embedded_svc with one
            // still loading its chat API): wait for it again rather than calling a missing API.
            this.store.setClient('waiting');
            debug('chat client went away; waiting again');
        }
        return presence;
    }

    /** Resolves when the client is usable, or when the wait ends without it. */
    whenReady(): Promise<ReadyOutcome> {
        if (this.check() === 'ready') {
            return Promise.resolve('ready');
        }
        if (this.store.clientPhase === 'locker' || this.store.clientPhase === 'missing') {
            return Promise.resolve('missing');
        }
        return new Promise<ReadyOutcome>((resolve) => {
            this.waiters.push(resolve);
            this.demandChanged();
        });
    }

    /** Starts or stops waiting as demand (subscribers, pending actions) comes and goes. */
    demandChanged(): void {
        const phase = this.store.clientPhase;
        if (phase === 'ready' || phase === 'locker') {
            return;
        }
        this.startListening();
        const demand = this.store.listenerCount > 0 || this.waiters.length > 0;
        if (!demand) {
            this.stopTimer();
            return;
        }
        if (phase === 'waiting' && this.timer === null) {
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
            if (this.check() === 'ready') {
                return;
            }
            if (Date.now() >= this.deadline) {
                this.store.setClient('missing');
                debug('no chat client appeared within the wait');
                this.settle('timeout');
                return;
            }
            this.interval = Math.min(this.interval * 2, MAX_CHECK_INTERVAL_MS);
            this.schedule();
        }, delay);
    }

    private settle(outcome: ReadyOutcome): void {
        const waiters = this.waiters;
        this.waiters = [];
        for (const resolve of waiters) {
            resolve(outcome);
        }
    }

    private stopTimer(): void {
        if (this.timer !== null) {
            clearTimeout(this.timer);
            this.timer = null;
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
            debug('cannot listen for script loads');
        }
    }

    private stopListening(): void {
        if (this.listening) {
            document.removeEventListener('load', this.onScriptLoad, true);
            this.listening = false;
        }
    }
}
