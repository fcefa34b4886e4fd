/**
 * Lightning Locker on: visitors see nothing of the chat components, admins get the explanation
 * in Experience Builder, and the components never touch the chat client.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
    allCalls,
    assertNoPageErrors,
    launchBrowser,
    openPreview,
    waitForClientReady
} from './harness.mts';

const LOCKER_PROBLEM =
    'Chat is turned off on this site because Lightning Locker is on. Locker hides the chat client (Enhanced Chat or legacy Embedded Chat) from components.';

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
        assert.ok((await notices.count()) >= 1);
        await page
            .locator('[data-region="chat"]')
            .getByText('turn on Lightning Web Security', { exact: false })
            .first()
            .waitFor();
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
});
