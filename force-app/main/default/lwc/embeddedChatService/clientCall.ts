/**
 * Calls a chat client method without ever hanging or throwing: the client's promises practically
 * never reject, sometimes never settle, and its methods may throw synchronously.
 */

export type CallOutcome =
    | { kind: 'resolved'; value: unknown }
    | { kind: 'rejected'; error: unknown }
    | { kind: 'threw'; error: unknown }
    | { kind: 'timeout' };

/** The value's `then` method, if it is a thenable (a hostile `then` getter may throw). */
function thenOf(
    value: unknown
): ((onOk: (v: unknown) => void, onErr: (e: unknown) => void) => unknown) | null {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
        return null;
    }
    const then = (value as { then?: unknown }).then;
    return typeof then === 'function' ? (then as ReturnType<typeof thenOf>) : null;
}

/** Runs `fn`; waits for a returned promise at most `timeoutMs` (the timer is always cleared). */
export function guardedCall(fn: () => unknown, timeoutMs: number): Promise<CallOutcome> {
    let result: unknown;
    let then: ReturnType<typeof thenOf>;
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
        // The bound on a client promise; cleared as soon as the promise settles (resolve is
        // idempotent, so a late settlement after the timeout changes nothing).
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        const timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
        const finish = (outcome: CallOutcome): void => {
            clearTimeout(timer);
            resolve(outcome);
        };
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
