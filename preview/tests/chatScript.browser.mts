/**
 * The site's chat script missing (no embedded_svc at all), then late: the components wait, tell
 * admins what is wrong, and recover when the script arrives.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
    allCalls,
    apiCalls,
    assertNoPageErrors,
    launchBrowser,
    openPreview,
    waitForCalls,
    waitForClientReady,
    waitForEvent
} from './harness.mts';

const NO_CLIENT_PROBLEM =
    'Chat is turned off on this page because no chat client loaded (neither Enhanced Chat nor legacy Embedded Chat).';
const startButton = (page: Page) =>
    page.locator('[data-placement="start"] lightning-button button');
const enabledStartButton = (page: Page) =>
    page.locator('[data-placement="start"] lightning-button button:enabled');

describe('chat script missing or late', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('missing: admins see why in builder mode; no client calls', async () => {
        const preview = await openPreview(browser, {
            noScript: true,
            clientWait: 600,
            builder: true
        });
        const { page } = preview;
        assert.equal(await page.evaluate(() => 'embedded_svc' in window), false);
        await page.locator('[data-region="chat"]').getByText(NO_CLIENT_PROBLEM).first().waitFor();
        assert.equal(await startButton(page).count(), 0);
        assert.deepEqual(await allCalls(page), []);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('missing: visitors see no chat button and no admin text', async () => {
        const preview = await openPreview(browser, { noScript: true, clientWait: 600 });
        const { page } = preview;
        await page.waitForTimeout(900);
        assert.equal(await startButton(page).count(), 0);
        assert.equal(await page.getByText(NO_CLIENT_PROBLEM).count(), 0);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('late: visitors see no button until the script is there, then it starts a chat', async () => {
        const preview = await openPreview(browser, { scriptDelay: 1.2, clientWait: 5000 });
        const { page } = preview;
        await page.waitForTimeout(300);
        assert.equal(await page.evaluate(() => 'embedded_svc' in window), false);
        // No dead button while the chat loads.
        assert.equal(await startButton(page).count(), 0);
        await waitForClientReady(page);
        await enabledStartButton(page).waitFor();
        await startButton(page).click();
        const [call] = await waitForCalls(page, 'startChat');
        assert.equal(call.outcome, 'chat requested');
        await waitForEvent(page, 'onChatRequestSuccess');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('late, in builder mode: the admin sees the button waiting for the script', async () => {
        const preview = await openPreview(browser, {
            scriptDelay: 1.2,
            clientWait: 5000,
            builder: true
        });
        const { page } = preview;
        await page
            .locator('[data-placement="start"]')
            .getByText('Chat is getting ready…')
            .waitFor();
        assert.equal(await startButton(page).isDisabled(), true);
        await waitForClientReady(page);
        await enabledStartButton(page).waitFor();
        assert.deepEqual(await apiCalls(page), []);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('later than the wait: reported missing, then recovers when the script loads', async () => {
        const preview = await openPreview(browser, {
            scriptDelay: 1.5,
            clientWait: 400,
            builder: true
        });
        const { page } = preview;
        await page.locator('[data-region="chat"]').getByText(NO_CLIENT_PROBLEM).first().waitFor();
        await waitForClientReady(page);
        await enabledStartButton(page).waitFor();
        assert.equal(await page.getByText(NO_CLIENT_PROBLEM).count(), 0, 'the notice is gone');
        await startButton(page).click();
        await waitForCalls(page, 'startChat');
        assertNoPageErrors(preview);
        await preview.close();
    });
});
