/**
 * What visitors are told is what happened (issue 21): an end or clear the chat frame never
 * answered claims nothing; a clear with no chat says only what applies; one story at a time for a
 * legacy end with a hanging client; no "Requesting a chat…" while the Enhanced pre-chat form
 * waits for the visitor; no stale or orphan messages; a continued chat never reads as "ready".
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
    assertNoPageErrors,
    launchBrowser,
    openPreview,
    simControl,
    waitForClientReady,
    type Query
} from './harness.mts';

const button = (page: Page, placement: string) =>
    page.locator(`[data-placement="${placement}"] lightning-button button`);
const messages = (page: Page, placement: string) =>
    page.locator(`[data-placement="${placement}"] .messages`);
const statusText = (page: Page) => page.locator('[data-placement="status"] .status');

async function expectStatus(page: Page, text: string): Promise<void> {
    await statusText(page).filter({ hasText: text }).waitFor({ timeout: 5000 });
}

async function expectMessages(page: Page, placement: string, text: string): Promise<void> {
    await messages(page, placement).filter({ hasText: text }).waitFor({ timeout: 5000 });
}

function openEnhanced(browser: Browser, query: Query = {}) {
    return openPreview(browser, { client: 'enhanced', ...query });
}

async function enhancedChatting(page: Page): Promise<void> {
    await page.waitForFunction(() => window.__enhancedChat!.state().button !== null);
    await button(page, 'start').click({ timeout: 5000 });
    await expectStatus(page, 'You are in the queue.');
    await page.evaluate(() => window.__enhancedChat!.agentAccepts());
    await expectStatus(page, 'You are chatting with an agent.');
}

describe('Visitors are told only what happened', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('Enhanced: an end or clear the chat frame never answers claims nothing', async () => {
        const preview = await openEnhanced(browser, { callTimeout: 1000 });
        const { page } = preview;
        await enhancedChatting(page);
        await page.evaluate(() => window.__enhancedChat!.setIframeResponsive(false));
        await button(page, 'end').click({ timeout: 5000 });
        await expectMessages(page, 'end', 'The chat is taking too long to respond.');
        assert.doesNotMatch(await page.locator('body').innerText(), /You ended the chat/);
        await expectStatus(page, 'You are chatting with an agent.');
        await button(page, 'clear').click({ timeout: 5000 });
        await expectMessages(page, 'clear', 'The chat is taking too long to respond.');
        assert.doesNotMatch(await page.locator('body').innerText(), /Your chat has ended/);
        await expectStatus(page, 'You are chatting with an agent.');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('Enhanced: an End overtaken by a Clear leaves no stale word behind', async () => {
        const preview = await openEnhanced(browser, { callTimeout: 1000 });
        const { page } = preview;
        await enhancedChatting(page);
        await button(page, 'end').click({ timeout: 5000 });
        await button(page, 'clear').click({ timeout: 5000 });
        await expectMessages(
            page,
            'clear',
            'Your chat ended, and its history was cleared from this browser.'
        );
        await page.waitForTimeout(1500); // past the call timeout: nothing more comes
        const text = await page.locator('body').innerText();
        assert.doesNotMatch(text, /You ended the chat|taking too long/);
        assertNoPageErrors(preview);
        await preview.close();
    });
});
