/* eslint-disable jest/no-conditional-expect -- property and table tests branch on the generated
   input by design; counters assert that every branch is exercised. */
/**
 * Hostile or broken chat clients, table-driven: `embedded_svc` without `liveAgentAPI`,
 * `liveAgentAPI` without one of its methods, methods that throw, return anything or never settle,
 * and events with missing or malformed payloads. Every case must end in a clear state and a
 * result with a message, and nothing may throw or reject.
 */
import {
    fireEvent,
    getCalls,
    installEmbeddedSvc,
    resetEmbeddedSvc,
    RESTRICTED_MESSAGE,
    setEmbeddedSvcValue,
    setMethodBehavior,
    type MethodBehavior
} from 'test/jest-mocks/embeddedSvc';
import type { ChatActionResult, ChatState } from '../../chatTypes';
import {
    CLIENT_METHODS,
    flushMicrotasks,
    isActionResult,
    loadService,
    settleWithFakeTimers,
    trackDocumentListeners,
    type ClientMethod,
    type Service
} from 'test/reliability/serviceHarness';
import {
    applyModelEvent,
    expectedChatState,
    INITIAL_MODEL,
    MODELLED_EVENTS
} from 'test/reliability/chatStateModel';

const CALL_TIMEOUT_MS = 1000;
const CLIENT_WAIT_MS = 2000;

function call(service: Service, method: ClientMethod): Promise<ChatActionResult> {
    if (method === 'startChat') return service.startChat();
    return method === 'endChat' ? service.endChat() : service.clearSession();
}

/** A thenable whose `then` does something odd. */
function thenable(
    then: (resolve: (v: unknown) => void, reject: (e: unknown) => void) => void
): unknown {
    return { then };
}

/** Calls `fn` and returns what it threw (never rethrows). */
function thrownBy(fn: () => unknown): unknown {
    try {
        fn();
        return undefined;
    } catch (error) {
        return error;
    }
}

describe('the chat service with a hostile chat client', () => {
    // (An unhandled promise rejection stops the Jest process with an error on its own.)
    let documentListeners: { removeAll: () => void };

    beforeEach(() => {
        jest.useFakeTimers();
        documentListeners = trackDocumentListeners();
    });

    afterEach(async () => {
        await flushMicrotasks();
        documentListeners.removeAll();
        resetEmbeddedSvc();
        delete (window as unknown as { embedded_svc?: unknown }).embedded_svc;
        jest.clearAllTimers();
        jest.useRealTimers();
    });

    describe('an embedded_svc that is not a usable client', () => {
        const shapes: [string, () => unknown][] = [
            ['an object without liveAgentAPI', () => ({ addEventHandler: () => undefined })],
            ['an object whose liveAgentAPI is null', () => ({ liveAgentAPI: null })],
            ['an object whose liveAgentAPI is a number', () => ({ liveAgentAPI: 7 })],
            ['an object whose liveAgentAPI is a string', () => ({ liveAgentAPI: 'liveAgentAPI' })],
            [
                'an object whose liveAgentAPI getter throws',
                () =>
                    Object.defineProperty({}, 'liveAgentAPI', {
                        get() {
                            throw new Error('getter');
                        }
                    })
            ],
            ['null', () => null],
            ['true', () => true],
            ['a symbol', () => Symbol('embedded_svc')],
            [
                'a Proxy that throws on every operation',
                () =>
                    new Proxy(
                        {},
                        {
                            get() {
                                throw new Error('get');
                            },
                            has() {
                                throw new Error('has');
                            },
                            getPrototypeOf() {
                                throw new Error('proto');
                            }
                        }
                    )
            ]
        ];

        it.each(shapes)(
            'waits, then reports no chat client, refuses each action with a message, and keeps no timer, when embedded_svc is %s',
            async (_what, make) => {
                setEmbeddedSvcValue(make());
                const service = loadService();
                service.configureChatService({ clientWaitMs: CLIENT_WAIT_MS });
                const states: ChatState[] = [];
                const stop = service.subscribeToChat((s) => states.push(s));
                expect(states[0].status).toBe('loading');
                const first = service.startChat();
                await settleWithFakeTimers(first, 100);
                await expect(first).resolves.toMatchObject({ ok: false, code: 'TIMEOUT' });
                expect(service.getChatState()).toEqual({
                    status: 'disabled',
                    client: null,
                    agentsAvailable: null,
                    queuePosition: null,
                    disabledReason: 'no-chat-client',
                    siteRoutingValid: true
                });
                for (const method of CLIENT_METHODS) {
                    // eslint-disable-next-line no-await-in-loop -- one action after the other
                    const result = await call(service, method);
                    expect(result).toMatchObject({ ok: false, code: 'CHAT_CLIENT_MISSING' });
                    expect(isActionResult(result)).toBe(true);
                }
                stop();
                expect(jest.getTimerCount()).toBe(0);
            }
        );

        it('throws nothing when reading window.embedded_svc itself throws', async () => {
            Object.defineProperty(window, 'embedded_svc', {
                configurable: true,
                get() {
                    throw new Error('no access');
                }
            });
            const service = loadService();
            service.configureChatService({ clientWaitMs: CLIENT_WAIT_MS });
            expect(service.getChatState().status).toBe('loading');
            const result = await settleWithFakeTimers(service.endChat(), 100);
            expect(result).toMatchObject({ ok: false, code: 'TIMEOUT' });
            expect(jest.getTimerCount()).toBe(0);
        });

        it.each([
            ['missing', undefined],
            ['not a function', 'addEventHandler'],
            [
                'a function that throws',
                () => {
                    throw new Error('no handlers for you');
                }
            ]
        ])('is still usable when addEventHandler is %s', async (_what, addEventHandler) => {
            setEmbeddedSvcValue({
                addEventHandler,
                liveAgentAPI: {
                    startChat: () => Promise.resolve(),
                    endChat: () => 1,
                    clearSession: () => 2
                }
            });
            const service = loadService();
            expect(service.getChatState().status).toBe('ready');
            // No event can show the widget: a start that settled is not taken for a success.
            await expect(service.startChat()).resolves.toMatchObject({ code: 'CLIENT_ERROR' });
            expect(service.getChatState().status).toBe('ready');
            await expect(service.endChat()).resolves.toEqual({ ok: true });
            // No storage frame on the page proves that the stored data was deleted.
            await expect(service.clearSession()).resolves.toMatchObject({
                ok: false,
                code: 'CLEAR_UNCONFIRMED'
            });
        });

        it('ignores settings whose getters throw', async () => {
            const settings = {};
            for (const key of [
                'agentAvailableOnButtonClick',
                'prepopulatedPrechatFields',
                'fallbackRouting'
            ]) {
                Object.defineProperty(settings, key, {
                    enumerable: true,
                    get() {
                        throw new Error(key);
                    }
                });
            }
            const seen: unknown[] = [];
            setEmbeddedSvcValue({
                settings,
                addEventHandler: () => undefined,
                liveAgentAPI: { startChat: (a: unknown) => seen.push(a) }
            });
            const service = loadService();
            expect(service.getChatState()).toMatchObject({
                status: 'ready',
                agentsAvailable: null
            });
            // startChat returned at once with no sign of the widget: not a success.
            await expect(service.startChat()).resolves.toMatchObject({ code: 'CLIENT_ERROR' });
            expect(seen).toEqual([{}]);
        });
    });

    describe('liveAgentAPI methods that misbehave', () => {
        /** [what, the double's behaviour, expected code, whether the call counts as done] */
        type Case = [string, MethodBehavior, 'OK' | 'CLIENT_ERROR' | 'CHAT_IN_PROGRESS'];
        const cases: Case[] = [
            ['is missing', { kind: 'missing' }, 'CLIENT_ERROR'],
            ['throws an Error', { kind: 'throw', error: new Error('boom') }, 'CLIENT_ERROR'],
            ['throws a string', { kind: 'throw', error: 'boom' }, 'CLIENT_ERROR'],
            ['throws null', { kind: 'throw', error: null }, 'CLIENT_ERROR'],
            ['throws undefined', { kind: 'throw', error: undefined }, 'CLIENT_ERROR'],
            ['throws a number', { kind: 'throw', error: 42 }, 'CLIENT_ERROR'],
            ['throws a plain object', { kind: 'throw', error: { message: 'x' } }, 'CLIENT_ERROR'],
            [
                'throws a TypeError with a 10 kB message',
                { kind: 'throw', error: new TypeError('x'.repeat(10000)) },
                'CLIENT_ERROR'
            ],
            ['rejects with an Error', { kind: 'reject', error: new Error('nope') }, 'CLIENT_ERROR'],
            ['rejects with undefined', { kind: 'reject', error: undefined }, 'CLIENT_ERROR'],
            [
                'rejects with a frozen object',
                { kind: 'reject', error: Object.freeze({}) },
                'CLIENT_ERROR'
            ],
            ['returns undefined', { kind: 'return', value: undefined }, 'OK'],
            ['returns null', { kind: 'return', value: null }, 'OK'],
            ['returns a number', { kind: 'return', value: 42 }, 'OK'],
            ['returns a plain object', { kind: 'return', value: { status: 'ok' } }, 'OK'],
            ['returns a function', { kind: 'return', value: () => undefined }, 'OK'],
            ['resolves with an object', { kind: 'resolve', value: { a: 1 } }, 'OK'],
            [
                'returns a thenable that resolves synchronously',
                { kind: 'return', value: thenable((resolve) => resolve('done')) },
                'OK'
            ],
            [
                'returns a thenable that resolves and then rejects',
                {
                    kind: 'return',
                    value: thenable((resolve, reject) => {
                        resolve(undefined);
                        reject(new Error('late'));
                    })
                },
                'OK'
            ],
            [
                'returns a thenable that rejects and then resolves',
                {
                    kind: 'return',
                    value: thenable((resolve, reject) => {
                        reject(new Error('first'));
                        resolve(undefined);
                    })
                },
                'CLIENT_ERROR'
            ],
            [
                'returns a thenable whose then throws',
                {
                    kind: 'return',
                    value: thenable(() => {
                        throw new Error('then');
                    })
                },
                'CLIENT_ERROR'
            ],
            [
                'returns a thenable that never calls back',
                { kind: 'return', value: thenable(() => undefined) },
                'OK'
            ],
            ['returns a promise that never settles', { kind: 'never' }, 'OK']
        ];

        const table = CLIENT_METHODS.flatMap((method) =>
            cases.map(([what, behavior, code]) => [method, what, behavior, code] as const)
        );

        it.each(table)(
            '%s that %s gives a clear result and state, and leaves no timer',
            async (method, what, behavior, code) => {
                setMethodBehavior(method, behavior);
                installEmbeddedSvc();
                const service = loadService();
                service.configureChatService({ callTimeoutMs: CALL_TIMEOUT_MS });
                if (method !== 'startChat') {
                    fireEvent('onChatEstablished', {});
                }
                const before = service.getChatState().status;
                const result = await settleWithFakeTimers(call(service, method), CALL_TIMEOUT_MS);
                expect(isActionResult(result)).toBe(true);
                const unanswered = behavior.kind === 'never' || what.includes('never calls back');
                // A clear whose promise never settles proves nothing (the storage frame is silent).
                // A start with no answer and no sign of the widget timed out.
                const silentEnd = {
                    clearSession: 'CLEAR_UNCONFIRMED',
                    startChat: 'TIMEOUT'
                } as const;
                let expected: string =
                    unanswered && method !== 'endChat' ? silentEnd[method] : code;
                if (method === 'startChat' && expected === 'OK') {
                    // Settled with no sign of the widget: the real client resolves `undefined`
                    // after logging an error too, so settling is no success.
                    expected = 'CLIENT_ERROR';
                }
                expect(result.ok ? 'OK' : result.code).toBe(expected);
                if (!result.ok) {
                    expect(result.message.length).toBeLessThanOrEqual(400);
                }
                const after = service.getChatState().status;
                if (code === 'CLIENT_ERROR' || method === 'startChat') {
                    // A failed start, or one with no widget event: back where it was, not stuck
                    // requesting.
                    expect(after).toBe(before);
                } else {
                    expect(after).toBe(
                        { startChat: 'requesting', endChat: 'ended', clearSession: 'ready' }[method]
                    );
                }
                expect(jest.getTimerCount()).toBe(0);
                // The chat keeps working once the client behaves again.
                if (behavior.kind !== 'missing') {
                    setMethodBehavior(method, { kind: 'real' });
                    await service.clearSession();
                    expect(service.getChatState().status).toBe('ready');
                }
            }
        );

        it.each(CLIENT_METHODS)(
            '%s that resolves only after the timeout changes nothing when it finally settles',
            async (method) => {
                let settle: (v: unknown) => void = () => undefined;
                setMethodBehavior(method, {
                    kind: 'return',
                    value: new Promise((resolve) => {
                        settle = resolve;
                    })
                });
                installEmbeddedSvc();
                const service = loadService();
                service.configureChatService({ callTimeoutMs: CALL_TIMEOUT_MS });
                const result = await settleWithFakeTimers(call(service, method), CALL_TIMEOUT_MS);
                expect(result).toEqual(
                    {
                        clearSession: expect.objectContaining({ code: 'CLEAR_UNCONFIRMED' }),
                        startChat: expect.objectContaining({ code: 'TIMEOUT' }),
                        endChat: { ok: true }
                    }[method]
                );
                const state = service.getChatState();
                settle(RESTRICTED_MESSAGE);
                await flushMicrotasks();
                expect(service.getChatState()).toBe(state);
            }
        );

        it('judges nothing from the text a start answers with: settling with no widget event is a failure, and the state goes back (never stuck requesting)', async () => {
            setMethodBehavior('startChat', { kind: 'return', value: RESTRICTED_MESSAGE });
            installEmbeddedSvc();
            const service = loadService();
            await expect(service.startChat()).resolves.toMatchObject({
                ok: false,
                code: 'CLIENT_ERROR'
            });
            expect(service.getChatState().status).toBe('ready');
            setMethodBehavior('startChat', { kind: 'return', value: Promise.resolve(undefined) });
            await expect(service.startChat()).resolves.toMatchObject({ code: 'CLIENT_ERROR' });
            expect(service.getChatState().status).toBe('ready');
        });

        it.each(CLIENT_METHODS)(
            '%s that is not a function gives CLIENT_ERROR naming it',
            async (method) => {
                const svc = installEmbeddedSvc();
                (svc.liveAgentAPI as Record<string, unknown>)[method] = { call: () => undefined };
                const service = loadService();
                const result = await call(service, method);
                expect(result).toMatchObject({ ok: false, code: 'CLIENT_ERROR' });
                expect(!result.ok && result.message).toContain(`liveAgentAPI.${method}`);
            }
        );

        it.each(CLIENT_METHODS)(
            '%s deleted from liveAgentAPI after loading gives CLIENT_ERROR',
            async (method) => {
                const svc = installEmbeddedSvc();
                const service = loadService();
                expect(service.getChatState().status).toBe('ready');
                delete (svc.liveAgentAPI as Record<string, unknown>)[method];
                const result = await call(service, method);
                expect(result).toMatchObject({ ok: false, code: 'CLIENT_ERROR' });
                expect(getCalls()).toHaveLength(0);
            }
        );
    });

    describe('client events with missing or malformed payloads', () => {
        const payloads: [string, () => unknown][] = [
            ['no payload', () => undefined],
            ['null', () => null],
            ['a number', () => 42],
            ['NaN', () => Number.NaN],
            ['a string', () => 'queuePosition=3'],
            ['an empty string', () => ''],
            ['true', () => true],
            ['an array', () => [3, true]],
            ['a function', () => () => 3],
            ['a symbol', () => Symbol('payload')],
            [
                'an object with a null prototype',
                () =>
                    Object.assign(Object.create(null) as object, {
                        queuePosition: 2,
                        isAgentAvailable: true
                    })
            ],
            ['a frozen object', () => Object.freeze({ queuePosition: 5, isAgentAvailable: false })],
            [
                'an object with the wrong types',
                () => ({ queuePosition: '3 people', isAgentAvailable: 'yes' })
            ],
            [
                'an object with a huge queue position',
                () => ({ queuePosition: Number.MAX_SAFE_INTEGER })
            ],
            ['an object with a negative zero position', () => ({ queuePosition: -0 })],
            [
                'an object whose valueOf throws',
                () => ({
                    queuePosition: {
                        valueOf: () => {
                            throw new Error('valueOf');
                        }
                    }
                })
            ]
        ];
        const table = MODELLED_EVENTS.flatMap((name) =>
            payloads.map(([what, make]) => [name, what, make] as const)
        );

        it.each(table)(
            '%s with %s changes the state as the model says and throws nothing',
            (name, _what, make) => {
                installEmbeddedSvc();
                const service = loadService();
                const start = { ...INITIAL_MODEL };
                const data = make();
                expect(() => fireEvent(name, data)).not.toThrow();
                expect(service.getChatState()).toEqual(
                    expectedChatState(applyModelEvent(start, name, data))
                );
            }
        );

        const throwingPayloads: [string, () => unknown][] = [
            [
                'getters that throw',
                () => ({
                    get queuePosition(): number {
                        throw new Error('queuePosition');
                    },
                    get isAgentAvailable(): boolean {
                        throw new Error('isAgentAvailable');
                    },
                    get liveAgentSessionKey(): string {
                        throw new Error('liveAgentSessionKey');
                    }
                })
            ],
            [
                'a Proxy that throws on every operation',
                () =>
                    new Proxy(
                        {},
                        {
                            get() {
                                throw new Error('get');
                            },
                            has() {
                                throw new Error('has');
                            },
                            ownKeys() {
                                throw new Error('ownKeys');
                            },
                            getPrototypeOf() {
                                throw new Error('getPrototypeOf');
                            }
                        }
                    )
            ]
        ];
        // Every event but availability: an unreadable payload means "no queue position".
        const chatEvents = MODELLED_EVENTS.filter(
            (name) => !['onSettingsCallCompleted', 'onAvailability'].includes(name)
        );

        it.each(
            chatEvents.flatMap((name) =>
                throwingPayloads.map(([what, make]) => [name, what, make] as const)
            )
        )('%s with %s still moves the chat and throws nothing', (name, _what, make) => {
            installEmbeddedSvc();
            const service = loadService();
            expect(() => fireEvent(name, make())).not.toThrow();
            expect(service.getChatState()).toEqual(
                expectedChatState(applyModelEvent({ ...INITIAL_MODEL }, name, undefined))
            );
        });

        it.each(throwingPayloads)(
            'availability events with %s throw nothing and leave availability a boolean or unknown',
            (_what, make) => {
                installEmbeddedSvc({ settings: { agentAvailableOnButtonClick: true } });
                const service = loadService();
                for (const name of ['onSettingsCallCompleted', 'onAvailability']) {
                    expect(() => fireEvent(name, make())).not.toThrow();
                    expect([true, null]).toContain(service.getChatState().agentsAvailable);
                }
            }
        );

        it('a thrown error from a payload never reaches the client’s event loop', () => {
            installEmbeddedSvc();
            loadService();
            const error = thrownBy(() =>
                fireEvent('onQueueUpdate', {
                    get queuePosition(): number {
                        throw new Error('queuePosition');
                    }
                })
            );
            expect(error).toBeUndefined();
        });
    });
});
