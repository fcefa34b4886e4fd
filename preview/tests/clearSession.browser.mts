/**
 * Clear Chat Session: on page load (with and without a chat carried over from the previous page)
 * and on a click; and what a continued session looks like to the components.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
    apiCalls,
    assertNoPageErrors,
    events,
    launchBrowser,
    openPreview,
    previewUrl,
    simControl,
    simState,
    waitForCalls,
    waitForClientReady,
    waitForEvent,
    waitForReady
} from './harness.mts';

const button = (page: Page, placement: string) =>
    page.locator(`[data-placement="${placement}"] lightning-button button`);

/** Starts a chat and lets an agent accept it. */
async function chatInProgress(page: Page): Promise<void> {
    await waitForClientReady(page);
    await button(page, 'start').click();
    await waitForEvent(page, 'onQueueUpdate');
    await simControl(page, 'acceptChat');
    await waitForEvent(page, 'onChatEstablished');
}

describe('clear chat session', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('clears once on page load, without a click', async () => {
        const preview = await openPreview(browser, { 'p.clear.clearOnPageLoad': true });
        const { page } = preview;
        await waitForClientReady(page);
        await waitForCalls(page, 'clearSession');
        await page.waitForTimeout(300);
        assert.deepEqual(
            (await apiCalls(page)).map((call) => call.method),
            ['clearSession']
        );
        const ended = (await events(page)).filter((event) => event.name.startsWith('onChatEnded'));
        assert.deepEqual(ended, [], 'no chat to end');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('ends a chat carried over from the previous page when the page loads', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await chatInProgress(page);
        // Navigation inside the site to a sign-out page that clears the session.
        await page.goto(
            previewUrl({
                continued: true,
                'p.clear.clearOnPageLoad': true,
                'p.clear.hideButton': true
            })
        );
        await waitForReady(page);
        await waitForEvent(page, 'onAvailability');
        await waitForCalls(page, 'clearSession');
        await waitForEvent(page, 'onChatEndedByChasitor');
        assert.equal((await simState(page))?.phase, 'none');
        assert.equal(await button(page, 'clear').count(), 0, 'hidden button');
        const names = (await events(page)).map((event) => event.name);
        assert.equal(
            names.includes('onSettingsCallCompleted'),
            false,
            'continued: no settings call'
        );
        assert.deepEqual(
            (await apiCalls(page)).map((call) => call.method),
            ['clearSession']
        );
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('clears on a click and tells the visitor', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await chatInProgress(page);
        await button(page, 'clear').click();
        await waitForCalls(page, 'clearSession');
        await waitForEvent(page, 'onChatEndedByChasitor');
        await page
            .locator('[data-placement="clear"]')
            .getByText('Your chat history was cleared from this browser.')
            .waitFor();
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('a continued session with a chat open: startChat is restricted, the visitor is told', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await chatInProgress(page);
        await page.goto(previewUrl({ continued: true }));
        await waitForReady(page);
        await waitForEvent(page, 'onAvailability');
        await button(page, 'start').click();
        const [call] = await waitForCalls(page, 'startChat');
        assert.equal(call.outcome, 'restricted: a chat is already waiting or active');
        await page
            .locator('[data-placement="start"]')
            .getByText('You already have a chat open.')
            .first()
            .waitFor();
        assertNoPageErrors(preview);
        await preview.close();
    });
});
