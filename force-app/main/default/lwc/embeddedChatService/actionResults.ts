/**
 * The results of the service's actions, and the result of a client call that failed. A failure's
 * `message` is its code, then any detail (the client's own error text, the routing issue): what
 * each code means is written once, on `ChatErrorCode`, and components show its Custom Label. No
 * English sentence per code is shipped to visitors.
 */
import { AgentsUnavailable, UnsupportedAction } from './chatClient';
import { errorText } from './values';
import type { CallOutcome } from './clientCall';
import type { ChatActionResult, ChatErrorCode } from './chatTypes';

export function fail(code: ChatErrorCode, detail?: string): ChatActionResult {
    return { ok: false, code, message: detail ? `${code}: ${detail}` : code };
}

export const OK: ChatActionResult = Object.freeze({ ok: true });

/** The result of a call that threw or rejected; null when it did neither. */
export function callFailure(outcome: CallOutcome): ChatActionResult | null {
    if (outcome.kind !== 'threw' && outcome.kind !== 'rejected') {
        return null;
    }
    const code = isA(outcome.error, UnsupportedAction)
        ? 'NOT_SUPPORTED'
        : isA(outcome.error, AgentsUnavailable)
          ? 'AGENTS_OFFLINE'
          : 'CLIENT_ERROR';
    return fail(code, errorText(outcome.error));
}

/** `instanceof` reads the prototype, which a hostile Proxy may refuse. */
function isA(error: unknown, type: new (message?: string) => Error): boolean {
    try {
        return error instanceof type;
    } catch {
        return false;
    }
}
