/**
 * The browser figures for Enhanced Chat, on the benchmark page with `?client=enhanced` (the
 * preview's Enhanced Chat simulator stands in for `embeddedservice_bootstrap`):
 *
 * - registrations: the page's window listeners for the client's events with 1, 10 and 50 chat
 *   components (the simulator counts them);
 * - readiness: from the client's first onEmbeddedMessagingReady and its first
 *   onEmbeddedMessagingButtonCreated (the moment launchChat can work; at load it follows Ready in
 *   the same task) to the Start button being enabled, over many page loads;
 * - click: from the click event to the client's utilAPI.launchChat call;
 * - the availability gate: with the channel's agent-availability check on and no agent online
 *   (`agentCheck=offline`: the client holds its Ready back, with no event), from the
 *   configuration's arrival on the client's settings to the service saying no agent is online.
 *
 * Timings come from the page's own clock; figures only, never a failure on a time.
 */
/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import type {} from '../page/bench.mts';
import type {} from '../page/enhancedInstrument.mts';
import type {} from '../../preview/simulator/enhancedBoot.mts';
import { measureClicks, measureLoads, openPage } from './browserBench.mts';
import { benchContext } from './chromium.mts';
import { summarize, type Summary } from './stats.mts';

export interface EnhancedRegistrationFigure {
    components: number;
    /** Window listeners for the client's events, all events together. */
    listeners: number;
    maxPerEvent: number;
    events: number;
}

export interface EnhancedFigures {
    registrations: EnhancedRegistrationFigure[];
    readiness: {
        /** ButtonCreated -> Start enabled. */
        fromButtonCreated: Summary;
        /** Ready -> Start enabled. */
        fromReady: Summary;
        skipped: number;
    };
    clickToLaunchChat: Summary;
    /** Configuration arrival -> ready with agentsAvailable false, under the availability gate. */
    gateOffline?: { fromConfiguration: Summary; skipped: number };
}

/**
 * The base page timings of browserBench.mts (Ready 50 ms after init, the button 20 ms later,
 * launches that never finish), with the Enhanced Chat client.
 */
const ENHANCED = { client: 'enhanced' };

const VISITOR_KINDS = ['start', 'end', 'clear', 'status'];

async function registrations(
    browser: Browser,
    wwwDir: string
): Promise<EnhancedRegistrationFigure[]> {
    const figures: EnhancedRegistrationFigure[] = [];
    for (const count of [1, 10, 50]) {
        const context = await benchContext(browser, wwwDir);
        const page = await openPage(context, { ...ENHANCED, scriptDelay: 0.3 });
        await page.evaluate(([kinds, n]) => window.__bench?.mount(kinds, n), [
            VISITOR_KINDS,
            count - 1
        ] as const);
        await page.waitForFunction(() => window.__bench?.startEnabled() === true, undefined, {
            timeout: 20000
        });
        await page.waitForTimeout(100);
        const current = await page.evaluate(() => window.__enhancedChat?.listeners().current ?? {});
        const counts = Object.values(current).filter((n) => n > 0);
        figures.push({
            components: count,
            listeners: counts.reduce((total, n) => total + n, 0),
            maxPerEvent: Math.max(0, ...counts),
            events: counts.length
        });
        await context.close();
    }
    return figures;
}

async function readiness(
    browser: Browser,
    wwwDir: string,
    runs: number
): Promise<EnhancedFigures['readiness']> {
    const { loads, skipped } = await measureLoads(
        browser,
        wwwDir,
        runs,
        ENHANCED,
        // The service is ready at Ready; the button (ButtonCreated) may come just after.
        () =>
            window.__bench?.startEnabledAt != null &&
            window.__benchEnhanced?.buttonCreatedAt != null,
        () => ({
            ready: window.__benchEnhanced?.readyAt ?? null,
            button: window.__benchEnhanced?.buttonCreatedAt ?? null,
            start: window.__bench?.startEnabledAt ?? null
        })
    );
    return {
        fromButtonCreated: summarize(loads.map((t) => t.start - t.button)),
        fromReady: summarize(loads.map((t) => t.start - t.ready)),
        skipped
    };
}

async function gateOffline(
    browser: Browser,
    wwwDir: string,
    runs: number
): Promise<NonNullable<EnhancedFigures['gateOffline']>> {
    const { loads, skipped } = await measureLoads(
        browser,
        wwwDir,
        runs,
        { ...ENHANCED, agentCheck: 'offline' },
        () => window.__bench?.offlineAt != null && window.__benchEnhanced?.configArrivedAt != null,
        () => ({
            config: window.__benchEnhanced?.configArrivedAt ?? null,
            offline: window.__bench?.offlineAt ?? null
        })
    );
    return {
        fromConfiguration: summarize(loads.map((t) => t.offline - t.config)),
        skipped
    };
}

async function clickLatency(browser: Browser, wwwDir: string, runs: number): Promise<Summary> {
    const context = await benchContext(browser, wwwDir);
    const page = await openPage(context, { ...ENHANCED, scriptDelay: 0.3 });
    const figure = await measureClicks(page, runs, 'launchChat');
    await context.close();
    return figure;
}

export async function measureEnhancedInBrowser(
    browser: Browser,
    wwwDir: string,
    runs: number,
    log: (message: string) => void
): Promise<EnhancedFigures> {
    log('Enhanced Chat: registrations with 1, 10 and 50 components');
    const registrationFigures = await registrations(browser, wwwDir);
    log(`Enhanced Chat: readiness over ${runs} page loads`);
    const readinessFigures = await readiness(browser, wwwDir, runs);
    log(`Enhanced Chat: click latency over ${runs} clicks`);
    const click = await clickLatency(browser, wwwDir, runs);
    log(`Enhanced Chat: no agent online (availability gate) over ${runs} page loads`);
    const gate = await gateOffline(browser, wwwDir, runs);
    return {
        registrations: registrationFigures,
        readiness: readinessFigures,
        clickToLaunchChat: click,
        gateOffline: gate
    };
}
