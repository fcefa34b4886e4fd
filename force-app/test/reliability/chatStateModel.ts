/**
 * An independent, small model of where the chat should stand, from the client's events and from
 * the calls made to the client (the legacy client's events, and the transitions the service
 * documents: chatTypes.ts ChatStatus, chatService.ts actions). Used by the state-machine tests to
 * predict the service's state after every step. What a client promise resolves with never
 * matters (the real client's always resolve undefined): 'restricted' resolves with the text the
 * client only logs, and is a plain value to the service. A start that settles ('restricted',
 * 'value') or times out ('never') with no sign of the widget did not happen: it answers a
 * failure and the chat goes back to where it was.
 */

export type ModelPhase = 'idle' | 'requesting' | 'queued' | 'chatting' | 'ended';

/** How the double's client method answers one call. */
export type ModelBehavior = 'real' | 'throw' | 'reject' | 'restricted' | 'value' | 'never';

export interface ModelState {
    phase: ModelPhase;
    queuePosition: number | null;
    agentsAvailable: boolean | null;
    /**
     * A start the client never answered: the phase to go back to when its call times out, if
     * the chat is still only requesting then (see settleModel).
     */
    revertTo?: ModelPhase | null;
}

export const INITIAL_MODEL: ModelState = Object.freeze({
    phase: 'idle',
    queuePosition: null,
    agentsAvailable: null
});

export function isActive(phase: ModelPhase): boolean {
    return phase === 'requesting' || phase === 'queued' || phase === 'chatting';
}

/** Events that mean an agent and the visitor are talking (the chat is established). */
export const CONVERSATION_EVENTS: readonly string[] = [
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
/** Events that end a chat. */
export const END_EVENTS: readonly string[] = [
    'onChatEndedByChasitor',
    'onChatEndedByAgent',
    'onChatEndedByChatbot',
    'onIdleTimeoutOccurred'
];
/** Events that change nothing the service shows. */
export const NEUTRAL_EVENTS: readonly string[] = [
    'onClickSubmitButton',
    'afterMaximize',
    'afterMinimize',
    'onInviteAccepted',
    'onInviteRejected',
    'onInvitationResourceLoaded',
    'onIdleTimeoutWarningStart',
    'onIdleTimeoutClear',
    'onConnectionError'
];
export const MODELLED_EVENTS: readonly string[] = [
    'onSettingsCallCompleted',
    'onAvailability',
    'onHelpButtonClick',
    'onChatRequestSuccess',
    'onQueueUpdate',
    'onChatReconnectSuccessful',
    'afterDestroy',
    ...CONVERSATION_EVENTS,
    ...END_EVENTS,
    ...NEUTRAL_EVENTS
];

function field(data: unknown, key: string): unknown {
    return data !== null && typeof data === 'object'
        ? (data as Record<string, unknown>)[key]
        : undefined;
}

/** `isAgentAvailable` when it is a boolean; otherwise availability is unknown. */
export function availabilityOf(data: unknown): boolean | null {
    const value = field(data, 'isAgentAvailable');
    return value === true || value === false ? value : null;
}

/** `queuePosition` when it is a whole number 0..999999 (or such a number written as text). */
export function queuePositionOf(data: unknown): number | null {
    const raw = field(data, 'queuePosition');
    let value: unknown = raw;
    if (typeof raw === 'string') {
        value = raw.trim() === '' ? null : Number(raw);
    }
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 999999
        ? value
        : null;
}

/** The state after one client event (names compared case-insensitively). */
export function applyModelEvent(state: ModelState, name: string, data: unknown): ModelState {
    const lower = name.toLowerCase();
    const is = (list: readonly string[]): boolean => list.some((n) => n.toLowerCase() === lower);
    const to = (phase: ModelPhase, queuePosition: number | null = null): ModelState => ({
        ...state,
        phase,
        queuePosition
    });
    if (lower === 'onsettingscallcompleted' || lower === 'onavailability') {
        return { ...state, agentsAvailable: availabilityOf(data) };
    }
    if (lower === 'onhelpbuttonclick') {
        return isActive(state.phase) ? state : to('requesting');
    }
    if (lower === 'onchatrequestsuccess' || lower === 'onqueueupdate') {
        return state.phase === 'chatting' ? state : to('queued', queuePositionOf(data));
    }
    if (lower === 'onchatreconnectsuccessful') {
        return state.phase === 'queued' ? state : to('chatting');
    }
    if (is(CONVERSATION_EVENTS)) {
        return to('chatting');
    }
    if (is(END_EVENTS)) {
        return to('ended');
    }
    if (lower === 'afterdestroy') {
        if (state.phase === 'requesting') return to('idle');
        if (state.phase === 'queued' || state.phase === 'chatting') return to('ended');
    }
    return state;
}

/** What a successful endChat does to the chat (it closes the widget). */
function afterEnd(phase: ModelPhase): ModelPhase {
    if (phase === 'requesting') return 'idle';
    if (phase === 'queued' || phase === 'chatting') return 'ended';
    return phase;
}

export interface ModelOutcome {
    state: ModelState;
    /** The result code the service should return ('OK' for ok: true). */
    code: string;
    /** Whether the client's method is called. */
    calls: boolean;
}

/** startChat, run to completion with nothing else happening meanwhile. */
export function modelStart(
    state: ModelState,
    behavior: ModelBehavior,
    whenOffline: 'refuse' | 'offline-form' = 'refuse'
): ModelOutcome {
    if (isActive(state.phase)) {
        return { state, code: 'CHAT_IN_PROGRESS', calls: false };
    }
    if (state.agentsAvailable === false && whenOffline !== 'offline-form') {
        return { state, code: 'AGENTS_OFFLINE', calls: false };
    }
    if (behavior === 'throw' || behavior === 'reject') {
        return { state, code: 'CLIENT_ERROR', calls: true };
    }
    if (state.agentsAvailable === false) {
        // The offline form: no chat is requested, so the phase stays.
        return { state, code: 'OK', calls: true };
    }
    if (behavior === 'never') {
        // No answer and no widget event before the call times out: back where it was, and
        // the start answers TIMEOUT (nothing shows that a chat was requested).
        return { state, code: 'TIMEOUT', calls: true };
    }
    if (behavior === 'restricted' || behavior === 'value') {
        // Settled with no widget event (the real client logs an error and resolves too).
        return { state, code: 'CLIENT_ERROR', calls: true };
    }
    // 'real': the widget opens (afterMaximize) and the start settles on it.
    return {
        state: { ...state, phase: 'requesting', queuePosition: null },
        code: 'OK',
        calls: true
    };
}

/** endChat or clearSession, run to completion with nothing else happening meanwhile. */
export function modelEndOrClear(
    state: ModelState,
    action: 'endChat' | 'clearSession',
    behavior: ModelBehavior
): ModelOutcome {
    if (behavior === 'throw' || behavior === 'reject') {
        return { state, code: 'CLIENT_ERROR', calls: true };
    }
    const phase = action === 'clearSession' ? 'idle' : afterEnd(state.phase);
    const next: ModelState = {
        ...state,
        revertTo: null,
        phase,
        queuePosition: phase === 'queued' ? state.queuePosition : null
    };
    // A clear is confirmed by the storage frame's answer ('real') or by the client's promise
    // settling while that frame is on the page; a promise that never settles proves nothing.
    const code = action === 'clearSession' && behavior === 'never' ? 'CLEAR_UNCONFIRMED' : 'OK';
    return { state: next, code, calls: true };
}

/**
 * The effect of one client call on the chat as the client itself sees it (the ground truth),
 * folded in the order the client received the calls.
 */
export function applyClientCall(
    state: ModelState,
    method: 'startChat' | 'endChat' | 'clearSession',
    behavior: ModelBehavior
): ModelState {
    if (behavior === 'throw' || behavior === 'reject') {
        return state;
    }
    if (method !== 'startChat') {
        return modelEndOrClear(state, method, behavior).state;
    }
    if (state.agentsAvailable === false) {
        // The offline form: no chat is requested, so the phase stays.
        return state;
    }
    if (behavior === 'restricted' || behavior === 'value') {
        // Settled at once with no widget event: the client requested nothing.
        return state;
    }
    if (behavior === 'never') {
        // Requesting until the call times out (settleModel), unless an end or clear comes first.
        return isActive(state.phase)
            ? state
            : { ...state, phase: 'requesting', queuePosition: null, revertTo: state.phase };
    }
    return isActive(state.phase) ? state : { ...state, phase: 'requesting', queuePosition: null };
}

/**
 * Once every call has settled: a start the client never answered, with no widget event since,
 * goes back to where the chat was before it.
 */
export function settleModel(state: ModelState): ModelState {
    if (state.revertTo !== undefined && state.revertTo !== null && state.phase === 'requesting') {
        return { ...state, phase: state.revertTo, revertTo: null };
    }
    return { ...state, revertTo: null };
}

/** The public state the service should show for a model state (client ready). */
export function expectedChatState(state: ModelState): {
    status: string;
    client: 'legacy';
    agentsAvailable: boolean | null;
    queuePosition: number | null;
    disabledReason: null;
    siteRoutingValid: true;
} {
    return {
        status: state.phase === 'idle' ? 'ready' : state.phase,
        client: 'legacy',
        agentsAvailable: state.agentsAvailable,
        queuePosition: state.phase === 'queued' ? state.queuePosition : null,
        disabledReason: null,
        // The storms set no site routing: the snippet's, valid.
        siteRoutingValid: true
    };
}
