/**
 * The one wait for a client's stored session (docs/legacy-chat-client.md, "The storage frame"):
 * the legacy client learns whether a chat continues only when its storage frame answers, and
 * that frame may never answer (blocked by a content-security policy or an extension, or lost on
 * the network). So the wait is paid once per page, not once per call: from the moment the
 * service found the client ready, at most SESSION_WAIT_MS, or until the answer came (the
 * `continued` signal, or the adapter no longer reporting the session pending), whichever is
 * first. After that, a start or clear goes to the client at once, as the client's own API does;
 * an answer that comes later is still applied as a signal.
 */
import { guardedCall } from './clientCall';
import type { ChatClient } from './chatClient';
import type { SignalWatches } from './signalWatches';

/** How long after readiness a start or clear may wait for the stored session. */
export const SESSION_WAIT_MS = 1000;

export class SessionWait {
    private readonly watches: SignalWatches;
    /** Date.now() until which a call may wait; null until the client was found ready. */
    private deadline: number | null = null;

    constructor(watches: SignalWatches) {
        this.watches = watches;
    }

    /** The client was found ready: the page's only wait starts now (later calls do nothing). */
    clientReady(): void {
        this.deadline ??= Date.now() + SESSION_WAIT_MS;
    }

    /** Resolves once the session is loaded, or at the page's deadline; never rejects. */
    async loaded(client: ChatClient): Promise<void> {
        const remaining = this.deadline === null ? 0 : this.deadline - Date.now();
        if (remaining <= 0 || !client.sessionPending()) {
            return;
        }
        const answer = this.watches.watch((signal) => signal.kind === 'continued');
        await guardedCall(() => answer.promise, remaining);
        answer.stop();
    }
}
