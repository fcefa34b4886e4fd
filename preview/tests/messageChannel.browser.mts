/**
 * The chat on the Lightning message channel, seen from the preview's "other component" panel
 * (preview/app/channelPanel.ts), which knows only the channel: the state follows a whole chat,
 * a start sent from the panel obeys the same guards as the Start button, a malformed request is
 * answered and changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
    apiCalls,
    assertNoPageErrors,
    IDS,
    launchBrowser,
    openPreview,
    simControl,
    waitForClientReady,
    waitForEvent
} from './harness.mts';

interface Seen {
    type?: string;
    requestId?: string | null;
    action?: string | null;
    state?: { status?: string; disabledReason?: string | null; client?: string | null };
    result?: { ok?: boolean; code?: string };
}

const seen = (page: Page): Promise<Seen[]> =>
    page.evaluate(() => (window.__channelPanel?.messages ?? []) as Seen[]);

/** The statuses of the state messages published on changes (not answers to getState). */
async function statuses(page: Page): Promise<string[]> {
    return (await seen(page))
        .filter((m) => m.type === 'state' && m.requestId === null)
        .map((m) => m.state?.status ?? '?');
}

/** Sends a request from the panel and waits for its answer. */
async function request(page: Page, action: string, routing?: unknown): Promise<Seen> {
    const id = await page.evaluate(
        ([a, r]) => window.__channelPanel?.request(a as string, r) ?? '',
        [action, routing] as const
    );
    return answerTo(page, id);
}

/** The answer to request `id`: a result, or a state for getState (id null: a result only). */
async function answerTo(page: Page, id: string | null): Promise<Seen> {
    const handle = await page.waitForFunction(
        (requestId) =>
            (window.__channelPanel?.messages ?? []).find((message) => {
                const m = message as Seen;
                return (
                    m.requestId === requestId &&
                    (m.type === 'result' || (m.type === 'state' && requestId !== null))
                );
            }),
        id,
        { timeout: 5000 }
    );
    return (await handle.jsonValue()) as Seen;
}

describe('the chat on the message channel', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('follows a whole chat, one message per change, and answers a late getState', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await waitForClientReady(page);
        await page.locator('[data-placement="start"] lightning-button button').click();
        await waitForEvent(page, 'onQueueUpdate');
        assert.equal(await simControl(page, 'acceptChat'), true);
        assert.equal(await simControl(page, 'agentEndsChat'), true);
        await page.locator('[data-channel-state]').filter({ hasText: 'Chat: ended' }).waitFor();

        const published = (await seen(page))
            .filter((m) => m.type === 'state' && m.requestId === null)
            .map((m) => JSON.stringify(m.state));
        assert.ok(
            published.every((state, i) => state !== published[i - 1]),
            'no state is published twice in a row'
        );
        const changes = await statuses(page);
        assert.deepEqual(
            changes.filter((status, i) => status !== changes[i - 1] && status !== 'loading'),
            ['ready', 'requesting', 'queued', 'chatting', 'ended']
        );
        const queued = (await seen(page)).filter((m) => m.state?.status === 'queued');
        assert.ok(
            queued.some((m) => m.state?.client === 'legacy'),
            'the client kind is sent'
        );

        const answer = await request(page, 'getState');
        assert.equal(answer.type, 'state');
        assert.equal(answer.state?.status, 'ended');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('runs a start from the panel through the same guards as the Start button', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await waitForClientReady(page);

        const invalid = await request(page, 'startChat', {
            directToAgentRouting: { buttonId: IDS.agent }
        });
        assert.equal(invalid.result?.code, 'INVALID_ROUTING');
        assert.deepEqual(await apiCalls(page), [], 'invalid routing never reaches the client');

        const first = await request(page, 'startChat', {
            directToAgentRouting: { buttonId: IDS.button }
        });
        assert.equal(first.result?.ok, true);
        const second = await request(page, 'startChat');
        assert.equal(second.result?.code, 'CHAT_IN_PROGRESS');
        const calls = (await apiCalls(page)).filter((call) => call.method === 'startChat');
        assert.equal(calls.length, 1, 'one client call');
        assert.equal(
            await page.locator('[data-placement="start"] lightning-button button').isDisabled(),
            true,
            'the Start button follows the chat the panel started'
        );

        const ended = await request(page, 'endChat');
        assert.equal(ended.result?.ok, true);
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('answers malformed requests with an error code and changes nothing', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await waitForClientReady(page);
        await page.locator('[data-channel-action="malformed"]').click();
        const noId = await answerTo(page, null);
        assert.equal(noId.type, 'result');
        assert.equal(noId.result?.code, 'MISSING_REQUEST_ID');

        const unknown = await page.evaluate(() =>
            window.__channelPanel?.send({ type: 'request', requestId: 'u1', action: 'dance' })
        );
        assert.ok(unknown);
        assert.equal((await answerTo(page, 'u1')).result?.code, 'UNKNOWN_ACTION');
        await page.evaluate(() =>
            window.__channelPanel?.send({
                type: 'request',
                requestId: 'big',
                action: 'startChat',
                routing: { prepopulatedPrechatFields: { Subject: 'x'.repeat(40000) } }
            })
        );
        assert.equal((await answerTo(page, 'big')).result?.code, 'ROUTING_TOO_LARGE');
        assert.deepEqual(await apiCalls(page), []);
        assert.equal((await request(page, 'getState')).state?.status, 'ready');
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('under Lightning Locker says disabled / locker and refuses a start', async () => {
        const preview = await openPreview(browser, { locker: true });
        const { page } = preview;
        await page.locator('[data-channel-state]').filter({ hasText: 'Chat: disabled' }).waitFor();
        const state = (await seen(page)).find((m) => m.type === 'state');
        assert.equal(state?.state?.disabledReason, 'locker');
        assert.equal((await request(page, 'startChat')).result?.code, 'LOCKER_ACTIVE');
        assertNoPageErrors(preview);
        await preview.close();
    });
});
