/**
 * The preview in Enhanced Chat mode as real sites run it (issue 17): the channel's
 * agent-availability check with no agent online, the site component's login mode with a guest,
 * the v2 client whose window opens after its launch resolved, a page reloaded during a chat (never
 * "ready" while the client restores it) and after the agent ended the chat. Each scenario checks what the simulated client did (it behaves as
 * docs/enhanced-chat-client.md says) and what the components show.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertNoPageErrors, installDeepQuery, launchBrowser, type DeepQuery } from './harness.mts';
import {
    button,
    events,
    expectStatus,
    methods,
    openEnhanced,
    state,
    statusText,
    waitForConversations,
    waitForEvent
} from './enhancedPage.mts';

const NO_AGENTS = 'No agents are online right now.';
/** What Chat Status says when chat is ready: agents online, or availability not known. */
const READY = ['Agents are online and ready to chat.', 'You can start a chat.'];
const OPEN = 'Your chat window is open.';
const QUEUED = 'You are in the queue.';
const CHATTING = 'You are chatting with an agent.';
/** How often the simulated client asks whether an agent is online (the real one: 30 s). */
const CHECK_MS = 1500;

const startError = (page: Page) => page.locator('[data-placement="start"] .error');

async function eventNames(page: Page): Promise<string[]> {
    return (await events(page)).map((e) => e.name.replace('onEmbeddedMessaging', ''));
}

let browser: Browser;
before(async () => {
    browser = await launchBrowser();
});
after(async () => {
    await browser.close();
});

describe('Enhanced Chat mode: the agent-availability check with no agent online', () => {
    it('says no agents within 2 s of the configuration, refuses a start, then starts once one comes', async () => {
        const preview = await openEnhanced(browser, {
            agentCheck: 'offline',
            agentCheckMs: CHECK_MS
        });
        const { page } = preview;
        // Polled every frame: the configuration's arrival is seen within a frame or two, so the
        // status has the rest of the 2 s.
        await page.waitForFunction(() => window.__enhancedChat!.state().configLoaded);
        await expectStatus(page, NO_AGENTS, 1900);
        const held = await state(page);
        assert.equal(held.readyCount, 0, 'the client holds Ready back');
        assert.equal(held.waitingForAgent, true);
        // Start follows its offline choice (disable, the default): no launch.
        assert.equal(await button(page, 'start').isDisabled(), true);
        await button(page, 'start').click({ force: true });
        await page.waitForTimeout(200);
        assert.ok(!(await methods(page)).includes('launchChat'), 'nothing launched');

        await page.evaluate(() => window.__enhancedChat!.setAgentsOnline(true));
        await waitForEvent(page, 'ButtonCreated');
        await button(page, 'start').click({ timeout: CHECK_MS + 2000 });
        await waitForConversations(page, 1);
        await expectStatus(page, QUEUED);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('hides Start while no agent is online when its offline choice is "hide"', async () => {
        const preview = await openEnhanced(browser, {
            agentCheck: 'offline',
            agentCheckMs: CHECK_MS,
            'p.start.whenOffline': 'hide'
        });
        const { page } = preview;
        await expectStatus(page, NO_AGENTS, 2000);
        assert.equal(await button(page, 'start').count(), 0);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('takes an "Agent Unavailable" launch rejection for agents offline', async () => {
        const preview = await openEnhanced(browser, { agentCheck: 'unavailable' });
        const { page } = preview;
        await waitForEvent(page, 'ButtonCreated');
        await page.waitForFunction(() => !window.__enhancedChat!.state().agentsOnline);
        await button(page, 'start').click({ timeout: 5000 });
        await page.waitForFunction(() =>
            window.__enhancedChat!.calls.some(
                (c) => c.method === 'launchChat' && /Agent Unavailable/.test(c.answer ?? '')
            )
        );
        await expectStatus(page, NO_AGENTS);
        assert.equal((await state(page)).windows.length, 0);
        assertNoPageErrors(preview);
        await preview.close();
    });
});

describe('Enhanced Chat mode: a site whose chat needs a login', () => {
    it('gives a guest Ready and no chat button: Start shows nothing and launches nothing', async () => {
        const preview = await openEnhanced(browser, { siteLogin: true });
        const { page } = preview;
        await waitForEvent(page, 'Ready');
        const snapshot = await state(page);
        assert.equal(snapshot.authMode, 'ExperienceSiteAuth');
        assert.equal(snapshot.guest, true);
        await page.waitForTimeout(500);
        assert.deepEqual(await eventNames(page), ['Ready'], 'no ButtonCreated');
        assert.equal(await page.locator('[data-enh="fab"]').count(), 0);
        assert.equal(await button(page, 'start').count(), 0, 'Start shows nothing to guests');
        assert.ok(!(await methods(page)).includes('launchChat'));
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('lets a logged-in member start a chat', async () => {
        const preview = await openEnhanced(browser, { siteLogin: true, user: 'member' });
        const { page } = preview;
        await waitForEvent(page, 'ButtonCreated');
        await button(page, 'start').click({ timeout: 5000 });
        await waitForConversations(page, 1);
        await expectStatus(page, QUEUED);
        assertNoPageErrors(preview);
        await preview.close();
    });
});

describe('Enhanced Chat mode: the v2 client', () => {
    it('reports a launch ok when its window opens after launchChat resolved', async () => {
        const preview = await openEnhanced(browser, { clientVersion: 'v2', maximizeDelay: 600 });
        const { page } = preview;
        await waitForEvent(page, 'ButtonCreated');
        assert.equal(await page.locator('#embeddedMessagingConversationButton').count(), 0);
        assert.equal(await page.locator('#embeddedMessagingFrame [data-enh="fab"]').count(), 1);
        await button(page, 'start').click({ timeout: 5000 });
        await waitForEvent(page, 'WindowMaximized');
        const launch = (await page.evaluate(() => window.__enhancedChat!.calls)).find(
            (c) => c.method === 'launchChat'
        );
        const maximized = (await events(page)).find(
            (e) => e.name === 'onEmbeddedMessagingWindowMaximized'
        );
        assert.equal(launch?.answer, 'resolved undefined');
        assert.ok((maximized?.at ?? 0) - (launch?.at ?? 0) >= 600, 'the window opened late');
        await waitForConversations(page, 1);
        await expectStatus(page, QUEUED);
        assert.equal(await startError(page).count(), 0, 'no error shown for the launch');
        assertNoPageErrors(preview);
        await preview.close();
    });
});

/**
 * Records, on every animation frame of every page the tab loads from now on, what Chat Status
 * says and whether Start is there and enabled (`window.__seen`, one entry per change).
 */
async function recordStatusAndStart(page: Page): Promise<void> {
    await installDeepQuery(page);
    await page.addInitScript(() => {
        const seen: string[] = [];
        const page = window as unknown as { __seen: string[]; __deepQuery?: DeepQuery };
        page.__seen = seen;
        const look = (): void => {
            const query = page.__deepQuery;
            if (query) {
                const status = query('[data-placement="status"]', '.status');
                const start = query('[data-placement="start"]', 'button') as HTMLButtonElement;
                const entry = `${status?.textContent?.trim() ?? ''} | Start ${
                    start ? (start.disabled ? 'disabled' : 'enabled') : 'absent'
                }`;
                if (seen[seen.length - 1] !== entry) {
                    seen.push(entry);
                }
            }
            requestAnimationFrame(look);
        };
        look();
    });
}

describe('Enhanced Chat mode: a page reloaded during a chat', () => {
    it('never says agents are ready, nor enables Start, before the reopened chat shows', async () => {
        // The server takes 400 ms to list the conversations (real sites: 200-300 ms).
        const preview = await openEnhanced(browser, { requestDelay: 400 });
        const { page } = preview;
        await waitForEvent(page, 'ButtonCreated');
        await button(page, 'start').click({ timeout: 5000 });
        await expectStatus(page, QUEUED);
        await page.evaluate(() => window.__enhancedChat!.agentAccepts());
        await expectStatus(page, CHATTING);
        // bootstrap.js setAndStoreJwt: the session's token in the page's web storage.
        const stored = await page.evaluate(() =>
            localStorage.getItem('00D000000000001_WEB_STORAGE')
        );
        assert.equal(typeof (JSON.parse(stored ?? '{}') as { JWT?: unknown }).JWT, 'string');

        await recordStatusAndStart(page);
        await page.reload();
        await page.waitForFunction(() => window.__enhancedChat !== undefined);
        await expectStatus(page, OPEN);
        assert.deepEqual(await eventNames(page), ['Ready', 'ButtonCreated', 'ConversationOpened']);
        const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
        const before = seen.slice(
            0,
            seen.findIndex((entry) => entry.startsWith(OPEN))
        );
        assert.ok(before.length > 0, `recorded from the page's start: ${seen.join(' / ')}`);
        assert.ok(
            before.every(
                (entry) =>
                    !READY.some((text) => entry.includes(text)) && !entry.includes('Start enabled')
            ),
            `before the reopened chat: ${before.join(' / ')}`
        );
        assertNoPageErrors(preview);
        await preview.close();
    });
});

describe('Enhanced Chat mode: a page reloaded after the agent ended the chat', () => {
    it('is never taken for chatting: the client resets itself and a new start works', async () => {
        const preview = await openEnhanced(browser);
        const { page } = preview;
        await waitForEvent(page, 'ButtonCreated');
        await button(page, 'start').click({ timeout: 5000 });
        await waitForEvent(page, 'SessionStatusUpdate');
        await page.evaluate(() => window.__enhancedChat!.agentAccepts());
        await expectStatus(page, CHATTING);
        await page.evaluate(() => window.__enhancedChat!.agentEnds());
        await expectStatus(page, 'Your chat has ended.');

        await page.reload();
        await page.waitForFunction(() => window.__enhancedChat !== undefined);
        const seen: string[] = [];
        const watch = setInterval(() => {
            statusText(page)
                .allTextContents()
                .then((texts) => seen.push(...texts))
                .catch(() => undefined);
        }, 50);
        await waitForEvent(page, 'ButtonCreated', 2);
        await page.waitForTimeout(300);
        clearInterval(watch);
        assert.deepEqual(await eventNames(page), [
            'Ready',
            'ButtonCreated',
            'Ready',
            'ButtonCreated'
        ]);
        assert.ok(
            !seen.some((text) => text.includes(CHATTING)),
            `never "chatting": ${[...new Set(seen)].join(' | ')}`
        );
        await button(page, 'start').click({ timeout: 5000 });
        await waitForConversations(page, 2);
        await expectStatus(page, QUEUED);
        assertNoPageErrors(preview);
        await preview.close();
    });
});

describe('Enhanced Chat mode: Salesforce’s own chat button', () => {
    it('carries the site routing on a chat it starts, and stays hidden when the site hides it', async () => {
        const preview = await openEnhanced(browser, {
            'p.routing.buttonId': '00G5g00000QuEuE',
            'p.routing.hideClientButton': 'true'
        });
        const { page } = preview;
        await waitForEvent(page, 'ButtonCreated');
        await page.waitForFunction(() => window.__enhancedChat!.state().button === 'Hide');
        assert.ok((await methods(page)).includes('hideChatButton'));
        // The site routing is already in the client: a chat its own launch starts carries it.
        await page.evaluate(() =>
            (
                window as unknown as {
                    embeddedservice_bootstrap: { utilAPI: { launchChat(): Promise<unknown> } };
                }
            ).embeddedservice_bootstrap.utilAPI.launchChat()
        );
        await waitForConversations(page, 1);
        const [conversation] = (await state(page)).conversations;
        assert.equal(conversation.hiddenFields.Chat_Target_Id, '00G5g00000QuEuE');
        assertNoPageErrors(preview);
        await preview.close();
    });
});
