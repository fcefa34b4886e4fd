/**
 * One page's Lightning Message Service: the engine behind the preview's `lightning/messageService`
 * stand-in (messageService.ts) and the unit tests' use of the sfdx-lwc-jest stubs
 * (force-app/test/jest-mocks/messageService.ts). It is never kinder than the platform:
 *
 * - `createMessageContext()`: a new context; nothing is delivered to it until it subscribes.
 * - `publish(context, channel, message)`: every subscription to `channel` on the page receives
 *   the message, the publisher's own included, as a copy. The platform's message is "a
 *   serializable JSON object" that "can't contain functions and symbols" (LWC guide, Lightning
 *   Message Service): such a message throws here. Delivery happens in a later microtask, each
 *   listener apart: the platform does not promise synchronous delivery, so nothing may rely on it.
 * - `subscribe(context, channel, listener)`: returns the subscription (listeners of a context that
 *   was released, or of a subscription removed, receive nothing more).
 * - `unsubscribe(subscription)`, `releaseMessageContext(context)`: as the platform; a released
 *   context can neither publish nor subscribe (throws), so code that keeps using one fails here.
 */

export interface BusContext {
    readonly id: number;
}

export interface BusSubscription {
    readonly context: BusContext;
    readonly channel: unknown;
    readonly listener: (message: unknown) => void;
}

export interface PublishedMessage {
    channel: unknown;
    context: BusContext;
    message: unknown;
}

export interface MessageBus {
    createMessageContext(): BusContext;
    releaseMessageContext(context: BusContext): void;
    publish(context: BusContext, channel: unknown, message?: unknown): void;
    subscribe(
        context: BusContext,
        channel: unknown,
        listener: (message: unknown) => void
    ): BusSubscription;
    unsubscribe(subscription: BusSubscription): void;
    /** Every message published, oldest first (test and preview inspection). */
    readonly published: PublishedMessage[];
    /** Contexts created and not released yet. */
    liveContexts(): number;
}

/** Throws when `value` holds a function or a symbol (what the platform refuses to carry). */
function assertSerializable(value: unknown, depth = 0): void {
    if (typeof value === 'function' || typeof value === 'symbol') {
        throw new TypeError('A message can’t contain functions and symbols.');
    }
    if (value !== null && typeof value === 'object' && depth < 50) {
        for (const item of Object.values(value)) {
            assertSerializable(item, depth + 1);
        }
    }
}

export function createMessageBus(): MessageBus {
    let nextId = 1;
    const live = new Set<BusContext>();
    const subscriptions = new Set<BusSubscription>();
    const published: PublishedMessage[] = [];
    const usable = (context: BusContext, what: string): void => {
        if (!live.has(context)) {
            throw new Error(`${what}: the message context was released or never created`);
        }
    };
    return {
        published,
        createMessageContext() {
            const context = Object.freeze({ id: nextId++ });
            live.add(context);
            return context;
        },
        releaseMessageContext(context) {
            live.delete(context);
            for (const subscription of subscriptions) {
                if (subscription.context === context) {
                    subscriptions.delete(subscription);
                }
            }
        },
        publish(context, channel, message) {
            usable(context, 'publish');
            assertSerializable(message);
            const text = JSON.stringify(message ?? null);
            published.push({ channel, context, message: JSON.parse(text) as unknown });
            for (const subscription of [...subscriptions]) {
                if (subscription.channel === channel) {
                    // A promise job, not queueMicrotask: Jest's fake timers hold queueMicrotask back.
                    void Promise.resolve().then(() => {
                        if (subscriptions.has(subscription)) {
                            subscription.listener(JSON.parse(text) as unknown);
                        }
                    });
                }
            }
        },
        subscribe(context, channel, listener) {
            usable(context, 'subscribe');
            const subscription = Object.freeze({ context, channel, listener });
            subscriptions.add(subscription);
            return subscription;
        },
        unsubscribe(subscription) {
            subscriptions.delete(subscription);
        },
        liveContexts: () => live.size
    };
}
