/**
 * Clear Chat Session: on page load (with and without a chat carried over from the previous page)
 * and on a click, with the client's session-storage frame present or missing; and what a
 * continued session looks like to the components.
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

const SUCCESS = 'Your chat history was cleared from this browser.';
/** A clear that ended a chat under way says so (label Chat_Clear_Success_Ended). */
const SUCCESS_ENDED = 'Your chat ended, and its history was cleared from this browser.';
/** An unconfirmed clear with no chat under way (label Chat_Clear_Unconfirmed_No_Chat). */
const UNCONFIRMED_NO_CHAT =
    'Your chat history may still be stored in this browser. To remove it, close all windows of this browser.';
/** The visitor's words for CLEAR_UNCONFIRMED (label Chat_Error_Clear_Unconfirmed). */
const UNCONFIRMED =
    'Your chat has ended, but its history may still be stored in this browser. To remove it, close all windows of this browser.';

/** The Clear Chat Session component's messages (next to its button). */
const clearMessages = (page: Page) => page.locator('[data-placement="clear"] .messages');

/** The simulator panel's log entries of clearSession calls, newest first. */
const clearSessionLog = (page: Page) =>
    page.locator('[data-sim="log"] [data-kind="call"][data-method="clearSession"]');

/** How each clearSession call's promise settled, oldest first. */
async function clearSessionAnswers(page: Page): Promise<(string | undefined)[]> {
    return (await apiCalls(page))
        .filter((call) => call.method === 'clearSession')
        .map((call) => call.answer);
}

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
        await clearMessages(page).getByText(SUCCESS_ENDED).waitFor();
        assert.equal(await clearMessages(page).getByText(UNCONFIRMED).count(), 0);
        assert.deepEqual(await clearSessionAnswers(page), ['resolved undefined']);
        assert.equal((await simState(page))?.sessionKey, null, 'session data cleared');
        await clearSessionLog(page).first().getByText('⇒ resolved undefined').waitFor();
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('on a click with the storage frame missing: nothing is claimed, the visitor is told what to do', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await waitForClientReady(page);
        // The panel's checkbox (the same control as window.__chatSimulator.setStorageFrameMissing).
        await page.locator('#sim-no-storage-frame').check();
        assert.equal((await simState(page))?.storageFrameMissing, true);
        await page
            .locator('[data-sim-state="storageFrame"]')
            .filter({ hasText: 'missing' })
            .waitFor();
        assert.equal(await page.locator('#esw_storage_iframe').count(), 0);
        await button(page, 'clear').click();
        await waitForCalls(page, 'clearSession');
        // The client settles at once (it only logs "iframe not present"), having cleared nothing;
        // there was no chat: the visitor reads only that the history may still be there.
        await clearMessages(page).getByText(UNCONFIRMED_NO_CHAT).waitFor();
        assert.equal(await clearMessages(page).getByText(SUCCESS).count(), 0);
        assert.deepEqual(await clearSessionAnswers(page), ['resolved undefined']);
        await clearSessionLog(page).first().getByText('iframe not present').first().waitFor();
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('on a click with a silent storage frame and a chat open: the chat ends, nothing is claimed', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await chatInProgress(page);
        await page.locator('#sim-silent-storage-frame').check();
        await button(page, 'clear').click();
        await waitForCalls(page, 'clearSession');
        await waitForEvent(page, 'onChatEndedByChasitor');
        assert.equal((await simState(page))?.phase, 'none');
        // The client's promise never settles: after the service's wait, no success is claimed.
        await clearMessages(page).getByText(UNCONFIRMED).waitFor({ timeout: 15000 });
        assert.equal(await clearMessages(page).getByText(SUCCESS).count(), 0);
        assert.deepEqual(await clearSessionAnswers(page), ['never settles']);
        assert.notEqual((await simState(page))?.sessionKey, null, 'session data not cleared');
        assert.deepEqual(
            (await apiCalls(page)).map((call) => call.method),
            ['startChat', 'clearSession'],
            'endChat runs inside clearSession, not as a call of its own'
        );
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('on page load with the storage frame missing: one call, no success claimed', async () => {
        const preview = await openPreview(browser, {
            noStorageFrame: true,
            'p.clear.clearOnPageLoad': true
        });
        const { page } = preview;
        await page
            .locator('[data-sim="flags"]')
            .getByText('session storage frame missing')
            .waitFor();
        await waitForClientReady(page);
        await waitForCalls(page, 'clearSession');
        await clearMessages(page).getByText(UNCONFIRMED_NO_CHAT).waitFor();
        await page.waitForTimeout(1500);
        assert.deepEqual(await clearSessionAnswers(page), ['resolved undefined']);
        assert.equal(await clearMessages(page).getByText(SUCCESS).count(), 0);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('a continued session with a chat open: the page shows the chat and Start never calls the client', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await chatInProgress(page);
        await page.goto(previewUrl({ continued: true }));
        await waitForReady(page);
        await waitForEvent(page, 'sessionDataRetrieved');
        await page
            .locator('.embeddedServiceSidebarState.embeddedServiceLiveAgentStateChat')
            .waitFor({
                state: 'attached'
            });
        assert.equal(await button(page, 'start').isEnabled(), false);
        await page.waitForTimeout(300);
        assert.deepEqual(
            (await apiCalls(page)).filter((call) => call.method === 'startChat'),
            []
        );
        assertNoPageErrors(preview);
        await preview.close();
    });
});
