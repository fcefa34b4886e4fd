/**
 * What admins see in Experience Builder and how the page holds up: every chat component keeps a
 * visible placeholder when its settings hide it from visitors, long words wrap inside their
 * column, the preview's toolbar fits a 375 px window, and the reloads the preview makes (switching
 * "Signed in as" or the chat client, a page-load button of the simulator) keep the property-sheet
 * edits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
    assertNoPageErrors,
    launchBrowser,
    openPreview,
    waitForClientReady,
    waitForReady
} from './harness.mts';

const component = (page: Page, placement: string) =>
    page.locator(`[data-placement="${placement}"] > :not(.preview-frame-title)`).first();

/** The height of the component itself (not of the preview's frame around it). */
async function heightOf(page: Page, placement: string): Promise<number> {
    return (await component(page, placement).boundingBox())?.height ?? 0;
}

/** How far anything sticks out of `selector`'s box to the right, in px (0 when nothing does). */
function overflowOf(page: Page, selector: string): Promise<number> {
    return page.evaluate((css) => {
        const box = document.querySelector(css)!.getBoundingClientRect();
        let worst = 0;
        const visit = (root: Document | ShadowRoot | Element) => {
            for (const node of Array.from(root.querySelectorAll('*'))) {
                const rect = node.getBoundingClientRect();
                if (rect.width > 0) {
                    worst = Math.max(worst, rect.right - box.right);
                }
                if (node.shadowRoot) {
                    visit(node.shadowRoot);
                }
            }
        };
        visit(document.querySelector(css)!);
        return worst;
    }, selector);
}

describe('Experience Builder placeholders and layout', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('in Builder, components hidden from visitors keep a placeholder saying when they show', async () => {
        const preview = await openPreview(browser, {
            builder: true,
            agents: 'offline',
            'p.start.whenOffline': 'Hide the button',
            'p.status.heading': '',
            'p.status.showAvailability': false
        });
        const { page } = preview;
        await waitForClientReady(page);
        await page
            .locator('[data-placement="end"]')
            .getByText('End Chat Button: visitors see it only while a chat is being requested')
            .waitFor();
        await page
            .locator('[data-placement="start"]')
            .getByText('Start Chat Button: hidden from visitors while no agent is online.')
            .waitFor();
        await page
            .locator('[data-placement="status"]')
            .getByText('Chat Status: visitors see nothing here until they start a chat')
            .waitFor();
        for (const placement of ['end', 'start', 'status']) {
            assert.ok((await heightOf(page, placement)) > 20, `${placement} has a visible height`);
        }
        assert.equal(await page.locator('[data-placement="start"] lightning-button').count(), 0);
        assertNoPageErrors(preview);
        await preview.close();
    });

    for (const [name, query] of [
        ['the default page', {}],
        [
            'offline, Start hidden, bare Status',
            {
                agents: 'offline',
                'p.start.whenOffline': 'Hide the button',
                'p.status.heading': '',
                'p.status.showAvailability': false
            }
        ]
    ] as const) {
        it(`without the builder kit (?builderKit=off), every placed component keeps a visible placeholder: ${name}`, async () => {
            const preview = await openPreview(browser, {
                builder: true,
                builderKit: 'off',
                ...query
            });
            const { page } = preview;
            await waitForClientReady(page);
            const placements = ['status', 'start', 'end', 'clear', 'routing'];
            for (const placement of placements) {
                await page
                    .locator(`[data-placement="${placement}"] .admin-notice-fallback`)
                    .getByText('need Lightning Web Security', { exact: false })
                    .waitFor();
                assert.ok(
                    (await heightOf(page, placement)) > 0,
                    `${placement} is taller than 0 px`
                );
            }
            await page
                .locator('[data-placement="start"]')
                .getByText('Start Chat Button: visitors see a button that starts a chat.', {
                    exact: false
                })
                .waitFor();
            assert.equal(await page.locator('c-chat-admin-notice').count(), 0, 'no kit loaded');
            assertNoPageErrors(preview);
            await preview.close();
        });
    }

    it('visitors see none of the placeholders', async () => {
        const preview = await openPreview(browser, {
            agents: 'offline',
            'p.start.whenOffline': 'Hide the button',
            'p.status.heading': '',
            'p.status.showAvailability': false
        });
        const { page } = preview;
        await waitForClientReady(page);
        await page.waitForTimeout(200);
        // Only Clear Chat Session's button: the hidden Start, the End outside a chat and the
        // Status without heading or availability show nothing.
        assert.equal(
            (await page.locator('[data-region="chat"]').innerText()).trim(),
            'Clear chat history'
        );
        assert.equal(await page.locator('c-chat-admin-notice').count(), 0);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('a long label or heading without spaces wraps inside the chat column', async () => {
        const word = 'Supercalifragilisticexpialidocious'.repeat(2);
        const preview = await openPreview(browser, {
            builder: true,
            'p.start.buttonLabel': word,
            'p.status.heading': word,
            'p.end.showOnlyDuringChat': false
        });
        const { page } = preview;
        await waitForClientReady(page);
        await page.locator('[data-placement="start"] lightning-button button:enabled').waitFor();
        assert.equal(
            (
                await page.locator('[data-placement="start"] lightning-button button').innerText()
            ).replace(/\s/g, ''),
            word
        );
        assert.ok(
            (await overflowOf(page, '.site-chat')) <= 1,
            'nothing sticks out of the chat column'
        );
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('the toolbar wraps in a 375 px window: nothing scrolls sideways', async () => {
        const preview = await openPreview(browser, { builder: true });
        const { page } = preview;
        await page.setViewportSize({ width: 375, height: 800 });
        const toolbar = await page.evaluate(() => {
            const bar = document.getElementById('preview-toolbar')!;
            return { scroll: bar.scrollWidth, client: bar.clientWidth };
        });
        assert.ok(
            toolbar.scroll <= toolbar.client,
            `toolbar ${toolbar.scroll} > ${toolbar.client}`
        );
        const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(pageWidth <= 375, `the page is ${pageWidth} px wide`);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('switching "Signed in as" keeps the property-sheet edits', async () => {
        const preview = await openPreview(browser, { builder: true });
        const { page } = preview;
        for (const placement of ['start', 'end']) {
            await page.locator(`details[data-placement="${placement}"] > summary`).click();
        }
        const label = page.locator('#prop-start-buttonLabel');
        await label.fill('Talk to our team');
        await label.blur();
        await page.locator('#prop-end-showOnlyDuringChat').uncheck();
        await page
            .locator('[data-placement="start"] lightning-button')
            .getByText('Talk to our team')
            .waitFor();

        await Promise.all([
            page.waitForURL(/user=member/),
            page.locator('#preview-user').selectOption('member')
        ]);
        await waitForReady(page);

        assert.equal(
            await page.locator('#prop-start-buttonLabel').inputValue(),
            'Talk to our team'
        );
        assert.equal(await page.locator('#prop-end-showOnlyDuringChat').isChecked(), false);
        await page
            .locator('[data-placement="start"] lightning-button')
            .getByText('Talk to our team')
            .waitFor();
        await page.locator('[data-placement="end"] lightning-button').waitFor();
        assert.ok(page.url().length < 2048, 'the edits are not carried in the URL');
        // A later reload of its own starts from the defaults again.
        await page.reload();
        await waitForReady(page);
        assert.equal(await page.locator('#prop-start-buttonLabel').inputValue(), '');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('switching the chat client, either way, keeps the property-sheet edits', async () => {
        const preview = await openPreview(browser, { builder: true });
        const { page } = preview;
        await page.locator('details[data-placement="start"] > summary').click();
        const label = page.locator('#prop-start-buttonLabel');
        await label.fill('Talk to our team');
        await label.blur();
        const startButton = page
            .locator('[data-placement="start"] lightning-button')
            .getByText('Talk to our team');
        await startButton.waitFor();

        const expectEdit = async (client: string) => {
            await waitForReady(page);
            assert.equal(await page.locator('#preview-client').inputValue(), client);
            assert.equal(await label.inputValue(), 'Talk to our team', client);
            await startButton.waitFor();
        };
        await Promise.all([
            page.waitForURL(/client=enhanced/),
            page.locator('#preview-client').selectOption('enhanced')
        ]);
        await expectEdit('enhanced');
        // A page-load button of the simulator panel reloads the page too.
        await Promise.all([
            page.waitForURL(/prechat=1/),
            page.locator('#chat-simulator [data-sim-action="togglePrechat"]').click()
        ]);
        await expectEdit('enhanced');
        await Promise.all([
            page.waitForURL((url) => !url.search.includes('client=')),
            page.locator('#preview-client').selectOption('legacy')
        ]);
        await expectEdit('legacy');
        assertNoPageErrors(preview);
        await preview.close();
    });
});
