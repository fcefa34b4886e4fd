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
    installDeepQuery,
    launchBrowser,
    openPreview,
    previewUrl,
    simControl,
    waitForClientReady,
    type DeepQuery,
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

/** Legacy: a chat an agent accepted. */
async function legacyChatting(page: Page): Promise<void> {
    await waitForClientReady(page);
    await button(page, 'start').click();
    await expectStatus(page, 'in the queue');
    assert.equal(await simControl(page, 'acceptChat'), true);
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
        // Whether the end was still under way when the clear came depends on timing: either way
        // the clear has the last word.
        await expectMessages(page, 'clear', 'cleared from this browser.');
        await page.waitForTimeout(1500); // past the call timeout: nothing more comes
        const text = await page.locator('body').innerText();
        assert.doesNotMatch(text, /You ended the chat|taking too long/);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('legacy: End with a hanging client tells one story, at the chat’s own end event', async () => {
        const preview = await openPreview(browser, { callTimeout: 8000 });
        const { page } = preview;
        await legacyChatting(page);
        await page.evaluate(() => window.__chatSimulator!.setPromisesHang(true));
        await button(page, 'end').click();
        await expectStatus(page, 'Your chat has ended.');
        // Well within the 8 s call timeout: the End button does not still say it is ending.
        await messages(page, 'end').filter({ hasText: 'You ended the chat.' }).waitFor({
            timeout: 3000
        });
        assert.doesNotMatch(await page.locator('body').innerText(), /Ending your chat/);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('legacy: a clear with no chat and no storage frame says only what applies', async () => {
        for (const query of [{}, { 'p.clear.clearOnPageLoad': true }] as Query[]) {
            const preview = await openPreview(browser, {
                noStorageFrame: 1,
                callTimeout: 1000,
                ...query
            });
            const { page } = preview;
            await waitForClientReady(page);
            if (!query['p.clear.clearOnPageLoad']) {
                await button(page, 'clear').click();
            }
            await expectMessages(
                page,
                'clear',
                'Your chat history may still be stored in this browser.'
            );
            assert.doesNotMatch(await page.locator('body').innerText(), /Your chat has ended/);
            assertNoPageErrors(preview);
            await preview.close();
        }
    });

    it('legacy, Start hidden during a chat: no word of it stays under no button', async () => {
        const preview = await openPreview(browser, { 'p.start.hideDuringChat': true });
        const { page } = preview;
        await waitForClientReady(page);
        await button(page, 'start').click();
        await expectStatus(page, 'in the queue');
        assert.equal(await button(page, 'start').count(), 0);
        assert.equal((await messages(page, 'start').innerText()).trim(), '');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('Enhanced pre-chat form: nothing is requested until the visitor submits it', async () => {
        const preview = await openEnhanced(browser, { prechat: 1 });
        const { page } = preview;
        await page.waitForFunction(() => window.__enhancedChat!.state().button !== null);
        await button(page, 'start').click({ timeout: 5000 });
        const form = page.locator('[data-enh="prechat"]');
        await form.waitFor();
        await expectStatus(page, 'Your chat window is open.');
        await page.waitForTimeout(1000); // the visitor fills the form
        assert.doesNotMatch(await statusText(page).innerText(), /Requesting a chat/);
        await form.getByLabel('First Name').fill('Grace');
        await form.getByRole('button', { name: 'Start Conversation' }).click();
        await expectStatus(page, 'You are in the queue.');
        assertNoPageErrors(preview);
        await preview.close();
    });
    it('legacy, a tab reloaded mid-chat: never "agents online" nor Start enabled before the chat shows', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await legacyChatting(page);
        // From the next page's first frame on: what Chat Status says, and whether Start is enabled.
        await installDeepQuery(page);
        await page.addInitScript(() => {
            const win = window as unknown as { __seen: string[]; __deepQuery: DeepQuery };
            win.__seen = [];
            const look = (): void => {
                const status = win.__deepQuery('[data-placement="status"]', '.status');
                const start = win.__deepQuery(
                    '[data-placement="start"]',
                    'lightning-button button'
                ) as HTMLButtonElement | null;
                win.__seen.push(
                    `${status?.textContent?.trim() ?? ''}|${!!start && !start.disabled}`
                );
                requestAnimationFrame(look);
            };
            requestAnimationFrame(look);
        });
        await page.goto(previewUrl({ continued: true }));
        await expectStatus(page, 'You are chatting with an agent.');
        const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
        assert.ok(seen.length > 0, 'frames were recorded');
        assert.deepEqual(
            seen.filter((entry) => /Agents are online|\|true$/.test(entry)),
            [],
            'no frame said agents were ready, nor enabled Start'
        );
        assertNoPageErrors(preview);
        await preview.close();
    });
});
