/**
 * The service under Enhanced Chat (`embeddedservice_bootstrap`, v1 and v2), driven through the
 * Enhanced Chat test double: readiness from the client's window events, hidden pre-chat fields
 * set before every launch, one launch per start, resets after an ended chat, status from events,
 * end and clear through userVerificationAPI, and NOT_SUPPORTED for what the client lacks.
 */
import {
    agentAccepts,
    agentEnds,
    becomeReady,
    fireSessionStatus,
    fireButtonCreated,
    fireReady,
    getCalls,
    getConversations,
    getNotImplementedReads,
    installEmbeddedServiceBootstrap,
    listenerCount,
    setBusinessHours,
    setCallBehavior,
    setEmbeddedServiceBootstrapValue,
    setIframeResponsive,
    settleClient,
    submitPrechatForm,
    uninstallEmbeddedServiceBootstrap,
    visitorCloses,
    type EnhancedVersion
} from 'test/jest-mocks/embeddedServiceBootstrap';
import { AGENT } from 'test/fixtures/ids';
import { loadService, useServicePage } from 'test/reliability/serviceHarness';
import { EnhancedChatClient, ENHANCED_EVENTS, sessionStatusOf } from '../enhancedChatClient';
import { hiddenRoutingValues } from '../prechatRules';

/** A queue: the target an Omni-Channel flow routes to under Enhanced Chat. */
const QUEUE = '00G5g000000QuEu';
const VERSIONS: EnhancedVersion[] = ['v1', 'v2'];

describe('c/embeddedChatService with Enhanced Chat', () => {
    useServicePage(() => {
        uninstallEmbeddedServiceBootstrap();
        delete (window as unknown as { toString?: unknown }).toString;
    });

    describe.each(VERSIONS)('readiness (%s)', (version) => {
        it('is ready at once, as enhanced, when the client became ready before the service loaded', () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            expect(service.getChatState()).toMatchObject({ status: 'ready', client: 'enhanced' });
        });

        it('loads until onEmbeddedMessagingReady, then is ready within the event', () => {
            const service = loadService();
            const states: string[] = [];
            service.subscribeToChat((s) => states.push(s.status));
            installEmbeddedServiceBootstrap({ version, readiness: 'loading' });
            jest.advanceTimersByTime(500);
            expect(service.getChatState().status).toBe('loading');
            fireReady();
            expect(states[states.length - 1]).toBe('ready');
            expect(service.getChatState().client).toBe('enhanced');
        });

        it('listens once per page, whatever the number of Ready events and subscribers', () => {
            const service = loadService();
            installEmbeddedServiceBootstrap({ version, readiness: 'loading' });
            becomeReady();
            const stops = Array.from({ length: 10 }, () =>
                service.subscribeToChat(() => undefined)
            );
            fireReady();
            fireReady();
            stops.forEach((stop) => stop());
            for (const name of ENHANCED_EVENTS) {
                expect(listenerCount(name)).toBe(1);
            }
        });
    });

    describe.each(VERSIONS)('startChat (%s)', (version) => {
        it('sets the hidden routing fields before launching, and the conversation carries them', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            const verdict = service.configureRouting({
                directToAgentRouting: { buttonId: QUEUE, userId: AGENT, fallback: true },
                fallbackRouting: [AGENT, QUEUE],
                visiblePrechatFields: { _firstName: 'Ada' }
            });
            expect(verdict.valid).toBe(true);
            await expect(service.startChat()).resolves.toEqual({ ok: true });
            await settleClient();
            const order = getCalls().map((c) => c.method);
            expect(order.indexOf('setHiddenPrechatFields')).toBeLessThan(
                order.indexOf('launchChat')
            );
            expect(order.indexOf('setVisiblePrechatFields')).toBeLessThan(
                order.indexOf('launchChat')
            );
            expect(getConversations()).toHaveLength(1);
            expect(getConversations()[0].hiddenFields).toEqual({
                Chat_Agent_Id: AGENT,
                Chat_Target_Id: QUEUE,
                Chat_Fallback: 'true',
                Chat_Fallback_Routing: `${AGENT},${QUEUE}`
            });
            expect(getConversations()[0].visibleFields).toEqual({
                _firstName: { value: 'Ada', isEditableByEndUser: true }
            });
            expect(service.getChatState().status).toBe('queued');
        });

        it('uses the admin’s field names and leaves out a field named null', async () => {
            installEmbeddedServiceBootstrap({
                version,
                hiddenFields: [
                    { name: 'Agent', maxLength: 18 },
                    { name: 'Chat_Target_Id', maxLength: 18 }
                ]
            });
            const service = loadService();
            service.configureRouting({
                directToAgentRouting: { buttonId: QUEUE, userId: AGENT },
                hiddenRoutingFields: { agentId: 'Agent', fallback: null, fallbackRouting: null }
            });
            await service.startChat();
            await settleClient();
            expect(getConversations()[0].hiddenFields).toEqual({
                Agent: AGENT,
                Chat_Target_Id: QUEUE
            });
        });

        it('makes one launch for 20 starts in one tick', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            const results = await Promise.all(
                Array.from({ length: 20 }, () => service.startChat())
            );
            await settleClient();
            expect(getCalls('launchChat')).toHaveLength(1);
            expect(results.filter((r) => r.ok)).toHaveLength(1);
            expect(results.filter((r) => !r.ok && r.code === 'CHAT_IN_PROGRESS')).toHaveLength(19);
            expect(getConversations()).toHaveLength(1);
            expect(jest.getTimerCount()).toBe(0);
        });

        it('answers CHAT_IN_PROGRESS during a conversation, without calling the client', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            await service.startChat();
            await settleClient();
            agentAccepts();
            expect(service.getChatState().status).toBe('chatting');
            const launches = getCalls('launchChat').length;
            await expect(service.startChat()).resolves.toMatchObject({ code: 'CHAT_IN_PROGRESS' });
            expect(getCalls('launchChat')).toHaveLength(launches);
        });

        it('after an agent ended the chat, resets the client, sets the fields again and launches a new conversation', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            service.configureRouting({ directToAgentRouting: { buttonId: QUEUE } });
            await service.startChat();
            await settleClient();
            agentAccepts();
            agentEnds();
            expect(service.getChatState().status).toBe('ended');
            const start = service.startChat();
            await settleClient();
            await expect(start).resolves.toEqual({ ok: true });
            await settleClient();
            const methods = getCalls().map((c) => c.method);
            const lastClear = methods.lastIndexOf('clearSession');
            expect(lastClear).toBeGreaterThan(-1);
            expect(methods.slice(lastClear)).toEqual(
                expect.arrayContaining(['setHiddenPrechatFields', 'launchChat'])
            );
            expect(getConversations()).toHaveLength(2);
            expect(getConversations()[1].hiddenFields).toEqual({
                Chat_Target_Id: QUEUE,
                Chat_Fallback: 'false'
            });
            expect(service.getChatState().status).toBe('queued');
        });

        it('lets an end made while a start resets the client win: no launch, ready', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            await service.startChat();
            await settleClient();
            agentEnds();
            const launches = getCalls('launchChat').length;
            const start = service.startChat();
            await Promise.resolve();
            const end = service.endChat();
            await settleClient();
            await settleClient();
            expect(await Promise.all([start, end])).toEqual([{ ok: true }, { ok: true }]);
            expect(getCalls('launchChat')).toHaveLength(launches);
            expect(service.getChatState().status).toBe('ready');
            expect(jest.getTimerCount()).toBe(0);
        });

        it('refuses a start when business hours have ended', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            setBusinessHours(false);
            expect(service.getChatState().agentsAvailable).toBe(false);
            await expect(service.startChat()).resolves.toMatchObject({ code: 'AGENTS_OFFLINE' });
            await expect(service.startChat({ whenOffline: 'offline-form' })).resolves.toMatchObject(
                { code: 'NOT_SUPPORTED' }
            );
            setBusinessHours(true);
            await expect(service.startChat()).resolves.toEqual({ ok: true });
        });

        it('answers NOT_SUPPORTED when the client has no launchChat', async () => {
            installEmbeddedServiceBootstrap({ version });
            setCallBehavior('launchChat', { kind: 'missing' });
            const service = loadService();
            await expect(service.startChat()).resolves.toMatchObject({ code: 'NOT_SUPPORTED' });
            expect(service.getChatState().status).toBe('ready');
        });

        it('answers CLIENT_ERROR with the client’s string rejection, and goes back to ready', async () => {
            installEmbeddedServiceBootstrap({ version });
            setCallBehavior('launchChat', {
                kind: 'reject',
                reason: 'Default chat button is not present'
            });
            const service = loadService();
            const result = await service.startChat();
            expect(result).toMatchObject({ ok: false, code: 'CLIENT_ERROR' });
            expect(!result.ok && result.message).toContain('Default chat button');
            expect(service.getChatState().status).toBe('ready');
        });
    });

    describe.each(VERSIONS)('status from the client’s events (%s)', (version) => {
        it('follows requesting, queued, chatting and ended, and stays ended through the client’s reset', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            const states: string[] = [];
            service.subscribeToChat((s) => states.push(s.status));
            await service.startChat();
            await settleClient();
            agentAccepts();
            agentEnds();
            // The window shows just before the conversation is created (handleAfterAppLoad): no
            // flicker through 'open' on the way.
            expect(states).toEqual(['ready', 'requesting', 'queued', 'chatting', 'ended']);
            visitorCloses();
            await settleClient();
            // The window closed and the client reset (Ready): the visitor still reads that the
            // chat ended, until the next start or clear.
            expect(service.getChatState().status).toBe('ended');
            await expect(service.startChat()).resolves.toEqual({ ok: true });
        });

        it('reads the visitor closing a chat under way as ended, not ready', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            await service.startChat();
            await settleClient();
            agentAccepts();
            visitorCloses(); // ConversationClosed, then the reset's Ready
            await settleClient();
            expect(service.getChatState().status).toBe('ended');
        });

        it.each(['Active', 'Ended'] as const)(
            'never takes a conversation reopened after a reload (%s) for a chat under way',
            async (status) => {
                installEmbeddedServiceBootstrap({ version, existingSession: status });
                const service = loadService();
                await settleClient();
                // The client reopens the window and says nothing of the conversation's stage.
                expect(service.getChatState().status).toBe('open');
                await expect(service.startChat()).resolves.toMatchObject({
                    code: 'CHAT_IN_PROGRESS'
                });
                // Its next status event says where it stands.
                fireSessionStatus(status);
                expect(service.getChatState().status).toBe(
                    status === 'Active' ? 'chatting' : 'ended'
                );
            }
        );

        it('leaves a reopened window of unknown stage as no chat once the client resets', async () => {
            installEmbeddedServiceBootstrap({ version, existingSession: 'Ended' });
            const service = loadService();
            await settleClient();
            visitorCloses();
            await settleClient();
            expect(service.getChatState().status).toBe('ready');
        });
    });

    describe.each(VERSIONS)('the pre-chat form (%s)', (version) => {
        it('requests nothing while the form waits for the visitor: the window is open', async () => {
            installEmbeddedServiceBootstrap({ version, prechatForm: true });
            const service = loadService();
            const statuses: string[] = [];
            service.subscribeToChat((s) => statuses.push(s.status));
            await expect(service.startChat()).resolves.toEqual({ ok: true });
            await settleClient();
            jest.advanceTimersByTime(1500); // the form shows: nothing requested yet
            expect(service.getChatState().status).toBe('open');
            jest.advanceTimersByTime(25000); // the visitor fills the form
            expect(service.getChatState().status).toBe('open');
            submitPrechatForm({ _firstName: 'Ada' });
            expect(service.getChatState().status).toBe('requesting');
            await settleClient();
            expect(statuses.slice(-2)).toEqual(['requesting', 'queued']);
        });

        it('goes back to ready, never ended, when the visitor closes the form', async () => {
            installEmbeddedServiceBootstrap({ version, prechatForm: true });
            const service = loadService();
            await service.startChat();
            await settleClient();
            jest.advanceTimersByTime(1500);
            expect(service.getChatState().status).toBe('open');
            await expect(service.endChat()).resolves.toEqual({ ok: true });
            await settleClient();
            expect(service.getChatState().status).toBe('ready');
        });
    });

    describe.each(VERSIONS)('endChat and clearSession (%s)', (version) => {
        it('ends with userVerificationAPI.clearSession(true)', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            await service.startChat();
            await settleClient();
            agentAccepts();
            const end = service.endChat();
            await settleClient();
            await expect(end).resolves.toEqual({ ok: true });
            expect(getCalls('clearSession').map((c) => c.args)).toEqual([[true]]);
            // The client reset at once, and the visitor reads that the chat ended.
            expect(service.getChatState().status).toBe('ended');
            const clear = service.clearSession();
            await settleClient();
            await expect(clear).resolves.toEqual({ ok: true });
            expect(service.getChatState().status).toBe('ready');
        });

        it('clears with userVerificationAPI.clearSession(), confirmed when it resolves', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            const clear = service.clearSession();
            await settleClient();
            await expect(clear).resolves.toEqual({ ok: true });
            expect(getCalls('clearSession').map((c) => c.args)).toEqual([[]]);
        });

        it('answers TIMEOUT when clearSession never settles, after the wait: nothing is known', async () => {
            installEmbeddedServiceBootstrap({ version });
            setCallBehavior('clearSession', { kind: 'hang' });
            const service = loadService();
            service.configureChatService({ callTimeoutMs: 1000 });
            const clear = service.clearSession();
            await settleClient();
            jest.advanceTimersByTime(1000);
            await expect(clear).resolves.toMatchObject({ code: 'TIMEOUT' });
        });

        it('settles an end when a clear made meanwhile settles (the client keeps only the latest)', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            service.configureChatService({ callTimeoutMs: 5000 });
            await service.startChat();
            await settleClient();
            agentAccepts();
            let ended: unknown = null;
            service.endChat().then((r) => {
                ended = r;
            });
            const clear = service.clearSession();
            await settleClient();
            await expect(clear).resolves.toEqual({ ok: true });
            await settleClient();
            // The end was made and the clear that followed settled: no wait for an answer the
            // client will never give (it keeps only the latest clearSession's resolver).
            expect(ended).toEqual({ ok: true });
            expect(service.getChatState().status).toBe('ready');
        });

        it('never claims an end or a clear the chat frame did not answer: TIMEOUT, the chat as it was', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            service.configureChatService({ callTimeoutMs: 1000 });
            await service.startChat();
            await settleClient();
            agentAccepts();
            expect(service.getChatState().status).toBe('chatting');
            setIframeResponsive(false);
            for (const action of [service.endChat, service.clearSession]) {
                const result = action();
                // eslint-disable-next-line no-await-in-loop -- one action at a time
                await settleClient();
                jest.advanceTimersByTime(1000);
                // eslint-disable-next-line no-await-in-loop -- one action at a time
                await expect(result).resolves.toMatchObject({ ok: false, code: 'TIMEOUT' });
                expect(service.getChatState().status).toBe('chatting');
            }
        });

        it('answers CLIENT_ERROR for a string rejection and NOT_SUPPORTED for a missing method', async () => {
            installEmbeddedServiceBootstrap({ version });
            setCallBehavior('clearSession', { kind: 'reject', reason: 'not ready' });
            const service = loadService();
            await expect(service.clearSession()).resolves.toMatchObject({ code: 'CLIENT_ERROR' });
            installEmbeddedServiceBootstrap({ version });
            setCallBehavior('clearSession', { kind: 'missing' });
            await expect(service.endChat()).resolves.toMatchObject({ code: 'NOT_SUPPORTED' });
        });

        it('never reads a method the v2 Proxy lacks, nor removeAllComponents', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            await service.startChat();
            await service.clearSession();
            await settleClient();
            expect(getNotImplementedReads()).toEqual([]);
            expect(getCalls('removeAllComponents')).toHaveLength(0);
        });
    });

    describe('hostile pages and Lightning Locker', () => {
        it('never reads the global nor listens under Locker', async () => {
            Object.defineProperty(window, 'toString', {
                value: () => 'SecureWindow: [object Window]',
                configurable: true,
                writable: true
            });
            const read = jest.fn(() => undefined);
            Object.defineProperty(window, 'embeddedservice_bootstrap', {
                get: read,
                configurable: true
            });
            const service = loadService();
            await expect(service.startChat()).resolves.toMatchObject({ code: 'LOCKER_ACTIVE' });
            expect(read).not.toHaveBeenCalled();
            expect(listenerCount()).toBe(0);
            delete (window as unknown as Record<string, unknown>).embeddedservice_bootstrap;
        });

        it('survives a global whose properties throw, and a Proxy with no methods', () => {
            setEmbeddedServiceBootstrapValue(
                new Proxy(
                    {},
                    {
                        get() {
                            throw new Error('no');
                        }
                    }
                )
            );
            const service = loadService();
            expect(service.getChatState().status).toBe('loading');
            setEmbeddedServiceBootstrapValue(new Proxy({}, { get: () => undefined }));
            expect(() =>
                window.dispatchEvent(new CustomEvent('onEmbeddedMessagingReady'))
            ).not.toThrow();
            expect(service.getChatState().status).toBe('loading');
        });

        it('tolerates malformed event details', () => {
            installEmbeddedServiceBootstrap();
            const service = loadService();
            for (const detail of [
                undefined,
                null,
                'x',
                { conversationEntry: { entryPayload: '{' } }
            ]) {
                window.dispatchEvent(
                    new CustomEvent('onEmbeddedMessagingSessionStatusUpdate', { detail })
                );
            }
            expect(service.getChatState().status).toBe('ready');
            fireButtonCreated('Hide');
            expect(service.getChatState().status).toBe('ready');
        });
    });

    describe('the adapter’s own rules', () => {
        it('reads the session status from the entry payload, defensively', () => {
            const entry = (payload: unknown) => ({ conversationEntry: { entryPayload: payload } });
            expect(sessionStatusOf(entry(JSON.stringify({ sessionStatus: 'Active' })))).toBe(
                'Active'
            );
            expect(sessionStatusOf(entry({ sessionStatus: 'Ended' }))).toBe('Ended');
            expect(sessionStatusOf(entry('not json'))).toBeNull();
            expect(sessionStatusOf(null)).toBeNull();
        });

        it('builds the routing values and refuses what the client would drop', () => {
            expect(hiddenRoutingValues({})).toEqual({});
            const client = new EnhancedChatClient(() => undefined);
            expect(client.startProblem({ visiblePrechatFields: { _email: 'a@b.c' } })).toBeNull();
            expect(
                client.startProblem({ visiblePrechatFields: { _firstName: '<script>x</script>' } })
            ).toMatch(/_firstName/);
            expect(
                client.startProblem({ visiblePrechatFields: { _subject: 'x'.repeat(256) } })
            ).toMatch(/255/);
            expect(
                client.startProblem({
                    visiblePrechatFields: { _lastName: 42 as unknown as string }
                })
            ).toMatch(/text/);
        });
    });
});
