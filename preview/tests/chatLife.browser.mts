/**
 * A chat's life as visitors see it in Chat Status, driven from the agent side by the simulator:
 * queued with a position, the queue moves, an agent accepts, the agent ends, a new chat starts;
 * the visitor ends a chat; an idle timeout.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
    apiCalls,
    assertNoPageErrors,
    events,
    launchBrowser,
    openPreview,
    screenshot,
    simControl,
    simState,
    waitForCalls,
    waitForClientReady,
    waitForEvent
} from './harness.mts';

const button = (page: Page, placement: string) =>
    page.locator(`[data-placement="${placement}"] lightning-button button`);
const statusText = (page: Page) => page.locator('[data-placement="status"] .status');

async function expectStatus(page: Page, text: string): Promise<void> {
    await statusText(page).filter({ hasText: text }).waitFor({ timeout: 5000 });
}

describe('a chat from request to end', () => {
    let browser: Browser;
    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser.close();
    });

    it('queues with a position, is accepted, shows in status, ends by the agent, starts again', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await waitForClientReady(page);
        await expectStatus(page, 'Agents are online and ready to chat.');

        await button(page, 'start').click();
        await waitForEvent(page, 'onQueueUpdate');
        await expectStatus(page, 'You are number 3 in the queue.');
        assert.equal(
            await button(page, 'start').isDisabled(),
            true,
            'start disabled during a chat'
        );
        assert.match(
            await page.locator('[data-placement="start"]').innerText(),
            /You already have a chat open\./
        );

        assert.equal(await simControl(page, 'advanceQueue'), true);
        await expectStatus(page, 'You are number 2 in the queue.');
        await screenshot(page, 'preview');

        assert.equal(await simControl(page, 'acceptChat'), true);
        await expectStatus(page, 'You are chatting with an agent.');
        assert.equal(await button(page, 'end').isVisible(), true, 'End chat shown during the chat');

        assert.equal(await simControl(page, 'agentEndsChat'), true);
        await expectStatus(page, 'Your chat has ended.');
        assert.equal(await button(page, 'start').isEnabled(), true, 'a new chat can start');

        await button(page, 'start').click();
        const starts = await waitForCalls(page, 'startChat', 2);
        assert.equal(starts.length, 2);
        assert.equal(starts[1].outcome, 'chat requested');
        await waitForEvent(page, 'onChatRequestSuccess', 2);
        await expectStatus(page, 'You are number 3 in the queue.');

        const names = (await events(page)).map((event) => event.name);
        assert.deepEqual(
            names.filter((name) => name.startsWith('onChat') || name === 'onQueueUpdate'),
            [
                'onChatRequestSuccess',
                'onQueueUpdate',
                'onQueueUpdate',
                'onChatEstablished',
                'onChatEndedByAgent',
                'onChatRequestSuccess',
                'onQueueUpdate'
            ]
        );
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('ends the chat from the End Chat button', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await waitForClientReady(page);
        assert.equal(await button(page, 'end').count(), 0, 'End chat hidden without a chat');
        await button(page, 'start').click();
        await waitForEvent(page, 'onQueueUpdate');
        await simControl(page, 'acceptChat');
        await expectStatus(page, 'You are chatting with an agent.');

        await button(page, 'end').click();
        const ends = await waitForCalls(page, 'endChat');
        assert.deepEqual(ends[0].args, []);
        await waitForEvent(page, 'onChatEndedByChasitor');
        await expectStatus(page, 'Your chat has ended.');
        assert.equal((await simState(page))?.phase, 'none');
        assert.deepEqual(
            (await apiCalls(page)).map((call) => call.method),
            ['startChat', 'endChat']
        );
        assertNoPageErrors(preview);
        await preview.close();
    });

    it('shows the end of a chat after an idle timeout', async () => {
        const preview = await openPreview(browser);
        const { page } = preview;
        await waitForClientReady(page);
        await button(page, 'start').click();
        await waitForEvent(page, 'onQueueUpdate');
        await simControl(page, 'acceptChat');
        await expectStatus(page, 'You are chatting with an agent.');
        assert.equal(await simControl(page, 'idleTimeout'), true);
        await expectStatus(page, 'Your chat has ended.');
        assertNoPageErrors(preview);
        await preview.close();
    });
});
