/**
 * One startChat that reached the client, and how its outcome is judged: from signs of the widget,
 * never from the client's promise settling (the legacy client resolves `undefined` after logging
 * an error too).
 */
import type { ChatPhase } from './chatStore';
import type { CallOutcome } from './clientCall';

/**
 * Where a start stands:
 * - `waiting`: for the client's answer or a sign of the widget;
 * - `settled`: it answered, or the widget showed a sign of it;
 * - `failed`: the client threw or rejected, or the start ended with no sign of the widget;
 * - `silentWhileClosing`: the call settled with no sign of the widget while a close was pending:
 *   the start did nothing, whatever that close turns out to do.
 */
export type AttemptState = 'waiting' | 'settled' | 'failed' | 'silentWhileClosing';

/** One startChat that reached the client: its identity is the object itself. */
export interface StartAttempt {
    state: AttemptState;
    /** A sign of the widget came since the call. */
    shown: boolean;
    /** The phase a failed or silent start goes back to (moved on by an end or clear meanwhile). */
    revertTo: ChatPhase;
    /** endChat and clearSession calls made since the call (and not failed). */
    closings: number;
    /** The phase a close left while this start was unanswered (null: none did). */
    leftByClose: ChatPhase | null;
}

/**
 * How a start ended with no sign of the widget: 'timeout' (no answer, and no close reached the
 * client meanwhile), 'settled' (the call settled), 'silentWhileClosing' (it settled while a close
 * was pending), or null (a sign came, the client failed, or a close may explain the silence).
 */
export function unseenEnd(
    attempt: StartAttempt,
    outcome: CallOutcome
): 'timeout' | 'settled' | 'silentWhileClosing' | null {
    if (attempt.shown) {
        return null;
    }
    if (outcome.kind === 'timeout') {
        return attempt.closings === 0 ? 'timeout' : null;
    }
    if (outcome.kind !== 'resolved') {
        return null;
    }
    return attempt.closings === 0 ? 'settled' : 'silentWhileClosing';
}

/** Where a chat stands once the visitor's end reached the client. */
export function phaseAfterEnd(phase: ChatPhase): ChatPhase {
    if (phase === 'requesting') {
        return 'idle';
    }
    return phase === 'queued' || phase === 'chatting' ? 'ended' : phase;
}
