/**
 * Enhanced Chat starts at their bounds: a start that timed out is abandoned (it never launches
 * later), a timeout with no sign of the widget is a failure, a refused hidden-field set is not
 * followed by a launch without routing, and a service loaded late waits for the chat button.
 */
import {
    fireButtonCreated,
    fireReady,
    getCalls,
    getConversations,
    installEmbeddedServiceBootstrap,
    settleClient,
    uninstallEmbeddedServiceBootstrap,
    type EnhancedVersion
} from 'test/jest-mocks/embeddedServiceBootstrap';
import { AGENT } from 'test/fixtures/ids';
import { loadService, useServicePage } from 'test/reliability/serviceHarness';

const QUEUE = '00G5g000000QuEu';
const VERSIONS: EnhancedVersion[] = ['v1', 'v2'];

describe('c/embeddedChatService: Enhanced Chat starts at their bounds', () => {
    useServicePage(() => {
        uninstallEmbeddedServiceBootstrap();
    });

    describe.each(VERSIONS)('a start waiting for the chat button (%s)', (version) => {
        it('fails with TIMEOUT, goes back to ready, and never launches once the button comes', async () => {
            installEmbeddedServiceBootstrap({ version, readiness: 'loading' });
            const service = loadService();
            service.configureChatService({ callTimeoutMs: 1000 });
            fireReady(); // Ready, but no ButtonCreated yet
            expect(service.getChatState().status).toBe('ready');
            const results = [];
            for (let i = 0; i < 2; i++) {
                const start = service.startChat();
                // eslint-disable-next-line no-await-in-loop -- one start after the other
                await settleClient();
                expect(service.getChatState().status).toBe('requesting');
                jest.advanceTimersByTime(1000);
                // eslint-disable-next-line no-await-in-loop -- one start after the other
                results.push(await start);
                expect(service.getChatState().status).toBe('ready');
            }
            expect(results).toEqual([
                expect.objectContaining({ ok: false, code: 'TIMEOUT' }),
                expect.objectContaining({ ok: false, code: 'TIMEOUT' })
            ]);
            fireButtonCreated();
            await settleClient();
            expect(getCalls('launchChat')).toHaveLength(0);
            expect(service.getChatState().status).toBe('ready');
            // A new start after the button came launches once.
            await expect(service.startChat()).resolves.toEqual({ ok: true });
            await settleClient();
            expect(getCalls('launchChat')).toHaveLength(1);
        });
    });

    it('v2: does not launch when setHiddenPrechatFields takes nothing (it answers false)', async () => {
        // v2's API objects exist from load; before its Ready, setHiddenPrechatFields answers
        // false (init.js): a service that took the objects for readiness must not launch then.
        installEmbeddedServiceBootstrap({ version: 'v2', readiness: 'loading' });
        const service = loadService();
        service.configureRouting({ directToAgentRouting: { buttonId: QUEUE, userId: AGENT } });
        const result = await service.startChat();
        await settleClient();
        expect(result).toMatchObject({ ok: false, code: 'CLIENT_ERROR' });
        expect(!result.ok && result.message).toContain('setHiddenPrechatFields');
        expect(getCalls('launchChat')).toHaveLength(0);
        expect(service.getChatState().status).toBe('ready');
    });

    it('v2: answers true even when it dropped an undeclared field (init.js): the chat launches', async () => {
        installEmbeddedServiceBootstrap({
            version: 'v2',
            hiddenFields: [{ name: 'Chat_Target_Id', maxLength: 18 }] // Chat_Agent_Id undeclared
        });
        const service = loadService();
        service.configureRouting({ directToAgentRouting: { buttonId: QUEUE, userId: AGENT } });
        await expect(service.startChat()).resolves.toEqual({ ok: true });
        await settleClient();
        expect(getConversations()[0].hiddenFields).toEqual({ Chat_Target_Id: QUEUE });
    });

    it('v1 (no answer from setHiddenPrechatFields) still launches', async () => {
        installEmbeddedServiceBootstrap({ version: 'v1' });
        const service = loadService();
        service.configureRouting({ directToAgentRouting: { buttonId: QUEUE, userId: AGENT } });
        await expect(service.startChat()).resolves.toEqual({ ok: true });
        await settleClient();
        expect(getCalls('launchChat')).toHaveLength(1);
    });
    describe.each(VERSIONS)(
        'a service loaded after Ready but before the button (%s)',
        (version) => {
            it('waits for ButtonCreated, then launches once (v2: after one refused try)', async () => {
                installEmbeddedServiceBootstrap({ version, readiness: 'loading' });
                fireReady(); // before the service loads: it never hears this Ready
                const service = loadService();
                expect(service.getChatState().status).toBe('ready');
                const start = service.startChat();
                await settleClient();
                // v1's button is page markup: none yet, no launch. v2's lives in its chat frame,
                // there from init: the launch is tried, and refused until ButtonCreated.
                const tries = version === 'v1' ? 0 : 1;
                expect(getCalls('launchChat')).toHaveLength(tries);
                fireButtonCreated();
                await settleClient();
                await expect(start).resolves.toEqual({ ok: true });
                expect(getCalls('launchChat')).toHaveLength(tries + 1);
            });

            it('launches at once when the client became ready before the service loaded', async () => {
                installEmbeddedServiceBootstrap({ version });
                const service = loadService();
                await expect(service.startChat()).resolves.toEqual({ ok: true });
                expect(getCalls('launchChat')).toHaveLength(1);
            });
        }
    );

    it('v1: finds the button drawn after a late service looked (the page renders it late)', async () => {
        installEmbeddedServiceBootstrap({ version: 'v1' }); // Ready and ButtonCreated already fired
        const element = document.getElementById('embeddedMessagingConversationButton');
        element?.remove();
        const service = loadService(); // looks while the button is not drawn yet
        document.body.appendChild(element as HTMLElement);
        await expect(service.startChat()).resolves.toEqual({ ok: true });
        expect(getCalls('launchChat')).toHaveLength(1);
    });
});
