/**
 * The results of the service's actions: one English message per code (for developers' logs;
 * components show the Custom Label for the code), and the result of a client call that failed.
 */
import { AgentsUnavailable, UnsupportedAction } from './chatClient';
import { errorText } from './values';
import type { CallOutcome } from './clientCall';
import type { ChatActionResult, ChatErrorCode } from './chatTypes';

const MESSAGES: Record<ChatErrorCode, string> = {
    LOCKER_ACTIVE:
        'Chat is unavailable because Lightning Locker is on for this site. Turn on Lightning Web Security.',
    CHAT_CLIENT_MISSING:
        'No chat client is on this page. Add the Embedded Service Chat (or Embedded Messaging) component to the site.',
    AGENTS_OFFLINE: 'No agents are available right now.',
    LOGIN_REQUIRED: 'Chat is for logged-in users.',
    CHAT_IN_PROGRESS: 'A chat is already open or being requested.',
    INVALID_ROUTING: 'The chat routing configuration is not valid.',
    CLIENT_ERROR: 'The chat client reported an error.',
    TIMEOUT: 'The chat client did not load or answer in time.',
    NOT_SUPPORTED: 'The chat client on this page cannot do this.',
    CLEAR_UNCONFIRMED:
        'The chat ended, but the chat client did not confirm that its stored session data was deleted.'
};

export function fail(code: ChatErrorCode, detail?: string): ChatActionResult {
    return { ok: false, code, message: detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code] };
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
