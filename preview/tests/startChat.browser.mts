/**
 * Starting a chat: the exact attributes the chat client receives (the snippet's pre-chat setup
 * kept, both routing shapes when direct-to-agent routing is set), and a double click makes one
 * request.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
    IDS,
    SNIPPET_PRECHAT,
    apiCalls,
    assertNoPageErrors,
    launchBrowser,
    openPreview,
    waitForCalls,
    waitForClientReady,
    waitForEvent
} from './harness.mts';

const startButton = (page: Page) =>
    page.locator('[data-placement="start"] lightning-button button');

/** Clicks Start once the client is ready; returns the attributes of the one startChat call. */
async function startAndCapture(page: Page): Promise<Record<string, unknown>> {
    await waitForClientReady(page);
    await startButton(page).click();
    const [call] = await waitForCalls(page, 'startChat');
    assert.equal(call.outcome, 'chat requested', 'the client accepted the attributes');
    await waitForEvent(page, 'onChatRequestSuccess');
    return call.args[0] as Record<string, unknown>;
}

/** Direct-to-agent routing must arrive in both shapes, the nested one equal to the top-level keys. */
function assertBothRoutingShapes(
    attributes: Record<string, unknown>,
    expected: { buttonId: string; userId?: string; fallback: boolean }
): void {
    const top: Record<string, unknown> = {
        buttonId: attributes.buttonId,
        fallback: attributes.fallback
    };
    if (expected.userId !== undefined || attributes.userId !== undefined) {
        top.userId = attributes.userId;
    }
    assert.deepEqual(top, expected, 'top-level buttonId/userId/fallback');
    assert.deepEqual(attributes.directToAgentRouting, expected, 'nested directToAgentRouting');
}

describe('start a chat', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it("sends a guest's chat with the snippet's pre-chat setup and no routing keys", async () => {
        const preview = await openPreview(browser);
        const attributes = await startAndCapture(preview.page);
        assert.deepEqual(attributes, SNIPPET_PRECHAT);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it("adds a logged-in member's name and email over the snippet's pre-chat fields", async () => {
        const preview = await openPreview(browser, { user: 'member' });
        const attributes = await startAndCapture(preview.page);
        assert.deepEqual(attributes, {
            ...SNIPPET_PRECHAT,
            prepopulatedPrechatFields: {
                ...SNIPPET_PRECHAT.prepopulatedPrechatFields,
                FirstName: 'Ada',
                LastName: 'Lovelace',
                Email: 'ada.lovelace@example.com'
            }
        });
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('sends the site routing (Chat Routing Settings) in both shapes, pre-chat kept', async () => {
        const preview = await openPreview(browser, {
            'p.routing.buttonId': IDS.button,
            'p.routing.agentUserId': IDS.agent,
            'p.routing.fallbackToButton': true
        });
        const attributes = await startAndCapture(preview.page);
        assertBothRoutingShapes(attributes, {
            buttonId: IDS.button,
            userId: IDS.agent,
            fallback: true
        });
        assert.deepEqual(
            attributes.prepopulatedPrechatFields,
            SNIPPET_PRECHAT.prepopulatedPrechatFields
        );
        assert.deepEqual(attributes.extraPrechatInfo, SNIPPET_PRECHAT.extraPrechatInfo);
        assert.deepEqual(
            attributes.extraPrechatFormDetails,
            SNIPPET_PRECHAT.extraPrechatFormDetails
        );
        assertNoPageErrors(preview);
        await preview.close();
    });

    it("sends a Start Chat button's own routing instead of the site's", async () => {
        const preview = await openPreview(browser, {
            'p.routing.buttonId': IDS.button,
            'p.routing.agentUserId': IDS.agent,
            'p.start.routingButtonId': IDS.otherButton
        });
        const attributes = await startAndCapture(preview.page);
        assertBothRoutingShapes(attributes, { buttonId: IDS.otherButton, fallback: false });
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('makes one request for a double click', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await waitForClientReady(page);
        await startButton(page).dblclick();
        await waitForEvent(page, 'onChatRequestSuccess');
        await page.waitForTimeout(300);
        const starts = (await apiCalls(page)).filter((call) => call.method === 'startChat');
        assert.equal(starts.length, 1, 'one startChat call');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('makes one request for two clicks in the same task', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await waitForClientReady(page);
        // Two clicks in the same task, faster than any re-render.
        await startButton(page).evaluate((button: HTMLButtonElement) => {
            button.click();
            button.click();
        });
        await waitForEvent(page, 'onChatRequestSuccess');
        await page.waitForTimeout(300);
        const starts = (await apiCalls(page)).filter((call) => call.method === 'startChat');
        assert.equal(starts.length, 1, 'one startChat call');
        assertNoPageErrors(preview);
        await preview.close();
    });
});
