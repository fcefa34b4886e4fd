/**
 * Gives the sfdx-lwc-jest stubs of `lightning/messageService` (jest.fn()s that do nothing) the
 * behaviour of one page's message service: preview/platform/messageBus.ts, the same engine as the
 * preview's stand-in, says what of the platform it mirrors. Pass the module a test requires (in
 * `jest.isolateModules`, the copy the service under test sees).
 */
import type * as MessageService from 'lightning/messageService';
import { createMessageBus, type MessageBus } from '../../../preview/platform/messageBus.ts';

export function installMessageBus(lms: typeof MessageService): MessageBus {
    const bus = createMessageBus();
    // The stub's types are the platform's; the bus's context and subscription stand in for them.
    const as = <T>(fn: unknown): jest.Mock<T> => fn as jest.Mock<T>;
    as(lms.createMessageContext).mockImplementation(() => bus.createMessageContext());
    as(lms.releaseMessageContext).mockImplementation((context) =>
        bus.releaseMessageContext(context as never)
    );
    as(lms.publish).mockImplementation((context, channel, message) =>
        bus.publish(context as never, channel, message)
    );
    as(lms.subscribe).mockImplementation((context, channel, listener) =>
        bus.subscribe(context as never, channel, listener as never)
    );
    as(lms.unsubscribe).mockImplementation((subscription) =>
        bus.unsubscribe(subscription as never)
    );
    return bus;
}
