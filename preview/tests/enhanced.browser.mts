/**
 * The preview in Enhanced Chat mode (`?client=enhanced`): the simulated client itself (late API
 * objects, Ready then the button, its own button and window, the pre-chat form), the toolbar's
 * client choice, and the components driving it through the service: one launch per Start with
 * the hidden routing fields set before it, status from the client's events, a new start after an
 * ended chat (reset, then launch with the fields set again), End and Clear.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
    assertNoPageErrors,
    installDeepQuery,
    launchBrowser,
    openPreview,
    screenshot,
    type DeepQuery,
    type Query
} from './harness.mts';
import {
    button,
    calls,
    events,
    expectStatus,
    methods,
    openEnhanced,
    state,
    waitForConversations,
    waitForEvent
} from './enhancedPage.mts';

/** A queue and an agent, as an admin enters them for Enhanced Chat (00G target, 005 user). */
const QUEUE = '00G5g00000QuEuE';
const AGENT = '0055g00000AbCdE';

const ROUTED: Query = {
    'p.routing.buttonId': QUEUE,
    'p.routing.agentUserId': AGENT,
    'p.routing.fallbackToButton': true
};
const ROUTED_FIELDS = {
    Chat_Agent_Id: AGENT,
    Chat_Target_Id: QUEUE,
    Chat_Fallback: 'true'
};

describe('Enhanced Chat mode: the simulated client', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('runs embeddedservice_bootstrap only: Ready with the API objects, then the button', async () => {
        const preview = await openEnhanced(browser);
        const { page } = preview;
        await waitForEvent(page, 'ButtonCreated');
        const names = (await events(page)).map((e) => e.name);
        assert.deepEqual(names.slice(0, 2), [
            'onEmbeddedMessagingReady',
            'onEmbeddedMessagingButtonCreated'
        ]);
        assert.equal(await page.evaluate(() => 'embedded_svc' in window), false);
        assert.equal(await page.locator('#preview-client').inputValue(), 'enhanced');
        assert.equal(await page.locator('[data-client="enhanced"]').count(), 1);
        assert.equal(await page.locator('[data-enh="fab"]').isVisible(), true);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it("keeps its button in the site's corner, off every component, in Builder view too", async () => {
        for (const builder of [false, true]) {
            const preview = await openEnhanced(browser, { builder });
            const { page } = preview;
            await waitForEvent(page, 'ButtonCreated');
            for (const scroll of ['top', 'end'] as const) {
                await page.evaluate((to) => {
                    window.scrollTo(0, to === 'top' ? 0 : document.documentElement.scrollHeight);
                }, scroll);
                const covered = await page.evaluate(() => {
                    const fab = document.querySelector('[data-enh="fab"]')!.getBoundingClientRect();
                    const site = document.getElementById('site')!.getBoundingClientRect();
                    const inSite =
                        fab.left >= site.left &&
                        fab.right <= site.right &&
                        fab.bottom <= window.innerHeight;
                    const under = [...document.querySelectorAll('[data-placement]')]
                        .filter((frame) => {
                            const box = frame.getBoundingClientRect();
                            return (
                                box.width > 0 &&
                                box.left < fab.right &&
                                fab.left < box.right &&
                                box.top < fab.bottom &&
                                fab.top < box.bottom
                            );
                        })
                        .map((frame) => (frame as HTMLElement).dataset.placement);
                    return { inSite, under };
                });
                assert.deepEqual(
                    covered,
                    { inSite: true, under: [] },
                    `${scroll}, builder ${builder}`
                );
            }
            assertNoPageErrors(preview);
            await preview.close();
        }
    });

    it('in a 375 px window, neither its button nor its window covers End, Clear or a Builder card', async () => {
        const preview = await openEnhanced(browser, { builder: true });
        const { page } = preview;
        await page.setViewportSize({ width: 375, height: 800 });
        await installDeepQuery(page);
        await waitForEvent(page, 'ButtonCreated');
        /** What the client's visible button or window covers, scrolling the whole page. */
        const covered = () =>
            page.evaluate(() => {
                const deepQuery = (window as unknown as { __deepQuery: DeepQuery }).__deepQuery;
                const targets: [string, Element | null][] = [
                    ['End', deepQuery('.preview-frame[data-placement="end"]', 'button')],
                    ['Clear', deepQuery('.preview-frame[data-placement="clear"]', 'button')],
                    ['chat card', document.querySelector('.site-chat')],
                    [
                        'routing card',
                        document.querySelector('.preview-frame[data-placement="routing"]')
                    ],
                    ['property sheet', document.getElementById('property-sheet')]
                ];
                const found = new Set<string>();
                const end = document.documentElement.scrollHeight;
                for (let y = 0; y <= end; y += 100) {
                    window.scrollTo(0, y);
                    const client = [
                        ...document.querySelectorAll('[data-enh="fab"], [data-enh="window"]')
                    ]
                        .map(
                            (node) =>
                                [
                                    node.getAttribute('data-enh'),
                                    node.getBoundingClientRect()
                                ] as const
                        )
                        .filter(([, box]) => box.width > 0 && box.height > 0);
                    for (const [name, element] of targets) {
                        const target = element?.getBoundingClientRect();
                        for (const [part, box] of client) {
                            if (
                                target &&
                                target.width > 0 &&
                                Math.min(box.right, target.right) -
                                    Math.max(box.left, target.left) >
                                    0 &&
                                Math.min(box.bottom, target.bottom, window.innerHeight) -
                                    Math.max(box.top, target.top, 0) >
                                    0
                            ) {
                                found.add(`${part} over ${name}`);
                            }
                        }
                    }
                }
                window.scrollTo(0, 0);
                return [...found];
            });
        const withButton = await covered();
        await button(page, 'start').click({ timeout: 5000 });
        await page.locator('[data-enh="window"]').waitFor();
        await button(page, 'end').waitFor();
        const withWindow = await covered();
        assert.deepEqual({ withButton, withWindow }, { withButton: [], withWindow: [] });
        assert.ok(
            (await page.evaluate(() => document.documentElement.scrollWidth)) <= 375,
            'nothing scrolls sideways'
        );
        assertNoPageErrors(preview);
        await preview.close();
    });

    it("opens the client's own window with the pre-chat form; submitting starts the conversation", async () => {
        const preview = await openEnhanced(browser, { prechat: 1 });
        const { page } = preview;
        await waitForEvent(page, 'ButtonCreated');
        await page.locator('[data-enh="fab"]').click();
        const form = page.locator('[data-enh="prechat"]');
        await form.waitFor();
        await form.getByLabel('First Name').fill('Grace');
        await form.getByLabel('Email').fill('grace@example.com');
        await form.getByRole('button', { name: 'Start Conversation' }).click();
        await waitForConversations(page, 1);
        await page.locator('[data-enh="window"][data-status="Waiting"]').waitFor();
        const [conversation] = (await state(page)).conversations;
        assert.equal(conversation.visibleFields._firstName, 'Grace');
        assert.equal(conversation.visibleFields._email, 'grace@example.com');
        await page.locator('[data-enh="close"]').click();
        await waitForEvent(page, 'ConversationClosed');
        await waitForEvent(page, 'ButtonCreated', 2);
        assert.equal((await state(page)).windows.length, 0);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('reopens a chat after a reload: ConversationOpened only, no new conversation', async () => {
        const preview = await openEnhanced(browser);
        const { page } = preview;
        await waitForEvent(page, 'ButtonCreated');
        await page.locator('[data-enh="fab"]').click();
        await waitForEvent(page, 'SessionStatusUpdate');
        await page.evaluate(() => window.__enhancedChat!.agentAccepts());
        await page.reload();
        await page.waitForFunction(() => window.__enhancedChat !== undefined);
        await waitForEvent(page, 'ConversationOpened');
        const names = (await events(page)).map((e) => e.name);
        assert.ok(!names.includes('onEmbeddedMessagingConversationStarted'));
        assert.ok(!names.includes('onEmbeddedMessagingSessionStatusUpdate'));
        await page.locator('[data-enh="window"][data-status="Active"]').waitFor();
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('keeps the client choice in the URL: the toolbar switches it and a reload keeps it', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await Promise.all([
            page.waitForURL(/client=enhanced/),
            page.locator('#preview-client').selectOption('enhanced')
        ]);
        await page.waitForFunction(() => window.__enhancedChat !== undefined);
        await page.reload();
        await page.waitForFunction(() => window.__enhancedChat !== undefined);
        assert.equal(await page.locator('#preview-client').inputValue(), 'enhanced');
        await Promise.all([
            page.waitForURL((url) => !url.search.includes('client=')),
            page.locator('#preview-client').selectOption('legacy')
        ]);
        await page.waitForFunction(() => window.__chatSimulator !== undefined);
        assertNoPageErrors(preview);
        await preview.close();
    });
});

describe('Enhanced Chat mode: the components through the service', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('Start launches one chat, with the hidden routing fields set before the launch', async () => {
        const preview = await openEnhanced(browser, ROUTED);
        const { page } = preview;
        await button(page, 'start').waitFor();
        await page.waitForFunction(() => window.__enhancedChat!.state().button !== null);
        await button(page, 'start').click({ timeout: 5000 });
        await waitForConversations(page, 1);
        const snapshot = await state(page);
        assert.equal(snapshot.windows.length, 1, 'one chat window');
        assert.deepEqual(
            Object.fromEntries(
                Object.entries(snapshot.conversations[0].hiddenFields).filter(([name]) =>
                    Object.keys(ROUTED_FIELDS).includes(name)
                )
            ),
            ROUTED_FIELDS
        );
        const order = await methods(page);
        assert.equal(order.filter((m) => m === 'launchChat').length, 1, 'one launch');
        assert.ok(
            order.indexOf('setHiddenPrechatFields') < order.indexOf('launchChat'),
            `hidden fields set before the launch: ${order.join(', ')}`
        );
        await waitForEvent(page, 'SessionStatusUpdate');
        await expectStatus(page, 'You are in the queue.');
        await screenshot(page, 'enhanced-chat');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('makes one launch for a double click', async () => {
        const preview = await openEnhanced(browser);
        const { page } = preview;
        await page.waitForFunction(() => window.__enhancedChat!.state().button !== null);
        await button(page, 'start').dblclick({ timeout: 5000 });
        await waitForConversations(page, 1);
        await page.waitForTimeout(300);
        assert.equal((await state(page)).windows.length, 1);
        assert.equal((await methods(page)).filter((m) => m === 'launchChat').length, 1);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('shows queued, chatting and ended from the client events; a new start resets first', async () => {
        const preview = await openEnhanced(browser, ROUTED);
        const { page } = preview;
        await page.waitForFunction(() => window.__enhancedChat!.state().button !== null);
        await button(page, 'start').click({ timeout: 5000 });
        await waitForEvent(page, 'SessionStatusUpdate');
        await expectStatus(page, 'You are in the queue.');
        assert.equal(await page.evaluate(() => window.__enhancedChat!.agentAccepts()), true);
        await expectStatus(page, 'You are chatting with an agent.');
        assert.equal(await page.evaluate(() => window.__enhancedChat!.agentEnds()), true);
        await expectStatus(page, 'Your chat has ended.');
        assert.equal((await state(page)).windows.length, 1, "the client's window still shows it");

        await button(page, 'start').click({ timeout: 5000 });
        await waitForConversations(page, 2);
        const order = await methods(page);
        const clear = order.lastIndexOf('clearSession');
        const lastLaunch = order.lastIndexOf('launchChat');
        assert.ok(
            clear > 0 && clear < lastLaunch,
            `reset before the new launch: ${order.join(', ')}`
        );
        assert.ok(
            order.lastIndexOf('setHiddenPrechatFields') > clear &&
                order.lastIndexOf('setHiddenPrechatFields') < lastLaunch,
            'hidden fields set again after the reset'
        );
        const second = (await state(page)).conversations[1];
        assert.equal(second.hiddenFields.Chat_Agent_Id, AGENT);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('End ends the conversation through the client', async () => {
        const preview = await openEnhanced(browser);
        const { page } = preview;
        await page.waitForFunction(() => window.__enhancedChat!.state().button !== null);
        await button(page, 'start').click({ timeout: 5000 });
        await waitForEvent(page, 'SessionStatusUpdate');
        await page.evaluate(() => window.__enhancedChat!.agentAccepts());
        await expectStatus(page, 'You are chatting with an agent.');
        await button(page, 'end').click({ timeout: 5000 });
        await waitForEvent(page, 'Ready', 2);
        const ends = (await calls(page)).filter((call) => call.method === 'clearSession');
        assert.deepEqual(ends.at(-1)?.args, [true], 'clearSession(true) ends the session');
        assert.equal((await state(page)).windows.length, 0);
        assert.equal((await state(page)).conversations[0].status, 'Closed');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('Clear clears the session through the client', async () => {
        const preview = await openEnhanced(browser);
        const { page } = preview;
        await page.waitForFunction(() => window.__enhancedChat!.state().button !== null);
        await button(page, 'start').click({ timeout: 5000 });
        await waitForEvent(page, 'SessionStatusUpdate');
        await page.evaluate(() => window.__enhancedChat!.agentEnds());
        await expectStatus(page, 'Your chat has ended.');
        await button(page, 'clear').click({ timeout: 5000 });
        await waitForEvent(page, 'Ready', 2);
        await waitForEvent(page, 'ButtonCreated', 2);
        const clears = (await calls(page)).filter((call) => call.method === 'clearSession');
        assert.equal(clears.length, 1);
        assert.equal(clears[0].answer, 'resolved undefined');
        assert.equal((await state(page)).windows.length, 0);
        assertNoPageErrors(preview);
        await preview.close();
    });
});
