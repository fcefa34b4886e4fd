/**
 * A page reloaded in the middle of an Enhanced Chat conversation (issue 21, point 6): the v1
 * client keeps the session's token in the page's web storage and, at its first Ready, goes on to
 * restore it (docs/enhanced-chat-client.md, "A conversation's life across a reload"). Until the
 * conversation reopens, the client resets, or 3 s pass, the chat is not known to be ready: the
 * state reads 'loading', never 'ready' in between. A page with no stored session is ready at once.
 */
import {
    answerConversationList,
    becomeReady,
    fireReady,
    getCalls,
    getConversations,
    getFiredEvents,
    installEmbeddedServiceBootstrap,
    settleClient,
    storeSessionJwt,
    uninstallEmbeddedServiceBootstrap,
    ENHANCED_EVENTS,
    ORG_ID,
    STORED_JWT,
    WEB_STORAGE_KEY,
    type InstallOptions
} from 'test/jest-mocks/embeddedServiceBootstrap';
import { loadService, useServicePage, type Service } from 'test/reliability/serviceHarness';
import { EnhancedChatClient } from '../enhancedChatClient';

/** The restore's bound after the first Ready (enhancedChatClient.ts RESTORE_MS). */
const RESTORE_MS = 3000;

/** A service loaded before the client's Ready, and every status it publishes. */
function pageBeforeReady(options: InstallOptions = {}): { service: Service; states: string[] } {
    const service = loadService();
    const states: string[] = [];
    service.subscribeToChat((s) => {
        if (states[states.length - 1] !== s.status) states.push(s.status); // every status change
    });
    installEmbeddedServiceBootstrap({ readiness: 'loading', ...options });
    return { service, states };
}

describe('c/embeddedChatService with Enhanced Chat: a page reloaded during a chat', () => {
    useServicePage(() => {
        uninstallEmbeddedServiceBootstrap();
    });

    it('reads loading, never ready, until the conversation reopens', async () => {
        const { service, states } = pageBeforeReady({ existingSession: 'Active' });
        becomeReady(); // Ready, ButtonCreated; the conversation list is still on its way
        expect(service.getChatState().status).toBe('loading');
        await settleClient();
        expect(getFiredEvents().map((e) => e.name)).toEqual([
            ENHANCED_EVENTS.ready,
            ENHANCED_EVENTS.buttonCreated,
            ENHANCED_EVENTS.conversationOpened
        ]);
        expect(states).toEqual(['loading', 'open']);
        expect(service.getChatState()).toMatchObject({ status: 'open', client: 'enhanced' });
    });

    it('reads loading when the service loads after Ready, while the restore is under way', async () => {
        installEmbeddedServiceBootstrap({ existingSession: 'Waiting' });
        const service = loadService();
        const states: string[] = [];
        service.subscribeToChat((s) => {
            if (states[states.length - 1] !== s.status) states.push(s.status); // every status change
        });
        await settleClient();
        expect(states).toEqual(['loading', 'open']);
    });

    it('reads ready at the reset when the server finds no open conversation', async () => {
        const { service, states } = pageBeforeReady({ existingSession: 'none' });
        becomeReady();
        expect(service.getChatState().status).toBe('loading');
        await settleClient();
        // handleListConversation found nothing: the client cleared its storage and reset.
        expect(getFiredEvents(ENHANCED_EVENTS.ready)).toHaveLength(2);
        expect(window.localStorage.getItem(WEB_STORAGE_KEY)).toBe('{}');
        expect(states).toEqual(['loading', 'ready']);
    });

    it('waits 3 s at most for a restore that never answers, once per page', async () => {
        const { service, states } = pageBeforeReady({ existingSession: 'no-answer' });
        becomeReady();
        await settleClient();
        jest.advanceTimersByTime(RESTORE_MS - 1);
        expect(service.getChatState().status).toBe('loading');
        jest.advanceTimersByTime(1);
        expect(states).toEqual(['loading', 'ready']);
        // A later Ready is a reset: the client restores nothing then, whatever storage holds.
        storeSessionJwt();
        fireReady();
        expect(service.getChatState().status).toBe('ready');
    });

    it('is ready at once with no stored session', () => {
        const { service, states } = pageBeforeReady();
        storeSessionJwt('session'); // not v1's storage while localStorage can be read
        becomeReady();
        expect(states).toEqual(['loading', 'ready']);
        expect(service.getChatState().status).toBe('ready');
    });

    it('reads the session from sessionStorage when localStorage is out of reach', async () => {
        const local = Object.getOwnPropertyDescriptor(window, 'localStorage');
        Object.defineProperty(window, 'localStorage', {
            configurable: true,
            get: () => {
                throw new DOMException('The operation is insecure.', 'SecurityError');
            }
        });
        try {
            storeSessionJwt('session');
            const { states } = pageBeforeReady({ existingSession: 'Active' });
            becomeReady();
            expect(states).toEqual(['loading']);
            await settleClient();
            expect(states).toEqual(['loading', 'open']);
        } finally {
            Object.defineProperty(window, 'localStorage', local as PropertyDescriptor);
        }
    });

    it('takes a stored value that is not JSON for no session', () => {
        const { service, states } = pageBeforeReady();
        window.localStorage.setItem(WEB_STORAGE_KEY, '{"JWT":');
        becomeReady();
        expect(states).toEqual(['loading', 'ready']);
        expect(service.getChatState().status).toBe('ready');
    });

    /** A start made while the restore waits for the server, which then lists `found`. */
    async function startWhileRestoring(found: 'Active' | 'none'): Promise<unknown> {
        const { service } = pageBeforeReady({ existingSession: 'no-answer' });
        becomeReady();
        const start = service.startChat();
        await settleClient();
        expect(getCalls('launchChat')).toHaveLength(0); // the restore is under way
        answerConversationList(found);
        await settleClient();
        return start;
    }

    it('answers a start made while restoring a conversation with that chat, not a second one', async () => {
        await expect(startWhileRestoring('Active')).resolves.toMatchObject({
            code: 'CHAT_IN_PROGRESS'
        });
        expect(getCalls('launchChat')).toHaveLength(0);
        expect(getConversations()).toEqual([expect.objectContaining({ restored: true })]);
    });

    it('lets a start made while restoring go on once the client reset', async () => {
        await expect(startWhileRestoring('none')).resolves.toEqual({ ok: true });
        expect(getConversations()).toEqual([expect.not.objectContaining({ restored: true })]);
    });

    it('stores the token when a conversation starts, and the next page restores it', async () => {
        installEmbeddedServiceBootstrap();
        const first = loadService();
        await first.startChat();
        await settleClient();
        expect(JSON.parse(window.localStorage.getItem(WEB_STORAGE_KEY) ?? '{}')).toEqual({
            JWT: STORED_JWT
        });
        // A reload: the same storage, a new client and service.
        uninstallEmbeddedServiceBootstrap({ keepStorage: true });
        const { states } = pageBeforeReady({ existingSession: 'Waiting' });
        becomeReady();
        await settleClient();
        expect(states).toEqual(['loading', 'open']);
    });

    it('is not taken for a client holding Ready back for an agent', () => {
        const { service } = pageBeforeReady({
            existingSession: 'Active',
            availabilityCheck: true,
            agentsOnline: false
        });
        // init skips the availability check with a stored session: Ready will come.
        jest.advanceTimersByTime(2000);
        expect(service.getChatState()).toMatchObject({ status: 'loading', agentsAvailable: null });
    });

    it('never logs the stored session', async () => {
        const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
        const { service } = pageBeforeReady({ existingSession: 'Active' });
        service.configureChatService({ debug: true });
        becomeReady();
        await settleClient();
        service.configureChatService({ debug: false });
        expect(info).toHaveBeenCalled();
        expect(JSON.stringify(info.mock.calls)).not.toContain(STORED_JWT);
    });

    describe('v2 (its storage is in its frame, on another origin)', () => {
        it('is ready at Ready, then open when the conversation reopens: the limit', async () => {
            const { states } = pageBeforeReady({ version: 'v2', existingSession: 'Active' });
            becomeReady();
            await settleClient();
            expect(states).toEqual(['loading', 'ready', 'open']);
        });

        it('reads nothing from the page’s storage', () => {
            storeSessionJwt();
            const { states } = pageBeforeReady({ version: 'v2' });
            becomeReady();
            expect(states).toEqual(['loading', 'ready']);
        });
    });
});

describe('the Enhanced Chat adapter reading a stored session', () => {
    const refused = (): never => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const storageWith = (text: string | null) => ({ getItem: () => text });
    /** A page whose v1 client is ready (the adapter loads after it), with these storages. */
    const probeOn = (storages: Record<string, unknown>): string => {
        const page = {
            embeddedservice_bootstrap: { settings: { orgId: ORG_ID }, utilAPI: {} },
            ...storages
        };
        return new EnhancedChatClient(() => page).probe();
    };
    const session = JSON.stringify({ JWT: STORED_JWT });

    afterEach(() => {
        jest.clearAllTimers();
    });

    it('restores with a JWT in localStorage, or in sessionStorage when localStorage is out of reach', () => {
        jest.useFakeTimers();
        expect(probeOn({ localStorage: storageWith(session) })).toBe('loading');
        const page = { sessionStorage: storageWith(session) };
        expect(probeOn(Object.defineProperty(page, 'localStorage', { get: refused }))).toBe(
            'loading'
        );
        jest.useRealTimers();
    });

    it.each([
        ['a storage whose reads throw', { localStorage: { getItem: refused } }],
        ['no storage at all', {}],
        ['a JWT that is not text', { localStorage: storageWith('{"JWT":42}') }],
        ['an empty JWT', { localStorage: storageWith('{"JWT":""}') }],
        ['nothing stored', { localStorage: storageWith(null) }]
    ])('never throws on %s: ready at once', (_name, storages) => {
        expect(probeOn(storages)).toBe('ready');
    });
});
