/**
 * The chat's state on this page: what the client is doing (present, missing, blocked by Locker)
 * and where the chat stands, derived into the public ChatState and fanned out to subscribers.
 * The client's events are translated here, in one place.
 */
import { debug } from './debugLog';
import type { ChatState, ChatStateListener, ChatStatus } from './chatTypes';

/** Whether the chat client can be used. */
export type ClientPhase = 'locker' | 'waiting' | 'missing' | 'ready';
/** Where the chat itself stands. */
export type ChatPhase = 'idle' | 'requesting' | 'queued' | 'chatting' | 'ended';

interface InternalState {
    client: ClientPhase;
    chat: ChatPhase;
    agentsAvailable: boolean | null;
    queuePosition: number | null;
}

const ACTIVE: ReadonlySet<ChatPhase> = new Set(['requesting', 'queued', 'chatting']);

/** Events that mean an agent is talking with the visitor. */
const CHATTING_EVENTS = new Set([
    'onchatestablished',
    'onagentmessage',
    'onagentrichmessage',
    'onchasitormessage',
    'onchattransferinitiated',
    'onchattransfersuccessful',
    'onchatconferenceinitiated',
    'onagentjoinedconference',
    'onagentleftconference',
    'onchatconferenceended'
]);
const ENDED_EVENTS = new Set([
    'onchatendedbychasitor',
    'onchatendedbyagent',
    'onchatendedbychatbot',
    'onidletimeoutoccurred'
]);

/** Reads one field of an event payload; null when absent or unreadable (a throwing getter). */
function field(data: unknown, name: string): unknown {
    try {
        return data && typeof data === 'object' ? (data as Record<string, unknown>)[name] : null;
    } catch {
        return null;
    }
}

function readAvailability(data: unknown): boolean | null {
    const value = field(data, 'isAgentAvailable');
    return typeof value === 'boolean' ? value : null;
}

function readQueuePosition(data: unknown): number | null {
    const raw = field(data, 'queuePosition');
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e6
        ? value
        : null;
}

function derive(internal: InternalState): ChatState {
    let status: ChatStatus;
    let disabledReason: ChatState['disabledReason'] = null;
    if (internal.client === 'locker') {
        status = 'disabled';
        disabledReason = 'locker';
    } else if (internal.client === 'missing') {
        status = 'disabled';
        disabledReason = 'no-chat-client';
    } else if (internal.client === 'waiting') {
        status = 'loading';
    } else {
        status = internal.chat === 'idle' ? 'ready' : internal.chat;
    }
    return Object.freeze({
        status,
        client: internal.client === 'ready' ? ('legacy' as const) : null,
        agentsAvailable: internal.client === 'locker' ? null : internal.agentsAvailable,
        queuePosition: status === 'queued' ? internal.queuePosition : null,
        disabledReason
    });
}

/** The page's chat state and its subscribers. */
export class ChatStore {
    private internal: InternalState;
    private snapshot: ChatState;
    private readonly listeners = new Set<ChatStateListener>();

    constructor(client: ClientPhase) {
        this.internal = { client, chat: 'idle', agentsAvailable: null, queuePosition: null };
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

    setClient(client: ClientPhase): void {
        this.update({ client });
    }

    setChat(chat: ChatPhase): void {
        this.update(chat === 'queued' ? { chat } : { chat, queuePosition: null });
    }

    setAvailability(agentsAvailable: boolean | null): void {
        this.update({ agentsAvailable });
    }

    /** Applies one client event (name lower-cased) to the state. Malformed payloads are tolerated. */
    applyEvent(name: string, data: unknown): void {
        const chat = this.internal.chat;
        if (name === 'onsettingscallcompleted' || name === 'onavailability') {
            this.update({ agentsAvailable: readAvailability(data) });
        } else if (name === 'onhelpbuttonclick') {
            if (!ACTIVE.has(chat)) {
                this.update({ chat: 'requesting', queuePosition: null });
            }
        } else if (name === 'onchatrequestsuccess') {
            if (chat !== 'chatting') {
                this.update({ chat: 'queued', queuePosition: readQueuePosition(data) });
            }
        } else if (name === 'onqueueupdate') {
            if (chat !== 'chatting') {
                this.update({ chat: 'queued', queuePosition: readQueuePosition(data) });
            }
        } else if (name === 'onchatreconnectsuccessful') {
            if (chat !== 'queued') {
                this.update({ chat: 'chatting', queuePosition: null });
            }
        } else if (CHATTING_EVENTS.has(name)) {
            this.update({ chat: 'chatting', queuePosition: null });
        } else if (ENDED_EVENTS.has(name)) {
            this.update({ chat: 'ended', queuePosition: null });
        } else if (name === 'afterdestroy') {
            if (chat === 'requesting') {
                this.update({ chat: 'idle', queuePosition: null });
            } else if (chat === 'queued' || chat === 'chatting') {
                this.update({ chat: 'ended', queuePosition: null });
            }
        }
    }

    private update(patch: Partial<InternalState>): void {
        const next = { ...this.internal, ...patch };
        const snapshot = derive(next);
        this.internal = next;
        const previous = this.snapshot;
        if (
            previous.status === snapshot.status &&
            previous.client === snapshot.client &&
            previous.agentsAvailable === snapshot.agentsAvailable &&
            previous.queuePosition === snapshot.queuePosition &&
            previous.disabledReason === snapshot.disabledReason
        ) {
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
            debug('a subscriber threw while handling a state change');
        }
    }
}
