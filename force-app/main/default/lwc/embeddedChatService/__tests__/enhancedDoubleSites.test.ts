// The Enhanced Chat double's behaviours of real sites (test/jest-mocks/embeddedServiceBootstrap.ts):
// the availability gate, login-only chat, the refused launch for want of an agent, the client's
// own button not remembering hideChatButton, and v2's chat frame. Each pins the real client's
// behaviour named in the double, so that a kinder double cannot slip in unnoticed.
import {
    AGENT_UNAVAILABLE_MESSAGE,
    ENHANCED_EVENTS,
    NO_BUTTON_MESSAGE,
    agentComesOnline,
    becomeReady,
    clientApi,
    getClientState,
    getConversations,
    getFiredEvents,
    installEmbeddedServiceBootstrap,
    setAgentsOnline,
    setV2MaximizeDelay,
    settleClient,
    uninstallEmbeddedServiceBootstrap,
    visitorCloses
} from 'test/jest-mocks/embeddedServiceBootstrap';
import { rejection } from 'test/rejection';

const settings = (): Record<string, unknown> =>
    (window as unknown as { embeddedservice_bootstrap: { settings: Record<string, unknown> } })
        .embeddedservice_bootstrap.settings;

describe('Enhanced Chat double, as real sites run it', () => {
    afterEach(() => uninstallEmbeddedServiceBootstrap());

    it('holds Ready back while the availability check finds no agent (bootstrap.js init)', () => {
        installEmbeddedServiceBootstrap({ availabilityCheck: true, agentsOnline: false });
        expect(getFiredEvents(ENHANCED_EVENTS.ready)).toHaveLength(0);
        expect(clientApi().utilAPI).toBeUndefined();
        expect(settings().embeddedServiceConfig).toMatchObject({
            messagingChannel: { isAgentAvailabilityCheckEnabled: true }
        });
        agentComesOnline();
        expect(getFiredEvents().map((e) => e.name)).toEqual([
            ENHANCED_EVENTS.ready,
            ENHANCED_EVENTS.buttonCreated
        ]);
    });

    it('skips the gate when the button is hidden on load, and outside a session only', () => {
        installEmbeddedServiceBootstrap({
            availabilityCheck: true,
            agentsOnline: false,
            hideChatButtonOnLoad: true
        });
        expect(getFiredEvents(ENHANCED_EVENTS.ready)).toHaveLength(1);
        expect(settings().hideChatButtonOnLoad).toBe(true);
    });

    it('refuses a launch when no agent is online after Ready: reset, button, then a string', async () => {
        installEmbeddedServiceBootstrap({ availabilityCheck: true });
        setAgentsOnline(false);
        const before = getFiredEvents().length;
        expect(await rejection(clientApi().utilAPI.launchChat())).toBe(AGENT_UNAVAILABLE_MESSAGE);
        expect(
            getFiredEvents()
                .slice(before)
                .map((e) => e.name)
        ).toEqual([ENHANCED_EVENTS.ready, ENHANCED_EVENTS.buttonCreated]);
        expect(getConversations()).toHaveLength(0);
    });

    it('draws no button for a guest of a login-only site, and refuses every launch', async () => {
        installEmbeddedServiceBootstrap({ expSiteAuth: 'guest' });
        expect(settings()).toMatchObject({
            embeddedServiceConfig: {
                embeddedServiceMessagingChannel: { authMode: 'ExperienceSiteAuth' }
            },
            snippetConfig: { isExpSiteGuestUser: true }
        });
        expect(getFiredEvents(ENHANCED_EVENTS.ready)).toHaveLength(1);
        expect(getClientState().buttonCreatedCount).toBe(0);
        expect(await rejection(clientApi().utilAPI.launchChat())).toBe(NO_BUTTON_MESSAGE);
    });

    it('forgets hideChatButton: the next markup shows the button again', async () => {
        installEmbeddedServiceBootstrap();
        expect(clientApi().utilAPI.hideChatButton()).toBe(true);
        expect(getClientState().buttonShown).toBe(false);
        clientApi().utilAPI.launchChat();
        await settleClient();
        expect(clientApi().utilAPI.hideChatButton()).toBe(false); // the window shows
        visitorCloses();
        await settleClient();
        expect(getClientState().buttonShown).toBe(true);
    });

    it('v2: keeps the button in its chat frame and answers launchChat before the window shows', async () => {
        installEmbeddedServiceBootstrap({ version: 'v2' });
        expect(document.getElementById('embeddedMessagingConversationButton')).toBeNull();
        expect(document.getElementById('embeddedMessagingFrame')).not.toBeNull();
        expect(getFiredEvents(ENHANCED_EVENTS.buttonCreated)[0].detail).toEqual({});
        setV2MaximizeDelay(5);
        let maximizedAtAnswer = true;
        await (clientApi().utilAPI.launchChat() as Promise<unknown>).then(() => {
            maximizedAtAnswer = getFiredEvents(ENHANCED_EVENTS.windowMaximized).length > 0;
        });
        expect(maximizedAtAnswer).toBe(false);
        await settleClient();
        expect(getFiredEvents(ENHANCED_EVENTS.windowMaximized)).toHaveLength(1);
    });

    it('v2: resolves having done nothing when no window shows', async () => {
        installEmbeddedServiceBootstrap({ version: 'v2' });
        setV2MaximizeDelay(null);
        await expect(clientApi().utilAPI.launchChat()).resolves.toBeUndefined();
        await settleClient();
        expect(getFiredEvents(ENHANCED_EVENTS.windowMaximized)).toHaveLength(0);
        expect(getConversations()).toHaveLength(0);
    });

    it('becomeReady waits for an agent too when called by hand', () => {
        installEmbeddedServiceBootstrap({
            readiness: 'loading',
            availabilityCheck: true,
            agentsOnline: false
        });
        becomeReady();
        expect(getClientState().waitingForAgent).toBe(true);
        expect(getFiredEvents(ENHANCED_EVENTS.ready)).toHaveLength(0);
    });
});
