// The Enhanced Chat double (test/jest-mocks/embeddedServiceBootstrap.ts) keeps the real client's
// sharp edges: these tests pin each one, so a kinder double cannot slip in unnoticed.
import {
    ENHANCED_EVENTS,
    NO_BUTTON_MESSAGE,
    agentAccepts,
    agentEnds,
    becomeReady,
    clientApi,
    failNextLaunch,
    fireReady,
    getCalls,
    getClientLog,
    getClientState,
    getConversations,
    getFiredEvents,
    installEmbeddedServiceBootstrap,
    listenerCount,
    setBusinessHours,
    setCallBehavior,
    setIframeResponsive,
    setWindowMinimized,
    settleClient,
    submitPrechatForm,
    uninstallEmbeddedServiceBootstrap,
    visitorCloses
} from 'test/jest-mocks/embeddedServiceBootstrap';
import { rejection } from 'test/rejection';
import { HIDDEN_ROUTING } from 'test/fixtures/records';

const client = clientApi;

const ROUTING = HIDDEN_ROUTING;

function statuses(): string[] {
    return getFiredEvents(ENHANCED_EVENTS.sessionStatusUpdate).map((e) => {
        const detail = e.detail as { conversationEntry: { entryPayload: string } };
        const payload = JSON.parse(detail.conversationEntry.entryPayload) as {
            entryType: string;
            sessionStatus: string;
        };
        expect(payload.entryType).toBe('SessionStatusChanged');
        return payload.sessionStatus;
    });
}

afterEach(() => {
    uninstallEmbeddedServiceBootstrap();
});

describe('Enhanced Chat double, v1', () => {
    it('has no API objects before Ready, then Ready, then the button', () => {
        const order: string[] = [];
        const onReady = (): void => {
            order.push(`ready:${typeof client().utilAPI}`);
        };
        const onButton = (e: Event): void => {
            order.push(`button:${(e as CustomEvent).detail.buttonVisibility}`);
        };
        window.addEventListener(ENHANCED_EVENTS.ready, onReady);
        window.addEventListener(ENHANCED_EVENTS.buttonCreated, onButton);
        installEmbeddedServiceBootstrap({ readiness: 'loading' });
        expect(client().utilAPI).toBeUndefined();
        expect(client().prechatAPI).toBeUndefined();
        expect(client().userVerificationAPI).toBeUndefined();
        becomeReady();
        expect(order).toEqual(['ready:object', 'button:Show']);
        expect(listenerCount(ENHANCED_EVENTS.ready)).toBe(1);
        expect(listenerCount()).toBe(2);
    });

    it('rejects launchChat with a string while the button is missing', async () => {
        installEmbeddedServiceBootstrap({ readiness: 'loading' });
        fireReady();
        const reason = await rejection(client().utilAPI.launchChat());
        expect(reason).toBe(NO_BUTTON_MESSAGE);
        expect(typeof reason).toBe('string');
        expect(getConversations()).toHaveLength(0);
    });

    it('sends the hidden fields set before launch with the new conversation', async () => {
        installEmbeddedServiceBootstrap();
        const started: unknown[] = [];
        const onStarted = (e: Event): void => {
            started.push((e as CustomEvent).detail);
        };
        window.addEventListener(ENHANCED_EVENTS.conversationStarted, onStarted);
        client().prechatAPI.setHiddenPrechatFields(ROUTING);
        const answer = await client().utilAPI.launchChat();
        expect(typeof answer).toBe('string');
        await settleClient();
        const [conversation] = getConversations();
        expect(conversation.hiddenFields).toEqual(ROUTING);
        expect(started).toEqual([{ conversationId: conversation.conversationId }]);
        expect(statuses()).toEqual(['Waiting']);
        expect(getClientState().windows).toBe(1);
    });

    it('drops invalid hidden fields silently and keeps the valid ones', async () => {
        installEmbeddedServiceBootstrap();
        const result = client().prechatAPI.setHiddenPrechatFields({
            Chat_Agent_Id: '0055g00000ABcDeAAA',
            Unknown_Field: 'x',
            Chat_Target_Id: 12345,
            Chat_Fallback: 'maybe-too-long',
            Chat_Fallback_Routing: ['JavaScript', 'alert(1)'].join(':')
        });
        expect(result).toBeUndefined();
        client().prechatAPI.setHiddenPrechatFields({ Chat_Fallback_Routing: 'a<SCRIPT>b' });
        expect(getClientState().hiddenFields).toEqual({ Chat_Agent_Id: '0055g00000ABcDeAAA' });
        expect(getClientLog()).toHaveLength(5);
        await client().utilAPI.launchChat();
        await settleClient();
        expect(getConversations()[0].hiddenFields).toEqual({ Chat_Agent_Id: '0055g00000ABcDeAAA' });
    });

    it('lists the declared hidden fields in its configuration and checks each value against them', () => {
        installEmbeddedServiceBootstrap({
            hiddenFields: [
                { name: 'Chat_Target_Id', maxLength: 18 },
                { name: 'Chat_Fallback_Routing', maxLength: 1000 }
            ]
        });
        // getHiddenPrechatFieldsFromConfig reads settings.embeddedServiceConfig.forms[0].
        const forms = (client().settings.embeddedServiceConfig as { forms: unknown[] }).forms;
        expect(forms[0]).toMatchObject({
            hiddenFormFields: [
                { name: 'Chat_Target_Id', maxLength: 18 },
                { name: 'Chat_Fallback_Routing', maxLength: 1000 }
            ]
        });
        client().prechatAPI.setHiddenPrechatFields({
            Chat_Target_Id: 'x'.repeat(19),
            Chat_Fallback_Routing: 'r'.repeat(1000),
            Chat_Agent_Id: '0055g00000ABcDeAAA',
            _firstName: 'Ada'
        });
        expect(getClientState().hiddenFields).toEqual({ Chat_Fallback_Routing: 'r'.repeat(1000) });
        // It reads the configuration at each call: a field it no longer lists is not a field.
        (forms[0] as { hiddenFormFields: unknown[] }).hiddenFormFields = [];
        client().prechatAPI.setHiddenPrechatFields({ Chat_Fallback_Routing: 'r' });
        expect(getClientState().hiddenFields).toEqual({ Chat_Fallback_Routing: 'r'.repeat(1000) });
    });

    it('accepts any length for a declared field without a maxLength, as v1 compares with undefined', () => {
        installEmbeddedServiceBootstrap({
            hiddenFields: [{ name: 'Chat_Fallback_Routing' } as { name: string; maxLength: number }]
        });
        client().prechatAPI.setHiddenPrechatFields({ Chat_Fallback_Routing: 'r'.repeat(5000) });
        expect(getClientState().hiddenFields.Chat_Fallback_Routing).toHaveLength(5000);
    });

    it('reads the hidden fields at conversation creation, not at launch', async () => {
        installEmbeddedServiceBootstrap();
        const launch = client().utilAPI.launchChat();
        client().prechatAPI.setHiddenPrechatFields({ Chat_Fallback: 'true' });
        await launch;
        await settleClient();
        client().prechatAPI.setHiddenPrechatFields({ Chat_Agent_Id: '0055g00000ABcDeAAA' });
        expect(getConversations()[0].hiddenFields).toEqual({ Chat_Fallback: 'true' });
    });

    it('has no duplicate guard: two launches in one tick make two conversations', async () => {
        installEmbeddedServiceBootstrap();
        const first = client().utilAPI.launchChat();
        const second = client().utilAPI.launchChat();
        await Promise.all([first, second]);
        await settleClient();
        expect(getCalls('launchChat')).toHaveLength(2);
        expect(getClientState().windows).toBe(2);
        expect(getConversations()).toHaveLength(2);
    });

    it('follows the agent: Waiting, Active, Ended; the window stays after the end', async () => {
        installEmbeddedServiceBootstrap();
        await client().utilAPI.launchChat();
        await settleClient();
        agentAccepts();
        agentEnds();
        expect(statuses()).toEqual(['Waiting', 'Active', 'Ended']);
        expect(getFiredEvents(ENHANCED_EVENTS.conversationClosed)).toHaveLength(0);
        expect(getClientState().windows).toBe(1);
        const again = await client().utilAPI.launchChat();
        await settleClient();
        expect(again).toMatch(/already present/);
        expect(getConversations()).toHaveLength(1);
    });

    it('re-shows a minimized window instead of starting again', async () => {
        installEmbeddedServiceBootstrap();
        await client().utilAPI.launchChat();
        await settleClient();
        setWindowMinimized(true);
        const answer = await client().utilAPI.launchChat();
        expect(answer).toMatch(/maximized/);
        expect(getClientState().minimized).toBe(false);
        expect(getFiredEvents(ENHANCED_EVENTS.windowMinimized)).toHaveLength(1);
    });

    it('clearSession resets: Ready again, then the button, then it resolves; hidden fields wiped', async () => {
        installEmbeddedServiceBootstrap();
        client().prechatAPI.setHiddenPrechatFields(ROUTING);
        await client().utilAPI.launchChat();
        await settleClient();
        agentEnds();
        const seen: string[] = [];
        const clear = (client().userVerificationAPI.clearSession() as Promise<void>).then(() =>
            seen.push('resolved')
        );
        const onReady = (): void => {
            seen.push('ready');
        };
        const onButton = (): void => {
            seen.push('button');
        };
        window.addEventListener(ENHANCED_EVENTS.ready, onReady);
        window.addEventListener(ENHANCED_EVENTS.buttonCreated, onButton);
        await clear;
        expect(seen).toEqual(['ready', 'button', 'resolved']);
        expect(getClientState()).toMatchObject({ windows: 0, hiddenFields: {}, readyCount: 2 });
        await client().utilAPI.launchChat();
        await settleClient();
        expect(getConversations()).toHaveLength(2);
        expect(getConversations()[1].hiddenFields).toEqual({});
    });

    it('fires Ready inside clearSession when no window is open', () => {
        installEmbeddedServiceBootstrap();
        client().userVerificationAPI.clearSession();
        expect(getClientState()).toMatchObject({ readyCount: 2, button: null });
    });
    it('rejects launchChat between the reset Ready and the new button', async () => {
        installEmbeddedServiceBootstrap();
        const reasons: unknown[] = [];
        const onReady = (): void => {
            (client().utilAPI.launchChat() as Promise<unknown>).catch((r: unknown) =>
                reasons.push(r)
            );
        };
        window.addEventListener(ENHANCED_EVENTS.ready, onReady);
        await client().userVerificationAPI.clearSession();
        expect(reasons).toEqual([NO_BUTTON_MESSAGE]);
    });

    it('keeps only the latest clearSession resolver', async () => {
        installEmbeddedServiceBootstrap();
        await client().utilAPI.launchChat();
        await settleClient();
        let firstSettled = false;
        (client().userVerificationAPI.clearSession() as Promise<void>).then(() => {
            firstSettled = true;
        });
        await client().userVerificationAPI.clearSession();
        await settleClient();
        expect(firstSettled).toBe(false);
    });

    it('hangs clearSession while the iframe does not answer', async () => {
        installEmbeddedServiceBootstrap();
        await client().utilAPI.launchChat();
        await settleClient();
        setIframeResponsive(false);
        let settled = false;
        (client().userVerificationAPI.clearSession(true) as Promise<void>).then(() => {
            settled = true;
        });
        await settleClient();
        expect(settled).toBe(false);
        expect(getClientState().windows).toBe(1);
        expect(getCalls('clearSession')[0].args).toEqual([true]);
    });

    it('fires ConversationClosed only when the visitor closes a live chat, then resets', async () => {
        installEmbeddedServiceBootstrap();
        await client().utilAPI.launchChat();
        await settleClient();
        visitorCloses();
        await settleClient();
        expect(getFiredEvents(ENHANCED_EVENTS.conversationClosed)).toHaveLength(1);
        expect(getClientState()).toMatchObject({ windows: 0, button: 'Show', readyCount: 2 });
        await client().utilAPI.launchChat();
        await settleClient();
        agentEnds();
        visitorCloses();
        await settleClient();
        expect(getFiredEvents(ENHANCED_EVENTS.conversationClosed)).toHaveLength(1);
    });

    it('fails a launch with InitError, a string rejection and a reset', async () => {
        installEmbeddedServiceBootstrap();
        failNextLaunch();
        const reason = await rejection(client().utilAPI.launchChat());
        expect(typeof reason).toBe('string');
        expect(getFiredEvents(ENHANCED_EVENTS.initError)).toHaveLength(1);
        expect(getClientState().readyCount).toBe(2);
    });

    it('creates the conversation at pre-chat submit with the hidden fields of that moment', async () => {
        installEmbeddedServiceBootstrap({ prechatForm: true });
        client().prechatAPI.setVisiblePrechatFields({
            _firstName: { value: 'Ada', isEditableByEndUser: true },
            _unknown: { value: 'x' }
        });
        await client().utilAPI.launchChat();
        await settleClient();
        expect(getConversations()).toHaveLength(0);
        client().prechatAPI.setHiddenPrechatFields({ Chat_Fallback: 'false' });
        submitPrechatForm({ _email: 'ada@example.com' });
        await settleClient();
        const [conversation] = getConversations();
        expect(conversation.hiddenFields).toEqual({ Chat_Fallback: 'false' });
        expect(conversation.visibleFields).toEqual({
            _firstName: { value: 'Ada', isEditableByEndUser: true },
            _email: 'ada@example.com'
        });
    });

    it('throws on a null visible field entry, as the real client does', () => {
        installEmbeddedServiceBootstrap();
        expect(() => client().prechatAPI.setVisiblePrechatFields({ _firstName: null })).toThrow(
            TypeError
        );
    });

    it('removeAllComponents fires Ready and deletes the global', async () => {
        installEmbeddedServiceBootstrap();
        await client().utilAPI.removeAllComponents();
        expect(getClientState().readyCount).toBe(2);
        expect('embeddedservice_bootstrap' in window).toBe(false);
    });

    it('lets a test make a method hang, reject, throw or disappear', async () => {
        installEmbeddedServiceBootstrap();
        setCallBehavior('launchChat', { kind: 'reject', reason: 'nope' });
        expect(await rejection(client().utilAPI.launchChat())).toBe('nope');
        setCallBehavior('clearSession', { kind: 'throw', error: new Error('boom') });
        expect(() => client().userVerificationAPI.clearSession()).toThrow('boom');
        setCallBehavior('setHiddenPrechatFields', { kind: 'missing' });
        expect(client().prechatAPI.setHiddenPrechatFields).toBeUndefined();
        setCallBehavior('launchChat', { kind: 'hang' });
        let settled = false;
        (client().utilAPI.launchChat() as Promise<unknown>).then(() => {
            settled = true;
        });
        await settleClient();
        expect(settled).toBe(false);
        expect(getConversations()).toHaveLength(0);
    });

    it('fires business hours and window events', async () => {
        installEmbeddedServiceBootstrap();
        setBusinessHours(false);
        setBusinessHours(true);
        expect(getFiredEvents().map((e) => e.name)).toEqual([
            ENHANCED_EVENTS.ready,
            ENHANCED_EVENTS.buttonCreated,
            ENHANCED_EVENTS.businessHoursEnded,
            ENHANCED_EVENTS.businessHoursStarted
        ]);
        expect(() => setWindowMinimized(true)).toThrow('No chat window');
        expect(() => agentAccepts()).toThrow('No conversation');
    });

    it('removes the listeners of the page on uninstall', () => {
        const onReady = jest.fn();
        window.addEventListener(ENHANCED_EVENTS.ready, onReady);
        uninstallEmbeddedServiceBootstrap();
        expect(listenerCount()).toBe(0);
        installEmbeddedServiceBootstrap();
        expect(onReady).not.toHaveBeenCalled();
    });
});
