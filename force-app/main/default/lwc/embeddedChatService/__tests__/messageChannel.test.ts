/**
 * The chat on the page's Lightning message channel, with the REAL service, the embedded_svc
 * double and the sfdx-lwc-jest stubs of lightning/messageService given one page's bus
 * (test/jest-mocks/messageService.ts). "Another component" is a context of its own on the bus.
 */
import fc from 'fast-check';
import CHANNEL from '@salesforce/messageChannel/Embedded_Chat__c';
import {
    fireEvent,
    getCalls,
    installEmbeddedSvc,
    resetEmbeddedSvc,
    setMethodBehavior
} from 'test/jest-mocks/embeddedSvc';
import { installMessageBus } from 'test/jest-mocks/messageService';
import { flushMicrotasks, trackDocumentListeners } from 'test/reliability/serviceHarness';
import { BUTTON } from 'test/fixtures/ids';
import { CHANNEL_LIMITS } from '../channelRequests';
import type * as ServiceModule from 'c/embeddedChatService';
import type * as MessageService from 'lightning/messageService';
import type { MessageBus } from '../../../../../../preview/platform/messageBus.ts';
import type { ChatChannelMessage, ChatChannelResultMessage } from '../channelTypes';
import { LEGACY_READY } from 'test/fixtures/records';

interface Page {
    service: typeof ServiceModule;
    /** The page's copy of the lightning/messageService stubs. */
    lms: typeof MessageService;
    bus: MessageBus;
    /** What the other component received, oldest first. */
    received: ChatChannelMessage[];
    send(message: unknown): Promise<void>;
}

/** A fresh page: its own copy of the service and of the message service stubs. */
function openPage(): Page {
    let service: typeof ServiceModule | undefined;
    let lms: typeof MessageService | undefined;
    jest.isolateModules(() => {
        /* eslint-disable @typescript-eslint/no-require-imports -- fresh module copies need require inside isolateModules */
        lms = require('lightning/messageService') as typeof MessageService;
        service = require('c/embeddedChatService') as typeof ServiceModule;
        /* eslint-enable @typescript-eslint/no-require-imports */
    });
    const bus = installMessageBus(lms as typeof MessageService);
    const other = bus.createMessageContext();
    const received: ChatChannelMessage[] = [];
    bus.subscribe(other, CHANNEL, (message) => received.push(message as ChatChannelMessage));
    return {
        service: service as typeof ServiceModule,
        lms: lms as typeof MessageService,
        bus,
        received,
        async send(message) {
            bus.publish(other, CHANNEL, message);
            await flushMicrotasks();
        }
    };
}

const results = (page: Page): ChatChannelResultMessage[] =>
    page.received.filter((m): m is ChatChannelResultMessage => m?.type === 'result');
const statuses = (page: Page): string[] =>
    page.received.flatMap((m) => (m?.type === 'state' ? [m.state.status] : []));

describe('the chat on the Lightning message channel', () => {
    let listeners: { removeAll: () => void };

    beforeEach(() => {
        listeners = trackDocumentListeners();
    });

    afterEach(() => {
        listeners.removeAll();
        resetEmbeddedSvc();
        delete (window as unknown as { toString?: unknown }).toString;
    });

    describe('with no chat component on the page', () => {
        it('creates no message context, publishes nothing and answers nothing', async () => {
            installEmbeddedSvc();
            const page = openPage();
            page.service.getChatState();
            await page.service.startChat();
            await page.send({ type: 'request', requestId: 'r1', action: 'getState' });
            expect(page.bus.liveContexts()).toBe(1); // the other component's own
            expect(page.received).toEqual([
                { type: 'request', requestId: 'r1', action: 'getState' }
            ]);
        });
    });

    describe('while a component follows the chat', () => {
        it('publishes the state when it starts, then each change once, with the format version', async () => {
            installEmbeddedSvc({ settings: { agentAvailableOnButtonClick: true } });
            const page = openPage();
            const seen: string[] = [];
            const stop = page.service.subscribeToChat((state) => seen.push(state.status));
            await page.service.startChat();
            fireEvent('onChatRequestSuccess', { queuePosition: 2 });
            fireEvent('onChatEstablished');
            fireEvent('onChatEndedByAgent');
            await flushMicrotasks();
            expect(seen).toEqual(['ready', 'requesting', 'queued', 'chatting', 'ended']);
            expect(statuses(page)).toEqual(seen);
            expect(page.received[0]).toEqual({
                type: 'state',
                version: 1,
                requestId: null,
                state: LEGACY_READY
            });
            const queued = page.received.find(
                (m) => m.type === 'state' && m.state.status === 'queued'
            );
            expect(queued).toMatchObject({ state: { queuePosition: 2, client: 'legacy' } });
            stop();
        });

        it('publishes every field of the state, whatever fields it has', async () => {
            installEmbeddedSvc();
            const page = openPage();
            const stop = page.service.subscribeToChat(() => undefined);
            await flushMicrotasks();
            const published = page.received.find((m) => m.type === 'state');
            expect(published?.type === 'state' && published.state).toEqual(
                page.service.getChatState()
            );
            stop();
        });

        it('answers a late getState request with the current state and the request id', async () => {
            installEmbeddedSvc();
            const page = openPage();
            const stop = page.service.subscribeToChat(() => undefined);
            await page.service.startChat();
            page.received.length = 0;
            await page.send({ type: 'request', requestId: 'late-1', action: 'getState' });
            expect(page.received.filter((m) => m.type === 'state')).toEqual([
                {
                    type: 'state',
                    version: 1,
                    requestId: 'late-1',
                    state: page.service.getChatState()
                }
            ]);
            expect(page.service.getChatState().status).toBe('requesting');
            stop();
        });

        it('releases its message context when the last subscriber leaves, and is silent after', async () => {
            installEmbeddedSvc();
            const page = openPage();
            const stops = [1, 2, 3].map(() => page.service.subscribeToChat(() => undefined));
            expect(page.bus.liveContexts()).toBe(2);
            stops.forEach((stop) => stop());
            stops[0](); // a second call changes nothing
            expect(page.bus.liveContexts()).toBe(1);
            await page.service.startChat();
            page.received.length = 0;
            await page.send({ type: 'request', requestId: 'r', action: 'getState' });
            expect(
                page.received.filter((m) => (m as { type?: unknown }).type !== 'request')
            ).toEqual([]);
        });

        it('under Lightning Locker still says disabled / locker, and refuses a start', async () => {
            Object.defineProperty(window, 'toString', {
                value: () => 'SecureWindow: [object Window]{ key: {"namespace":"c"} }',
                configurable: true,
                writable: true
            });
            installEmbeddedSvc();
            const page = openPage();
            const stop = page.service.subscribeToChat(() => undefined);
            await page.send({ type: 'request', requestId: 's', action: 'startChat' });
            expect(page.received[0]).toMatchObject({
                type: 'state',
                state: { status: 'disabled', disabledReason: 'locker', client: null }
            });
            expect(results(page)).toEqual([
                {
                    type: 'result',
                    version: 1,
                    requestId: 's',
                    action: 'startChat',
                    result: expect.objectContaining({ ok: false, code: 'LOCKER_ACTIVE' })
                }
            ]);
            expect(getCalls()).toHaveLength(0);
            stop();
        });
    });

    describe('when the message service fails', () => {
        it('keeps the chat working when no message context can be made', async () => {
            installEmbeddedSvc();
            let lms: typeof MessageService | undefined;
            let service: typeof ServiceModule | undefined;
            jest.isolateModules(() => {
                /* eslint-disable @typescript-eslint/no-require-imports -- fresh module copies need require inside isolateModules */
                lms = require('lightning/messageService') as typeof MessageService;
                service = require('c/embeddedChatService') as typeof ServiceModule;
                /* eslint-enable @typescript-eslint/no-require-imports */
            });
            (lms?.createMessageContext as jest.Mock).mockImplementation(() => {
                throw new Error('no message service here');
            });
            const seen: string[] = [];
            const stop = service?.subscribeToChat((state) => seen.push(state.status));
            await expect(service?.startChat()).resolves.toEqual({ ok: true });
            expect(seen).toEqual(['ready', 'requesting']);
            expect(() => stop?.()).not.toThrow();
        });

        it('never throws when publishing or releasing fails', async () => {
            installEmbeddedSvc();
            const page = openPage();
            const stop = page.service.subscribeToChat(() => undefined);
            const failing = (fn: unknown): void => {
                (fn as jest.Mock).mockImplementation(() => {
                    throw new Error('failed');
                });
            };
            const isolated = page.lms;
            failing(isolated.publish);
            failing(isolated.unsubscribe);
            await expect(page.service.startChat()).resolves.toEqual({ ok: true });
            expect(() => stop()).not.toThrow();
            expect(page.bus.liveContexts()).toBe(1); // released all the same
        });
    });

    describe('requests', () => {
        let page: Page;
        let stop: () => void;
        beforeEach(() => {
            installEmbeddedSvc({ settings: { agentAvailableOnButtonClick: true } });
            page = openPage();
            stop = page.service.subscribeToChat(() => undefined);
        });
        afterEach(() => stop());

        it('startChat runs the start with the routing given and answers ok', async () => {
            await page.send({
                type: 'request',
                requestId: 'start-1',
                action: 'startChat',
                routing: { directToAgentRouting: { buttonId: BUTTON } }
            });
            expect(results(page)).toEqual([
                {
                    type: 'result',
                    version: 1,
                    requestId: 'start-1',
                    action: 'startChat',
                    result: { ok: true }
                }
            ]);
            const starts = getCalls('startChat');
            expect(starts).toHaveLength(1);
            expect(starts[0].args[0]).toMatchObject({ buttonId: BUTTON });
        });

        it('startChat obeys the in-flight guard: two requests make one client call', async () => {
            await page.send({ type: 'request', requestId: 'a', action: 'startChat' });
            await page.send({ type: 'request', requestId: 'b', action: 'startChat' });
            expect(getCalls('startChat')).toHaveLength(1);
            expect(
                results(page).map((m) => [m.requestId, m.result.ok ? 'ok' : m.result.code])
            ).toEqual([
                ['a', 'ok'],
                ['b', 'CHAT_IN_PROGRESS']
            ]);
        });

        it('startChat with invalid routing answers INVALID_ROUTING without calling the client', async () => {
            await page.send({
                type: 'request',
                requestId: 'bad',
                action: 'startChat',
                routing: { directToAgentRouting: { buttonId: '0055g00000AbCdE' } }
            });
            expect(results(page)[0].result).toMatchObject({ ok: false, code: 'INVALID_ROUTING' });
            expect(getCalls()).toHaveLength(0);
            expect(page.service.getChatState().status).toBe('ready');
        });

        it('endChat runs the end and answers with its result', async () => {
            await page.send({ type: 'request', requestId: 'end-1', action: 'endChat' });
            expect(getCalls('endChat')).toHaveLength(1);
            expect(results(page)).toEqual([
                {
                    type: 'result',
                    version: 1,
                    requestId: 'end-1',
                    action: 'endChat',
                    result: { ok: true }
                }
            ]);
        });

        it('clearSession answers with the typed result of the clear (here: a client error)', async () => {
            setMethodBehavior('clearSession', { kind: 'reject', error: new Error('boom') });
            await page.send({ type: 'request', requestId: 'clear-1', action: 'clearSession' });
            expect(getCalls('clearSession')).toHaveLength(1);
            expect(results(page)).toEqual([
                {
                    type: 'result',
                    version: 1,
                    requestId: 'clear-1',
                    action: 'clearSession',
                    result: expect.objectContaining({ ok: false, code: 'CLIENT_ERROR' })
                }
            ]);
        });

        it('answers a request still running when the last component leaves, then lets go', async () => {
            jest.useFakeTimers();
            try {
                setMethodBehavior('endChat', { kind: 'never' });
                await page.send({ type: 'request', requestId: 'e', action: 'endChat' });
                stop(); // the last component leaves while the end waits for the client
                expect(page.bus.liveContexts()).toBe(2); // the service's, kept for the answer
                expect(results(page)).toEqual([]);
                jest.advanceTimersByTime(8000); // the service's call timeout
                await flushMicrotasks();
                expect(results(page).map((m) => [m.requestId, m.result.ok])).toEqual([['e', true]]);
                expect(page.bus.liveContexts()).toBe(1); // then released
            } finally {
                jest.useRealTimers();
            }
        });

        it.each([
            [
                'an unknown action',
                { type: 'request', requestId: 'x', action: 'dance' },
                'UNKNOWN_ACTION',
                'x'
            ],
            ['no request id', { type: 'request', action: 'startChat' }, 'MISSING_REQUEST_ID', null],
            [
                'a blank request id',
                { type: 'request', requestId: '  ', action: 'endChat' },
                'MISSING_REQUEST_ID',
                null
            ],
            [
                'a request id that is not text',
                { type: 'request', requestId: 7, action: 'endChat' },
                'INVALID_REQUEST',
                null
            ],
            [
                'routing that is not an object',
                { type: 'request', requestId: 'r', action: 'startChat', routing: 'x' },
                'INVALID_REQUEST',
                'r'
            ],
            [
                'routing on endChat',
                { type: 'request', requestId: 'r', action: 'endChat', routing: {} },
                'INVALID_REQUEST',
                'r'
            ],
            [
                'oversized routing',
                {
                    type: 'request',
                    requestId: 'big',
                    action: 'startChat',
                    routing: {
                        prepopulatedPrechatFields: {
                            Subject: 'x'.repeat(CHANNEL_LIMITS.routingText)
                        }
                    }
                },
                'ROUTING_TOO_LARGE',
                'big'
            ],
            ['no type', { requestId: 'r', action: 'startChat' }, 'INVALID_REQUEST', 'r'],
            ['a list', [1, 2], 'INVALID_REQUEST', null]
        ])(
            'answers %s with its error code and changes nothing',
            async (_name, message, code, id) => {
                const before = page.service.getChatState();
                await page.send(message);
                expect(results(page)).toEqual([
                    expect.objectContaining({
                        requestId: id,
                        result: { ok: false, code, message: expect.any(String) }
                    })
                ]);
                expect(getCalls()).toHaveLength(0);
                expect(page.service.getChatState()).toBe(before);
            }
        );

        it('answers any malformed message with an error code, never throws and changes nothing', async () => {
            const known = ['getState', 'startChat', 'endChat', 'clearSession'];
            const malformed = fc.oneof(
                fc.anything(),
                fc.record(
                    {
                        type: fc.oneof(fc.constant('request'), fc.anything()),
                        requestId: fc.oneof(fc.string(), fc.anything()),
                        action: fc.oneof(fc.constantFrom('dance', 'getstate', ''), fc.anything()),
                        routing: fc.anything()
                    },
                    { requiredKeys: [] }
                )
            );
            const before = page.service.getChatState();
            await fc.assert(
                fc.asyncProperty(malformed, async (message) => {
                    const sent = page.received.length;
                    const type = (message as { type?: unknown } | null)?.type;
                    const action = (message as { action?: unknown } | null)?.action;
                    // Only what could be a valid request is left out: it would run.
                    fc.pre(!(type === 'request' && known.includes(action as string)));
                    fc.pre(type !== 'state' && type !== 'result');
                    await page.send(message);
                    const answers = page.received.slice(sent).filter((m) => m?.type === 'result');
                    expect(answers).toHaveLength(1);
                    expect(answers[0].result.ok).toBe(false);
                    expect(['INVALID_REQUEST', 'MISSING_REQUEST_ID', 'UNKNOWN_ACTION']).toContain(
                        (answers[0].result as { code: string }).code
                    );
                }),
                { numRuns: 300 }
            );
            expect(getCalls()).toHaveLength(0);
            expect(page.service.getChatState()).toBe(before);
        });

        it('ignores state and result messages (its own among them)', async () => {
            const before = page.received.length;
            await page.send({ type: 'state', version: 1, state: {}, requestId: null });
            await page.send({
                type: 'result',
                version: 1,
                requestId: 'x',
                action: null,
                result: {}
            });
            expect(page.received.slice(before).filter((m) => m?.type === 'result')).toHaveLength(1);
        });
    });
});
