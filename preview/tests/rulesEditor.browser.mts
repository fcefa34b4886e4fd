/**
 * The fallback rules editor as an admin uses it in the preview's property sheet, beside the Chat
 * Routing Settings summary card: the verdict on the last rule, typing and pasting, the words of
 * its errors, and a paste of thousands of IDs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
    IDS,
    assertNoPageErrors,
    launchBrowser,
    openPreview,
    waitForClientReady
} from './harness.mts';

const summary = (page: Page) => page.locator('[data-placement="routing"] c-chat-routing-settings');
const editor = (page: Page) =>
    page.locator('#property-sheet [data-property="fallbackRules"] c-chat-fallback-rules-editor');

/** The card's messages under the fallback rules, without their "Rule n: ". */
async function cardRuleIssues(page: Page): Promise<string[]> {
    const texts = await summary(page)
        .locator('[data-field="fallbackRules"] .issue')
        .allInnerTexts();
    return texts.map((text) => text.trim().replace(/^Rule \d+: /, ''));
}

describe('the fallback rules editor', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('gives the card’s caution about the last rule, in the same words, and follows the button', async () => {
        const preview = await openPreview(browser, {
            builder: true,
            'p.routing.buttonId': IDS.button,
            'p.routing.fallbackRules': `${IDS.agent}, ${IDS.otherButton}`
        });
        const { page } = preview;
        await waitForClientReady(page);
        const notLast = `If no rule can take the chat, it is not routed to button ${IDS.button} unless that button is the last rule. Add ${IDS.button} as the last rule.`;
        await summary(page).getByText(notLast).waitFor();
        const list = editor(page).locator('.list-messages');
        await list.getByText(notLast).waitFor();
        assert.deepEqual(
            (await list.locator('li').allInnerTexts()).map((t) => t.trim()),
            await cardRuleIssues(page)
        );

        // The admin makes the last rule's button the direct one: neither says anything more.
        const buttonField = page.locator('#prop-routing-buttonId');
        await buttonField.fill(IDS.otherButton);
        await buttonField.blur();
        await summary(page).getByText(notLast).waitFor({ state: 'detached' });
        await list.waitFor({ state: 'detached' });
        assert.deepEqual(await cardRuleIssues(page), []);
        assertNoPageErrors(preview);
        await preview.close();
    });
});
