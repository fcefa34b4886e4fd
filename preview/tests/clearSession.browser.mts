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
    setStorageFrameMissing,
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
/** The visitor's words for CLIENT_ERROR (label Chat_Error_Client_Error). */
const FAILURE = 'Something went wrong with the chat. Please try again.';
const IFRAME_MISSING_ANSWER = 'resolved "iframe not present"';

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
        await clearMessages(page).getByText(SUCCESS).waitFor();
        assert.equal(await clearMessages(page).getByText(FAILURE).count(), 0);
        assert.deepEqual(await clearSessionAnswers(page), ['resolved undefined']);
        assert.equal((await simState(page))?.sessionKey, null, 'session data cleared');
        await clearSessionLog(page).first().getByText('⇒ resolved undefined').waitFor();
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('on a click with the storage frame missing: the chat ends, the visitor is told it failed', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await chatInProgress(page);
        // The panel's checkbox (the same control as window.__chatSimulator.setStorageFrameMissing).
        await page.locator('#sim-no-storage-frame').check();
        assert.equal((await simState(page))?.storageFrameMissing, true);
        await page
            .locator('[data-sim-state="storageFrame"]')
            .filter({ hasText: 'missing' })
            .waitFor();
        await button(page, 'clear').click();
        await waitForCalls(page, 'clearSession');
        // clearSession ended the chat first...
        await waitForEvent(page, 'onChatEndedByChasitor');
        assert.equal((await simState(page))?.phase, 'none');
        // ...then answered that it could not clear: the visitor sees the failure next to the button.
        await clearMessages(page).getByText(FAILURE).waitFor();
        assert.equal(await clearMessages(page).getByText(SUCCESS).count(), 0);
        assert.deepEqual(await clearSessionAnswers(page), [IFRAME_MISSING_ANSWER]);
        assert.notEqual((await simState(page))?.sessionKey, null, 'session data not cleared');
        await clearSessionLog(page).first().getByText(`⇒ ${IFRAME_MISSING_ANSWER}`).waitFor();
        assert.deepEqual(
            (await apiCalls(page)).map((call) => call.method),
            ['startChat', 'clearSession'],
            'endChat runs inside clearSession, not as a call of its own'
        );
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('on page load with the storage frame missing: tries again and clears once the frame is there', async () => {
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
        assert.deepEqual(await clearSessionAnswers(page), [IFRAME_MISSING_ANSWER]);
        // The frame arrives; the component's retry (after 1 s) clears.
        await setStorageFrameMissing(page, false);
        await waitForCalls(page, 'clearSession', 2);
        await clearMessages(page).getByText(SUCCESS).waitFor();
        assert.deepEqual(await clearSessionAnswers(page), [
            IFRAME_MISSING_ANSWER,
            'resolved undefined'
        ]);
        assert.equal(await clearMessages(page).getByText(FAILURE).count(), 0);
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
