/**
 * The preview infrastructure itself: the page mounts the built components and has its icon,
 * platform stand-ins resolve, the builder-mode toggle re-mounts with the shared builder context,
 * and nothing leaves the machine.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
    assertNoPageErrors,
    launchBrowser,
    openPreview,
    waitForClientReady,
    waitForEvent,
    waitForReady
} from './harness.mts';

describe('preview infrastructure', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('serves SLDS and mounts the components of the layout that are built', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        const sldsLoaded = await page.evaluate(() =>
            [...document.styleSheets].some(
                (sheet) =>
                    sheet.href?.includes('salesforce-lightning-design-system') &&
                    sheet.cssRules.length > 1000
            )
        );
        assert.ok(sldsLoaded, 'SLDS stylesheet loaded');
        const mounted = await page.evaluate(() => window.__preview?.mounted() ?? []);
        const missing = await page.evaluate(() => window.__preview?.missing() ?? []);
        assert.ok(mounted.includes('c-chat-status'), `mounted: ${mounted.join(', ')}`);
        assert.deepEqual([...mounted, ...missing].sort(), [
            'c-chat-clear-session',
            'c-chat-end-button',
            'c-chat-routing-settings',
            'c-chat-start-button',
            'c-chat-status'
        ]);
        assert.equal(await page.locator('.sim-title').innerText(), 'Chat client simulator');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it("serves the page's icon: no request of the page answers 404", async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        const failed: string[] = [];
        page.on('response', (response) => {
            if (response.status() >= 400) {
                failed.push(`${response.status()} ${response.url()}`);
            }
        });
        await page.reload();
        await waitForClientReady(page);
        // Headless Chromium asks for no icon: ask for the one a browser would, the page's
        // <link rel="icon"> or else /favicon.ico.
        const href = await page.evaluate(
            () =>
                document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href ??
                new URL('/favicon.ico', window.location.href).href
        );
        const icon = await page.request.get(href);
        assert.equal(icon.status(), 200, href);
        assert.match(icon.headers()['content-type'] ?? '', /^image\//);
        assert.deepEqual(failed, []);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('blocks every request that leaves the machine', async () => {
        const preview = await openPreview(browser);
        const outcome = await preview.page.evaluate(async () => {
            try {
                await fetch('https://example.com/beacon');
                return 'reached';
            } catch {
                return 'blocked';
            }
        });
        assert.equal(outcome, 'blocked');
        assert.deepEqual(preview.blocked, ['https://example.com/beacon']);
        await preview.close();
    });

    it('resolves labels, user, schema and getRecord for a guest and a member', async () => {
        const guest = await openPreview(browser, { probe: 1 });
        const probe = guest.page.locator('preview-probe');
        await probe.locator('.user').filter({ hasText: 'Site Guest User' }).waitFor();
        assert.equal(await probe.locator('.guest').innerText(), 'guest: true');
        assert.equal(await probe.locator('.schema').innerText(), 'schema: User.FirstName');
        assert.equal(await probe.locator('lightning-button').innerText(), 'Chat with an agent');
        await probe.locator('lightning-button button').click();
        assert.equal(await probe.locator('.clicks').innerText(), 'clicks: 1');
        assertNoPageErrors(guest);
        await guest.close();

        const member = await openPreview(browser, { probe: 1, user: 'member' });
        const memberProbe = member.page.locator('preview-probe');
        await memberProbe.locator('.user').filter({ hasText: 'Ada Lovelace' }).waitFor();
        assert.equal(await memberProbe.locator('.guest').innerText(), 'guest: false');
        assertNoPageErrors(member);
        await member.close();
    });

    it("the simulator panel's buttons drive the client and reload the page with flags", async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await waitForClientReady(page);
        const panel = page.locator('#chat-simulator');
        await panel.locator('[data-sim-action="agentsOffline"]').click();
        await page
            .locator('[data-placement="status"]')
            .getByText('No agents are online right now.')
            .waitFor();
        await panel.locator('[data-sim-action="agentsOnline"]').click();
        await page.locator('[data-placement="start"] lightning-button button:enabled').click();
        await waitForEvent(page, 'onQueueUpdate');
        await panel.locator('[data-sim-action="advanceQueue"]').click();
        await page
            .locator('[data-placement="status"]')
            .getByText('You are number 2 in the queue.')
            .waitFor();
        assert.equal(await panel.locator('[data-sim-state="queue"]').innerText(), '2');
        assert.match(
            await panel.locator('.sim-log-entry[data-method="startChat"]').innerText(),
            /startChat\(/
        );

        await panel.locator('[data-sim-action="toggleLocker"]').click();
        await page.waitForURL(/locker=1/);
        await waitForReady(page);
        assert.match(await page.evaluate(() => String(window)), /^SecureWindow/);
        assert.match(await panel.locator('[data-sim="flags"]').innerText(), /Lightning Locker/);

        await panel.locator('[data-sim-action="reset"]').click();
        await page.waitForURL((url) => !url.search.includes('locker'));
        await waitForReady(page);
        assert.equal(await page.evaluate(() => String(window)), '[object Window]');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('both simulator panels name their toggles as actions, each control on one line', async () => {
        const toggles = {
            legacy: {
                toggleLocker: 'Turn Lightning Locker on',
                toggleScript: 'Remove chat script',
                toggleAgentsAtLoad: 'Load with agents offline'
            },
            enhanced: {
                toggleLocker: 'Turn Lightning Locker on',
                toggleVersion: 'Switch to client v2 (Proxy)',
                togglePrechat: 'Turn pre-chat form on',
                agentCheckOffline: 'Check agent availability, no agent online',
                agentCheckUnavailable: 'Check agent availability, agent leaves',
                toggleHideOnLoad: 'Hide chat button on load',
                toggleSiteLogin: 'Require site login',
                toggleScript: 'Remove chat script'
            }
        };
        for (const [client, expected] of Object.entries(toggles)) {
            const preview = await openPreview(browser, { client });
            const { page } = preview;
            const panel = page.locator('#chat-simulator');
            for (const [action, text] of Object.entries(expected)) {
                assert.equal(
                    await panel.locator(`[data-sim-action="${action}"]`).innerText(),
                    text,
                    `${client}: ${action}`
                );
            }
            // Every button and checkbox label keeps its words (and its box) on one line, in a
            // wide window (the panel is the side column) and a narrower one.
            for (const width of [1400, 1280, 1100]) {
                await page.setViewportSize({ width, height: 1000 });
                const wrapped = await page.evaluate(() =>
                    [
                        ...document.querySelectorAll(
                            '#chat-simulator .sim-button, #chat-simulator .sim-check'
                        )
                    ]
                        .filter((control) => {
                            const range = document.createRange();
                            range.selectNodeContents(control);
                            const boxes = [...range.getClientRects()].filter(
                                (box) => box.width > 0
                            );
                            return boxes.some((a) =>
                                boxes.some((b) => a.bottom <= b.top || b.bottom <= a.top)
                            );
                        })
                        .map((control) => (control as HTMLElement).innerText.trim())
                );
                assert.deepEqual(wrapped, [], `${client}, ${width} px`);
            }
            assertNoPageErrors(preview);
            await preview.close();
        }
    });

    it('builder-mode toggle re-mounts the components with the shared builder context', async () => {
        const preview = await openPreview(browser, { probe: 1 });
        const { page } = preview;
        assert.equal(await page.locator('preview-probe .mode').innerText(), 'mode: visitor');
        await page.locator('#preview-builder-toggle').check();
        await page.locator('preview-probe .mode').filter({ hasText: 'mode: builder' }).waitFor();
        assert.ok(await page.locator('#property-sheet').isVisible());
        assert.match(page.url(), /[?&]builder=1/);
        await page.locator('#preview-builder-toggle').uncheck();
        await page.locator('preview-probe .mode').filter({ hasText: 'mode: visitor' }).waitFor();
        assert.equal(await page.locator('#property-sheet').isVisible(), false);
        assertNoPageErrors(preview);
        await preview.close();
    });
});
