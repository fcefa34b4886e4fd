/**
 * Service bugs found by the reliability tests (fixed since), each kept as its smallest failing
 * case so that it cannot come back. Each test states the behaviour the service promises (embeddedChatService.ts: "none throws, and
 * no returned promise rejects or hangs"; the state follows the client).
 */
import {
    fireEvent,
    getCalls,
    installEmbeddedSvc,
    resetEmbeddedSvc,
    setMethodBehavior
} from 'test/jest-mocks/embeddedSvc';
import {
    flushMicrotasks,
    isSettled,
    loadService,
    useServicePage
} from 'test/reliability/serviceHarness';

describe('regressions found by the reliability tests', () => {
    useServicePage(() => {
        resetEmbeddedSvc();
    });

    describe('an endChat or clearSession that settles after a later startChat reached the client', () => {
        it.each(['endChat', 'clearSession'] as const)(
            'leaves the state requesting when %s() and startChat() are called in the same tick',
            async (method) => {
                installEmbeddedSvc();
                const service = loadService();
                const first = method === 'endChat' ? service.endChat() : service.clearSession();
                const second = service.startChat();
                await expect(Promise.all([first, second])).resolves.toEqual([
                    { ok: true },
                    { ok: true }
                ]);
                // The client received endChat, then startChat: a chat request is under way.
                expect(getCalls().map((c) => c.method)).toEqual([method, 'startChat']);
                expect(service.getChatState().status).toBe('requesting');
            }
        );

        it('leaves the state requesting when the visitor starts a new chat while a slow endChat is pending', async () => {
            installEmbeddedSvc({ settings: { agentAvailableOnButtonClick: true } });
            const service = loadService();
            service.configureChatService({ callTimeoutMs: 1000 });
            fireEvent('onChatEstablished', {});
            fireEvent('onChatEndedByAgent', {});
            setMethodBehavior('endChat', { kind: 'never' });
            const closing = service.endChat();
            await flushMicrotasks();
            await expect(service.startChat()).resolves.toEqual({ ok: true });
            jest.advanceTimersByTime(1000);
            await expect(closing).resolves.toEqual({ ok: true });
            expect(service.getChatState().status).toBe('requesting');
        });
    });

    describe('an endChat that reaches the client while a start is unanswered, the start then failing', () => {
        it('leaves the chat ended, as the end acted on the ended chat (found by chatStorms)', async () => {
            installEmbeddedSvc();
            const service = loadService();
            await service.startChat();
            fireEvent('onChatEndedByChatbot', { liveAgentSessionKey: '' });
            expect(service.getChatState().status).toBe('ended');
            setMethodBehavior('startChat', { kind: 'reject', error: new Error('nope') });
            setMethodBehavior('endChat', { kind: 'return', value: 42 });
            // The interleaving chatStorms found: a few promise turns between the calls.
            const first = service.startChat();
            await flushMicrotasks(0);
            const end = service.endChat();
            await flushMicrotasks(0);
            const results = await Promise.all([first, end, service.startChat()]);
            expect(results.map((r) => (r.ok ? 'OK' : r.code))).toEqual([
                'CLIENT_ERROR',
                'OK',
                'CHAT_IN_PROGRESS'
            ]);
            // Whichever call reached the client first, the failed start changed nothing.
            expect(service.getChatState().status).toBe('ended');
        });
    });

    describe('errors the client throws that the service cannot describe', () => {
        const messageGetterThrows = (): Error => {
            const error = new Error('x');
            Object.defineProperty(error, 'message', {
                get() {
                    throw new Error('message getter');
                }
            });
            return error;
        };
        const nonStringMessage = (): Error => {
            const error = new Error('x');
            (error as unknown as { message: unknown }).message = { code: 42 };
            return error;
        };
        const proxyError = (): unknown =>
            new Proxy(
                {},
                {
                    getPrototypeOf() {
                        throw new Error('getPrototypeOf');
                    }
                }
            );
        const cases = [
            ['an Error whose message is not a string', nonStringMessage],
            ['an Error whose message getter throws', messageGetterThrows],
            ['a Proxy whose prototype cannot be read', proxyError]
        ] as const;
        const table = (['startChat', 'endChat', 'clearSession'] as const).flatMap((method) =>
            cases.map(([what, make]) => [method, what, make] as const)
        );

        it.each(table)(
            'resolves %s with CLIENT_ERROR (instead of rejecting) when the client throws %s',
            async (method, _what, make) => {
                setMethodBehavior(method, { kind: 'throw', error: make() });
                installEmbeddedSvc();
                const service = loadService();
                const call =
                    method === 'startChat'
                        ? service.startChat()
                        : method === 'endChat'
                          ? service.endChat()
                          : service.clearSession();
                await expect(call).resolves.toMatchObject({ ok: false, code: 'CLIENT_ERROR' });
                expect(service.getChatState().status).toBe('ready');
            }
        );

        it('resolves startChat with CLIENT_ERROR and restores the state when the client returns an object whose then getter throws', async () => {
            const hostile = Object.defineProperty({}, 'then', {
                get() {
                    throw new Error('then getter');
                }
            });
            setMethodBehavior('startChat', { kind: 'return', value: hostile });
            installEmbeddedSvc();
            const service = loadService();
            await expect(service.startChat()).resolves.toMatchObject({
                ok: false,
                code: 'CLIENT_ERROR'
            });
            expect(service.getChatState().status).toBe('ready');
        });
    });

    describe('queue events whose payload cannot be read', () => {
        it.each(['onChatRequestSuccess', 'onQueueUpdate'])(
            'still moves a requesting chat to queued on %s (position unknown)',
            async (name) => {
                installEmbeddedSvc();
                const service = loadService();
                await service.startChat();
                fireEvent(name, {
                    liveAgentSessionKey: 'k',
                    get queuePosition(): number {
                        throw new Error('queuePosition');
                    }
                });
                expect(service.getChatState()).toMatchObject({
                    status: 'queued',
                    queuePosition: null
                });
            }
        );
    });

    describe('a chat client that goes back to loading after it was ready', () => {
        it('settles startChat, and lets a later start through, when embedded_svc is replaced by a new one still loading its chat API', async () => {
            installEmbeddedSvc();
            const service = loadService();
            service.configureChatService({ clientWaitMs: 2000, callTimeoutMs: 1000 });
            expect(service.getChatState().status).toBe('ready');
            // The snippet runs again (a second Embedded Service component, a re-init):
            // a new embedded_svc, whose liveAgentAPI has not loaded yet.
            installEmbeddedSvc({ liveAgent: false });
            const start = service.startChat();
            jest.advanceTimersByTime(60000);
            expect(await isSettled(start)).toBe(true);
            expect(jest.getTimerCount()).toBe(0);
        });
    });

    describe('a clearSession overlapping a start whose client call fails', () => {
        it.each([
            ['throws', { kind: 'throw', error: new Error('boom') }],
            ['rejects', { kind: 'reject', error: new Error('nope') }]
        ] as const)(
            'shows ready after clearSession() and a startChat() whose client call %s, made in the same tick after a chat ended',
            async (_what, behavior) => {
                installEmbeddedSvc();
                const service = loadService();
                fireEvent('onChatEstablished', {});
                fireEvent('onChatEndedByAgent', {});
                expect(service.getChatState().status).toBe('ended');
                setMethodBehavior('startChat', behavior);
                const [cleared, started] = await Promise.all([
                    service.clearSession(),
                    service.startChat()
                ]);
                expect(cleared).toEqual({ ok: true });
                expect(started).toMatchObject({ ok: false, code: 'CLIENT_ERROR' });
                // The client received clearSession (session cleared), then a startChat that failed.
                expect(getCalls().map((c) => c.method)).toEqual(['clearSession', 'startChat']);
                expect(service.getChatState().status).toBe('ready');
            }
        );
    });
});
