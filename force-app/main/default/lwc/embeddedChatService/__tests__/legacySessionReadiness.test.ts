/**
 * Legacy readiness on a page that may continue a chat. The 5.0 client appends its storage iframe
 * only after its feature scripts loaded (esw.js loadFeatures → onFeatureScriptsLoaded →
 * prepareDOM), so `liveAgentAPI` always exists before the iframe can answer with the stored
 * session (`resumeInitWithSessionData` fires `sessionDataRetrieved` and sets
 * `hasSessionDataLoaded`). Waiting for that answer before enabling Start would cost a
 * cross-origin round trip on every page; instead Start is enabled at once, and a start made
 * while the session is still loading waits for it (bounded) and refuses when a chat continues.
 */
import {
    getCalls,
    installEmbeddedSvc,
    resetEmbeddedSvc,
    retrieveSessionData,
    setSessionLoading
} from 'test/jest-mocks/embeddedSvc';
import { DEFAULT_CALL_TIMEOUT_MS } from '../chatService';
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

    it('a start made meanwhile goes ahead after the bound when the session never comes', async () => {
        const service = loadService();
        const result = service.startChat();
        await jest.advanceTimersByTimeAsync(DEFAULT_CALL_TIMEOUT_MS - 1);
        expect(getCalls('startChat')).toHaveLength(0);
        await jest.advanceTimersByTimeAsync(1);
        expect(getCalls('startChat')).toHaveLength(1);
        expect(result).toBeInstanceOf(Promise);
    });
});
