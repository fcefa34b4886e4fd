/**
 * Lightning Locker on: visitors see nothing of the chat components, admins get the explanation
 * in Experience Builder, and the components never touch the chat client (legacy or Enhanced Chat:
 * each simulator panel turns Locker on and off).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
    allCalls,
    assertNoPageErrors,
    launchBrowser,
    openPreview,
    waitForClientReady,
    waitForReady
} from './harness.mts';
import { methods, openEnhanced, waitForEvent } from './enhancedPage.mts';

const LOCKER_PROBLEM =
    'Chat is turned off on this site because Lightning Locker is on. Locker hides the chat client (Enhanced Chat or legacy Embedded Chat) from components.';
const LOCKER_BRIEF =
    'Chat is off here too because Lightning Locker is on. Another chat component on this page explains how to fix it.';

describe('Lightning Locker on', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('shows visitors nothing and makes zero client calls', async () => {
        const preview = await openPreview(browser, { locker: true });
        const { page } = preview;
        assert.match(await page.evaluate(() => String(window)), /^SecureWindow/);
        await waitForClientReady(page); // the site's client runs; the components must not use it
        await page.waitForTimeout(300);
        assert.equal((await page.locator('[data-region="chat"]').innerText()).trim(), '');
        assert.equal(await page.getByText(LOCKER_PROBLEM).count(), 0);
        assert.deepEqual(await allCalls(page), []);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('explains the problem and the fix to admins in builder mode, still with zero calls', async () => {
        const preview = await openPreview(browser, { locker: true, builder: true });
        const { page } = preview;
        await waitForClientReady(page);
        const notices = page.locator('[data-region="chat"] c-chat-admin-notice');
        await notices.first().getByText(LOCKER_PROBLEM).waitFor();
        assert.ok((await notices.count()) >= 4);
        const chat = page.locator('[data-region="chat"]');
        await chat.getByText('turn on Lightning Web Security', { exact: false }).first().waitFor();
        // Said in full once on the page; every other chat component refers to it.
        await chat
            .getByText(LOCKER_BRIEF)
            .nth((await notices.count()) - 2)
            .waitFor();
        assert.equal(await chat.getByText(LOCKER_PROBLEM).count(), 1);
        assert.equal(
            await chat.getByText('turn on Lightning Web Security', { exact: false }).count(),
            1
        );
        assert.equal(await chat.getByText(LOCKER_BRIEF).count(), (await notices.count()) - 1);
        // Chat Routing Settings' card too refers to it: said in full once on the whole page.
        await page.locator('[data-placement="routing"]').getByText(LOCKER_BRIEF).waitFor();
        assert.equal(await page.getByText(LOCKER_PROBLEM).count(), 1);
        // The routing card agrees with the notice above it: under Locker the site's client can't
        // be known (never "not known yet").
        const routing = page.locator('[data-placement="routing"] c-chat-routing-settings');
        await routing
            .getByText('Chat is off on this site because Lightning Locker is on', { exact: false })
            .waitFor();
        assert.equal(await routing.getByText('not known yet', { exact: false }).count(), 0);
        assert.deepEqual(await allCalls(page), []);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('where the admin-only part cannot load (as under real Locker), explains Locker once on the page', async () => {
        const preview = await openPreview(browser, {
            locker: true,
            builder: true,
            builderKit: 'off'
        });
        const { page } = preview;
        await waitForClientReady(page);
        const chat = page.locator('[data-region="chat"]');
        const placeholders = chat.locator('.admin-notice-fallback');
        await chat.getByText(LOCKER_BRIEF, { exact: false }).nth(2).waitFor();
        assert.equal(await placeholders.count(), 4);
        assert.equal(await chat.getByText(LOCKER_PROBLEM, { exact: false }).count(), 1);
        assert.equal(await chat.getByText(LOCKER_BRIEF, { exact: false }).count(), 3);
        assert.deepEqual(await allCalls(page), []);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('the Enhanced Chat panel turns Locker on and off, as the legacy panel does', async () => {
        const preview = await openEnhanced(browser);
        const { page } = preview;
        const panel = page.locator('#chat-simulator');
        await waitForEvent(page, 'ButtonCreated');
        await Promise.all([
            page.waitForURL(/locker=1/),
            panel.locator('[data-sim-action="toggleLocker"]').click()
        ]);
        await waitForReady(page);
        assert.equal(await page.locator('#preview-client').inputValue(), 'enhanced');
        assert.match(await page.evaluate(() => String(window)), /^SecureWindow/);
        assert.match(await panel.locator('[data-sim="flags"]').innerText(), /Lightning Locker/);
        assert.equal(
            await panel.locator('[data-sim-action="toggleLocker"]').innerText(),
            'Turn Lightning Locker off'
        );
        // The site's client runs; the components must not use it.
        await waitForEvent(page, 'ButtonCreated');
        await page.waitForTimeout(300);
        assert.equal((await page.locator('[data-region="chat"]').innerText()).trim(), '');
        assert.deepEqual(await methods(page), []);

        await Promise.all([
            page.waitForURL((url) => !url.search.includes('locker')),
            panel.locator('[data-sim-action="toggleLocker"]').click()
        ]);
        await waitForReady(page);
        assert.equal(await page.evaluate(() => String(window)), '[object Window]');
        assert.equal(await page.locator('#preview-client').inputValue(), 'enhanced');
        assertNoPageErrors(preview);
        await preview.close();
    });
});
