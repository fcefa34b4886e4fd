import {
    dispatchScriptLoad,
    fireEvent,
    getCalls,
    handlerCount,
    helpButtonShown,
    installEmbeddedSvc,
    registrationCount,
    resetEmbeddedSvc,
    retrieveSessionData,
    setEmbeddedSvcValue,
    setMethodBehavior,
    setSessionLoading,
    setSnippetSetting,
    setStorageFrame,
    setWidgetState,
    showLiveAgentApi,
    STORAGE_ORIGIN,
    submitPrechat
} from 'test/jest-mocks/embeddedSvc';
import { CLIENT_EVENTS } from '../embeddedSvcClient';
import { idChecksum } from '../salesforceIds';
import type { ChatState, RoutingConfig } from '../chatTypes';
import type * as ServiceModule from 'c/embeddedChatService';
import { AGENT as USER, BUTTON, OTHER_BUTTON } from 'test/fixtures/ids';
import { LEGACY_READY } from 'test/fixtures/records';

type Service = typeof ServiceModule;

/** A fresh copy of the module, as on a new page load. */
function loadService(): Service {
    let service: Service | undefined;
    jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module copy needs require inside isolateModules
        service = require('c/embeddedChatService') as Service;
    });
    return service as Service;
}

function track(service: Service): { states: ChatState[]; stop: () => void } {
    const states: ChatState[] = [];
    const stop = service.subscribeToChat((s) => states.push(s));
    return { states, stop };
}

async function flush(): Promise<void> {
    for (let i = 0; i < 5; i++) {
        // eslint-disable-next-line no-await-in-loop -- lets chained promise callbacks run, one turn at a time
        await Promise.resolve();
    }
}

describe('c/embeddedChatService', () => {
    // Each test loads a fresh copy of the module, as a new page would. Script-load listeners that
    // earlier copies left on the shared jsdom document are removed, so that copies don't meet.
    const documentListeners: [string, EventListenerOrEventListenerObject, unknown][] = [];
    const addEventListener = document.addEventListener.bind(document);

    beforeEach(() => {
        jest.useFakeTimers();
        jest.spyOn(document, 'addEventListener').mockImplementation((type, listener, options) => {
            documentListeners.push([type, listener, options]);
            addEventListener(type, listener, options);
        });
    });

    afterEach(() => {
        for (const [type, listener, options] of documentListeners.splice(0)) {
            document.removeEventListener(type, listener, options as boolean | undefined);
        }
        resetEmbeddedSvc();
        delete (window as unknown as { toString?: unknown }).toString;
        jest.clearAllTimers();
        jest.useRealTimers();
    });

    describe('under Lightning Locker', () => {
        beforeEach(() => {
            Object.defineProperty(window, 'toString', {
                value: () => 'SecureWindow: [object Window]{ key: {"namespace":"c"} }',
                configurable: true,
                writable: true
            });
        });

        it('reports the feature disabled for Locker and refuses every action', async () => {
            installEmbeddedSvc();
            const service = loadService();
            expect(service.getChatState()).toEqual({
                status: 'disabled',
                client: null,
                agentsAvailable: null,
                queuePosition: null,
                disabledReason: 'locker',
                siteRoutingValid: true
            });
            await expect(service.startChat()).resolves.toMatchObject({
                ok: false,
                code: 'LOCKER_ACTIVE'
            });
            await expect(service.endChat()).resolves.toMatchObject({
                ok: false,
                code: 'LOCKER_ACTIVE'
            });
            await expect(service.clearSession()).resolves.toMatchObject({
                ok: false,
                code: 'LOCKER_ACTIVE'
            });
            expect(getCalls()).toHaveLength(0);
        });

        it('never reads window.embedded_svc', () => {
            const read = jest.fn(() => undefined);
            Object.defineProperty(window, 'embedded_svc', { get: read, configurable: true });
            const service = loadService();
            const { stop } = track(service);
            service.getChatState();
            jest.advanceTimersByTime(60000);
            stop();
            expect(read).not.toHaveBeenCalled();
            expect(jest.getTimerCount()).toBe(0);
            delete (window as unknown as { embedded_svc?: unknown }).embedded_svc;
        });
    });

    describe('finding the chat client', () => {
        it('is ready at once when the client is already on the page', () => {
            installEmbeddedSvc({ settings: { agentAvailableOnButtonClick: true } });
            const service = loadService();
            expect(service.getChatState()).toEqual(LEGACY_READY);
        });

        it('registers every documented event handler exactly once, at module load', () => {
            installEmbeddedSvc();
            const service = loadService();
            const subscriptions = Array.from({ length: 5 }, () => track(service));
            subscriptions.forEach((s) => s.stop());
            for (const name of CLIENT_EVENTS) {
                expect(handlerCount(name)).toBe(1);
            }
            expect(registrationCount()).toBe(CLIENT_EVENTS.length);
        });

        it('loads while the client is missing, then becomes ready on the script load event', () => {
            const service = loadService();
            const { states } = track(service);
            expect(states[0].status).toBe('loading');
            installEmbeddedSvc({
                liveAgent: false,
                settings: { agentAvailableOnButtonClick: false }
            });
            showLiveAgentApi({ scriptLoad: true });
            expect(states[states.length - 1]).toMatchObject({
                status: 'ready',
                agentsAvailable: false
            });
            expect(jest.getTimerCount()).toBe(0);
        });

        it('finds a client that appears without a script load event with a few back-off checks', () => {
            const service = loadService();
            const { states } = track(service);
            jest.advanceTimersByTime(1000);
            installEmbeddedSvc();
            expect(states[states.length - 1].status).toBe('loading');
            jest.advanceTimersByTime(2000);
            expect(states[states.length - 1].status).toBe('ready');
            expect(jest.getTimerCount()).toBe(0);
        });

        it('catches events fired after embedded_svc appears but before liveAgentAPI does', () => {
            const service = loadService();
            const { states } = track(service);
            installEmbeddedSvc({ liveAgent: false });
            dispatchScriptLoad();
            expect(handlerCount('onSettingsCallCompleted')).toBe(1);
            fireEvent('onSettingsCallCompleted', { isAgentAvailable: true });
            showLiveAgentApi({ scriptLoad: false });
            fireEvent('onAvailability', { isAgentAvailable: true, id: BUTTON });
            expect(states[states.length - 1]).toMatchObject({
                status: 'ready',
                agentsAvailable: true
            });
        });

        it('reports no chat client after the wait, stops its timers, and recovers if the client loads later', () => {
            const service = loadService();
            service.configureChatService({ clientWaitMs: 3000 });
            const { states, stop } = track(service);
            jest.advanceTimersByTime(2999);
            expect(states[states.length - 1].status).toBe('loading');
            jest.advanceTimersByTime(10);
            expect(states[states.length - 1]).toEqual({
                status: 'disabled',
                client: null,
                agentsAvailable: null,
                queuePosition: null,
                disabledReason: 'no-chat-client',
                siteRoutingValid: true
            });
            expect(jest.getTimerCount()).toBe(0);
            installEmbeddedSvc({ liveAgent: false });
            showLiveAgentApi();
            expect(states[states.length - 1].status).toBe('ready');
            stop();
        });

        it('keeps no timer once the last subscriber has left', () => {
            const service = loadService();
            const { stop } = track(service);
            expect(jest.getTimerCount()).toBe(1);
            stop();
            expect(jest.getTimerCount()).toBe(0);
            stop();
            expect(jest.getTimerCount()).toBe(0);
        });

        it('makes an action wait for a late client, then call it', async () => {
            const service = loadService();
            const result = service.endChat();
            jest.advanceTimersByTime(500);
            installEmbeddedSvc({ liveAgent: false });
            showLiveAgentApi();
            await expect(result).resolves.toEqual({ ok: true });
            expect(getCalls('endChat')).toHaveLength(1);
        });

        it('answers TIMEOUT when an action waited and no client came, then CHAT_CLIENT_MISSING', async () => {
            const service = loadService();
            service.configureChatService({ clientWaitMs: 1000 });
            const first = service.startChat();
            jest.advanceTimersByTime(1000);
            await expect(first).resolves.toMatchObject({ ok: false, code: 'TIMEOUT' });
            await expect(service.startChat()).resolves.toMatchObject({
                ok: false,
                code: 'CHAT_CLIENT_MISSING'
            });
            expect(jest.getTimerCount()).toBe(0);
        });
    });

    describe('the client’s own readiness signal', () => {
        it('is ready within the feature script’s onload, which runs after capture-phase listeners', () => {
            installEmbeddedSvc({ liveAgent: false });
            const service = loadService();
            const { states } = track(service);
            showLiveAgentApi({ scriptLoad: true });
            expect(states[states.length - 1].status).toBe('ready');
            expect(handlerCount('featureLoaded')).toBe(1);
            expect(jest.getTimerCount()).toBe(0);
        });

        it('is ready on featureLoaded alone, with no subscriber and no timer running', () => {
            installEmbeddedSvc({ liveAgent: false });
            const service = loadService();
            showLiveAgentApi({ scriptLoad: false });
            expect(service.getChatState().status).toBe('ready');
        });

        it('re-checks in the next task after a script load, for a client that fires no featureLoaded', () => {
            const svc = installEmbeddedSvc({ liveAgent: false });
            const service = loadService();
            const { states } = track(service);
            const script = document.createElement('script');
            script.onload = () => {
                svc.liveAgentAPI = { startChat: () => undefined };
            };
            document.head.appendChild(script);
            // eslint-disable-next-line @lwc/lwc/prefer-custom-event -- the browser's own script load event
            script.dispatchEvent(new Event('load'));
            script.remove();
            expect(states[states.length - 1].status).toBe('loading');
            jest.advanceTimersByTime(0);
            expect(states[states.length - 1].status).toBe('ready');
        });
    });

    describe('a chat continued from another page', () => {
        it.each([
            ['queued', 'queued'],
            ['chatting', 'chatting']
        ] as const)(
            'reads %s from sessionDataRetrieved, returns undefined to the client, and refuses a start',
            async (chat, status) => {
                installEmbeddedSvc();
                const service = loadService();
                expect(retrieveSessionData(chat)).toBe(false);
                expect(service.getChatState().status).toBe(status);
                await expect(service.startChat()).resolves.toMatchObject({
                    code: 'CHAT_IN_PROGRESS'
                });
                expect(getCalls()).toHaveLength(0);
            }
        );

        it('stays ready when the session data holds no chat', () => {
            installEmbeddedSvc();
            const service = loadService();
            retrieveSessionData(null);
            expect(service.getChatState().status).toBe('ready');
        });

        it('reads the restored widget when the service loads after the event', () => {
            installEmbeddedSvc();
            setWidgetState('chat');
            const service = loadService();
            expect(service.getChatState()).toMatchObject({ status: 'chatting', client: 'legacy' });
        });

        it('makes a start wait (bounded) for the stored session, then refuses it when a chat continues', async () => {
            installEmbeddedSvc();
            setSessionLoading();
            const service = loadService();
            const result = service.startChat();
            await flush();
            retrieveSessionData('queued');
            await expect(result).resolves.toMatchObject({ code: 'CHAT_IN_PROGRESS' });
            expect(getCalls()).toHaveLength(0);
        });
    });

    describe('availability', () => {
        it('starts from what the client already knows on a page that continues a chat', () => {
            installEmbeddedSvc({ settings: { agentAvailableOnButtonClick: true } });
            const service = loadService();
            const { states } = track(service);
            expect(states[0].agentsAvailable).toBe(true);
            fireEvent('onAvailability', { isAgentAvailable: false, id: BUTTON });
            expect(states[states.length - 1].agentsAvailable).toBe(false);
        });

        it('is unknown until the client says, then follows onSettingsCallCompleted and onAvailability', () => {
            installEmbeddedSvc();
            const service = loadService();
            const { states } = track(service);
            expect(states[0].agentsAvailable).toBeNull();
            fireEvent('onSettingsCallCompleted', { isAgentAvailable: false });
            expect(states[states.length - 1].agentsAvailable).toBe(false);
            fireEvent('ONAVAILABILITY', { isAgentAvailable: true });
            expect(states[states.length - 1].agentsAvailable).toBe(true);
            fireEvent('onAvailability', { id: BUTTON });
            expect(states[states.length - 1].agentsAvailable).toBeNull();
        });
    });

    describe('the chat life cycle', () => {
        it('follows request, queue, chat and end from the client events', async () => {
            installEmbeddedSvc({ settings: { agentAvailableOnButtonClick: true } });
            const service = loadService();
            const { states } = track(service);
            await expect(service.startChat()).resolves.toEqual({ ok: true });
            expect(states[states.length - 1].status).toBe('requesting');
            fireEvent('onChatRequestSuccess', { liveAgentSessionKey: 'k' });
            expect(states[states.length - 1]).toMatchObject({
                status: 'queued',
                queuePosition: null
            });
            fireEvent('onQueueUpdate', { liveAgentSessionKey: 'k', queuePosition: 3 });
            expect(states[states.length - 1]).toMatchObject({ status: 'queued', queuePosition: 3 });
            fireEvent('onChatEstablished', { liveAgentSessionKey: 'k' });
            expect(states[states.length - 1]).toMatchObject({
                status: 'chatting',
                queuePosition: null
            });
            fireEvent('onChatEndedByAgent', { liveAgentSessionKey: 'k' });
            expect(states[states.length - 1].status).toBe('ended');
            await expect(service.startChat()).resolves.toEqual({ ok: true });
            expect(getCalls('startChat')).toHaveLength(2);
        });

        it.each(['onChatEndedByChasitor', 'onChatEndedByChatbot', 'onIdleTimeoutOccurred'])(
            'ends the chat on %s',
            (event) => {
                installEmbeddedSvc();
                const service = loadService();
                fireEvent('onChatEstablished', {});
                fireEvent(event, {});
                expect(service.getChatState().status).toBe('ended');
            }
        );

        it('returns to ready when the visitor closes the widget before any request', async () => {
            installEmbeddedSvc();
            const service = loadService();
            await service.startChat();
            fireEvent('afterDestroy');
            expect(service.getChatState().status).toBe('ready');
            fireEvent('onChatEstablished', {});
            fireEvent('afterDestroy');
            expect(service.getChatState().status).toBe('ended');
        });

        it('treats the snippet’s own help button as a chat request in progress', async () => {
            installEmbeddedSvc();
            const service = loadService();
            fireEvent('onHelpButtonClick');
            expect(service.getChatState().status).toBe('requesting');
            await expect(service.startChat()).resolves.toMatchObject({ code: 'CHAT_IN_PROGRESS' });
            expect(getCalls('startChat')).toHaveLength(0);
        });

        it('shows a restored chat as chatting after a reconnect', () => {
            installEmbeddedSvc();
            const service = loadService();
            fireEvent('onChatReconnectSuccessful', { liveAgentSessionKey: 'k' });
            expect(service.getChatState().status).toBe('chatting');
        });

        it('tolerates missing and malformed event payloads', () => {
            installEmbeddedSvc();
            const service = loadService();
            fireEvent('onQueueUpdate');
            expect(service.getChatState()).toMatchObject({ status: 'queued', queuePosition: null });
            fireEvent('onQueueUpdate', { queuePosition: '4' });
            expect(service.getChatState().queuePosition).toBe(4);
            fireEvent('onQueueUpdate', { queuePosition: -2 });
            expect(service.getChatState().queuePosition).toBeNull();
            fireEvent('onQueueUpdate', { queuePosition: { toString: () => '1' } });
            expect(service.getChatState().queuePosition).toBeNull();
            fireEvent('onSettingsCallCompleted', null);
            fireEvent('onAvailability', 'yes');
            expect(service.getChatState().agentsAvailable).toBeNull();
            fireEvent('onConnectionError', undefined);
            expect(service.getChatState().status).toBe('queued');
        });
    });

    describe('startChat', () => {
        it('makes exactly one client call for two starts in the same tick', async () => {
            installEmbeddedSvc();
            const service = loadService();
            const [first, second] = await Promise.all([service.startChat(), service.startChat()]);
            expect(first).toEqual({ ok: true });
            // Without a detail, the message is the code itself (ChatErrorCode says what it means).
            expect(second).toEqual({
                ok: false,
                code: 'CHAT_IN_PROGRESS',
                message: 'CHAT_IN_PROGRESS'
            });
            expect(getCalls('startChat')).toHaveLength(1);
        });

        it.each([
            ['requesting', []],
            ['queued', ['onChatRequestSuccess']],
            ['chatting', ['onChatRequestSuccess', 'onChatEstablished']]
        ])('refuses without calling the client while %s', async (_status, events) => {
            installEmbeddedSvc();
            const service = loadService();
            await service.startChat();
            events.forEach((e) => fireEvent(e, {}));
            await expect(service.startChat()).resolves.toMatchObject({
                ok: false,
                code: 'CHAT_IN_PROGRESS'
            });
            expect(getCalls('startChat')).toHaveLength(1);
        });

        it('refuses without calling the client when agents are offline', async () => {
            installEmbeddedSvc({ settings: { agentAvailableOnButtonClick: false } });
            const service = loadService();
            await expect(service.startChat()).resolves.toMatchObject({
                ok: false,
                code: 'AGENTS_OFFLINE'
            });
            expect(getCalls()).toHaveLength(0);
            expect(service.getChatState().status).toBe('ready');
        });

        it('opens the offline form with no attributes when asked to', async () => {
            installEmbeddedSvc({
                settings: {
                    agentAvailableOnButtonClick: false,
                    prepopulatedPrechatFields: { Subject: 'Help' }
                }
            });
            const service = loadService();
            service.configureRouting({ directToAgentRouting: { buttonId: BUTTON } });
            await expect(service.startChat({ whenOffline: 'offline-form' })).resolves.toEqual({
                ok: true
            });
            expect(getCalls('startChat')).toEqual([{ method: 'startChat', args: [{}] }]);
            // The offline form is not a chat request: nothing shows a chat under way.
            expect(service.getChatState().status).toBe('ready');
        });

        it('sends direct-to-agent routing in both shapes, fallback rules, and keeps the snippet pre-chat setup', async () => {
            const extraPrechatInfo = [
                {
                    entityName: 'Contact',
                    showOnCreate: true,
                    saveToTranscript: 'Contact',
                    entityFieldMaps: [
                        {
                            fieldName: 'Email',
                            label: 'Email',
                            doCreate: true,
                            doFind: true,
                            isExactMatch: true
                        }
                    ]
                }
            ];
            const extraPrechatFormDetails = [
                { label: 'Email', displayToAgent: true, transcriptFields: ['Email__c'] }
            ];
            installEmbeddedSvc({
                settings: {
                    prepopulatedPrechatFields: { Subject: 'Order help', FirstName: 'Snippet' },
                    extraPrechatInfo,
                    extraPrechatFormDetails
                }
            });
            const service = loadService();
            const verdict = service.configureRouting({
                directToAgentRouting: { buttonId: ` ${BUTTON} `, userId: USER, fallback: true },
                fallbackRouting: [USER, `${USER}_${OTHER_BUTTON}`, BUTTON],
                prepopulatedPrechatFields: { FirstName: 'Ada' }
            });
            expect(verdict).toMatchObject({ valid: true, errors: [], warnings: [] });
            await service.startChat();
            expect(getCalls('startChat')[0].args[0]).toEqual({
                buttonId: BUTTON,
                userId: USER,
                fallback: true,
                directToAgentRouting: { buttonId: BUTTON, userId: USER, fallback: true },
                fallbackRouting: [USER, `${USER}_${OTHER_BUTTON}`, BUTTON],
                prepopulatedPrechatFields: { Subject: 'Order help', FirstName: 'Ada' },
                extraPrechatInfo,
                extraPrechatFormDetails
            });
        });

        it('sends no routing keys at all when no routing is configured', async () => {
            installEmbeddedSvc();
            const service = loadService();
            await service.startChat();
            expect(getCalls('startChat')[0].args[0]).toEqual({});
        });

        it('builds a fresh object for every call, whatever the client did to the last one', async () => {
            installEmbeddedSvc();
            const service = loadService();
            service.configureRouting({ directToAgentRouting: { buttonId: BUTTON } });
            await service.startChat();
            await service.endChat();
            await service.startChat();
            const [first, second] = getCalls('startChat').map((c) => c.args[0]);
            expect(first).toEqual(second);
            expect(first).toEqual({
                buttonId: BUTTON,
                fallback: false,
                directToAgentRouting: { buttonId: BUTTON, fallback: false }
            });
        });

        it('lets one call override the site routing, key by key', async () => {
            installEmbeddedSvc();
            const service = loadService();
            service.configureRouting({
                directToAgentRouting: { buttonId: BUTTON },
                fallbackRouting: [BUTTON]
            });
            await service.startChat({
                routing: { directToAgentRouting: { buttonId: OTHER_BUTTON, userId: USER } }
            });
            expect(getCalls('startChat')[0].args[0]).toMatchObject({
                buttonId: OTHER_BUTTON,
                userId: USER,
                fallbackRouting: [BUTTON]
            });
        });

        it('refuses invalid routing before any client call, naming the field', async () => {
            installEmbeddedSvc();
            const service = loadService();
            const result = await service.startChat({
                routing: { directToAgentRouting: { buttonId: USER } }
            });
            expect(result).toMatchObject({ ok: false, code: 'INVALID_ROUTING' });
            // The code, then the first issue's field, code and params: no sentence per code.
            expect(result.ok === false && result.message).toBe(
                `INVALID_ROUTING: directToAgentRouting.buttonId: ID_PREFIX (chatButton, ${USER}, 573)`
            );
            expect(getCalls()).toHaveLength(0);
            const notAnObject = await service.startChat({
                routing: 'not an object' as unknown as RoutingConfig
            });
            expect(notAnObject.ok === false && notAnObject.message).toMatch(
                / config: CONFIG_NOT_AN_OBJECT$/
            );
        });

        it('keeps refusing after an invalid site configuration, until a valid one replaces it', async () => {
            installEmbeddedSvc();
            const service = loadService();
            const verdict = service.configureRouting({ fallbackRouting: ['not-an-id'] });
            expect(verdict.valid).toBe(false);
            expect(service.getRoutingValidation()).toBe(verdict);
            await expect(service.startChat()).resolves.toMatchObject({ code: 'INVALID_ROUTING' });
            service.configureRouting({});
            await expect(service.startChat()).resolves.toEqual({ ok: true });
            expect(getCalls('startChat')).toHaveLength(1);
        });

        it.each([
            ['waiting', 'queued'],
            ['chat', 'chatting']
        ] as const)(
            'refuses without calling the client when the page’s widget shows a chat %s (one the service did not start)',
            async (widget, status) => {
                installEmbeddedSvc();
                const service = loadService();
                setWidgetState(widget);
                await expect(service.startChat()).resolves.toMatchObject({
                    code: 'CHAT_IN_PROGRESS'
                });
                expect(getCalls('startChat')).toHaveLength(0);
                expect(service.getChatState().status).toBe(status);
            }
        );

        it('settles as soon as the widget opens, while the client’s promise waits for the pre-chat form', async () => {
            installEmbeddedSvc();
            const service = loadService();
            service.configureChatService({ callTimeoutMs: 60000 });
            const result = service.startChat();
            await flush();
            await expect(result).resolves.toEqual({ ok: true });
            // The client's own promise is still pending (pre-chat form not submitted): no timer.
            expect(jest.getTimerCount()).toBe(0);
            expect(service.getChatState().status).toBe('requesting');
            submitPrechat();
            expect(service.getChatState().status).toBe('queued');
        });

        it.each(['onHelpButtonClick', 'onChatRequestSuccess', 'onConnectionError'])(
            'settles on %s when the widget sends no afterMaximize',
            async (event) => {
                installEmbeddedSvc();
                setMethodBehavior('startChat', { kind: 'never' });
                const service = loadService();
                service.configureChatService({ callTimeoutMs: 60000 });
                const result = service.startChat();
                await flush();
                expect(await Promise.race([result, Promise.resolve('pending')])).toBe('pending');
                fireEvent(event, {});
                await expect(result).resolves.toEqual({ ok: true });
                expect(jest.getTimerCount()).toBe(0);
            }
        );

        it('returns CLIENT_ERROR and restores the state when the client throws', async () => {
            installEmbeddedSvc();
            const service = loadService();
            setMethodBehavior('startChat', { kind: 'throw', error: new Error('boom') });
            const result = await service.startChat();
            expect(result).toMatchObject({ ok: false, code: 'CLIENT_ERROR' });
            expect(result.ok === false && result.message).toBe('CLIENT_ERROR: boom');
            expect(service.getChatState().status).toBe('ready');
        });

        it('returns CLIENT_ERROR when the client rejects', async () => {
            installEmbeddedSvc();
            const service = loadService();
            setMethodBehavior('startChat', { kind: 'reject', error: 'nope' });
            await expect(service.startChat()).resolves.toMatchObject({ code: 'CLIENT_ERROR' });
        });

        it('never hangs on a promise that does not settle, and leaves no timer behind', async () => {
            installEmbeddedSvc();
            const service = loadService();
            service.configureChatService({ callTimeoutMs: 2000 });
            setMethodBehavior('startChat', { kind: 'never' });
            const pending = service.startChat();
            await flush();
            expect(jest.getTimerCount()).toBe(1);
            jest.advanceTimersByTime(2000);
            await expect(pending).resolves.toMatchObject({ ok: false, code: 'TIMEOUT' });
            expect(jest.getTimerCount()).toBe(0);
            // No answer and no sign of the widget: back to ready rather than stuck requesting.
            expect(service.getChatState().status).toBe('ready');
            fireEvent('onChatRequestSuccess', {});
            expect(service.getChatState().status).toBe('queued');
        });

        it('keeps requesting when the client does not answer but the widget shows signs of life', async () => {
            installEmbeddedSvc();
            const service = loadService();
            service.configureChatService({ callTimeoutMs: 2000 });
            setMethodBehavior('startChat', { kind: 'never' });
            const pending = service.startChat();
            await flush();
            fireEvent('afterMaximize');
            jest.advanceTimersByTime(2000);
            await expect(pending).resolves.toEqual({ ok: true });
            expect(service.getChatState().status).toBe('requesting');
        });

        it('does not count availability updates as signs of the widget', async () => {
            installEmbeddedSvc();
            const service = loadService();
            service.configureChatService({ callTimeoutMs: 2000 });
            setMethodBehavior('startChat', { kind: 'never' });
            const pending = service.startChat();
            await flush();
            fireEvent('onAvailability', { isAgentAvailable: true, id: BUTTON });
            jest.advanceTimersByTime(2000);
            await pending;
            expect(service.getChatState().status).toBe('ready');
        });

        it('judges a start from the widget, not from a plain value the client returns', async () => {
            installEmbeddedSvc();
            const service = loadService();
            setMethodBehavior('startChat', { kind: 'return', value: 42 });
            await expect(service.startChat()).resolves.toMatchObject({ code: 'CLIENT_ERROR' });
            expect(service.getChatState().status).toBe('ready');
        });

        it('returns CLIENT_ERROR when liveAgentAPI has no startChat method', async () => {
            setMethodBehavior('startChat', { kind: 'missing' });
            installEmbeddedSvc();
            const service = loadService();
            const result = await service.startChat();
            expect(result).toMatchObject({ ok: false, code: 'CLIENT_ERROR' });
            expect(result.ok === false && result.message).toContain('liveAgentAPI.startChat');
        });

        it('ignores options that are not an object', async () => {
            installEmbeddedSvc();
            const service = loadService();
            await expect(
                service.startChat('now' as unknown as Parameters<Service['startChat']>[0])
            ).resolves.toEqual({ ok: true });
        });
    });

    describe('endChat and clearSession', () => {
        it('always pass through to the client, even with no chat', async () => {
            installEmbeddedSvc();
            const service = loadService();
            await expect(service.endChat()).resolves.toEqual({ ok: true });
            await expect(service.clearSession()).resolves.toEqual({ ok: true });
            expect(getCalls().map((c) => c.method)).toEqual(['endChat', 'clearSession']);
            expect(service.getChatState().status).toBe('ready');
        });

        it('move a chat to ended, and clearSession back to ready', async () => {
            installEmbeddedSvc();
            const service = loadService();
            fireEvent('onChatEstablished', {});
            await service.endChat();
            expect(service.getChatState().status).toBe('ended');
            await service.clearSession();
            expect(service.getChatState().status).toBe('ready');
            await service.startChat();
            await service.endChat();
            expect(service.getChatState().status).toBe('ready');
        });

        it('end at the chat’s own end event when the client’s promise hangs (one story at a time)', async () => {
            installEmbeddedSvc({ frame: 'silent' });
            const service = loadService();
            setWidgetState('chat');
            fireEvent('onChatEstablished', {});
            let result: unknown = null;
            service.endChat().then((r) => {
                result = r;
            });
            await flush();
            expect(result).toBeNull(); // endChat's promise waits for the silent storage frame
            fireEvent('onChatEndedByChasitor', {}); // the chat frame ends the chat
            await flush();
            expect(result).toEqual({ ok: true });
            expect(service.getChatState().status).toBe('ended');
            expect(jest.getTimerCount()).toBe(0);
        });

        it('confirm a clear only when the storage frame answers from its own origin', async () => {
            installEmbeddedSvc();
            const service = loadService();
            fireEvent('onChatEstablished', {});
            await expect(service.clearSession()).resolves.toEqual({ ok: true });
            expect(service.getChatState().status).toBe('ready');
        });

        it('answer CLEAR_UNCONFIRMED when the storage frame is missing, the chat itself ended', async () => {
            installEmbeddedSvc({ frame: 'missing' });
            const service = loadService();
            fireEvent('onChatEstablished', {});
            const result = await service.clearSession();
            expect(result).toMatchObject({ ok: false, code: 'CLEAR_UNCONFIRMED' });
            expect(service.getChatState().status).toBe('ready');
        });

        it('answer CLEAR_UNCONFIRMED when the storage frame never answers, after the wait', async () => {
            installEmbeddedSvc({ frame: 'silent' });
            const service = loadService();
            service.configureChatService({ callTimeoutMs: 2000 });
            const result = service.clearSession();
            await flush();
            jest.advanceTimersByTime(2000);
            await expect(result).resolves.toMatchObject({ code: 'CLEAR_UNCONFIRMED' });
            expect(jest.getTimerCount()).toBe(0);
        });

        it('take no message from another origin, or of another kind, as the confirmation', async () => {
            installEmbeddedSvc({ frame: 'silent' });
            const service = loadService();
            service.configureChatService({ callTimeoutMs: 2000 });
            const result = service.clearSession();
            await flush();
            const post = (data: unknown, origin: string): void => {
                window.dispatchEvent(new MessageEvent('message', { data, origin }));
            };
            post({ method: 'session.deletedAllSessionData' }, 'https://attacker.example');
            post({ method: 'session.deletedSessionData' }, STORAGE_ORIGIN);
            post('session.deletedAllSessionData', STORAGE_ORIGIN);
            jest.advanceTimersByTime(2000);
            await expect(result).resolves.toMatchObject({ code: 'CLEAR_UNCONFIRMED' });
        });

        it('accept the frame’s answer even before the client’s promise settles', async () => {
            installEmbeddedSvc({ frame: 'silent' });
            setMethodBehavior('clearSession', { kind: 'never' });
            const service = loadService();
            service.configureChatService({ callTimeoutMs: 60000 });
            const result = service.clearSession();
            await flush();
            window.dispatchEvent(
                new MessageEvent('message', {
                    data: { method: 'session.deletedAllSessionData' },
                    origin: STORAGE_ORIGIN
                })
            );
            await expect(result).resolves.toEqual({ ok: true });
            expect(jest.getTimerCount()).toBe(0);
        });

        it('answer CLEAR_UNCONFIRMED when the deployment lacks the LiveAgent feature', async () => {
            installEmbeddedSvc({ settings: { enabledFeatures: [] } });
            const service = loadService();
            await expect(service.clearSession()).resolves.toMatchObject({
                code: 'CLEAR_UNCONFIRMED'
            });
        });

        it('accept a promise that settles while the storage frame is on the page', async () => {
            installEmbeddedSvc();
            setMethodBehavior('clearSession', { kind: 'resolve', value: undefined });
            const service = loadService();
            await expect(service.clearSession()).resolves.toEqual({ ok: true });
            setStorageFrame('missing');
            await expect(service.clearSession()).resolves.toMatchObject({
                code: 'CLEAR_UNCONFIRMED'
            });
        });

        it('wait (bounded) for a client still loading its stored session before clearing', async () => {
            installEmbeddedSvc();
            setSessionLoading();
            const service = loadService();
            const result = service.clearSession();
            await flush();
            expect(getCalls('clearSession')).toHaveLength(0);
            retrieveSessionData(null);
            await expect(result).resolves.toEqual({ ok: true });
            expect(getCalls('clearSession')).toHaveLength(1);
        });

        it('return CLIENT_ERROR when the client throws or rejects', async () => {
            installEmbeddedSvc();
            const service = loadService();
            setMethodBehavior('endChat', { kind: 'throw', error: new Error('x') });
            setMethodBehavior('clearSession', {
                kind: 'reject',
                error: new Error('LiveAgent is not enabled')
            });
            await expect(service.endChat()).resolves.toMatchObject({ code: 'CLIENT_ERROR' });
            await expect(service.clearSession()).resolves.toMatchObject({ code: 'CLIENT_ERROR' });
        });
    });

    describe('subscribers', () => {
        it('registers once per event however many components mount and leave, and keeps nothing behind', () => {
            const service = loadService();
            const subscriptions = Array.from({ length: 100 }, () => track(service));
            installEmbeddedSvc();
            dispatchScriptLoad();
            subscriptions.forEach((s) => s.stop());
            const again = Array.from({ length: 100 }, () => track(service));
            again.forEach((s) => s.stop());
            for (const name of CLIENT_EVENTS) {
                expect(handlerCount(name)).toBe(1);
            }
            expect(jest.getTimerCount()).toBe(0);
            fireEvent('onChatEstablished', {});
            expect(subscriptions[0].states[subscriptions[0].states.length - 1].status).toBe(
                'ready'
            );
        });

        it('calls a listener at once and on each change only', () => {
            installEmbeddedSvc();
            const service = loadService();
            const { states } = track(service);
            fireEvent('onAvailability', { isAgentAvailable: true });
            fireEvent('onAvailability', { isAgentAvailable: true });
            expect(states.map((s) => s.agentsAvailable)).toEqual([null, true]);
            expect(Object.isFrozen(states[1])).toBe(true);
        });

        it('keeps notifying the others when one listener throws', () => {
            installEmbeddedSvc();
            const service = loadService();
            service.subscribeToChat((s) => {
                if (s.agentsAvailable) throw new Error('bug in a component');
            });
            const { states } = track(service);
            expect(() => fireEvent('onAvailability', { isAgentAvailable: true })).not.toThrow();
            expect(states[states.length - 1].agentsAvailable).toBe(true);
        });

        it('ignores a listener that is not a function', () => {
            const service = loadService();
            const stop = service.subscribeToChat(null as unknown as () => void);
            expect(() => stop()).not.toThrow();
            expect(jest.getTimerCount()).toBe(0);
        });
    });

    describe('availability per chat button', () => {
        it('does not refuse a start routed to another button because the site button is offline', async () => {
            installEmbeddedSvc({
                settings: { buttonId: BUTTON, agentAvailableOnButtonClick: false }
            });
            const service = loadService();
            const routing = { directToAgentRouting: { buttonId: OTHER_BUTTON } };
            await expect(service.startChat({ routing })).resolves.toEqual({ ok: true });
            expect(getCalls('startChat')).toHaveLength(1);
        });

        it('refuses a start routed to a button the client reported offline', async () => {
            installEmbeddedSvc({
                settings: { buttonId: BUTTON, agentAvailableOnButtonClick: true }
            });
            const service = loadService();
            fireEvent('onAvailability', { isAgentAvailable: false, id: `${OTHER_BUTTON}AAA` });
            const routing = { directToAgentRouting: { buttonId: OTHER_BUTTON } };
            await expect(service.startChat({ routing })).resolves.toMatchObject({
                code: 'AGENTS_OFFLINE'
            });
            await expect(
                service.startChat({ routing: { directToAgentRouting: { buttonId: BUTTON } } })
            ).resolves.toEqual({ ok: true });
        });
    });

    describe('never throwing, never rejecting', () => {
        const unreadable = (): object =>
            new Proxy(
                {},
                {
                    get() {
                        throw new Error('no');
                    },
                    ownKeys() {
                        throw new Error('no');
                    }
                }
            );

        it('refuses routing whose properties throw when read', async () => {
            installEmbeddedSvc();
            const service = loadService();
            expect(service.validateRouting(unreadable())).toMatchObject({
                valid: false,
                errors: [{ field: 'config' }]
            });
            expect(service.configureRouting(unreadable() as never).valid).toBe(false);
            await expect(
                service.startChat({ routing: unreadable() as never })
            ).resolves.toMatchObject({ ok: false });
            await expect(service.startChat(unreadable() as never)).resolves.toMatchObject({
                ok: false
            });
        });

        it('answers ID checks for values that are not text', () => {
            const service = loadService();
            expect(service.checkId(undefined as unknown as string, 'user')).toBe('characters');
            expect(idChecksum(null as unknown as string)).toHaveLength(3);
        });
    });

    describe('hostile pages', () => {
        it.each([
            ['a number', 42],
            ['a string', 'embedded_svc'],
            ['an object without liveAgentAPI', { settings: null }],
            ['an object whose liveAgentAPI is not an object', { liveAgentAPI: 'x' }]
        ])('waits and then reports no chat client when embedded_svc is %s', (_what, value) => {
            setEmbeddedSvcValue(value);
            const service = loadService();
            service.configureChatService({ clientWaitMs: 1000 });
            const { states, stop } = track(service);
            jest.advanceTimersByTime(1000);
            expect(states[states.length - 1]).toMatchObject({
                status: 'disabled',
                disabledReason: 'no-chat-client',
                siteRoutingValid: true
            });
            stop();
        });

        it('survives an embedded_svc whose properties throw when read', () => {
            const hostile = new Proxy(
                {},
                {
                    get() {
                        throw new Error('no');
                    }
                }
            );
            setEmbeddedSvcValue(hostile);
            const service = loadService();
            expect(service.getChatState().status).toBe('loading');
        });

        it('ignores a client addEventHandler that throws', () => {
            setEmbeddedSvcValue({
                addEventHandler() {
                    throw new Error('no');
                },
                liveAgentAPI: { startChat: () => Promise.resolve() }
            });
            const service = loadService();
            expect(service.getChatState().status).toBe('ready');
        });

        it('drops snippet settings of the wrong kind rather than making the client fail', async () => {
            installEmbeddedSvc();
            setSnippetSetting('extraPrechatInfo', 'not a list');
            setSnippetSetting('prepopulatedPrechatFields', ['x']);
            setSnippetSetting('fallbackRouting', 'nope');
            const service = loadService();
            await service.startChat();
            expect(getCalls('startChat')[0].args[0]).toEqual({});
        });
    });

    describe('who set the site routing', () => {
        // Two owners, as a theme layout's and a page's Chat Routing Settings.
        const layout = {};
        const page = {};
        let service: Service;
        const routed = (): unknown => service.getRoutingValidation().config;

        beforeEach(() => {
            installEmbeddedSvc();
            service = loadService();
        });

        it('applies the newest owner’s routing, the one before it once it leaves, and the snippet’s with none', async () => {
            service.configureRouting({ fallbackRouting: [BUTTON] }, layout);
            service.configureRouting({ fallbackRouting: [OTHER_BUTTON] }, page);
            expect(routed()).toEqual({ fallbackRouting: [OTHER_BUTTON] });

            service.releaseRouting(page);
            expect(routed()).toEqual({ fallbackRouting: [BUTTON] });
            await service.startChat();
            expect(getCalls('startChat')[0].args[0]).toMatchObject({ fallbackRouting: [BUTTON] });

            service.releaseRouting(layout);
            expect(routed()).toEqual({});
        });

        it('keeps an owner in its place when it sets its routing again; others leaving change nothing', () => {
            service.configureRouting({ fallbackRouting: [BUTTON] }, layout);
            service.configureRouting({ fallbackRouting: [OTHER_BUTTON] }, page);
            // The layout's instance updates (its user record came): the page's still applies.
            service.configureRouting({ fallbackRouting: [USER, BUTTON] }, layout);
            expect(routed()).toEqual({ fallbackRouting: [OTHER_BUTTON] });

            service.releaseRouting({});
            service.releaseRouting(null as unknown as object);
            expect(routed()).toEqual({ fallbackRouting: [OTHER_BUTTON] });

            service.releaseRouting(page);
            expect(routed()).toEqual({ fallbackRouting: [USER, BUTTON] });
            service.releaseRouting(layout);
            expect(routed()).toEqual({});
        });

        it('makes a call without an owner the newest, each time', () => {
            service.configureRouting({ fallbackRouting: [BUTTON] });
            service.configureRouting({ fallbackRouting: [OTHER_BUTTON] }, page);
            service.configureRouting({ fallbackRouting: [USER] });
            expect(routed()).toEqual({ fallbackRouting: [USER] });
        });

        it('publishes whether the site routing is valid, on every change of that verdict only', () => {
            const { states } = track(service);
            expect(states).toHaveLength(1);
            expect(states[0].siteRoutingValid).toBe(true);

            service.configureRouting({ fallbackRouting: ['not-an-id'] }, page);
            expect(states).toHaveLength(2);
            expect(states[1].siteRoutingValid).toBe(false);
            expect(service.getChatState().siteRoutingValid).toBe(false);

            // Another invalid routing, or another valid one: the verdict stays, nothing is sent.
            service.configureRouting({ fallbackRouting: ['still-not-an-id'] }, page);
            expect(states).toHaveLength(2);

            service.releaseRouting(page);
            expect(states).toHaveLength(3);
            expect(states[2].siteRoutingValid).toBe(true);
            service.configureRouting({ fallbackRouting: [BUTTON] }, layout);
            expect(states).toHaveLength(3);
        });

        it('judges the routing of a start with its own routing as startChat does: merged over the site’s', async () => {
            // One mistyped fallback rule: a start's own button does not replace the site's rules.
            service.configureRouting({ fallbackRouting: [BUTTON, 'not-an-id'] }, page);
            const own = { directToAgentRouting: { buttonId: OTHER_BUTTON } };
            expect(service.getRoutingValidation(own).valid).toBe(false);
            await expect(service.startChat({ routing: own })).resolves.toMatchObject({
                code: 'INVALID_ROUTING'
            });

            // A wrong site button that the start's own routing replaces: the start can go.
            const site = service.configureRouting(
                { directToAgentRouting: { buttonId: USER } },
                page
            );
            expect(service.getChatState().siteRoutingValid).toBe(false);
            expect(service.getRoutingValidation(own)).toMatchObject({
                valid: true,
                config: own
            });
            await expect(service.startChat({ routing: own })).resolves.toEqual({ ok: true });
            // Without its own routing: the site's verdict.
            expect(service.getRoutingValidation()).toBe(site);
        });

        it('gives the calls without an owner one owner, which never leaves', () => {
            service.configureRouting({ fallbackRouting: [BUTTON] });
            service.configureRouting({ fallbackRouting: [OTHER_BUTTON] }, page);

            service.releaseRouting(page);

            expect(routed()).toEqual({ fallbackRouting: [BUTTON] });
        });

        it('hides the client’s own button as the newest owner chose, else as configureChatService says', () => {
            service.configureRouting({}, layout, true);
            expect(helpButtonShown()).toBe(false);
            service.configureRouting({}, page, false);
            expect(helpButtonShown()).toBe(true);

            service.releaseRouting(page);
            expect(helpButtonShown()).toBe(false);
            service.releaseRouting(layout);
            expect(helpButtonShown()).toBe(true);

            service.configureChatService({ hideClientChatButton: true });
            service.configureRouting({ fallbackRouting: [BUTTON] }, page);
            expect(helpButtonShown()).toBe(false);
        });
    });

    describe('options and debug logging', () => {
        it('ignores wait options that are not non-negative numbers', async () => {
            const service = loadService();
            service.configureChatService({ clientWaitMs: -5, callTimeoutMs: Number.NaN });
            service.configureChatService(null as unknown as object);
            const result = service.startChat();
            jest.advanceTimersByTime(14999);
            await flush();
            expect(service.getChatState().status).toBe('loading');
            jest.advanceTimersByTime(1);
            await expect(result).resolves.toMatchObject({ code: 'TIMEOUT' });
        });

        it('logs nothing by default, and never visitor data when debug is on', async () => {
            const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
            const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
            installEmbeddedSvc({
                settings: { prepopulatedPrechatFields: { Email: 'ada@example.com' } }
            });
            const service = loadService();
            service.configureRouting({ prepopulatedPrechatFields: { LastName: 'Lovelace' } });
            await service.startChat();
            expect(info).not.toHaveBeenCalled();
            service.configureChatService({ debug: true });
            fireEvent('onChatRequestSuccess', { liveAgentSessionKey: 'secret-key' });
            await service.endChat();
            expect(info).toHaveBeenCalled();
            const output = info.mock.calls.flat().join('\n');
            expect(output).not.toMatch(/ada@example\.com|Lovelace|secret-key/);
            expect(log).not.toHaveBeenCalled();
            service.configureChatService({ debug: false });
        });
    });
});
