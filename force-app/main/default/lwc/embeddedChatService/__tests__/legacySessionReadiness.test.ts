/**
 * Legacy readiness on a page that may continue a chat: while the client is still loading its
 * stored session (`hasSessionDataLoaded === false` until the storage iframe answers with
 * `sessionDataRetrieved`), the state is not `ready`, so Start is not enabled during a chat that
 * is about to be restored. Bounded: without an answer it becomes ready after the call timeout.
 */
import {
    installEmbeddedSvc,
    resetEmbeddedSvc,
    retrieveSessionData,
    setSessionLoading
} from 'test/jest-mocks/embeddedSvc';
import { DEFAULT_CALL_TIMEOUT_MS } from '../chatService';
import { loadService, trackDocumentListeners } from 'test/reliability/serviceHarness';

describe('c/embeddedChatService: legacy readiness waits for the stored session', () => {
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

    it('loads until the session data comes, then shows the continued chat without ever reading ready', () => {
        const service = loadService();
        const states: string[] = [];
        service.subscribeToChat((s) => states.push(s.status));
        jest.advanceTimersByTime(500);
        expect(service.getChatState().status).toBe('loading');
        retrieveSessionData('chatting');
        expect(service.getChatState()).toMatchObject({ status: 'chatting', client: 'legacy' });
        expect(states).not.toContain('ready');
        expect(jest.getTimerCount()).toBe(0);
    });

    it('is ready once the session data says no chat continues', () => {
        const service = loadService();
        expect(service.getChatState().status).toBe('loading');
        retrieveSessionData(null);
        expect(service.getChatState().status).toBe('ready');
    });

    it('becomes ready after the bound when the session data never comes', () => {
        const service = loadService();
        jest.advanceTimersByTime(DEFAULT_CALL_TIMEOUT_MS - 1);
        expect(service.getChatState().status).toBe('loading');
        jest.advanceTimersByTime(1);
        expect(service.getChatState().status).toBe('ready');
    });
});
