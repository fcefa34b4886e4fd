/**
 * The Chat Routing Settings summary and the fallback rules editor (the Experience Builder property
 * sheet of the preview): what the admin sets changes what the next startChat sends.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
    IDS,
    SNIPPET_PRECHAT,
    apiCalls,
    assertNoPageErrors,
    launchBrowser,
    openPreview,
    pasteInto,
    placementText,
    simControl,
    type Query,
    waitForCalls,
    waitForClientReady,
    waitForEvent
} from './harness.mts';

const summary = (page: Page) => page.locator('[data-placement="routing"] c-chat-routing-settings');
const editor = (page: Page) =>
    page.locator('#property-sheet [data-property="fallbackRules"] c-chat-fallback-rules-editor');
const startButton = (page: Page) =>
    page.locator('[data-placement="start"] lightning-button button');
/** What visitors read while the site routing is invalid, and the start of the admin's note. */
const UNAVAILABLE = "Chat isn't available right now.";
const ROUTING_INVALID = 'The site routing has errors, so no chat that uses it can start.';

/** The colour word of the admin guide's summary statuses ("- **Green**, "These settings…"), by quote. */
function adminGuideColours(): { colour: string; quote: string }[] {
    const guide = fs.readFileSync(new URL('../../docs/admin-guide.md', import.meta.url), 'utf8');
    const section = guide.slice(guide.indexOf('### What the summary card says'));
    return [...section.matchAll(/^- \*\*(\w+)\*\*, "([^"]+)"/gm)].map(([, colour, quote]) => ({
        colour: colour.toLowerCase(),
        quote: quote.replace(/[….]+$/, '')
    }));
}

/** A colour's everyday name, from its hue: what an admin would call it. */
function colourName(css: string): string {
    const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((n) => Number(n) / 255);
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    if (max === 0 || (max - min) / max < 0.15) {
        return 'grey';
    }
    const delta = max - min;
    const sector =
        max === r ? (g - b) / delta : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
    const hue = (sector * 60 + 360) % 360;
    const names: [number, string][] = [
        [15, 'red'],
        [45, 'orange'],
        [70, 'yellow'],
        [170, 'green'],
        [260, 'blue'],
        [345, 'purple'],
        [360, 'red']
    ];
    return names.find(([below]) => hue < below)![1];
}

async function setSheetText(
    page: Page,
    placement: string,
    property: string,
    value: string
): Promise<void> {
    const input = page.locator(`#prop-${placement}-${property}`);
    await input.fill(value);
    await input.blur();
}

describe('routing settings and fallback rules', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('the summary and the rules editor change what the next startChat sends', async () => {
        const preview = await openPreview(browser, { builder: true });
        const { page } = preview;
        await waitForClientReady(page);
        await summary(page)
            .getByText(
                "No routing is set here: chats use the routing of the site's own chat deployment."
            )
            .waitFor();

        // The admin sets a chat button in the property sheet.
        await setSheetText(page, 'routing', 'buttonId', IDS.button);
        await summary(page).getByText(`Route chats to ${IDS.button}.`).waitFor();

        // ...and a fallback rule with the custom property editor.
        await editor(page).locator('lightning-button.add button').click();
        const ruleButtonId = editor(page).locator('li.rule').first().locator('input.button-id');
        await ruleButtonId.fill(IDS.otherButton);
        await summary(page).getByText('If unavailable, try:').waitFor();
        await summary(page).getByText(`Button ${IDS.otherButton}`).waitFor();
        assert.equal(
            await page.evaluate(() => window.__preview?.propertyValues('routing').fallbackRules),
            IDS.otherButton
        );

        await startButton(page).click();
        const [first] = await waitForCalls(page, 'startChat');
        assert.deepEqual(first.args[0], {
            ...SNIPPET_PRECHAT,
            buttonId: IDS.button,
            fallback: false,
            directToAgentRouting: { buttonId: IDS.button, fallback: false },
            fallbackRouting: [IDS.otherButton]
        });
        await waitForEvent(page, 'onChatRequestSuccess');

        // Removing the rule: the next chat has no fallback routing.
        await editor(page)
            .locator('li.rule')
            .first()
            .locator('lightning-button-icon.remove button')
            .click();
        await summary(page).getByText('If unavailable, try:').waitFor({ state: 'detached' });
        await simControl(page, 'agentEndsChat');
        await waitForEvent(page, 'onChatEndedByAgent');
        await startButton(page).click();
        const calls = await waitForCalls(page, 'startChat', 2);
        const second = calls[1].args[0] as Record<string, unknown>;
        assert.equal(
            'fallbackRouting' in second,
            false,
            'no fallbackRouting after the rule is removed'
        );
        assert.deepEqual(second.directToAgentRouting, { buttonId: IDS.button, fallback: false });
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('an invalid rule stops chats until it is fixed, and the summary says so', async () => {
        const preview = await openPreview(browser, {
            builder: true,
            'p.routing.buttonId': IDS.button
        });
        const { page } = preview;
        await waitForClientReady(page);
        await editor(page).locator('lightning-button.add button').click();
        await editor(page).locator('li.rule input.button-id').first().fill('12345');
        await summary(page)
            .getByText('These settings have errors, so they are not used', { exact: false })
            .waitFor();

        // Nobody is invited to a chat that cannot start, and each Start and Status tells the
        // admin where to fix it.
        const start = page.locator('[data-placement="start"]');
        await start.getByText(UNAVAILABLE, { exact: true }).waitFor();
        assert.equal(await startButton(page).isDisabled(), true);
        await startButton(page).click({ force: true });
        const status = page.locator('[data-placement="status"]');
        await status.locator('.status').getByText(UNAVAILABLE).waitFor();
        for (const placement of [start, status]) {
            await placement.getByText(ROUTING_INVALID, { exact: false }).waitFor();
        }
        assert.equal(await page.getByText('try again later', { exact: false }).count(), 0);
        assert.deepEqual(await apiCalls(page), [], 'no startChat with invalid routing');

        await editor(page).locator('li.rule input.button-id').first().fill(IDS.otherButton);
        await summary(page).getByText(`Button ${IDS.otherButton}`).waitFor();
        await status.getByText('Agents are online and ready to chat.').waitFor();
        assert.equal(await start.getByText(ROUTING_INVALID, { exact: false }).count(), 0);
        await startButton(page).click();
        const [call] = await waitForCalls(page, 'startChat');
        assert.deepEqual((call.args[0] as Record<string, unknown>).fallbackRouting, [
            IDS.otherButton
        ]);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('an invalid rule shows visitors chat as unavailable, never “Agents are online”', async () => {
        const preview = await openPreview(browser, { 'p.routing.fallbackRules': '12345' });
        const { page } = preview;
        await waitForClientReady(page);
        await page.locator('[data-placement="start"]').getByText(UNAVAILABLE).waitFor();
        assert.equal(await startButton(page).isDisabled(), true);
        const status = await placementText(page, 'status');
        assert.match(status, /Chat isn't available right now\./);
        assert.doesNotMatch(status, /Agents are online/);
        assert.equal(await page.getByText(ROUTING_INVALID, { exact: false }).count(), 0);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('a list pasted into one rule becomes rules that the editor and the summary both accept; Enter on Remove removes one rule', async () => {
        const preview = await openPreview(browser, { builder: true });
        const { page } = preview;
        await waitForClientReady(page);
        await editor(page).locator('lightning-button.add button').click();
        const pasted = `${IDS.button}, ${IDS.agent}; ${IDS.otherAgent}_${IDS.otherButton}`;
        await pasteInto(page, editor(page).locator('li.rule input.button-id').first(), pasted);

        await summary(page)
            .getByText(`Agent ${IDS.otherAgent} on button ${IDS.otherButton}`)
            .waitFor();
        assert.equal(await editor(page).locator('li.rule').count(), 3);
        assert.equal(await editor(page).locator('.slds-has-error, .rule-messages').count(), 0);
        assert.equal(
            await page.evaluate(() => window.__preview?.propertyValues('routing').fallbackRules),
            `${IDS.button}, ${IDS.agent}, ${IDS.otherAgent}_${IDS.otherButton}`
        );

        // Enter on a Remove button removes that rule; focus leaves the buttons, so a second
        // Enter removes nothing more.
        await editor(page)
            .locator('li.rule')
            .first()
            .locator('lightning-button-icon.remove button')
            .focus();
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        assert.equal(await editor(page).locator('li.rule').count(), 2);
        const focused = await page.evaluate(() => {
            let active: Element | null = document.activeElement;
            while (active?.shadowRoot?.activeElement) {
                active = active.shadowRoot.activeElement;
            }
            return active?.className ?? '';
        });
        assert.match(focused, /rule-title/);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('the rules editor references no element across a shadow root (it works under native shadow DOM)', async () => {
        const preview = await openPreview(browser, { builder: true });
        const { page } = preview;
        // LWC's synthetic shadow warns of every id reference (aria-describedby, label for, …)
        // whose target is in another shadow root: such a reference breaks under native shadow.
        const crossRoot: string[] = [];
        page.on('console', (message) => {
            if (message.text().includes('not in the same shadow root')) {
                crossRoot.push(message.text());
            }
        });
        await waitForClientReady(page);
        // Rules of every kind, one with an error (the fields' messages are shown).
        await editor(page).locator('lightning-button.add button').click();
        const pasted = `${IDS.button}, ${IDS.agent}; ${IDS.otherAgent}_${IDS.otherButton}; 573abc`;
        await pasteInto(page, editor(page).locator('li.rule input.button-id').first(), pasted);
        await editor(page).locator('li.rule').nth(3).locator('.slds-has-error').waitFor();
        // The rule's type is a select named by its label; picking a pair shows the agent field.
        const first = editor(page).locator('li.rule').first();
        await first.getByLabel('Route to').selectOption('agentThenButton');
        await first.getByLabel('Agent user ID').fill(IDS.agent);
        await page.waitForFunction(
            (rule) =>
                String(window.__preview?.propertyValues('routing').fallbackRules).startsWith(rule),
            `${IDS.agent}_${IDS.button}, `
        );
        // An ID field's message describes it (found in the field's own shadow root).
        const described = await editor(page)
            .locator('li.rule')
            .nth(3)
            .locator('input.button-id')
            .evaluate((input) => {
                const id = input.getAttribute('aria-describedby') ?? '';
                const root = input.getRootNode() as ShadowRoot;
                return root.querySelector(`[id="${id}"]`)?.textContent?.trim() ?? null;
            });
        assert.match(described ?? '', /573abc/);

        assert.deepEqual(crossRoot, []);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('the admin guide names the colour of each summary status as the card shows it', async () => {
        const guide = adminGuideColours();
        assert.equal(guide.length, 4, 'four statuses in the admin guide');
        for (const query of [
            {},
            { 'p.routing.buttonId': IDS.button },
            { 'p.routing.buttonId': IDS.button, 'p.routing.fallbackToButton': true },
            { 'p.routing.buttonId': '12345' }
        ] as Query[]) {
            const preview = await openPreview(browser, { builder: true, ...query });
            const { page } = preview;
            await waitForClientReady(page);
            const status = summary(page).locator('.slds-scoped-notification.status');
            await status.waitFor();
            const text = await status.innerText();
            const shown = colourName(
                await status.evaluate((node) => getComputedStyle(node).backgroundColor)
            );
            const named = guide
                .filter(({ quote }) => text.includes(quote))
                .sort((a, b) => b.quote.length - a.quote.length)[0];
            assert.ok(named, `the admin guide quotes "${text}"`);
            assert.equal(named.colour, shown, text);
            assertNoPageErrors(preview);
            await preview.close();
        }
    });

    it('visitors do not see the routing summary', async () => {
        const preview = await openPreview(browser, { 'p.routing.buttonId': IDS.button });
        const { page } = preview;
        await waitForClientReady(page);
        assert.equal(await page.getByText('Chat Routing Settings').count(), 0);
        assert.equal((await page.locator('[data-region="footer"]').innerText()).trim(), '');
        assertNoPageErrors(preview);
        await preview.close();
    });
});
