/* eslint-disable jest/no-conditional-expect -- the model's preconditions decide which steps apply */
/**
 * Enhanced Chat under storms, random interleavings and hostile clients: the same promises as the
 * legacy client's suites (chatStorms, hostileClients), against the Enhanced Chat test double and
 * a small independent model of where the chat should stand.
 */
import fc from 'fast-check';
import {
    ENHANCED_EVENTS,
    agentAccepts,
    agentEnds,
    becomeReady,
    getCalls,
    getClientState,
    getConversations,
    getFiredEvents,
    installEmbeddedServiceBootstrap,
    setBusinessHours,
    setEmbeddedServiceBootstrapValue,
    settleClient,
    uninstallEmbeddedServiceBootstrap,
    visitorCloses,
    type EnhancedVersion
} from 'test/jest-mocks/embeddedServiceBootstrap';
import {
    isActionResult,
    loadService,
    settleWithFakeTimers,
    useServicePage,
    type Service
} from 'test/reliability/serviceHarness';
import type { ChatActionResult } from '../../chatTypes';

const VERSIONS: EnhancedVersion[] = ['v1', 'v2'];
/** A queue: the target an Omni-Channel flow routes to under Enhanced Chat. */
const QUEUE = '00G5g000000QuEu';

/** Where the chat should stand once every step has settled. */
interface Model {
    phase: 'idle' | 'queued' | 'chatting' | 'ended';
    available: boolean | null;
    /** The client's window is open. */
    window: boolean;
}

type Step =
    | { kind: 'start' | 'end' | 'clear' | 'accept' | 'agentEnds' | 'close' }
    | { kind: 'hours'; within: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
    fc.constantFrom<Step>(
        { kind: 'start' },
        { kind: 'start' },
        { kind: 'end' },
        { kind: 'clear' },
        { kind: 'accept' },
        { kind: 'agentEnds' },
        { kind: 'close' }
    ),
    fc.boolean().map<Step>((within) => ({ kind: 'hours', within }))
);

async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
        // eslint-disable-next-line no-await-in-loop -- one client step after another
        await settleClient();
    }
}

function codeOf(result: ChatActionResult): string {
    return result.ok ? 'OK' : result.code;
}

/** Runs one step on the page and on the model; returns the action's expected and actual code. */
async function run(
    service: Service,
    s: Step,
    model: Model
): Promise<{ model: Model; expected?: string; actual?: string }> {
    const active = model.phase === 'queued' || model.phase === 'chatting';
    // A chat under way or ended reads ended through the client's reset, until a start or clear.
    const afterReset = active || model.phase === 'ended' ? 'ended' : 'idle';
    if (s.kind === 'start' || s.kind === 'end' || s.kind === 'clear') {
        const pending =
            s.kind === 'start'
                ? service.startChat()
                : s.kind === 'end'
                  ? service.endChat()
                  : service.clearSession();
        await settle();
        const actual = codeOf(await settleWithFakeTimers(pending, 1000));
        await settle();
        if (s.kind !== 'start') {
            const phase = s.kind === 'end' ? afterReset : 'idle';
            return { model: { ...model, phase, window: false }, expected: 'OK', actual };
        }
        if (active) return { model, expected: 'CHAT_IN_PROGRESS', actual };
        if (model.available === false) return { model, expected: 'AGENTS_OFFLINE', actual };
        return { model: { ...model, phase: 'queued', window: true }, expected: 'OK', actual };
    }
    if (s.kind === 'hours') {
        setBusinessHours(s.within);
        return { model: { ...model, available: s.within } };
    }
    if (s.kind === 'accept' && model.phase === 'queued') {
        agentAccepts();
        return { model: { ...model, phase: 'chatting' } };
    }
    if (s.kind === 'agentEnds' && active) {
        agentEnds();
        return { model: { ...model, phase: 'ended' } };
    }
    if (s.kind === 'close' && model.window) {
        visitorCloses();
        await settle();
        return { model: { ...model, phase: afterReset, window: false } };
    }
    return { model };
}

describe('the chat service with Enhanced Chat under storms, random interleavings and hostile clients', () => {
    useServicePage(() => {
        uninstallEmbeddedServiceBootstrap();
    });

    describe.each(VERSIONS)('%s', (version) => {
        it('makes exactly one launch for 1000 starts in the same tick', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            const pending = Array.from({ length: 1000 }, () => service.startChat());
            await settle();
            const results = await Promise.all(pending);
            expect(getCalls('launchChat')).toHaveLength(1);
            expect(getConversations()).toHaveLength(1);
            expect(results.filter((r) => r.ok)).toHaveLength(1);
            expect(results.every(isActionResult)).toBe(true);
            expect(jest.getTimerCount()).toBe(0);
        });

        it('makes exactly one launch for 1000 starts made before the client was ready', async () => {
            const service = loadService();
            installEmbeddedServiceBootstrap({ version, readiness: 'loading' });
            const pending = Array.from({ length: 1000 }, () => service.startChat());
            await settle();
            expect(getCalls('launchChat')).toHaveLength(0);
            becomeReady();
            await settle();
            const results = await Promise.all(pending);
            expect(getCalls('launchChat')).toHaveLength(1);
            expect(results.filter((r) => r.ok)).toHaveLength(1);
            expect(jest.getTimerCount()).toBe(0);
        });

        it('follows an independent model through random starts, ends, clears and client events', async () => {
            await fc.assert(
                fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
                    uninstallEmbeddedServiceBootstrap();
                    installEmbeddedServiceBootstrap({ version });
                    const service = loadService();
                    service.configureChatService({ callTimeoutMs: 1000 });
                    service.configureRouting({ directToAgentRouting: { buttonId: QUEUE } });
                    let model: Model = { phase: 'idle', available: null, window: false };
                    for (const s of steps) {
                        // eslint-disable-next-line no-await-in-loop -- one step at a time, as the model
                        const outcome = await run(service, s, model);
                        model = outcome.model;
                        if (outcome.expected !== undefined) {
                            expect(outcome.actual).toBe(outcome.expected);
                        }
                        expect(service.getChatState()).toMatchObject({
                            status: model.phase === 'idle' ? 'ready' : model.phase,
                            client: 'enhanced',
                            ...(model.available === null
                                ? {}
                                : { agentsAvailable: model.available })
                        });
                    }
                    const launches = getCalls('launchChat').length;
                    expect(getConversations().length).toBe(launches);
                    // Every conversation carried the routing, though each reset wiped the fields.
                    for (const conversation of getConversations()) {
                        expect(conversation.hiddenFields).toEqual({
                            Chat_Target_Id: QUEUE,
                            Chat_Fallback: 'false'
                        });
                    }
                    expect(jest.getTimerCount()).toBe(0);
                }),
                { numRuns: 60 }
            );
        });
    });

    describe.each(VERSIONS)('overlapping actions (%s)', (version) => {
        /**
         * What the client's own state says the service may show: with no window, ready, or
         * ended when the last conversation got under way (a status event) before the reset.
         */
        function clientView(): string[] {
            const { conversation, windows } = getClientState();
            if (!conversation || windows === 0) {
                const last = getConversations().pop();
                const underWay = getFiredEvents(ENHANCED_EVENTS.sessionStatusUpdate).some(
                    (e) =>
                        (e.detail as { conversationId?: string }).conversationId ===
                        last?.conversationId
                );
                return underWay ? ['ready', 'ended'] : ['ready'];
            }
            const status = {
                Created: 'requesting',
                Waiting: 'queued',
                Active: 'chatting',
                Ended: 'ended',
                Closed: 'ready'
            } as const;
            return [status[conversation.status]];
        }

        it('matches the client’s own view once random same-tick batches of starts, ends and clears settle', async () => {
            const action = fc.constantFrom('start', 'end', 'clear');
            const batch = fc.record({
                actions: fc.array(fc.record({ action, gap: fc.nat({ max: 3 }) }), {
                    minLength: 1,
                    maxLength: 6
                }),
                then: fc.constantFrom('nothing', 'accept', 'agentEnds')
            });
            await fc.assert(
                fc.asyncProperty(
                    fc.array(batch, { minLength: 1, maxLength: 4 }),
                    async (batches) => {
                        uninstallEmbeddedServiceBootstrap();
                        installEmbeddedServiceBootstrap({ version });
                        const service = loadService();
                        service.configureChatService({ callTimeoutMs: 1000 });
                        service.configureRouting({ directToAgentRouting: { buttonId: QUEUE } });
                        let oks = 0;
                        for (const { actions, then } of batches) {
                            const pending: Promise<ChatActionResult>[] = [];
                            for (const { action: a, gap } of actions) {
                                pending.push(
                                    a === 'start'
                                        ? service.startChat()
                                        : a === 'end'
                                          ? service.endChat()
                                          : service.clearSession()
                                );
                                for (let i = 0; i < gap; i++) {
                                    // eslint-disable-next-line no-await-in-loop -- the gaps are the point
                                    await Promise.resolve();
                                }
                            }
                            // eslint-disable-next-line no-await-in-loop -- settles the batch before the next
                            await settle();
                            // eslint-disable-next-line no-await-in-loop -- settles the batch before the next
                            const results = await settleWithFakeTimers(Promise.all(pending), 1000);
                            // eslint-disable-next-line no-await-in-loop -- lets the client finish
                            await settle();
                            expect(results.every(isActionResult)).toBe(true);
                            oks += results.filter(
                                (r, i) => r.ok && actions[i].action === 'start'
                            ).length;
                            const conversation = getClientState().conversation;
                            if (then === 'accept' && conversation?.status === 'Waiting')
                                agentAccepts();
                            if (
                                then === 'agentEnds' &&
                                conversation &&
                                conversation.status !== 'Ended'
                            ) {
                                agentEnds();
                            }
                            expect(clientView()).toContain(service.getChatState().status);
                        }
                        // No duplicate: one conversation at most per start that answered OK.
                        expect(getConversations().length).toBeLessThanOrEqual(oks);
                        expect(getClientState().windows).toBeLessThanOrEqual(1);
                        for (const conversation of getConversations()) {
                            expect(conversation.hiddenFields).toEqual({
                                Chat_Target_Id: QUEUE,
                                Chat_Fallback: 'false'
                            });
                        }
                        expect(jest.getTimerCount()).toBe(0);
                    }
                ),
                { numRuns: 60 }
            );
        });
    });

    describe('hostile clients', () => {
        const throwing = (): object =>
            new Proxy(
                {},
                {
                    get() {
                        throw new Error('no');
                    }
                }
            );

        it.each([
            ['a global whose every property throws', () => throwing()],
            ['a utilAPI that throws when read', () => ({ utilAPI: throwing() })],
            ['a number', () => 42],
            ['API objects that are strings', () => ({ utilAPI: 'x', userVerificationAPI: 'y' })]
        ])('answers every action with a clear result on %s', async (_what, make) => {
            setEmbeddedServiceBootstrapValue(make());
            const service = loadService();
            service.configureChatService({ clientWaitMs: 1000, callTimeoutMs: 1000 });
            window.dispatchEvent(new CustomEvent('onEmbeddedMessagingReady'));
            const results = await settleWithFakeTimers(
                Promise.all([service.startChat(), service.endChat(), service.clearSession()]),
                500
            );
            expect(results.every(isActionResult)).toBe(true);
            expect(jest.getTimerCount()).toBe(0);
        });

        it.each([
            [
                'throws a string',
                () => {
                    // eslint-disable-next-line no-throw-literal -- the real client throws strings
                    throw 'launch failed';
                }
            ],
            ['returns a string', () => 'launched'],
            ['rejects with a string', () => Promise.reject('not ready')],
            ['rejects with an object', () => Promise.reject({ message: 42 })]
        ])('settles a start whose launchChat %s', async (_what, launchChat) => {
            const utilAPI = { launchChat };
            const prechatAPI = { setHiddenPrechatFields: () => false };
            setEmbeddedServiceBootstrapValue({ utilAPI, prechatAPI });
            // The client's chat button is in the page (ButtonCreated fired before the service).
            const button = document.createElement('button');
            button.id = 'embeddedMessagingConversationButton';
            document.body.appendChild(button);
            const service = loadService();
            // A launch that answered with no sign of the window waits up to a second for one.
            const result = await settleWithFakeTimers(service.startChat(), 1000);
            button.remove();
            expect(isActionResult(result)).toBe(true);
            expect(['OK', 'CLIENT_ERROR']).toContain(codeOf(result));
            expect(['ready', 'requesting']).toContain(service.getChatState().status);
        });

        it('ignores event details whose getters throw', () => {
            installEmbeddedServiceBootstrap();
            const service = loadService();
            const detail = throwing();
            for (const name of [
                'onEmbeddedMessagingSessionStatusUpdate',
                'onEmbeddedMessagingButtonCreated',
                'onEmbeddedMessagingConversationStarted'
            ]) {
                expect(() => window.dispatchEvent(new CustomEvent(name, { detail }))).not.toThrow();
            }
            expect(isActionResult({ ok: true })).toBe(true);
            expect(['ready', 'requesting']).toContain(service.getChatState().status);
        });
    });
});
