/**
 * The chat's state on this page: what the client is doing (present, missing, blocked by Locker)
 * and where the chat stands, derived into the public ChatState and fanned out to subscribers.
 * The client's events arrive already translated by its adapter (ChatSignal); their effect on the
 * state is decided here, in one place.
 */
import { debug } from './debugLog';
import type { ChatSignal, ClientPhase } from './chatClient';
import type { ChatClientKind, ChatState, ChatStateListener, ChatStatus } from './chatTypes';

/** Where the chat itself stands. */
export type ChatPhase = 'idle' | 'requesting' | 'queued' | 'chatting' | 'open' | 'ended';

interface InternalState {
    client: ClientPhase;
    /** The provider the page runs, once its client is ready. */
    kind: ChatClientKind | null;
    chat: ChatPhase;
    agentsAvailable: boolean | null;
    queuePosition: number | null;
    siteRoutingValid: boolean;
}

const ACTIVE: ReadonlySet<ChatPhase> = new Set(['requesting', 'queued', 'chatting', 'open']);

function derive(internal: InternalState): ChatState {
    let status: ChatStatus;
    let disabledReason: ChatState['disabledReason'] = null;
    if (internal.client === 'locker') {
        status = 'disabled';
        disabledReason = 'locker';
    } else if (internal.client === 'missing' || internal.client === 'login-required') {
        status = 'disabled';
        disabledReason = internal.client === 'missing' ? 'no-chat-client' : 'login-required';
    } else if (internal.client !== 'ready') {
        status = 'loading';
    } else {
        status = internal.chat === 'idle' ? 'ready' : internal.chat;
    }
    return Object.freeze({
        status,
        client:
            internal.client === 'ready' || internal.client === 'login-required'
                ? internal.kind
                : null,
        agentsAvailable: internal.client === 'locker' ? null : internal.agentsAvailable,
        queuePosition: status === 'queued' ? internal.queuePosition : null,
        disabledReason,
        siteRoutingValid: internal.siteRoutingValid
    });
}

/** The page's chat state and its subscribers. */
export class ChatStore {
    private internal: InternalState;
    private snapshot: ChatState;
    private readonly listeners = new Set<ChatStateListener>();

    constructor(client: ClientPhase) {
        this.internal = {
            client,
            kind: null,
            chat: 'idle',
            agentsAvailable: null,
            queuePosition: null,
            siteRoutingValid: true
        };
        this.snapshot = derive(this.internal);
    }

    get state(): ChatState {
        return this.snapshot;
    }

    get clientPhase(): ClientPhase {
        return this.internal.client;
    }

    get chatPhase(): ChatPhase {
        return this.internal.chat;
    }

    /** True while a chat is requesting, queued or established. */
    get chatActive(): boolean {
        return ACTIVE.has(this.internal.chat);
    }

    get listenerCount(): number {
        return this.listeners.size;
    }

    /** Adds a listener, calls it at once; returns the function that removes it (idempotent). */
    subscribe(listener: ChatStateListener): () => void {
        const wrapped: ChatStateListener = (state) => listener(state);
        this.listeners.add(wrapped);
        this.deliver(wrapped, this.snapshot);
        return () => {
            this.listeners.delete(wrapped);
        };
    }

    setClient(client: ClientPhase, kind: ChatClientKind | null = this.internal.kind): void {
        this.update({ client, kind });
    }

    setChat(chat: ChatPhase): void {
        this.update(chat === 'queued' ? { chat } : { chat, queuePosition: null });
    }

    setAvailability(agentsAvailable: boolean | null): void {
        this.update({ agentsAvailable });
    }

    setSiteRoutingValid(siteRoutingValid: boolean): void {
        this.update({ siteRoutingValid });
    }

    /** Applies one client signal to the state. */
    applySignal(signal: ChatSignal): void {
        const chat = this.internal.chat;
        switch (signal.kind) {
            case 'availability':
                this.update({ agentsAvailable: signal.available });
                break;
            case 'requested':
                if (!ACTIVE.has(chat) || chat === 'open') this.setChat('requesting');
                break;
            case 'awaiting':
                if (chat === 'requesting') this.setChat('open');
                break;
            case 'queued':
                if (chat !== 'chatting') {
                    this.update({ chat: 'queued', queuePosition: signal.position });
                }
                break;
            case 'continued':
                // A known stage moves a chat on; a reopened window of unknown stage never hides one.
                if (
                    signal.phase &&
                    chat !== 'chatting' &&
                    (signal.phase !== 'open' || !ACTIVE.has(chat))
                ) {
                    this.setChat(signal.phase);
                }
                break;
            case 'reconnected':
                if (chat !== 'queued') this.setChat('chatting');
                break;
            case 'chatting':
            case 'ended':
                this.setChat(signal.kind);
                break;
            case 'closed':
                if (chat === 'requesting') {
                    this.setChat('idle');
                } else if (chat === 'queued' || chat === 'chatting') {
                    this.setChat('ended');
                }
                break;
            case 'reset':
                // A chat that was under way or had ended stays ended until the next start or clear.
                this.setChat(
                    chat === 'queued' || chat === 'chatting' || chat === 'ended' ? 'ended' : 'idle'
                );
                break;
            default:
                break; // opened, activity, ready: signs of life, no change of state
        }
    }

    private update(patch: Partial<InternalState>): void {
        const next = { ...this.internal, ...patch };
        const snapshot = derive(next);
        this.internal = next;
        const previous = this.snapshot;
        // Every field of the state is a plain value: a change of any one is a change.
        const keys = Object.keys(snapshot) as (keyof ChatState)[];
        if (keys.every((key) => previous[key] === snapshot[key])) {
            return;
        }
        this.snapshot = snapshot;
        debug(`state ${previous.status} -> ${snapshot.status}`);
        for (const listener of [...this.listeners]) {
            if (this.listeners.has(listener)) {
                this.deliver(listener, snapshot);
            }
        }
    }

    private deliver(listener: ChatStateListener, state: ChatState): void {
        try {
            listener(state);
        } catch {
            // A subscriber's bug must not stop the others or reach the chat client's event loop.
            debug('subscriber threw');
        }
    }
}
