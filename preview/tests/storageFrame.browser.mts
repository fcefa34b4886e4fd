/**
 * The legacy client's storage frame unreachable (`?unreachableStorageFrame`: the frame loads but
 * never posts, so the session data never comes): a start or clear waits for that data once per
 * page, at most 1 s after readiness, then goes to the client as its own API does. Times are read
 * on the simulator's clock (`at` of its log, `now()`); the bounds add a small margin for the
 * browser's rendering and polling.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
    apiCalls,
    assertNoPageErrors,
    events,
    installDeepQuery,
    launchBrowser,
    openPreview,
    waitForCalls,
    waitForEvent,
    type DeepQuery
} from './harness.mts';

/** The page loads first; the client's script comes later, as on a site. */
const UNREACHABLE = { unreachableStorageFrame: true, scriptDelay: 0.5, apiDelay: 100 };
/** What rendering, polling and a busy 2-core machine may add to a figure measured here. */
const MARGIN_MS = 150;

const startButton = (page: Page) =>
    page.locator('[data-placement="start"] lightning-button button');

/** When the client fired featureLoaded (its readiness), on the simulator's clock. */
async function readyAt(page: Page): Promise<number> {
    await waitForEvent(page, 'featureLoaded');
    const fired = (await events(page)).find((event) => event.name === 'featureLoaded');
    assert.ok(fired);
    return fired.at;
}

describe('an unreachable storage frame', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('20 clicks in the first frame Start is enabled make one start, reaching startChat within 1.2 s of readiness', async () => {
        const preview = await openPreview(browser, UNREACHABLE);
        const { page } = preview;
        const ready = await readyAt(page);
        await page.waitForFunction(() => window.__chatSimulator?.state().liveAgentApiReady);
        await installDeepQuery(page);
        // The visitor clicks 20 times in the first frame Start is enabled.
        await page.evaluate(
            () =>
                new Promise<void>((resolve) => {
                    const find = (window as unknown as { __deepQuery: DeepQuery }).__deepQuery;
                    const look = (): void => {
                        const button = find('[data-placement="start"]', 'button');
                        if (button instanceof HTMLButtonElement && !button.disabled) {
                            for (let i = 0; i < 20; i++) {
                                button.click();
                            }
                            resolve();
                            return;
                        }
                        requestAnimationFrame(look);
                    };
                    look();
                })
        );
        const [call] = await waitForCalls(page, 'startChat');
        assert.ok(
            call.at - ready <= 1200,
            `startChat reached the client ${Math.round(call.at - ready)} ms after readiness`
        );
        await waitForEvent(page, 'onChatRequestSuccess');
        const starts = (await apiCalls(page)).filter((c) => c.method === 'startChat');
        assert.equal(starts.length, 1, 'one request for 20 clicks');
        assert.equal(starts[0].outcome, 'chat requested');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('a click made after the wait reaches startChat within 50 ms', async () => {
        const preview = await openPreview(browser, UNREACHABLE);
        const { page } = preview;
        const ready = await readyAt(page);
        await page.waitForFunction(
            (from) => (window.__chatSimulator?.now() ?? 0) - from >= 1300,
            ready,
            { timeout: 5000 }
        );
        await page.evaluate(() => {
            document.addEventListener(
                'click',
                (event) => {
                    const offset = performance.now() - (window.__chatSimulator?.now() ?? 0);
                    (window as unknown as { clickAt: number }).clickAt = event.timeStamp - offset;
                },
                { capture: true, once: true }
            );
        });
        await startButton(page).click();
        const [call] = await waitForCalls(page, 'startChat');
        const clickAt = await page.evaluate(
            () => (window as unknown as { clickAt: number }).clickAt
        );
        assert.ok(
            call.at - clickAt <= 50,
            `startChat reached the client ${Math.round(call.at - clickAt)} ms after the click`
        );
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('a page-load clear calls clearSession within 1.2 s of readiness and answers within callTimeoutMs + 1 s', async () => {
        const callTimeout = 3000;
        const preview = await openPreview(browser, {
            ...UNREACHABLE,
            'p.clear.clearOnPageLoad': true,
            callTimeout
        });
        const { page } = preview;
        const ready = await readyAt(page);
        const [call] = await waitForCalls(page, 'clearSession');
        assert.ok(
            call.at - ready <= 1200,
            `clearSession reached the client ${Math.round(call.at - ready)} ms after readiness`
        );
        // Polled every frame: the message's first frame on screen is the answer's time.
        const answer = await page.waitForFunction(
            (text) =>
                document.body.innerText.includes(text) ? (window.__chatSimulator?.now() ?? 0) : 0,
            // No chat was under way: only what applies (label Chat_Clear_Unconfirmed_No_Chat).
            'Your chat history may still be stored in this browser',
            { polling: 'raf', timeout: callTimeout + 2000 }
        );
        const answeredAt = await answer.jsonValue();
        assert.ok(
            answeredAt - ready <= callTimeout + 1000 + MARGIN_MS,
            `the clear answered ${Math.round(answeredAt - ready)} ms after readiness (clearSession at ${Math.round(call.at - ready)} ms)`
        );
        assertNoPageErrors(preview);
        await preview.close();
    });
});
