/**
 * Enhanced Chat as real sites run it, through the Enhanced Chat test double: the agent-availability
 * gate (Ready held back while no agent is online), login-only chat for guests, v2 launches that
 * answer before their window shows, the site routing on every chat the page starts (the client's
 * own button included), the client's own button hidden on request, and a conversation's whole
 * life (ended through the client's reset, a window left open by a start that timed out).
 */
import {
    agentAccepts,
    agentComesOnline,
    becomeReady,
    clientApi,
    deliverConfiguration,
    getCalls,
    getClientState,
    getConversations,
    installEmbeddedServiceBootstrap,
    setAgentsOnline,
    setBusinessHours,
    setCallBehavior,
    setIframeResponsive,
    setV2MaximizeDelay,
    setWindowMinimized,
    settleClient,
    uninstallEmbeddedServiceBootstrap,
    visitorCloses,
    type EnhancedVersion
} from 'test/jest-mocks/embeddedServiceBootstrap';
import { helpButtonShown, installEmbeddedSvc, resetEmbeddedSvc } from 'test/jest-mocks/embeddedSvc';
import { AGENT } from 'test/fixtures/ids';
import { loadService, settleWithFakeTimers, useServicePage } from 'test/reliability/serviceHarness';

const QUEUE = '00G5g000000QuEu';
const VERSIONS: EnhancedVersion[] = ['v1', 'v2'];

describe('c/embeddedChatService with Enhanced Chat as real sites run it', () => {
    useServicePage(() => {
        uninstallEmbeddedServiceBootstrap();
        resetEmbeddedSvc();
    });

    describe('the agent-availability gate (v1 holds Ready back while no agent is online)', () => {
        function gatedPage(): ReturnType<typeof loadService> {
            installEmbeddedServiceBootstrap({
                readiness: 'loading',
                configuration: 'pending',
                availabilityCheck: true,
                agentsOnline: false
            });
            const service = loadService();
            service.subscribeToChat(() => undefined);
            return service;
        }

        /** The configuration call answers; init then waits for an agent (no Ready, no API). */
        function configurationArrives(): void {
            deliverConfiguration();
            becomeReady();
        }

        it('reads ready with no agent online within 2 s of the configuration, and never disabled', () => {
            const service = gatedPage();
            jest.advanceTimersByTime(3000);
            expect(service.getChatState().status).toBe('loading'); // no configuration yet
            configurationArrives();
            jest.advanceTimersByTime(2000);
            expect(service.getChatState()).toMatchObject({
                status: 'ready',
                client: 'enhanced',
                agentsAvailable: false,
                disabledReason: null
            });
            jest.advanceTimersByTime(60000);
            expect(service.getChatState().status).toBe('ready');
            expect(getClientState().waitingForAgent).toBe(true);
        });

        it('answers AGENTS_OFFLINE at once and launches nothing, then starts once an agent comes', async () => {
            const service = gatedPage();
            configurationArrives();
            jest.advanceTimersByTime(2000);
            await expect(service.startChat()).resolves.toMatchObject({ code: 'AGENTS_OFFLINE' });
            expect(getCalls('launchChat')).toHaveLength(0);
            agentComesOnline(); // the client's availability poll says yes: Ready, then the button
            expect(service.getChatState().agentsAvailable).toBe(true);
            await expect(service.startChat()).resolves.toEqual({ ok: true });
            await settleClient();
            expect(getConversations()).toHaveLength(1);
        });

        it('ends nothing and claims no clear while the client holds its Ready back', async () => {
            const service = gatedPage();
            configurationArrives();
            jest.advanceTimersByTime(2000);
            await expect(service.endChat()).resolves.toEqual({ ok: true });
            await expect(service.clearSession()).resolves.toMatchObject({
                code: 'CLEAR_UNCONFIRMED'
            });
        });

        it('is no gate when the button is hidden on load (the check is off then)', () => {
            installEmbeddedServiceBootstrap({
                readiness: 'loading',
                availabilityCheck: true,
                agentsOnline: false,
                hideChatButtonOnLoad: true
            });
            const service = loadService();
            expect(service.getChatState().status).toBe('loading');
            becomeReady(); // no gate: Ready comes
            expect(service.getChatState().status).toBe('ready');
        });

        it('answers AGENTS_OFFLINE for a launch refused for want of an agent, for a while', async () => {
            installEmbeddedServiceBootstrap({ availabilityCheck: true, readiness: 'loading' });
            const service = loadService();
            becomeReady(); // an agent is online: Ready, then the button
            expect(service.getChatState().agentsAvailable).toBe(true);
            setAgentsOnline(false); // the agent left after Ready: the client's click check says no
            const result = await service.startChat();
            await settleClient();
            expect(result).toMatchObject({ ok: false, code: 'AGENTS_OFFLINE' });
            expect(getConversations()).toHaveLength(0);
            expect(service.getChatState()).toMatchObject({
                status: 'ready',
                agentsAvailable: false
            });
            await expect(service.startChat()).resolves.toMatchObject({ code: 'AGENTS_OFFLINE' });
            expect(getCalls('launchChat')).toHaveLength(1);
            // The client stops asking after a refusal and fires no Ready: after a while the next
            // start asks the client again.
            jest.advanceTimersByTime(30000);
            expect(service.getChatState().agentsAvailable).toBeNull();
            agentComesOnline();
            await expect(service.startChat()).resolves.toEqual({ ok: true });
            expect(getCalls('launchChat')).toHaveLength(2);
        });

        it('keeps the client’s own button hidden after a refusal shows it again', async () => {
            installEmbeddedServiceBootstrap({ availabilityCheck: true });
            const service = loadService();
            service.configureChatService({ hideClientChatButton: true });
            setAgentsOnline(false);
            await service.startChat();
            await settleClient();
            expect(getClientState().buttonShown).toBe(false);
        });

        it('reads no agent online within 2 s of a reset whose button the client holds back', async () => {
            installEmbeddedServiceBootstrap({ availabilityCheck: true, readiness: 'loading' });
            const service = loadService();
            becomeReady();
            await service.startChat();
            await settleClient();
            agentAccepts();
            setAgentsOnline(false); // the last agent leaves; the visitor closes the window
            visitorCloses();
            await settleClient();
            expect(service.getChatState()).toMatchObject({
                status: 'ended',
                agentsAvailable: true
            });
            const start = service.startChat(); // waits for the button the client holds back
            jest.advanceTimersByTime(2000);
            await expect(start).resolves.toMatchObject({ code: 'AGENTS_OFFLINE' });
            expect(service.getChatState().agentsAvailable).toBe(false);
            agentComesOnline(); // the client's poll says yes: it draws the button
            expect(service.getChatState().agentsAvailable).toBe(true);
            await expect(service.startChat()).resolves.toEqual({ ok: true });
        });

        it('lets business hours decide when the client skips its check outside them', () => {
            installEmbeddedServiceBootstrap({
                readiness: 'loading',
                availabilityCheck: true,
                agentsOnline: false
            });
            const service = loadService();
            service.subscribeToChat(() => undefined);
            jest.advanceTimersByTime(2000);
            expect(service.getChatState().agentsAvailable).toBe(false);
            setBusinessHours(false); // BusinessHoursEnded before Ready: no check, Ready comes
            agentComesOnline();
            expect(service.getChatState().agentsAvailable).toBe(false);
        });
    });

    describe('login-only chat (the Embedded Messaging component in Experience-site login mode)', () => {
        it('is off for a guest, as login-required, and starts nothing', async () => {
            installEmbeddedServiceBootstrap({ expSiteAuth: 'guest' });
            const service = loadService();
            expect(service.getChatState()).toMatchObject({
                status: 'disabled',
                client: 'enhanced',
                disabledReason: 'login-required'
            });
            expect(getClientState().buttonCreatedCount).toBe(0);
            await expect(service.startChat()).resolves.toMatchObject({ code: 'LOGIN_REQUIRED' });
            expect(getCalls('launchChat')).toHaveLength(0);
            jest.advanceTimersByTime(60000);
            expect(service.getChatState().disabledReason).toBe('login-required');
        });

        it('knows a guest as soon as the configuration says so, before Ready', () => {
            installEmbeddedServiceBootstrap({
                expSiteAuth: 'guest',
                readiness: 'loading',
                configuration: 'pending'
            });
            const service = loadService();
            service.subscribeToChat(() => undefined);
            expect(service.getChatState().status).toBe('loading');
            deliverConfiguration();
            jest.advanceTimersByTime(2000);
            expect(service.getChatState().disabledReason).toBe('login-required');
        });

        it('works for a logged-in user', async () => {
            installEmbeddedServiceBootstrap({ expSiteAuth: 'user' });
            const service = loadService();
            expect(service.getChatState().status).toBe('ready');
            await expect(service.startChat()).resolves.toEqual({ ok: true });
        });
    });

    describe('v2 launches', () => {
        it('answers ok for a launch whose window shows after launchChat resolved', async () => {
            installEmbeddedServiceBootstrap({ version: 'v2' });
            setV2MaximizeDelay(12);
            const service = loadService();
            const start = service.startChat();
            await settleClient();
            await expect(start).resolves.toEqual({ ok: true });
            expect(service.getChatState().status).not.toBe('ready');
        });

        it('answers CLIENT_ERROR after a short wait when no window ever shows', async () => {
            installEmbeddedServiceBootstrap({ version: 'v2' });
            setV2MaximizeDelay(null);
            const service = loadService();
            const start = service.startChat();
            await settleClient();
            jest.advanceTimersByTime(999);
            await settleClient();
            let settled = false;
            start.then(
                () => (settled = true),
                () => undefined
            );
            await settleClient();
            expect(settled).toBe(false);
            jest.advanceTimersByTime(1);
            await expect(start).resolves.toMatchObject({ code: 'CLIENT_ERROR' });
            expect(service.getChatState().status).toBe('ready');
        });

        it('reads the message of an Error rejection', async () => {
            installEmbeddedServiceBootstrap({ version: 'v2' });
            setCallBehavior('launchChat', { kind: 'reject', reason: new Error('frame said no') });
            const service = loadService();
            const result = await service.startChat();
            expect(!result.ok && result.message).toContain('frame said no');
        });
    });

    describe.each(VERSIONS)('the site routing on every chat the page starts (%s)', (version) => {
        const routing = { directToAgentRouting: { buttonId: QUEUE, userId: AGENT } };
        const fields = { Chat_Agent_Id: AGENT, Chat_Target_Id: QUEUE, Chat_Fallback: 'false' };

        it('sets the hidden fields when configured, so a chat from the client’s own button carries them', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            service.configureRouting(routing);
            expect(getClientState().hiddenFields).toEqual(fields);
            // The visitor uses Salesforce's button (the same path as launchChat).
            clientApi().utilAPI.launchChat();
            await settleClient();
            await settleClient();
            expect(getConversations()[0].hiddenFields).toEqual(fields);
        });

        it('sets them again after every reset (each reset wipes them)', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            service.configureRouting(routing);
            await service.startChat();
            await settleClient();
            agentAccepts();
            visitorCloses();
            await settleClient();
            expect(getClientState().hiddenFields).toEqual(fields);
        });

        it('lets a Start’s own routing leave out the site’s agent', async () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            service.configureRouting(routing);
            const OTHER_QUEUE = '00G5g000000QuEv';
            await service.startChat({
                routing: { directToAgentRouting: { buttonId: OTHER_QUEUE } }
            });
            await settleClient();
            expect(getConversations()[0].hiddenFields).toEqual({
                Chat_Target_Id: OTHER_QUEUE,
                Chat_Fallback: 'false'
            });
        });

        it('removes the fields of a site routing that is withdrawn', () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            service.configureRouting(routing);
            service.configureRouting({});
            expect(getClientState().hiddenFields).toEqual({});
        });

        it('sets nothing for an invalid site routing', () => {
            installEmbeddedServiceBootstrap({ version });
            const service = loadService();
            service.configureRouting({ directToAgentRouting: { buttonId: 'nope' } });
            expect(getClientState().hiddenFields).toEqual({});
        });
    });

    describe('the client’s own button, hidden on request', () => {
        it.each(VERSIONS)(
            '%s: hides it now and every time the client draws it again',
            async (version) => {
                installEmbeddedServiceBootstrap({ version });
                const service = loadService();
                expect(getClientState().buttonShown).toBe(true);
                service.configureChatService({ hideClientChatButton: true });
                expect(getClientState().buttonShown).toBe(false);
                await service.startChat();
                await settleClient();
                visitorCloses(); // the reset draws the button again
                await settleClient();
                expect(getClientState().buttonCreatedCount).toBe(2);
                expect(getClientState().buttonShown).toBe(false);
                service.configureChatService({ hideClientChatButton: false });
                expect(getClientState().buttonShown).toBe(true);
            }
        );

        it('legacy: hides the help button, which then stays hidden after a chat ends', async () => {
            installEmbeddedSvc();
            const service = loadService();
            service.configureChatService({ hideClientChatButton: true });
            expect(helpButtonShown()).toBe(false);
            await service.endChat(); // liveagent.esw.js shows the button again only if the settings say so
            expect(helpButtonShown()).toBe(false);
            service.configureChatService({ hideClientChatButton: false });
            expect(helpButtonShown()).toBe(true);
            await service.endChat();
            expect(helpButtonShown()).toBe(true);
        });
    });

    describe('a conversation’s whole life', () => {
        it('recognises the window a timed-out start left open, instead of failing every retry', async () => {
            installEmbeddedServiceBootstrap();
            const service = loadService();
            service.configureChatService({ callTimeoutMs: 1000 });
            setIframeResponsive(false); // the chat frame is slow: launchChat does not answer
            const first = await settleWithFakeTimers(service.startChat(), 500);
            expect(first).toMatchObject({ code: 'TIMEOUT' });
            expect(service.getChatState().status).toBe('ready');
            setIframeResponsive(true);
            setWindowMinimized(false); // the window shows after all
            const again = service.startChat();
            await settleClient();
            await expect(again).resolves.toEqual({ ok: true });
            expect(service.getChatState().status).toBe('requesting');
        });
    });
});
