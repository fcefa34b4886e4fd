/**
 * What the Enhanced Chat browser scenarios (enhanced*.browser.mts) share: opening the preview in
 * Enhanced Chat mode, reading the simulated client's log and state (`window.__enhancedChat`), and
 * the components' placements on the page.
 */
import type { Browser, Page } from 'playwright-core';
import type {
    EnhancedCall,
    EnhancedEvent,
    EnhancedSnapshot
} from '../simulator/enhancedClient.mts';
import { openPreview, type Query } from './harness.mts';

export const button = (page: Page, placement: string) =>
    page.locator(`[data-placement="${placement}"] lightning-button button`);
export const statusText = (page: Page) => page.locator('[data-placement="status"] .status');

export function openEnhanced(browser: Browser, query: Query = {}) {
    return openPreview(browser, { client: 'enhanced', ...query });
}

export function state(page: Page): Promise<EnhancedSnapshot> {
    return page.evaluate(() => window.__enhancedChat!.state());
}

export function calls(page: Page): Promise<EnhancedCall[]> {
    return page.evaluate(() => window.__enhancedChat!.calls);
}

export function events(page: Page): Promise<EnhancedEvent[]> {
    return page.evaluate(() => window.__enhancedChat!.events);
}

export async function waitForEvent(page: Page, name: string, count = 1): Promise<void> {
    await page.waitForFunction(
        ([n, c]) => window.__enhancedChat!.events.filter((e) => e.name === n).length >= c,
        [`onEmbeddedMessaging${name}`, count] as const,
        { timeout: 5000 }
    );
}

export async function waitForConversations(page: Page, count: number): Promise<void> {
    await page.waitForFunction(
        (c) => window.__enhancedChat!.state().conversations.length >= c,
        count,
        { timeout: 5000 }
    );
}

export async function expectStatus(page: Page, text: string, timeout = 5000): Promise<void> {
    await statusText(page).filter({ hasText: text }).waitFor({ timeout });
}

/** The components' calls to the client, by method name, oldest first. */
export async function methods(page: Page): Promise<string[]> {
    return (await calls(page)).map((call) => call.method).filter((m) => m !== 'init');
}
