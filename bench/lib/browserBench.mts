/**
 * The browser figures, on the benchmark page (bench/page) in headless Chromium:
 *
 * - registrations: client event handlers on a page with 1, 10 and 50 chat components;
 * - readiness: from `embedded_svc.liveAgentAPI` appearing to the Start button being enabled,
 *   over many page loads (the snippet's delay varies per load), beside a naive 500 ms poll;
 * - readiness uses the simulator's real-client timing: `liveAgentAPI` is assigned in the
 *   feature script's `onload` property (after capture-phase load listeners), then
 *   `featureLoaded` fires, as the real 5.0 client does;
 * - click: from the click event to the client's startChat call;
 * - start settling: from the widget's afterMaximize to the service's startChat() settling (the
 *   client's own promise waits for the pre-chat form, which the benchmark never submits);
 * - memory: JS heap after the first mount/unmount cycle and after 1000 cycles (after a GC).
 *
 * Timings come from the page's own clock (performance.now / event.timeStamp): the benchmark
 * prints figures and never fails on them.
 */
/// <reference lib="dom" />
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type {} from '../page/bench.mts';
import type {} from '../page/enhancedInstrument.mts';
import type {} from '../../preview/simulator/boot.mts';
import { BENCH_ORIGIN, benchContext } from './chromium.mts';
import { round, summarize, type Summary } from './stats.mts';

export interface RegistrationFigure {
    components: number;
    /** addEventHandler registrations on the page, all events together. */
    handlers: number;
    /** The most handlers registered for one event name. */
    maxPerEvent: number;
    events: number;
}

export interface ReadinessFigures {
    service: Summary;
    /** featureLoaded fired -> Start enabled (the client's own work after the event included). */
    featureLoadedToStart?: Summary;
    /** The end of the task that fired featureLoaded -> Start enabled (the floor: <= 1 ms). */
    featureTaskEndToStart?: Summary;
    /** The service's own featureLoaded handler, synchronous work per page load. */
    serviceFeatureLoadedHandler?: Summary;
    naivePolling500ms: Summary;
    /** Page loads whose chat API appeared before the page's script ran (not measured). */
    skipped: number;
}

export interface MemoryFigures {
    componentsPerCycle: string[];
    afterFirstCycleBytes: number;
    after1000CyclesBytes: number;
    after2000CyclesBytes: number;
    growthBytes: number;
    msPerCycle: number;
    /**
     * Object and closure kinds (by constructor or function name) with at least 100 more live
     * instances after cycles 1001-2000 (heap snapshots after a GC): a leak shows up here.
     */
    objectKindsGrowingOver1000MoreCycles: { name: string; added: number }[];
}

export interface BrowserFigures {
    registrations: RegistrationFigure[];
    readiness: ReadinessFigures;
    clickToStartChat: Summary;
    /**
     * With the storage frame unreachable (no session data ever): click -> startChat for a click
     * made as soon as Start is enabled, and for one made 1.3 s later (one click per page load).
     */
    unreachableStorageFrame?: { clickAtReadiness: Summary; clickLater: Summary };
    /** afterMaximize -> the service's startChat() settled (client promise still pending). */
    afterMaximizeToStartSettled: Summary;
    memory: MemoryFigures;
}

/** Fast client timings; the snippet's delay is set per page load. */
const BASE_QUERY: Record<string, string> = {
    apiDelay: '50',
    settingsDelay: '20',
    requestDelay: '5000',
    availabilityMs: '0'
};

const VISITOR_KINDS = ['start', 'end', 'clear', 'status'];
const CYCLE_KINDS = ['start', 'end', 'clear', 'status', 'routing'];

function pageUrl(query: Record<string, string | number>): string {
    const params = new URLSearchParams(BASE_QUERY);
    for (const [name, value] of Object.entries(query)) {
        params.set(name, String(value));
    }
    return `${BENCH_ORIGIN}/?${params.toString()}`;
}

/** Opens the benchmark page with the base timings and `query`; fails on a page error. */
export async function openPage(
    context: BrowserContext,
    query: Record<string, string | number>
): Promise<Page> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pageUrl(query));
    await page.waitForFunction(() => document.body.dataset.benchReady === 'true', undefined, {
        timeout: 20000
    });
    if (errors.length > 0) {
        throw new Error(`the benchmark page failed: ${errors.join('; ')}`);
    }
    return page;
}

async function waitForClientReady(page: Page): Promise<void> {
    await page.waitForFunction(() => window.__bench?.status() !== 'loading', undefined, {
        timeout: 20000
    });
}

async function registrations(browser: Browser, wwwDir: string): Promise<RegistrationFigure[]> {
    const figures: RegistrationFigure[] = [];
    for (const count of [1, 10, 50]) {
        const context = await benchContext(browser, wwwDir);
        const page = await openPage(context, { scriptDelay: 0.3 });
        // The page mounts one Start button itself; add the rest.
        await page.evaluate(([kinds, n]) => window.__bench?.mount(kinds, n), [
            VISITOR_KINDS,
            count - 1
        ] as const);
        await waitForClientReady(page);
        await page.waitForTimeout(100);
        const handlers = await page.evaluate(
            () => window.__chatSimulator?.registeredHandlers() ?? {}
        );
        const counts = Object.values(handlers);
        figures.push({
            components: count,
            handlers: counts.reduce((total, n) => total + n, 0),
            maxPerEvent: Math.max(0, ...counts),
            events: counts.length
        });
        await context.close();
    }
    return figures;
}

/**
 * Loads the bench page `runs` times with `query`, the snippet's script 0.3-0.8 s after the page (a
 * different phase for each load), waits until `done` holds in the page and reads the load's
 * timings with `read` (both run in the page). A load with a timing missing is counted as skipped.
 */
export async function measureLoads<K extends string>(
    browser: Browser,
    wwwDir: string,
    runs: number,
    query: Record<string, string | number>,
    done: () => boolean,
    read: () => Record<K, number | null>
): Promise<{ loads: Record<K, number>[]; skipped: number }> {
    const loads: Record<K, number>[] = [];
    let skipped = 0;
    const context = await benchContext(browser, wwwDir);
    for (let run = 0; run < runs; run++) {
        const scriptDelay = round(0.3 + Math.random() * 0.5, 3);
        const page = await openPage(context, { ...query, scriptDelay });
        await page.waitForFunction(done, undefined, { timeout: 20000 });
        const times = await page.evaluate(read);
        if (Object.values<number | null>(times).some((time) => time === null)) {
            skipped += 1;
        } else {
            loads.push(times as Record<K, number>);
        }
        await page.close();
    }
    await context.close();
    return { loads, skipped };
}

async function readiness(
    browser: Browser,
    wwwDir: string,
    runs: number
): Promise<ReadinessFigures> {
    const { loads, skipped } = await measureLoads(
        browser,
        wwwDir,
        runs,
        {},
        () =>
            window.__bench !== undefined &&
            window.__bench.startEnabledAt !== null &&
            window.__bench.naiveEnabledAt !== null,
        () => {
            // The simulator's scheduler runs on performance.now(), the bench's clock.
            const task = window.__chatSimulator?.state().featureTask ?? null;
            const handlers = window.__bench?.featureLoadedHandlerMs ?? [];
            return {
                api: window.__bench?.apiAppearedAt ?? null,
                start: window.__bench?.startEnabledAt ?? null,
                naive: window.__bench?.naiveEnabledAt ?? null,
                fired: task?.firedAt ?? null,
                taskEnd: task?.endedAt ?? null,
                handler: handlers.length ? handlers.reduce((a, b) => a + b, 0) : null
            };
        }
    );
    return {
        service: summarize(loads.map((t) => t.start - t.api)),
        featureLoadedToStart: summarize(loads.map((t) => t.start - t.fired)),
        featureTaskEndToStart: summarize(loads.map((t) => t.start - t.taskEnd)),
        serviceFeatureLoadedHandler: summarize(loads.map((t) => t.handler)),
        naivePolling500ms: summarize(loads.map((t) => t.naive - t.api)),
        skipped
    };
}

/** With the storage frame unreachable: one click per page load, `clickAfter` ms after Start is enabled. */
async function unreachableFrameClicks(
    browser: Browser,
    wwwDir: string,
    runs: number,
    clickAfter: number
): Promise<Summary> {
    const { loads } = await measureLoads(
        browser,
        wwwDir,
        runs,
        { unreachableStorageFrame: 1, benchClickAfter: clickAfter },
        () => (window.__bench?.startCallTimes.length ?? 0) > 0,
        () => ({
            click: window.__bench?.clickTimes[0] ?? null,
            call: window.__bench?.startCallTimes[0] ?? null
        })
    );
    return summarize(loads.map((t) => t.call - t.click));
}

async function clickLatency(browser: Browser, wwwDir: string, runs: number): Promise<Summary> {
    const context = await benchContext(browser, wwwDir);
    const page = await openPage(context, { scriptDelay: 0.3 });
    const figure = await measureClicks(page, runs, 'startChat');
    await context.close();
    return figure;
}

/**
 * Clicks Start `runs` times on an open bench page and measures click -> the client's call: the
 * legacy `liveAgentAPI.startChat` (recorded in `__bench.startCallTimes`) or Enhanced Chat's
 * `utilAPI.launchChat` (`__benchEnhanced.launchCallTimes`). After each click the bench clears the
 * session through the service (legacy: ends the simulated request; Enhanced: the client resets),
 * so the next click starts from ready again.
 */
export async function measureClicks(
    page: Page,
    runs: number,
    call: 'startChat' | 'launchChat'
): Promise<Summary> {
    const button = page.locator('c-chat-start-button lightning-button button').first();
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
        await page.waitForFunction(() => window.__bench?.startEnabled() === true, undefined, {
            timeout: 20000
        });
        // Page functions are serialised into the page: each reads the call times itself.
        const before = await page.evaluate(
            (name) =>
                (
                    (name === 'startChat'
                        ? window.__bench?.startCallTimes
                        : window.__benchEnhanced?.launchCallTimes) ?? []
                ).length,
            call
        );
        await button.click();
        await page.waitForFunction(
            ([name, n]) =>
                (
                    (name === 'startChat'
                        ? window.__bench?.startCallTimes
                        : window.__benchEnhanced?.launchCallTimes) ?? []
                ).length > n,
            [call, before] as const,
            { timeout: 5000 }
        );
        const sample = await page.evaluate((name) => {
            const clicks = window.__bench?.clickTimes ?? [];
            const calls =
                (name === 'startChat'
                    ? window.__bench?.startCallTimes
                    : window.__benchEnhanced?.launchCallTimes) ?? [];
            return clicks.length && calls.length
                ? calls[calls.length - 1] - clicks[clicks.length - 1]
                : null;
        }, call);
        if (sample !== null) {
            samples.push(sample);
        }
        await page.evaluate(() => window.__bench?.clear());
    }
    return summarize(samples);
}

async function startSettling(browser: Browser, wwwDir: string, runs: number): Promise<Summary> {
    const context = await benchContext(browser, wwwDir);
    const page = await openPage(context, { scriptDelay: 0.3 });
    await waitForClientReady(page);
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
        await page.waitForFunction(() => window.__bench?.status() === 'ready');
        const sample = await page.evaluate(
            () => window.__bench?.startSettleAfterMaximize() ?? null
        );
        if (sample !== null) {
            samples.push(sample);
        }
        await page.evaluate(() => window.__bench?.clear());
    }
    await context.close();
    return summarize(samples);
}

/** Live objects and closures per constructor/function name, from a heap snapshot (after a GC). */
async function objectCounts(cdp: CDPSession): Promise<Map<string, number>> {
    await cdp.send('HeapProfiler.collectGarbage');
    let json = '';
    const onChunk = (event: { chunk: string }): void => {
        json += event.chunk;
    };
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    const snapshot = JSON.parse(json) as {
        snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
        nodes: number[];
        strings: string[];
    };
    const fields = snapshot.snapshot.meta.node_fields;
    const types = snapshot.snapshot.meta.node_types[0];
    const typeField = fields.indexOf('type');
    const nameField = fields.indexOf('name');
    const counts = new Map<string, number>();
    for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
        const type = types[snapshot.nodes[i + typeField]];
        if (type === 'object' || type === 'closure') {
            const name = `${type} ${snapshot.strings[snapshot.nodes[i + nameField]]}`.slice(0, 80);
            counts.set(name, (counts.get(name) ?? 0) + 1);
        }
    }
    return counts;
}

async function memory(browser: Browser, wwwDir: string): Promise<MemoryFigures> {
    const context = await benchContext(browser, wwwDir);
    const page = await openPage(context, { scriptDelay: 0.3 });
    await waitForClientReady(page);
    const cdp = await context.newCDPSession(page);
    const heap = async (): Promise<number> => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        return usage.usedSize;
    };
    const cycle = (times: number): Promise<number> =>
        page.evaluate(([kinds, n]) => window.__bench?.cycles(kinds as string[], n as number) ?? 0, [
            CYCLE_KINDS,
            times
        ] as const);
    await cycle(1);
    const afterFirst = await heap();
    const ms = await cycle(999);
    const after1000 = await heap();
    // Leak check: which kinds of objects keep growing over 1000 more cycles?
    const before = await objectCounts(cdp);
    await cycle(1000);
    const after = await objectCounts(cdp);
    const after2000 = await heap();
    const growing = [...after]
        .map(([name, count]) => ({ name, added: count - (before.get(name) ?? 0) }))
        .filter((entry) => entry.added >= 100)
        .sort((a, b) => b.added - a.added);
    await context.close();
    return {
        componentsPerCycle: CYCLE_KINDS,
        afterFirstCycleBytes: afterFirst,
        after1000CyclesBytes: after1000,
        after2000CyclesBytes: after2000,
        growthBytes: after1000 - afterFirst,
        msPerCycle: round(ms / 999, 3),
        objectKindsGrowingOver1000MoreCycles: growing
    };
}

export async function measureInBrowser(
    browser: Browser,
    wwwDir: string,
    runs: number,
    log: (message: string) => void
): Promise<BrowserFigures> {
    log('registrations with 1, 10 and 50 components');
    const registrationFigures = await registrations(browser, wwwDir);
    log(`readiness latency over ${runs} page loads`);
    const readinessFigures = await readiness(browser, wwwDir, runs);
    log(`click latency over ${runs} clicks`);
    const click = await clickLatency(browser, wwwDir, runs);
    log(`storage frame unreachable: click -> startChat over 2 x ${runs} page loads`);
    const unreachable = {
        clickAtReadiness: await unreachableFrameClicks(browser, wwwDir, runs, 0),
        clickLater: await unreachableFrameClicks(browser, wwwDir, runs, 1300)
    };
    log(`afterMaximize -> startChat() settled over ${runs} starts`);
    const settling = await startSettling(browser, wwwDir, runs);
    log('memory over 1000 mount/unmount cycles');
    const memoryFigures = await memory(browser, wwwDir);
    return {
        registrations: registrationFigures,
        readiness: readinessFigures,
        clickToStartChat: click,
        unreachableStorageFrame: unreachable,
        afterMaximizeToStartSettled: settling,
        memory: memoryFigures
    };
}
