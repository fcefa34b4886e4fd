/**
 * Calls a chat client method without ever hanging or throwing: the client's promises practically
 * never reject, sometimes never settle (the legacy startChat waits for the pre-chat form), and
 * its methods may throw synchronously. An optional early signal (an event that already shows the
 * outcome) settles the call before its promise does.
 */

export type CallOutcome =
    | { kind: 'resolved'; value: unknown }
    | { kind: 'rejected'; error: unknown }
    | { kind: 'threw'; error: unknown }
    /** The early signal came first. */
    | { kind: 'signalled' }
    | { kind: 'timeout' };

type Then = (onOk: (v: unknown) => void, onErr: (e: unknown) => void) => unknown;

/** The value's `then` method, if it is a thenable (a hostile `then` getter may throw). */
function thenOf(value: unknown): Then | null {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
        return null;
    }
    const then = (value as { then?: unknown }).then;
    return typeof then === 'function' ? (then as Then) : null;
}

/**
 * Runs `fn`; waits for a returned promise at most `timeoutMs` (the timer is always cleared), or
 * until the promise `early()` gives (asked once `fn` has run) resolves.
 */
export function guardedCall(
    fn: () => unknown,
    timeoutMs: number,
    early?: () => Promise<unknown> | null | undefined
): Promise<CallOutcome> {
    let result: unknown;
    let then: Then | null;
    try {
        result = fn();
        then = thenOf(result);
    } catch (error) {
        return Promise.resolve({ kind: 'threw', error });
    }
    if (!then) {
        return Promise.resolve({ kind: 'resolved', value: result });
    }
    const thenable = then;
    return new Promise<CallOutcome>((resolve) => {
        // The bound on a client promise; cleared as soon as the call settles (resolve is
        // idempotent, so a late settlement after the timeout changes nothing).
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        const timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
        const finish = (outcome: CallOutcome): void => {
            clearTimeout(timer);
            resolve(outcome);
        };
        early?.()?.then(
            () => finish({ kind: 'signalled' }),
            () => undefined
        );
        try {
            thenable.call(
                result,
                (value) => finish({ kind: 'resolved', value }),
                (error: unknown) => finish({ kind: 'rejected', error })
            );
        } catch (error) {
            finish({ kind: 'threw', error });
        }
    });
}
