/**
 * The README's pictures of the preview: a visitor in a queued chat, the Experience Builder view
 * (placeholders of the components visitors do not always see, the routing summary and the
 * fallback rules editor) and Lightning Locker explained to the admin. `npm run screenshots`
 * writes them to docs/images/; in `npm test` they go to test-results/screenshots/ (ignored).
 */
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
    IDS,
    assertNoPageErrors,
    launchBrowser,
    openPreview,
    screenshot,
    simControl,
    waitForClientReady,
    waitForEvent
} from './harness.mts';

const inPlacement = (page: Page, placement: string, text: string) =>
    page.locator(`[data-placement="${placement}"]`).getByText(text, { exact: false }).first();

describe('README screenshots', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('preview: a visitor second in the queue', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await waitForClientReady(page);
        await page.locator('[data-placement="start"] lightning-button button').click();
        await waitForEvent(page, 'onQueueUpdate');
        await simControl(page, 'advanceQueue');
        await inPlacement(page, 'status', 'You are number 2 in the queue.').waitFor();
        await screenshot(page, 'preview');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('preview-builder: placeholders, the routing summary and the rules editor', async () => {
        const preview = await openPreview(browser, {
            builder: true,
            'p.start.whenOffline': 'Hide the button',
            'p.routing.buttonId': IDS.button,
            'p.routing.fallbackRules': `${IDS.agent}_${IDS.otherButton},${IDS.button}`
        });
        const { page } = preview;
        await waitForClientReady(page);
        await inPlacement(page, 'end', 'End Chat Button: visitors see it only').waitFor();
        await inPlacement(page, 'start', 'hidden from visitors while no agent is online').waitFor();
        await page
            .locator('#property-sheet [data-property="fallbackRules"] c-chat-fallback-rules-editor')
            .waitFor();
        await screenshot(page, 'preview-builder');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('preview-locker: Lightning Locker explained to the admin', async () => {
        const preview = await openPreview(browser, { locker: true, builder: true });
        const { page } = preview;
        await waitForClientReady(page);
        // Said in full once, on the first chat component (Status); the others refer to it.
        await inPlacement(page, 'status', 'turn on Lightning Web Security').waitFor();
        await inPlacement(page, 'start', 'Another chat component on this page explains').waitFor();
        await screenshot(page, 'preview-locker');
        assertNoPageErrors(preview);
        await preview.close();
    });
});
