/* eslint-disable jest/no-conditional-expect -- property and table tests branch on the generated
   input by design; counters assert that every branch is exercised. */
/**
 * Storms and random interleavings: bursts of actions in the same tick, and random sequences of
 * startChat / endChat / clearSession and client events, compared step by step with an
 * independent model of the chat (force-app/test/reliability/chatStateModel.ts).
 */
import fc from 'fast-check';
import { BUTTON } from 'test/fixtures/ids';
import {
    dispatchScriptLoad,
    fireEvent,
    getCalls,
    handlerCount,
    installEmbeddedSvc,
    resetEmbeddedSvc,
    setMethodBehavior,
    showLiveAgentApi
} from 'test/jest-mocks/embeddedSvc';
import { CLIENT_EVENTS } from '../../embeddedSvcClient';
import type { ChatActionResult, ChatState } from '../../chatTypes';
import {
    applyClientCall,
    settleModel,
    applyModelEvent,
    END_EVENTS,
    expectedChatState,
    INITIAL_MODEL,
    MODELLED_EVENTS,
    modelEndOrClear,
    modelStart,
    type ModelBehavior,
    type ModelPhase,
    type ModelState
} from 'test/reliability/chatStateModel';
import {
    CLIENT_METHODS,
    doubleBehavior,
    flushMicrotasks,
    isActionResult,
    loadService,
    settleWithFakeTimers,
    spyOnClientCalls,
    useServicePage,
    type ClientMethod,
    type Service
} from 'test/reliability/serviceHarness';

const CALL_TIMEOUT_MS = 1000;
const BEHAVIORS: readonly ModelBehavior[] = [
    'real',
    'throw',
    'reject',
    'restricted',
    'value',
    'never'
];

const payload: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: fc.record({ liveAgentSessionKey: fc.string({ maxLength: 8 }) }), weight: 4 },
    {
        arbitrary: fc.record(
            {
                liveAgentSessionKey: fc.string({ maxLength: 8 }),
                queuePosition: fc.oneof(
                    fc.integer({ min: -3, max: 40 }),
                    fc.constantFrom('3', ' 7 ', '', 'x', '0x10', 1.5, 999999, 1e6, Number.NaN, null)
                )
            },
            { requiredKeys: [] }
        ),
        weight: 4
    },
    {
        arbitrary: fc.record({
            isAgentAvailable: fc.oneof(fc.boolean(), fc.constantFrom('true', 1, null)),
            id: fc.constant(BUTTON)
        }),
        weight: 3
    },
    {
        arbitrary: fc.oneof(
            fc.constantFrom(undefined, null, 0, 42, '', 'queued', true),
            fc.array(fc.nat(), { maxLength: 2 })
        ),
        weight: 2
    }
);

const eventName = fc
    .tuple(
        fc.oneof(
            { arbitrary: fc.constantFrom(...MODELLED_EVENTS), weight: 3 },
            {
                arbitrary: fc.constantFrom(
                    'onChatRequestSuccess',
                    'onQueueUpdate',
                    'onChatEstablished',
                    ...END_EVENTS,
                    'afterDestroy'
                ),
                weight: 4
            }
        ),
        fc.constantFrom('as-is', 'as-is', 'as-is', 'upper', 'lower')
    )
    .map(([name, style]) => {
        if (style === 'upper') return name.toUpperCase();
        return style === 'lower' ? name.toLowerCase() : name;
    });

interface EventStep {
    kind: 'event';
    name: string;
    data: unknown;
}
interface ActionStep {
    kind: 'action';
    method: ClientMethod;
    behavior: ModelBehavior;
    whenOffline: 'refuse' | 'offline-form';
}
type Step = EventStep | ActionStep;

const eventStep: fc.Arbitrary<EventStep> = fc.record({
    kind: fc.constant('event' as const),
    name: eventName,
    data: payload
});
const actionStep: fc.Arbitrary<ActionStep> = fc.record({
    kind: fc.constant('action' as const),
    method: fc.constantFrom(...CLIENT_METHODS),
    behavior: fc.oneof(
        { arbitrary: fc.constant<ModelBehavior>('real'), weight: 6 },
        { arbitrary: fc.constantFrom(...BEHAVIORS), weight: 4 }
    ),
    whenOffline: fc.constantFrom('refuse' as const, 'offline-form' as const)
});

function codeOf(result: ChatActionResult): string {
    return result.ok ? 'OK' : result.code;
}

function act(service: Service, step: ActionStep): Promise<ChatActionResult> {
    if (step.method === 'startChat') {
        return service.startChat({ whenOffline: step.whenOffline });
    }
    return step.method === 'endChat' ? service.endChat() : service.clearSession();
}

function setBehaviors(behaviors: Record<ClientMethod, ModelBehavior>): void {
    for (const method of CLIENT_METHODS) {
        setMethodBehavior(method, doubleBehavior(behaviors[method]));
    }
}

/** The model state that the service's public state stands for (for event checks). */
function modelOf(state: ChatState): ModelState {
    return {
        phase: (state.status === 'ready' ? 'idle' : state.status) as ModelPhase,
        queuePosition: state.queuePosition,
        agentsAvailable: state.agentsAvailable
    };
}

/** Back to a known state between runs: no chat, availability unknown, no pending timer. */
async function reset(service: Service): Promise<void> {
    jest.runOnlyPendingTimers();
    await flushMicrotasks();
    setBehaviors({ startChat: 'real', endChat: 'real', clearSession: 'real' });
    await settleWithFakeTimers(service.clearSession(), CALL_TIMEOUT_MS);
    fireEvent('onAvailability', undefined);
    expect(service.getChatState()).toEqual(expectedChatState(INITIAL_MODEL));
}

describe('the chat service under storms and random interleavings', () => {
    useServicePage(() => {
        resetEmbeddedSvc();
    });

    describe('bursts', () => {
        it('makes exactly one client call for 1000 startChat calls in the same tick', async () => {
            installEmbeddedSvc();
            const service = loadService();
            const results = await Promise.all(
                Array.from({ length: 1000 }, () => service.startChat())
            );
            expect(getCalls('startChat')).toHaveLength(1);
            expect(results.filter((r) => r.ok)).toHaveLength(1);
            expect(results.filter((r) => !r.ok && r.code === 'CHAT_IN_PROGRESS')).toHaveLength(999);
            expect(service.getChatState().status).toBe('requesting');
            expect(jest.getTimerCount()).toBe(0);
        });

        it('makes exactly one client call for 1000 startChat calls made while the client is still loading', async () => {
            const service = loadService();
            const pending = Array.from({ length: 1000 }, () => service.startChat());
            await flushMicrotasks();
            expect(getCalls()).toHaveLength(0);
            jest.advanceTimersByTime(300);
            installEmbeddedSvc({ liveAgent: false });
            showLiveAgentApi();
            const results = await Promise.all(pending);
            expect(getCalls('startChat')).toHaveLength(1);
            expect(results.filter((r) => r.ok)).toHaveLength(1);
            expect(results.filter((r) => !r.ok && r.code === 'CHAT_IN_PROGRESS')).toHaveLength(999);
            expect(jest.getTimerCount()).toBe(0);
        });

        it('makes exactly one client call for 1000 startChat calls while the client’s promise never settles', async () => {
            installEmbeddedSvc();
            setMethodBehavior('startChat', { kind: 'never' });
            const service = loadService();
            service.configureChatService({ callTimeoutMs: CALL_TIMEOUT_MS });
            const first = service.startChat();
            const rest = Array.from({ length: 999 }, () => service.startChat());
            await expect(Promise.all(rest)).resolves.toEqual(
                Array.from({ length: 999 }, () =>
                    expect.objectContaining({ code: 'CHAT_IN_PROGRESS' })
                )
            );
            await expect(settleWithFakeTimers(first, CALL_TIMEOUT_MS)).resolves.toMatchObject({
                ok: false,
                code: 'TIMEOUT'
            });
            // No answer and no sign of the widget: back to ready, not a button disabled for good.
            expect(service.getChatState().status).toBe('ready');
            expect(getCalls('startChat')).toHaveLength(1);
            expect(jest.getTimerCount()).toBe(0);
        });

        it('makes exactly one client call for 1000 startChat calls spread over random microtask turns', async () => {
            installEmbeddedSvc();
            const service = loadService();
            await fc.assert(
                fc.asyncProperty(
                    fc.array(fc.nat({ max: 3 }), { minLength: 1000, maxLength: 1000 }),
                    async (gaps) => {
                        await reset(service);
                        const before = getCalls('startChat').length;
                        const pending: Promise<ChatActionResult>[] = [];
                        for (const gap of gaps) {
                            pending.push(service.startChat());
                            if (gap > 0) {
                                // eslint-disable-next-line no-await-in-loop -- the gaps are the point
                                await flushMicrotasks(gap);
                            }
                        }
                        const results = await Promise.all(pending);
                        expect(getCalls('startChat').length - before).toBe(1);
                        expect(results.filter((r) => r.ok)).toHaveLength(1);
                    }
                ),
                { numRuns: 20 }
            );
        });

        it('settles 1000 mixed start, end and clear calls in the same tick with one start and a result for each', async () => {
            const svc = installEmbeddedSvc();
            let calls = 0;
            spyOnClientCalls(svc, () => {
                calls += 1;
            });
            const service = loadService();
            await fc.assert(
                fc.asyncProperty(
                    fc.array(fc.constantFrom(...CLIENT_METHODS), {
                        minLength: 1000,
                        maxLength: 1000
                    }),
                    async (methods) => {
                        await reset(service);
                        const startsBefore = getCalls('startChat').length;
                        calls = 0;
                        const results = await Promise.all(
                            methods.map((method) =>
                                act(service, {
                                    kind: 'action',
                                    method,
                                    behavior: 'real',
                                    whenOffline: 'refuse'
                                })
                            )
                        );
                        expect(results.every(isActionResult)).toBe(true);
                        expect(getCalls('startChat').length - startsBefore).toBe(
                            methods.includes('startChat') ? 1 : 0
                        );
                        expect(calls).toBe(
                            methods.filter((m) => m !== 'startChat').length +
                                (methods.includes('startChat') ? 1 : 0)
                        );
                        expect(jest.getTimerCount()).toBe(0);
                    }
                ),
                { numRuns: 10 }
            );
        });

        it('ends where an independent fold of 10000 random events says', () => {
            installEmbeddedSvc();
            const service = loadService();
            fc.assert(
                fc.property(
                    fc.array(eventStep, { minLength: 10000, maxLength: 10000 }),
                    (events) => {
                        let model: ModelState = modelOf(service.getChatState());
                        for (const { name, data } of events) {
                            fireEvent(name, data);
                            model = applyModelEvent(model, name, data);
                        }
                        expect(service.getChatState()).toEqual(expectedChatState(model));
                    }
                ),
                { numRuns: 3 }
            );
        });

        it('tells 1000 subscribers of each change and keeps one client registration per event', () => {
            installEmbeddedSvc();
            const service = loadService();
            const seen: string[][] = Array.from({ length: 1000 }, () => []);
            const stops = seen.map((list) => service.subscribeToChat((s) => list.push(s.status)));
            fireEvent('onChatRequestSuccess', { queuePosition: 2 });
            fireEvent('onChatEstablished', {});
            stops.forEach((stop) => stop());
            fireEvent('onChatEndedByAgent', {});
            expect(seen.every((list) => list.join() === 'ready,queued,chatting')).toBe(true);
            for (const name of CLIENT_EVENTS) {
                expect(handlerCount(name)).toBe(1);
            }
            expect(jest.getTimerCount()).toBe(0);
        });
    });

    describe('random sequences', () => {
        it('follows an independent model step by step through random actions, client behaviours and events', async () => {
            installEmbeddedSvc();
            const service = loadService();
            service.configureChatService({ callTimeoutMs: CALL_TIMEOUT_MS });
            const steps = fc.array(fc.oneof(eventStep, actionStep), {
                minLength: 1,
                maxLength: 25
            });
            await fc.assert(
                fc.asyncProperty(steps, async (sequence: Step[]) => {
                    await reset(service);
                    let model = INITIAL_MODEL;
                    for (const step of sequence) {
                        if (step.kind === 'event') {
                            fireEvent(step.name, step.data);
                            model = applyModelEvent(model, step.name, step.data);
                        } else {
                            setMethodBehavior(step.method, doubleBehavior(step.behavior));
                            const before = getCalls(step.method).length;
                            // eslint-disable-next-line no-await-in-loop -- one step at a time, as the model
                            const result = await settleWithFakeTimers(
                                act(service, step),
                                CALL_TIMEOUT_MS
                            );
                            const expected =
                                step.method === 'startChat'
                                    ? modelStart(model, step.behavior, step.whenOffline)
                                    : modelEndOrClear(model, step.method, step.behavior);
                            expect(codeOf(result)).toBe(expected.code);
                            expect(isActionResult(result)).toBe(true);
                            expect(getCalls(step.method).length - before).toBe(
                                expected.calls ? 1 : 0
                            );
                            model = expected.state;
                        }
                        expect(service.getChatState()).toEqual(expectedChatState(model));
                    }
                    expect(jest.getTimerCount()).toBe(0);
                }),
                { numRuns: 600 }
            );
        });

        it('matches the client’s own view once overlapping actions settle, whatever their order and the client’s answers', async () => {
            const svc = installEmbeddedSvc();
            const clientLog: ClientMethod[] = [];
            spyOnClientCalls(svc, (method) => {
                clientLog.push(method);
            });
            const service = loadService();
            service.configureChatService({ callTimeoutMs: CALL_TIMEOUT_MS });
            const batch = fc.record({
                actions: fc.array(
                    fc.record({
                        method: fc.constantFrom(...CLIENT_METHODS),
                        gap: fc.nat({ max: 4 })
                    }),
                    { minLength: 1, maxLength: 6 }
                ),
                behaviors: fc.record({
                    startChat: fc.constantFrom(...BEHAVIORS),
                    endChat: fc.constantFrom(...BEHAVIORS),
                    clearSession: fc.constantFrom(...BEHAVIORS)
                }),
                events: fc.array(eventStep, { maxLength: 3 })
            });
            let endThenStart = 0;
            await fc.assert(
                fc.asyncProperty(
                    fc.array(batch, { minLength: 1, maxLength: 5 }),
                    async (batches) => {
                        await reset(service);
                        // The client's own view: its calls in the order it received them, then
                        // the events it fired (events are fired once the batch has settled).
                        let truth = INITIAL_MODEL;
                        for (const { actions, behaviors, events } of batches) {
                            setBehaviors(behaviors);
                            clientLog.length = 0;
                            const pending: Promise<ChatActionResult>[] = [];
                            for (const { method, gap } of actions) {
                                pending.push(
                                    act(service, {
                                        kind: 'action',
                                        method,
                                        behavior: 'real',
                                        whenOffline: 'refuse'
                                    })
                                );
                                // eslint-disable-next-line no-await-in-loop -- the gaps are the point
                                await flushMicrotasks(gap);
                            }
                            // eslint-disable-next-line no-await-in-loop -- settles the batch before the next
                            const results = await settleWithFakeTimers(
                                Promise.all(pending),
                                CALL_TIMEOUT_MS
                            );
                            expect(results.every(isActionResult)).toBe(true);
                            const start = clientLog.lastIndexOf('startChat');
                            if (
                                start > 0 &&
                                clientLog.slice(0, start).some((m) => m !== 'startChat')
                            ) {
                                endThenStart += 1;
                            }
                            for (const method of clientLog) {
                                truth = applyClientCall(truth, method, behaviors[method]);
                            }
                            truth = settleModel(truth);
                            expect(service.getChatState()).toEqual(expectedChatState(truth));
                            for (const { name, data } of events) {
                                fireEvent(name, data);
                                truth = applyModelEvent(truth, name, data);
                                expect(service.getChatState()).toEqual(expectedChatState(truth));
                            }
                        }
                        expect(jest.getTimerCount()).toBe(0);
                    }
                ),
                { numRuns: 400 }
            );
            // The interleaving that used to go wrong (an end or clear, then a start) was exercised.
            expect(endThenStart).toBeGreaterThan(50);
        });

        it('applies every client event at once and correctly, even while actions are pending', async () => {
            installEmbeddedSvc();
            const service = loadService();
            service.configureChatService({ callTimeoutMs: CALL_TIMEOUT_MS });
            const step = fc.oneof(
                eventStep,
                actionStep,
                fc.record({ kind: fc.constant('flush' as const), turns: fc.nat({ max: 6 }) }),
                fc.record({ kind: fc.constant('tick' as const) })
            );
            await fc.assert(
                fc.asyncProperty(
                    fc.array(step, { minLength: 1, maxLength: 30 }),
                    async (sequence) => {
                        await reset(service);
                        const pending: Promise<ChatActionResult>[] = [];
                        for (const s of sequence) {
                            if (s.kind === 'event') {
                                const expected = applyModelEvent(
                                    modelOf(service.getChatState()),
                                    s.name,
                                    s.data
                                );
                                expect(() => fireEvent(s.name, s.data)).not.toThrow();
                                expect(service.getChatState()).toEqual(expectedChatState(expected));
                            } else if (s.kind === 'action') {
                                setMethodBehavior(s.method, doubleBehavior(s.behavior));
                                pending.push(act(service, s));
                            } else if (s.kind === 'flush') {
                                // eslint-disable-next-line no-await-in-loop -- interleaving is the point
                                await flushMicrotasks(s.turns);
                            } else {
                                jest.advanceTimersByTime(CALL_TIMEOUT_MS);
                            }
                        }
                        const results = await settleWithFakeTimers(
                            Promise.all(pending),
                            CALL_TIMEOUT_MS
                        );
                        expect(results.every(isActionResult)).toBe(true);
                        expect(['ready', 'requesting', 'queued', 'chatting', 'ended']).toContain(
                            service.getChatState().status
                        );
                        expect(jest.getTimerCount()).toBe(0);
                    }
                ),
                { numRuns: 400 }
            );
        });
    });

    it('still registers every client event exactly once after all of it', async () => {
        const service = loadService();
        const stop = service.subscribeToChat(() => undefined);
        installEmbeddedSvc({ liveAgent: false });
        dispatchScriptLoad();
        showLiveAgentApi();
        await Promise.all(Array.from({ length: 100 }, () => service.startChat()));
        stop();
        for (const name of CLIENT_EVENTS) {
            expect(handlerCount(name)).toBe(1);
        }
    });
});
