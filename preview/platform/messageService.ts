/**
 * `lightning/messageService` for the preview: one message bus for the page (messageBus.ts says
 * what of the platform's service it mirrors), shared by the chat service and the preview's
 * "other component" panel. Also exposes the bus to the page for inspection.
 */
import { createMessageBus, type BusContext, type BusSubscription } from './messageBus.ts';

export const pageBus = createMessageBus();

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

export function createMessageContext(): BusContext {
    return pageBus.createMessageContext();
}

export function releaseMessageContext(context: BusContext): void {
    pageBus.releaseMessageContext(context);
}

export function publish(context: BusContext, channel: unknown, message?: unknown): void {
    pageBus.publish(context, channel, message);
}

export function subscribe(
    context: BusContext,
    channel: unknown,
    listener: (message: unknown) => void
): BusSubscription {
    return pageBus.subscribe(context, channel, listener);
}

export function unsubscribe(subscription: BusSubscription): void {
    pageBus.unsubscribe(subscription);
}
