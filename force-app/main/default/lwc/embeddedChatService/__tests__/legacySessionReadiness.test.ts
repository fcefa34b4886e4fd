/**
 * Legacy readiness on a page that may continue a chat. The 5.0 client appends its storage iframe
 * only after its feature scripts loaded (esw.js loadFeatures → onFeatureScriptsLoaded →
 * prepareDOM), so `liveAgentAPI` always exists before the iframe can answer with the stored
 * session (`resumeInitWithSessionData` fires `sessionDataRetrieved` and sets
 * `hasSessionDataLoaded`). Waiting for that answer before enabling Start would cost a
 * cross-origin round trip on every page; instead Start is enabled at once, and a start made
 * while the session is still loading waits for it and refuses when a chat continues. That frame
 * may never answer (unreachable): the wait is paid once per page, at most SESSION_WAIT_MS after
 * readiness, and "not arrived" is never taken for a chat under way.
 */
import {
    DEPLOYMENT_ID,
    fireEvent,
    getCalls,
    installEmbeddedSvc,
    makeStorageFrameUnreachable,
    resetEmbeddedSvc,
    retrieveSessionData,
    setSessionLoading,
    showLiveAgentApi,
    submitPrechat,
    tabChatKey
} from 'test/jest-mocks/embeddedSvc';
import { DEFAULT_CALL_TIMEOUT_MS } from '../chatService';
import { SESSION_WAIT_MS } from '../sessionWait';
import { loadService, useServicePage } from 'test/reliability/serviceHarness';

describe('c/embeddedChatService: legacy readiness while the stored session loads', () => {
    useServicePage(resetEmbeddedSvc);

    beforeEach(() => {
        installEmbeddedSvc();
        setSessionLoading();
    });

    it('is ready as soon as liveAgentAPI exists, before the storage iframe answers', () => {
        const service = loadService();
        expect(service.getChatState()).toMatchObject({ status: 'ready', client: 'legacy' });
    });

    it('a start made meanwhile waits for the session and refuses, without calling the client, when a chat continues', async () => {
        const service = loadService();
        const result = service.startChat();
        await Promise.resolve();
        expect(getCalls('startChat')).toHaveLength(0);
        retrieveSessionData('chatting');
        await expect(result).resolves.toMatchObject({ ok: false, code: 'CHAT_IN_PROGRESS' });
        expect(getCalls('startChat')).toHaveLength(0);
        expect(service.getChatState().status).toBe('chatting');
    });

    it('a start made meanwhile goes ahead once the session shows no chat', async () => {
        const service = loadService();
        const result = service.startChat();
        await Promise.resolve();
        expect(getCalls('startChat')).toHaveLength(0);
        retrieveSessionData(null);
        await jest.advanceTimersByTimeAsync(0);
        expect(getCalls('startChat')).toHaveLength(1);
        expect(service.getChatState().status).toBe('requesting');
        expect(result).toBeInstanceOf(Promise);
    });

    it('a start made meanwhile goes ahead at the bound, SESSION_WAIT_MS after readiness, when the session never comes', async () => {
        const service = loadService();
        const result = service.startChat();
        await jest.advanceTimersByTimeAsync(SESSION_WAIT_MS - 1);
        expect(getCalls('startChat')).toHaveLength(0);
        await jest.advanceTimersByTimeAsync(1);
        expect(getCalls('startChat')).toHaveLength(1);
        expect(result).toBeInstanceOf(Promise);
    });
});

describe('c/embeddedChatService: legacy client whose storage frame is unreachable', () => {
    useServicePage(resetEmbeddedSvc);

    beforeEach(() => {
        installEmbeddedSvc();
        makeStorageFrameUnreachable();
    });

    it('a start made at readiness reaches the client SESSION_WAIT_MS later, and succeeds', async () => {
        const service = loadService();
        const result = service.startChat();
        await jest.advanceTimersByTimeAsync(SESSION_WAIT_MS);
        expect(getCalls('startChat')).toHaveLength(1);
        await expect(result).resolves.toEqual({ ok: true });
    });

    it('a start made after the wait reaches the client at once (no timer has to run)', async () => {
        const service = loadService();
        jest.setSystemTime(Date.now() + SESSION_WAIT_MS);
        const result = service.startChat();
        await jest.advanceTimersByTimeAsync(0);
        expect(getCalls('startChat')).toHaveLength(1);
        await expect(result).resolves.toEqual({ ok: true });
    });

    it('the wait is paid once per page: a second action after a waited one does not wait again', async () => {
        const service = loadService();
        const first = service.startChat();
        await jest.advanceTimersByTimeAsync(SESSION_WAIT_MS);
        await expect(first).resolves.toEqual({ ok: true });
        submitPrechat();
        const clear = service.clearSession();
        await jest.advanceTimersByTimeAsync(0);
        expect(getCalls('clearSession')).toHaveLength(1);
        await jest.advanceTimersByTimeAsync(DEFAULT_CALL_TIMEOUT_MS);
        await expect(clear).resolves.toMatchObject({ code: 'CLEAR_UNCONFIRMED' });
    });

    it('two actions made at readiness share the one wait', async () => {
        const service = loadService();
        const start = service.startChat();
        await jest.advanceTimersByTimeAsync(SESSION_WAIT_MS / 2);
        const clear = service.clearSession();
        await jest.advanceTimersByTimeAsync(SESSION_WAIT_MS / 2 - 1);
        expect(getCalls()).toHaveLength(0);
        await jest.advanceTimersByTimeAsync(1);
        expect(getCalls().map((call) => call.method)).toEqual(['startChat', 'clearSession']);
        await jest.advanceTimersByTimeAsync(DEFAULT_CALL_TIMEOUT_MS);
        await expect(clear).resolves.toMatchObject({ code: 'CLEAR_UNCONFIRMED' });
        await expect(start).resolves.toEqual({ ok: true });
    });

    it('never answers CHAT_IN_PROGRESS because the session data has not arrived', async () => {
        const service = loadService();
        const states: string[] = [];
        service.subscribeToChat((state) => states.push(state.status));
        const result = service.startChat();
        await jest.advanceTimersByTimeAsync(SESSION_WAIT_MS);
        await expect(result).resolves.toEqual({ ok: true });
        expect(states).not.toContain('chatting');
        expect(states).not.toContain('queued');
    });

    it('a page-load clear calls clearSession at the bound and answers within callTimeoutMs + SESSION_WAIT_MS', async () => {
        const service = loadService();
        service.configureChatService({ callTimeoutMs: 3000 });
        let answer: unknown = null;
        const settled = service.clearSession().then((result) => {
            answer = result;
        });
        await jest.advanceTimersByTimeAsync(SESSION_WAIT_MS);
        expect(getCalls('clearSession')).toHaveLength(1);
        await jest.advanceTimersByTimeAsync(3000 - 1);
        expect(answer).toBeNull();
        await jest.advanceTimersByTimeAsync(1);
        await settled;
        expect(answer).toMatchObject({ ok: false, code: 'CLEAR_UNCONFIRMED' });
    });

    it('still recognises a continued chat when the frame answers after the wait', async () => {
        const service = loadService();
        await jest.advanceTimersByTimeAsync(SESSION_WAIT_MS * 3);
        retrieveSessionData('chatting');
        expect(service.getChatState().status).toBe('chatting');
        await expect(service.startChat()).resolves.toMatchObject({ code: 'CHAT_IN_PROGRESS' });
        expect(getCalls('startChat')).toHaveLength(0);
    });
});

/**
 * A tab reloaded in the middle of a chat: esw.js session.updatePrimary left the tab's marker in
 * the page's sessionStorage, so a chat may continue, and only the storage frame's answer says
 * whether it does. That page reads loading until the answer (at most SESSION_WAIT_MS, once per
 * page) and never shows ready before a continued chat; a tab without the marker is unchanged.
 */
describe('c/embeddedChatService: legacy tab whose chat may continue (its sessionStorage marker)', () => {
    useServicePage(() => {
        resetEmbeddedSvc();
        jest.restoreAllMocks();
    });

    beforeEach(() => {
        installEmbeddedSvc();
        setSessionLoading();
        window.sessionStorage.setItem(tabChatKey(), DEPLOYMENT_ID);
    });

    /** Every status the service publishes, from its first. */
    function followStatuses(service: ReturnType<typeof loadService>): string[] {
        const seen: string[] = [];
        service.subscribeToChat((state) => seen.push(state.status));
        return seen;
    }

    it('reads loading until the frame says the chat continues, then chatting: never ready in between', async () => {
        const service = loadService();
        const seen = followStatuses(service);
        await jest.advanceTimersByTimeAsync(300);
        expect(service.getChatState()).toMatchObject({ status: 'loading', client: null });
        retrieveSessionData('chatting');
        expect(service.getChatState()).toMatchObject({ status: 'chatting', client: 'legacy' });
        expect(seen).toEqual(['loading', 'chatting']);
    });

    it('reads ready once the frame says no chat continues (a marker left by an ended chat)', async () => {
        const service = loadService();
        const seen = followStatuses(service);
        await jest.advanceTimersByTimeAsync(250);
        retrieveSessionData(null);
        expect(service.getChatState().status).toBe('ready');
        expect(seen).toEqual(['loading', 'ready']);
    });

    it('a start made while it loads waits, and refuses when the chat continues', async () => {
        const service = loadService();
        const result = service.startChat();
        await jest.advanceTimersByTimeAsync(200);
        expect(getCalls('startChat')).toHaveLength(0);
        retrieveSessionData('queued');
        await expect(result).resolves.toMatchObject({ ok: false, code: 'CHAT_IN_PROGRESS' });
        expect(getCalls('startChat')).toHaveLength(0);
        expect(service.getChatState().status).toBe('queued');
    });

    it('with a frame that never answers: ready within SESSION_WAIT_MS plus one re-check, and a start then does not wait again', async () => {
        makeStorageFrameUnreachable();
        const service = loadService();
        followStatuses(service);
        await jest.advanceTimersByTimeAsync(SESSION_WAIT_MS - 1);
        expect(service.getChatState().status).toBe('loading');
        await jest.advanceTimersByTimeAsync(SESSION_WAIT_MS);
        expect(service.getChatState()).toMatchObject({ status: 'ready', client: 'legacy' });
        const started = service.startChat();
        await jest.advanceTimersByTimeAsync(0); // no second wait: no timer needs to run
        expect(getCalls('startChat')).toHaveLength(1);
        expect(started).toBeInstanceOf(Promise);
    });

    it('reads ready at once when the marker is another deployment’s', () => {
        window.sessionStorage.setItem(tabChatKey(), '572000000000ZZZ');
        expect(loadService().getChatState().status).toBe('ready');
    });

    it('reads ready at once when the page cannot read its sessionStorage', () => {
        jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
            throw new Error('blocked');
        });
        expect(loadService().getChatState().status).toBe('ready');
    });

    it('the double keeps the marker as the client does: set when a chat starts, gone after clearSession', async () => {
        window.sessionStorage.removeItem(tabChatKey());
        retrieveSessionData(null);
        const service = loadService();
        const started = service.startChat();
        await jest.advanceTimersByTimeAsync(0);
        submitPrechat();
        await expect(started).resolves.toEqual({ ok: true });
        expect(window.sessionStorage.getItem(tabChatKey())).toBe(DEPLOYMENT_ID);
        await service.clearSession();
        expect(window.sessionStorage.getItem(tabChatKey())).toBeNull();
    });
});

describe('c/embeddedChatService: the end of a legacy tab’s hold (review findings)', () => {
    useServicePage(resetEmbeddedSvc);

    beforeEach(() => {
        installEmbeddedSvc();
        setSessionLoading();
        window.sessionStorage.setItem(tabChatKey(), DEPLOYMENT_ID);
    });

    it('reads ready at the bound itself, SESSION_WAIT_MS after featureLoaded, whatever the re-check back-off', async () => {
        resetEmbeddedSvc();
        installEmbeddedSvc({ liveAgent: false });
        setSessionLoading();
        window.sessionStorage.setItem(tabChatKey(), DEPLOYMENT_ID);
        makeStorageFrameUnreachable();
        const service = loadService();
        const published: string[] = [];
        service.subscribeToChat((state) => published.push(state.status));
        await jest.advanceTimersByTimeAsync(5000); // the re-checks have backed off meanwhile
        showLiveAgentApi();
        await jest.advanceTimersByTimeAsync(SESSION_WAIT_MS);
        // What subscribers were told (getChatState would look again by itself).
        expect(published.at(-1)).toBe('ready');
    });

    it('a frame answering after the hold leaves no stale chat for a later start', async () => {
        const service = loadService();
        service.subscribeToChat(() => undefined);
        await jest.advanceTimersByTimeAsync(SESSION_WAIT_MS * 2);
        retrieveSessionData('chatting');
        fireEvent('onChatEndedByAgent');
        expect(service.getChatState().status).toBe('ended');
        const result = service.startChat();
        await jest.advanceTimersByTimeAsync(0);
        expect(getCalls('startChat')).toHaveLength(1);
        expect(result).toBeInstanceOf(Promise);
    });
});
