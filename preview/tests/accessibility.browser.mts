/**
 * Accessibility of the real components (lightning-base-components, SLDS) in a real browser:
 * axe-core, the engine behind @sa11y, run on the site part of the preview page (not the
 * simulator panel) in the main visitor and admin states.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
    assertNoPageErrors,
    launchBrowser,
    openPreview,
    waitForCalls,
    waitForClientReady
} from './harness.mts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: string[] }[];
}

/**
 * Runs axe-core on the site region; returns its violations (WCAG 2.1 A and AA rules). Also
 * checks that axe saw inside the components (the chat buttons rendered by lightning-button), so
 * that an empty result means "no violations", not "nothing examined".
 */
async function siteViolations(page: Page, expectedButtons = 1): Promise<AxeViolation[]> {
    await page.addScriptTag({ path: axePath });
    return page
        .evaluate(async () => {
            const axe = (
                window as unknown as {
                    axe: {
                        run(
                            context: unknown,
                            options: unknown
                        ): Promise<{
                            violations: AxeViolation[];
                            passes: { id: string; nodes: { target: string[] }[] }[];
                        }>;
                    };
                }
            ).axe;
            const site = document.getElementById('site') ?? document.body;
            const result = await axe.run(site, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
            });
            const buttons = result.passes.find((p) => p.id === 'button-name')?.nodes.length ?? 0;
            const violations = result.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map((n) => ({ target: n.target }))
            }));
            return { violations, buttons };
        })
        .then(({ violations, buttons }) => {
            assert.ok(
                buttons >= expectedButtons,
                `axe examined ${buttons} button(s) inside the components, expected at least ${expectedButtons}`
            );
            return violations;
        });
}

function describeViolations(violations: AxeViolation[]): string {
    return violations
        .map(
            (v) =>
                `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
        )
        .join('\n');
}

describe('accessibility in the browser', () => {
    let browser: Browser;

    before(async () => {
        browser = await launchBrowser();
    });

    after(async () => {
        await browser.close();
    });

    it('has no WCAG A/AA violations for visitors, ready and then with a chat queued', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await waitForClientReady(page);
        const ready = await siteViolations(page);
        assert.deepEqual(ready, [], describeViolations(ready));
        await page.locator('[data-placement="start"] lightning-button button').click();
        await waitForCalls(page, 'startChat');
        const queued = await siteViolations(page);
        assert.deepEqual(queued, [], describeViolations(queued));
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('has no WCAG A/AA violations in the admin view, chat off under Lightning Locker', async () => {
        const preview = await openPreview(browser, { builder: true, locker: true });
        // Under Locker the buttons are gone; the admin notices are what axe examines.
        const violations = await siteViolations(preview.page, 0);
        assert.deepEqual(violations, [], describeViolations(violations));
        await preview.close();
    });
});
