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
    getCalls,
    installEmbeddedSvc,
    makeStorageFrameUnreachable,
    resetEmbeddedSvc,
    retrieveSessionData,
    setSessionLoading,
    submitPrechat
} from 'test/jest-mocks/embeddedSvc';
import { DEFAULT_CALL_TIMEOUT_MS } from '../chatService';
import { SESSION_WAIT_MS } from '../sessionWait';
import { loadService, trackDocumentListeners } from 'test/reliability/serviceHarness';

describe('c/embeddedChatService: legacy readiness while the stored session loads', () => {
    let documentListeners: { removeAll: () => void };

    beforeEach(() => {
        jest.useFakeTimers();
        documentListeners = trackDocumentListeners();
        installEmbeddedSvc();
        setSessionLoading();
    });

    afterEach(() => {
        documentListeners.removeAll();
        resetEmbeddedSvc();
        jest.clearAllTimers();
        jest.useRealTimers();
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
    let documentListeners: { removeAll: () => void };

    beforeEach(() => {
        jest.useFakeTimers();
        documentListeners = trackDocumentListeners();
        installEmbeddedSvc();
        makeStorageFrameUnreachable();
    });

    afterEach(() => {
        documentListeners.removeAll();
        resetEmbeddedSvc();
        jest.clearAllTimers();
        jest.useRealTimers();
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
