/**
 * Shared helpers of the browser scenarios (preview/tests/*.browser.mts). The runner
 * (preview/tests/run.mts) builds and serves the preview and passes, through the environment:
 * PREVIEW_URL, CHROME_EXECUTABLE and CHROME_ARGS (JSON). Every request to a non-loopback address
 * is aborted, and any page error fails the scenario.
 */
/// <reference lib="dom" />
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser as launchResolvedBrowser } from '../../scripts/lib/browser.mts';
import type {} from '../app/main.ts';
import type {} from '../simulator/boot.mts';
import type {} from '../simulator/enhancedBoot.mts';
import {
    demoSnippetSettings,
    type SimulatorCall,
    type SimulatorEvent,
    type SimulatorSnapshot
} from '../simulator/chatClient.mts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * Where screenshots go: test-results/screenshots (git-ignored) unless the runner was asked to
 * update the README images (`npm run screenshots` sets PREVIEW_SCREENSHOT_DIR to docs/images), so
 * that `npm test` leaves the working tree clean.
 */
export const screenshotDir = process.env.PREVIEW_SCREENSHOT_DIR
    ? path.resolve(projectRoot, process.env.PREVIEW_SCREENSHOT_DIR)
    : path.join(projectRoot, 'test-results', 'screenshots');

/** Valid-looking IDs for routing scenarios (15 characters, right key prefixes). */
export const IDS = {
    button: '5735g000000XyZa',
    otherButton: '5735g000000QwEr',
    agent: '0055g00000AbCdE',
    otherAgent: '0055g00000FgHiJ'
};

/** The snippet's own pre-chat settings, as the simulator sets them (demoSnippetSettings). */
const snippetSettings = demoSnippetSettings();
export const SNIPPET_PRECHAT = {
    prepopulatedPrechatFields: snippetSettings.prepopulatedPrechatFields as Record<string, string>,
    extraPrechatInfo: snippetSettings.extraPrechatInfo,
    extraPrechatFormDetails: snippetSettings.extraPrechatFormDetails
};

/** Timings that keep scenarios fast; a scenario's own query overrides them. */
const FAST: Record<string, string> = {
    scriptDelay: '0.05',
    apiDelay: '50',
    settingsDelay: '20',
    requestDelay: '50',
    availabilityMs: '0',
    clientWait: '3000',
    callTimeout: '2000'
};

function required(name: string): string {
    const value = process.env[name];
    if (!value) {
        throw new Error(
            `${name} is not set: run the browser scenarios through preview/tests/run.mts`
        );
    }
    return value;
}

/** Launches the runner's browser (relaunched once if it crashes at launch: scripts/lib/browser.mts). */
export function launchBrowser(): Promise<Browser> {
    return launchResolvedBrowser({
        executable: required('CHROME_EXECUTABLE'),
        args: JSON.parse(process.env.CHROME_ARGS ?? '[]') as string[],
        source: process.env.CHROME_SOURCE ?? 'CHROME_EXECUTABLE'
    });
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export interface PreviewPage {
    page: Page;
    context: BrowserContext;
    /** Uncaught page errors and console errors. */
    errors: string[];
    /** Requests aborted because they left the machine. */
    blocked: string[];
    close(): Promise<void>;
}

export type Query = Record<string, string | number | boolean>;

export function previewUrl(query: Query = {}): string {
    const params = new URLSearchParams(FAST);
    for (const [name, value] of Object.entries(query)) {
        params.set(name, String(value));
    }
    return `${required('PREVIEW_URL')}?${params.toString()}`;
}

/** Opens the preview in a fresh context (fresh storage) and waits until the page is mounted. */
export async function openPreview(browser: Browser, query: Query = {}): Promise<PreviewPage> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const blocked: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (
            (url.protocol === 'http:' || url.protocol === 'https:') &&
            !LOOPBACK.has(url.hostname)
        ) {
            blocked.push(url.href);
            return route.abort('blockedbyclient');
        }
        return route.continue();
    });
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('[chat simulator]')) {
            errors.push(`console.error: ${message.text()}`);
        }
    });
    await page.goto(previewUrl(query));
    await waitForReady(page);
    return {
        page,
        context,
        errors,
        blocked,
        close: () => context.close()
    };
}

/** Waits for the page's components and the simulator panel (after a navigation too). */
export async function waitForReady(page: Page): Promise<void> {
    await page.waitForFunction(
        () =>
            document.body.dataset.previewReady === 'true' &&
            (window.__chatSimulator !== undefined || window.__enhancedChat !== undefined)
    );
}

/**
 * In the page: `window.__deepQuery(host, selector)` finds `selector` inside the placed component
 * `host` (a `[data-placement]` selector), through the components' open shadow roots, for checks
 * made on every animation frame (Playwright's locators poll more slowly once they back off).
 */
function defineDeepQuery(): void {
    const deep = (root: ParentNode, selector: string): Element | null => {
        const found = root.querySelector(selector);
        if (found) return found;
        for (const element of root.querySelectorAll('*')) {
            const inner = element.shadowRoot ? deep(element.shadowRoot, selector) : null;
            if (inner) return inner;
        }
        return null;
    };
    (window as unknown as { __deepQuery: unknown }).__deepQuery = (
        host: string,
        selector: string
    ): Element | null => {
        const root = document.querySelector(host);
        return root ? deep(root, selector) : null;
    };
}

/** `window.__deepQuery`'s type. */
export type DeepQuery = (host: string, selector: string) => Element | null;

/** Defines `window.__deepQuery` on this page now and on every page it loads next. */
export async function installDeepQuery(page: Page): Promise<void> {
    await page.addInitScript(defineDeepQuery);
    await page.evaluate(defineDeepQuery);
}

/** Fails when the page logged errors (a scenario's last step). */
export function assertNoPageErrors(preview: PreviewPage): void {
    assert.deepEqual(preview.errors, [], 'the page logged errors');
}

/** The calls the components made (startChat, endChat, clearSession), oldest first. */
export function apiCalls(page: Page): Promise<SimulatorCall[]> {
    return page.evaluate(() => window.__chatSimulator?.apiCalls() ?? []);
}

/** Every call, addEventHandler included. */
export function allCalls(page: Page): Promise<SimulatorCall[]> {
    return page.evaluate(() => window.__chatSimulator?.calls ?? []);
}

export function events(page: Page): Promise<SimulatorEvent[]> {
    return page.evaluate(() => window.__chatSimulator?.events ?? []);
}

export function simState(page: Page): Promise<SimulatorSnapshot | undefined> {
    return page.evaluate(() => window.__chatSimulator?.state());
}

/** Waits until the components made `count` calls of `method`; returns them. */
export async function waitForCalls(
    page: Page,
    method: string,
    count = 1
): Promise<SimulatorCall[]> {
    await page.waitForFunction(
        ([name, n]) =>
            (window.__chatSimulator?.calls ?? []).filter((call) => call.method === name).length >=
            n,
        [method, count] as const,
        { timeout: 5000 }
    );
    return (await apiCalls(page)).filter((call) => call.method === method);
}

/** Waits until the client fired `name` (at least `count` times). */
export async function waitForEvent(page: Page, name: string, count = 1): Promise<void> {
    await page.waitForFunction(
        ([eventName, n]) =>
            (window.__chatSimulator?.events ?? []).filter((event) => event.name === eventName)
                .length >= n,
        [name, count] as const,
        { timeout: 5000 }
    );
}

/** Waits until the client's liveAgentAPI is ready and the settings call completed. */
export async function waitForClientReady(page: Page): Promise<void> {
    await waitForEvent(page, 'onAvailability');
}

/** The visible text of a placed component's frame (e.g. 'status', 'start'). */
export function placementText(page: Page, placementId: string): Promise<string> {
    return page.locator(`[data-placement="${placementId}"]`).innerText();
}

/** Runs a simulator control (the same functions as the panel's buttons). */
export async function simControl(
    page: Page,
    control: 'acceptChat' | 'advanceQueue' | 'agentEndsChat' | 'idleTimeout'
): Promise<boolean> {
    return page.evaluate((name) => window.__chatSimulator?.[name]() ?? false, control);
}

export async function setAgentsAvailable(page: Page, value: boolean | undefined): Promise<void> {
    await page.evaluate((v) => window.__chatSimulator?.setAgentsAvailable(v), value);
}

/** The client's hidden session-storage iframe goes missing (true) or comes back (false). */
export async function setStorageFrameMissing(page: Page, value: boolean): Promise<void> {
    await page.evaluate((v) => window.__chatSimulator?.setStorageFrameMissing(v), value);
}

/**
 * Pastes `text` into `field` from the clipboard, over what it holds, as an admin does with
 * Ctrl+V (the browser's `input` event then says insertFromPaste, unlike `fill`'s insertText).
 */
export async function pasteInto(page: Page, field: Locator, text: string): Promise<void> {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await field.click();
    await field.press('ControlOrMeta+A');
    // The page's keyboard, not the field's: no action timeout while a long paste is handled.
    await page.keyboard.press('ControlOrMeta+V');
}

/** Writes a screenshot of the page to `screenshotDir`/<name>.png (log times hidden: stable images). */
export async function screenshot(page: Page, name: string): Promise<void> {
    if (process.env.PREVIEW_SCREENSHOTS === '0') {
        return;
    }
    fs.mkdirSync(screenshotDir, { recursive: true });
    await page.addStyleTag({ content: '.sim-log-time { visibility: hidden; }' });
    await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
