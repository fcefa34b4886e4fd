/**
 * One startChat that reached the client, and how its outcome is judged: from signs of the widget,
 * never from the client's promise settling (the legacy client resolves `undefined` after logging
 * an error too).
 */
import type { ChatPhase } from './chatStore';
import type { CallOutcome } from './clientCall';

/** One startChat that reached the client: its identity is the object itself. */
export interface StartAttempt {
    /** The phase a failed or silent start goes back to (moved on by an end or clear meanwhile). */
    revertTo: ChatPhase;
    /** Waiting for the client's answer or a sign of the widget. */
    inFlight: boolean;
    /** The client threw or rejected, or the start ended with no sign of the widget. */
    failed: boolean;
    /** Signs of the widget since the call. */
    events: number;
    /** endChat and clearSession calls made since the call (and not failed). */
    closings: number;
    /** The phase a close left while this start was unanswered (null: none did). */
    leftByClose: ChatPhase | null;
    /**
     * The client's call settled with no sign of the widget while a close was pending: the start
     * did nothing, whatever that close turns out to do.
     */
    settledUnseen: boolean;
}

export function newAttempt(revertTo: ChatPhase): StartAttempt {
    return {
        revertTo,
        inFlight: true,
        failed: false,
        events: 0,
        closings: 0,
        leftByClose: null,
        settledUnseen: false
    };
}

/**
 * How a start ended with no sign of the widget: 'timeout' (no answer, and no close reached the
 * client meanwhile), 'settled' (the call settled), or null (a sign came, or a close may explain
 * the silence). Records `settledUnseen` for a settle made while a close was pending.
 */
export function unseenEnd(
    attempt: StartAttempt,
    outcome: CallOutcome
): 'timeout' | 'settled' | null {
    if (attempt.events > 0) {
        return null;
    }
    if (outcome.kind === 'timeout') {
        return attempt.closings === 0 ? 'timeout' : null;
    }
    if (outcome.kind !== 'resolved') {
        return null;
    }
    if (attempt.closings === 0) {
        return 'settled';
    }
    attempt.settledUnseen = true;
    return null;
}

/** Where a chat stands once the visitor's end reached the client. */
export function phaseAfterEnd(phase: ChatPhase): ChatPhase {
    if (phase === 'requesting') {
        return 'idle';
    }
    return phase === 'queued' || phase === 'chatting' ? 'ended' : phase;
}
