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
    pasteInto,
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

    it('describes an ID field with an error to screen readers starting with the word Error', async () => {
        const preview = await openPreview(browser, {
            builder: true,
            'p.routing.fallbackRules': `573abc, ${IDS.agent}`
        });
        const { page } = preview;
        await waitForClientReady(page);
        await editor(page).locator('li.rule .slds-has-error').waitFor();
        // Chrome's accessibility tree: what a screen reader announces for each text field.
        const cdp = await page.context().newCDPSession(page);
        const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
            nodes: { role?: { value?: string }; description?: { value?: string } }[];
        };
        const described = nodes
            .filter((node) => node.role?.value === 'textbox' && node.description?.value)
            .map((node) => node.description!.value);
        assert.deepEqual(described, [
            'Error “573abc” has 6 characters; a chat button ID has 15 or 18.'
        ]);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('a paste of 2,000 IDs shows the first 50 rules, says which are not shown, and is judged whole', async () => {
        const preview = await openPreview(browser, {
            builder: true,
            'p.routing.fallbackRules': IDS.button
        });
        const { page } = preview;
        await waitForClientReady(page);
        const ids = Array.from(
            { length: 2000 },
            (_, i) => `5735g0000${String(i).padStart(6, '0')}`
        );

        // How long the page is frozen: from the paste until the page runs a task again.
        const started = Date.now();
        await pasteInto(
            page,
            editor(page).locator('li.rule input.button-id').first(),
            ids.join('\n')
        );
        await page.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
        );
        const frozen = Date.now() - started;
        console.log(`rules editor: a paste of 2,000 IDs held the page for ${frozen} ms`);

        assert.equal(await editor(page).locator('li.rule').count(), 50);
        assert.equal(
            (await editor(page).locator('.rules-not-shown').innerText()).trim(),
            'Rules 51 to 2000 are not shown: remove rules above to see them.'
        );
        // The verdict is on every rule: the limit counts all 2,000, in the editor and the card.
        const limit = 'Use at most 25 fallback rules (there are 2000).';
        await editor(page).locator('.list-messages').getByText(limit).waitFor();
        await summary(page).getByText(limit).waitFor();
        const stored = await page.evaluate(
            () => window.__preview?.propertyValues('routing').fallbackRules
        );
        assert.equal(stored, ids.join(', '));
        assert.match(
            (await editor(page).locator('.announcement').textContent()) ?? '',
            /^The pasted text became 2000 rules\. Use at most 25 fallback rules \(there are 2000\)\. Rules 51 to 2000 are not shown/
        );

        // Removing a shown rule brings the next one in.
        await editor(page)
            .locator('li.rule')
            .first()
            .locator('lightning-button-icon.remove button')
            .click();
        assert.equal(await editor(page).locator('li.rule').count(), 50);
        assert.equal(
            await editor(page).locator('li.rule').nth(49).locator('input.button-id').inputValue(),
            ids[50]
        );
        await editor(page).getByText('Rules 51 to 1999 are not shown').waitFor();
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('a space typed in an ID stays in its field; a paste, or leaving the field, splits rules', async () => {
        const preview = await openPreview(browser, {
            builder: true,
            'p.routing.fallbackRules': IDS.button
        });
        const { page } = preview;
        await waitForClientReady(page);
        const rows = editor(page).locator('li.rule');
        const announcement = editor(page).locator('.announcement');
        const first = rows.first().locator('input.button-id');

        // Keystrokes: the admin types a space inside the ID.
        await first.click();
        await first.press('End');
        for (let i = 0; i < 7; i++) {
            await first.press('ArrowLeft');
        }
        await page.keyboard.type(' ');
        assert.equal(await first.inputValue(), '5735g000 000XyZa');
        await rows.first().locator('.slds-has-error').waitFor();
        assert.equal(await rows.count(), 1);
        assert.equal((await announcement.textContent())?.trim(), '');
        await page.keyboard.press('Backspace');
        await rows.first().locator('.slds-has-error').waitFor({ state: 'detached' });

        // A paste of two rules: two rows, and the editor says the pasted text became them.
        await pasteInto(page, first, `${IDS.agent}, ${IDS.otherButton}`);
        await rows.nth(1).waitFor();
        assert.equal(await rows.count(), 2);
        assert.equal((await announcement.textContent())?.trim(), 'The pasted text became 2 rules.');

        // Two rules typed into one field: one row until the admin leaves the field.
        const second = rows.nth(1).locator('input.button-id');
        await second.fill('');
        await second.pressSequentially(`${IDS.otherButton} ${IDS.button}`);
        assert.equal(await rows.count(), 2);
        await page.keyboard.press('Tab');
        await rows.nth(2).waitFor();
        assert.equal((await announcement.textContent())?.trim(), 'Rule 2 became 2 rules.');
        assert.equal(
            await page.evaluate(() => window.__preview?.propertyValues('routing').fallbackRules),
            `${IDS.agent}, ${IDS.otherButton}, ${IDS.button}`
        );
        assertNoPageErrors(preview);
        await preview.close();
    });
});
