/**
 * One publish per state change on the page's message channel, however many components follow
 * the chat: 1, 10 and 50 Chat Status components with the REAL service, the embedded_svc double
 * and the sfdx-lwc-jest stubs of lightning/messageService given one page's bus. One page for the
 * whole file (the service loads once, as on a site).
 */
import { createElement } from 'lwc';
import * as lms from 'lightning/messageService';
import ChatStatus from 'c/chatStatus';
import { getChatState, subscribeToChat, startChat } from 'c/embeddedChatService';
import { fireEvent, getCalls, installEmbeddedSvc } from 'test/jest-mocks/embeddedSvc';
import { installMessageBus } from 'test/jest-mocks/messageService';
import { flushMicrotasks } from 'test/reliability/serviceHarness';
import type { ChatChannelMessage } from '../../channelTypes';
import type { MessageBus } from '../../../../../../../preview/platform/messageBus.ts';

let bus: MessageBus;

/** The state messages published so far (the service is the only publisher here). */
function stateMessages(): ChatChannelMessage[] {
    return bus.published
        .map((entry) => entry.message as ChatChannelMessage)
        .filter((message) => message.type === 'state');
}

describe('one publish per state change, with 1, 10 and 50 components', () => {
    beforeAll(() => {
        bus = installMessageBus(lms);
        installEmbeddedSvc({ settings: { agentAvailableOnButtonClick: true } });
    });

    afterAll(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it.each([1, 10, 50])(
        '%i mounted: each change of a whole chat is published once',
        async (count) => {
            const from = stateMessages().length;
            const elements = Array.from({ length: count }, () => {
                const element = createElement('c-chat-status', { is: ChatStatus });
                document.body.appendChild(element);
                return element;
            });
            // A subscriber of its own sees every change once: the channel must publish the same.
            const seen: string[] = [];
            const stop = subscribeToChat((state) => seen.push(JSON.stringify(state)));
            const starts = getCalls('startChat').length;
            await startChat();
            fireEvent('onChatRequestSuccess', { queuePosition: 3 });
            fireEvent('onQueueUpdate', { queuePosition: 2 });
            fireEvent('onChatEstablished');
            fireEvent('onChatEndedByAgent');
            await flushMicrotasks();
            expect(getCalls('startChat')).toHaveLength(starts + 1);
            expect(getChatState().status).toBe('ended');

            const published = stateMessages()
                .slice(from)
                .map((message) => (message.type === 'state' ? JSON.stringify(message.state) : ''));
            // Opening publishes the state once; then one message per change, none for the components.
            expect(published).toEqual(seen);
            expect(seen.length).toBeGreaterThanOrEqual(5);
            expect(bus.liveContexts()).toBe(1);

            stop();
            elements.forEach((element) => document.body.removeChild(element));
            expect(bus.liveContexts()).toBe(0);
        }
    );
});
