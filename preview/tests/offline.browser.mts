/**
 * Agents offline, in each of the Start Chat button's offline modes (disable, hide, offline-form),
 * at page load and while the page is open.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
    apiCalls,
    assertNoPageErrors,
    launchBrowser,
    openPreview,
    setAgentsAvailable,
    simState,
    waitForCalls,
    waitForClientReady
} from './harness.mts';
import { DEMO_BUTTON_ID } from '../simulator/chatClient.mts';

const start = (page: Page) => page.locator('[data-placement="start"]');
const startButton = (page: Page) => start(page).locator('lightning-button button');
const statusText = (page: Page) => page.locator('[data-placement="status"] .status');

describe('agents offline', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('disable (default): the button is disabled with the reason, and never calls the client', async () => {
        const preview = await openPreview(browser, { agents: 'offline' });
        const { page } = preview;
        await waitForClientReady(page);
        await statusText(page).filter({ hasText: 'No agents are online right now.' }).waitFor();
        await start(page)
            .getByText('You can start a chat as soon as an agent is online.')
            .waitFor();
        assert.equal(await startButton(page).isDisabled(), true);
        await startButton(page).click({ force: true });
        await page.waitForTimeout(200);
        assert.deepEqual(await apiCalls(page), []);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('hide: the button is not shown while agents are offline', async () => {
        const preview = await openPreview(browser, {
            agents: 'offline',
            'p.start.whenOffline': 'hide'
        });
        const { page } = preview;
        await waitForClientReady(page);
        await statusText(page).filter({ hasText: 'No agents are online right now.' }).waitFor();
        assert.equal(await startButton(page).count(), 0);
        assert.deepEqual(await apiCalls(page), []);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('offline-form: the click opens the Offline Support form with no attributes', async () => {
        const preview = await openPreview(browser, {
            agents: 'offline',
            'p.start.whenOffline': 'offline-form',
            // Site routing on the snippet's own button, the one whose availability the client
            // reports (a chat routed to another button, of unknown availability, is requested).
            'p.routing.buttonId': DEMO_BUTTON_ID
        });
        const { page } = preview;
        await waitForClientReady(page);
        await statusText(page).filter({ hasText: 'No agents are online right now.' }).waitFor();
        assert.equal(await startButton(page).isEnabled(), true);
        assert.equal((await startButton(page).innerText()).trim(), 'Leave a message');
        await startButton(page).click();
        const [call] = await waitForCalls(page, 'startChat');
        // Offline Support takes no attributes: no routing, no pre-fill.
        assert.deepEqual(call.args, [{}]);
        assert.equal((await simState(page))?.widget, 'offline-form');
        // No chat was requested: the status stays as it was (never "Requesting a chat…").
        await page.waitForTimeout(300);
        assert.equal(
            (await statusText(page).innerText()).trim(),
            'No agents are online right now.'
        );
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('follows availability while the page is open', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await waitForClientReady(page);
        assert.equal(await startButton(page).isEnabled(), true);
        await setAgentsAvailable(page, false);
        await statusText(page).filter({ hasText: 'No agents are online right now.' }).waitFor();
        assert.equal(await startButton(page).isDisabled(), true);
        await setAgentsAvailable(page, true);
        await statusText(page)
            .filter({ hasText: 'Agents are online and ready to chat.' })
            .waitFor();
        assert.equal(await startButton(page).isEnabled(), true);
        assert.deepEqual(await apiCalls(page), []);
        assertNoPageErrors(preview);
        await preview.close();
    });
});
