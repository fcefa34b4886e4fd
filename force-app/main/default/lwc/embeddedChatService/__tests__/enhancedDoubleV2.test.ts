// The Enhanced Chat double's v2 mode (Proxies without a `has` trap, API objects that refuse before
// Ready) and a page reloaded during a chat (the session v1 keeps in the page's web storage).
import {
    CLEAR_NOT_READY_MESSAGE,
    ENHANCED_EVENTS,
    V2_NO_BUTTON_MESSAGE,
    becomeReady,
    clientApi,
    fireButtonCreated,
    getClientState,
    getConversations,
    getFiredEvents,
    getNotImplementedReads,
    answerConversationList,
    installEmbeddedServiceBootstrap,
    settleClient,
    storeSessionJwt,
    uninstallEmbeddedServiceBootstrap,
    STORED_JWT,
    WEB_STORAGE_KEY
} from 'test/jest-mocks/embeddedServiceBootstrap';
import { rejection } from 'test/rejection';
import { HIDDEN_ROUTING } from 'test/fixtures/records';

const client = clientApi;

const ROUTING = HIDDEN_ROUTING;

afterEach(() => {
    uninstallEmbeddedServiceBootstrap();
});

describe('Enhanced Chat double, v2', () => {
    it('is a Proxy without a has trap: in answers false, typeof answers function', () => {
        installEmbeddedServiceBootstrap({ version: 'v2' });
        const { utilAPI } = client();
        expect('launchChat' in utilAPI).toBe(false);
        expect(typeof utilAPI.launchChat).toBe('function');
        expect('utilAPI' in client()).toBe(false);
        expect(utilAPI.removeAllComponents).toBeUndefined();
        expect(utilAPI.endChat).toBeUndefined();
        expect(getNotImplementedReads()).toEqual([
            'utilAPI.removeAllComponents',
            'utilAPI.endChat'
        ]);
    });

    it('has the API objects from load, but they refuse before Ready', async () => {
        installEmbeddedServiceBootstrap({ version: 'v2', readiness: 'loading' });
        // init.js validateEmbeddedMessagingButtonCreatedEventFired: an Error, not a string.
        const refused = await rejection(client().utilAPI.launchChat());
        expect(refused).toBeInstanceOf(Error);
        expect((refused as Error).message).toBe(V2_NO_BUTTON_MESSAGE);
        expect(await rejection(client().userVerificationAPI.clearSession())).toBe(
            CLEAR_NOT_READY_MESSAGE
        );
        expect(client().prechatAPI.setHiddenPrechatFields(ROUTING)).toBe(false);
        expect(client().utilAPI.showChatButton()).toBe(false);
        becomeReady();
        expect(client().prechatAPI.setHiddenPrechatFields(ROUTING)).toBe(true);
        // init.js answers true even when it dropped the field (the call itself went through).
        expect(client().prechatAPI.setHiddenPrechatFields({ Nope: 'x' })).toBe(true);
        expect(await client().utilAPI.launchChat()).toBeUndefined();
        await settleClient();
        expect(getConversations()[0].hiddenFields).toEqual(ROUTING);
    });

    it('keeps its configuration off settings, and checks hidden fields against it all the same', () => {
        installEmbeddedServiceBootstrap({
            version: 'v2',
            hiddenFields: [{ name: 'Chat_Fallback_Routing', maxLength: 10 }]
        });
        // init.js getHiddenPrechatFormFields reads its config helper (scrtConfig), not settings.
        const config = client().settings.embeddedServiceConfig as Record<string, unknown>;
        expect(config.forms).toBeUndefined();
        client().prechatAPI.setHiddenPrechatFields({
            Chat_Fallback_Routing: 'r'.repeat(11),
            Chat_Target_Id: '00G5g00000QuEuEAAA'
        });
        client().prechatAPI.setHiddenPrechatFields({ Chat_Fallback_Routing: 'r'.repeat(10) });
        expect(getClientState().hiddenFields).toEqual({ Chat_Fallback_Routing: 'r'.repeat(10) });
    });

    it('fires Ready again after a reset and waits for the button again', async () => {
        installEmbeddedServiceBootstrap({ version: 'v2' });
        await client().userVerificationAPI.clearSession();
        expect(getClientState()).toMatchObject({ readyCount: 2, buttonCreatedCount: 2 });
        fireButtonCreated('Hide');
        expect(getClientState().buttonCreatedCount).toBe(2);
    });
});

describe('Enhanced Chat double, page reloaded during a chat', () => {
    it('reopens the window and fires ConversationOpened only', async () => {
        installEmbeddedServiceBootstrap({ existingSession: 'Active' });
        await settleClient();
        expect(getFiredEvents().map((e) => e.name)).toEqual([
            ENHANCED_EVENTS.ready,
            ENHANCED_EVENTS.buttonCreated,
            ENHANCED_EVENTS.conversationOpened
        ]);
        expect(getClientState()).toMatchObject({ windows: 1, readyCount: 1 });
        expect(getConversations()).toEqual([
            expect.objectContaining({ status: 'Active', restored: true })
        ]);
        const answer = await client().utilAPI.launchChat();
        expect(answer).toMatch(/already present/);
        expect(getConversations()).toHaveLength(1);
    });

    it('restores only on the first Ready, not after a reset', async () => {
        installEmbeddedServiceBootstrap({ existingSession: 'Waiting', readiness: 'loading' });
        becomeReady();
        await client().userVerificationAPI.clearSession();
        await settleClient();
        expect(getClientState()).toMatchObject({ windows: 0, readyCount: 2 });
        expect(getFiredEvents(ENHANCED_EVENTS.conversationOpened)).toHaveLength(1);
    });

    const stored = (): unknown =>
        JSON.parse(window.localStorage.getItem(WEB_STORAGE_KEY) ?? 'null');

    it('keeps a new conversation’s token in web storage, and a reset deletes it', async () => {
        installEmbeddedServiceBootstrap({ readiness: 'loading' });
        becomeReady();
        expect(stored()).toEqual({}); // initializeWebStorage
        await client().utilAPI.launchChat();
        await settleClient();
        expect(stored()).toEqual({ JWT: STORED_JWT }); // setAndStoreJwt
        await client().userVerificationAPI.clearSession();
        expect(stored()).toEqual({}); // clearWebStorage, then initializeWebStorage
    });

    it('keeps v2’s session out of the page’s storage', async () => {
        installEmbeddedServiceBootstrap({ version: 'v2', readiness: 'loading' });
        becomeReady();
        await client().utilAPI.launchChat();
        await settleClient();
        expect(stored()).toBeNull();
    });

    it('restores a token stored before init, and resets when no conversation is open', async () => {
        storeSessionJwt();
        installEmbeddedServiceBootstrap({ readiness: 'loading' });
        becomeReady();
        expect(getClientState()).toMatchObject({ windows: 1, readyCount: 1 });
        await settleClient();
        expect(getFiredEvents().map((e) => e.name)).toEqual([
            ENHANCED_EVENTS.ready,
            ENHANCED_EVENTS.buttonCreated,
            ENHANCED_EVENTS.ready,
            ENHANCED_EVENTS.buttonCreated
        ]);
        expect(stored()).toEqual({});
        expect(getConversations()).toEqual([]);
    });

    it('waits for the server when told, then reopens what it lists', async () => {
        installEmbeddedServiceBootstrap({ existingSession: 'no-answer', readiness: 'loading' });
        becomeReady();
        await settleClient();
        expect(getFiredEvents(ENHANCED_EVENTS.conversationOpened)).toHaveLength(0);
        answerConversationList('Waiting');
        expect(getFiredEvents(ENHANCED_EVENTS.conversationOpened)).toHaveLength(1);
        expect(() => answerConversationList('Waiting')).toThrow(/No conversation list/);
    });
});
