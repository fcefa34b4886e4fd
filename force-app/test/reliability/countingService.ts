/**
 * A see-through wrapper of the REAL c/embeddedChatService for the component lifecycle tests:
 * every function is the real one; subscribeToChat is passed through with counters around it, so
 * that a test can see how many subscriptions are open and whether a state ever reaches a
 * listener after its component unsubscribed. Nothing is added to the service itself.
 *
 *     jest.mock('c/embeddedChatService', () =>
 *         require('test/reliability/countingService').withCounters(
 *             jest.requireActual('c/embeddedChatService')
 *         )
 *     );
 */
import type * as ServiceModule from 'c/embeddedChatService';

type Service = typeof ServiceModule;

export interface SubscriptionCounters {
    /** Subscriptions opened and not yet closed. */
    open: number;
    /** Subscriptions ever opened. */
    opened: number;
    /** States delivered to open subscriptions. */
    delivered: number;
    /** States delivered to a listener after its unsubscribe function was called. */
    deliveredAfterClose: number;
}

export const counters: SubscriptionCounters = {
    open: 0,
    opened: 0,
    delivered: 0,
    deliveredAfterClose: 0
};

export function withCounters(actual: Service): Service {
    return {
        ...actual,
        subscribeToChat(listener) {
            counters.open += 1;
            counters.opened += 1;
            let closed = false;
            const stop = actual.subscribeToChat((state) => {
                if (closed) {
                    counters.deliveredAfterClose += 1;
                } else {
                    counters.delivered += 1;
                }
                listener(state);
            });
            return () => {
                if (!closed) {
                    closed = true;
                    counters.open -= 1;
                }
                stop();
            };
        }
    };
}
