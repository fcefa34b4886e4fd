/**
 * npm run bench: prints the package's performance figures as tables and writes them to
 * bench/results/latest.json (commit it to compare versions: the previous file's figures are
 * shown beside the new ones). Figures only: it never fails on a time.
 *
 *   node bench/run.mts [--runs 30] [--no-browser] [--out bench/results/latest.json]
 *   node bench/run.mts --sizes-only     (npm run bench:sizes) sizes and page sizes only, in a few
 *                                       seconds; writes no file unless --out is given
 *
 * Environment: ESW_SCRIPT_PATH  Salesforce's chat client script(s) for scale (esw.min.js,
 *                               liveagent.esw.js...; several joined with the path delimiter)
 *              CHROME_PATH      a local Chrome/Chromium instead of @sparticuz/chromium
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { buildBenchPage } from './lib/benchPage.mts';
import { measureInBrowser, type BrowserFigures } from './lib/browserBench.mts';
import { measureEnhancedInBrowser, type EnhancedFigures } from './lib/enhancedBench.mts';
import { launch, resolveBrowser } from './lib/chromium.mts';
import { measureSizes, type SizeReport } from './lib/sizes.mts';
import { kB, table, type Summary } from './lib/stats.mts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
    options: {
        runs: { type: 'string', default: '30' },
        'no-browser': { type: 'boolean', default: false },
        'sizes-only': { type: 'boolean', default: false },
        out: { type: 'string' }
    }
});
const sizesOnly = values['sizes-only'];
const runs = Math.max(1, Number(values.runs) || 30);
const outFile = path.resolve(projectRoot, values.out ?? 'bench/results/latest.json');
const writeResults = !sizesOnly || values.out !== undefined;
// Inside the project (gitignored node_modules): the LWC resolver needs the project's packages.
const workDir = path.join(projectRoot, 'node_modules', '.cache', 'embedded-chat-bench');

interface Results {
    schema: 1;
    date: string;
    packageVersion: string;
    machine: { cpus: number; cpuModel: string; memoryGiB: number; platform: string; node: string };
    browser: { name: string; version: string; source: string } | null;
    sizes: SizeReport;
    browserFigures: BrowserFigures | null;
    /** The same page with the Enhanced Chat client (`embeddedservice_bootstrap`). */
    enhancedFigures?: EnhancedFigures | null;
    /** Why the browser figures are missing, when they are. */
    browserSkipped: string | null;
}

function log(message: string): void {
    console.log(`bench: ${message}`);
}

function readPrevious(): Results | null {
    try {
        return JSON.parse(fs.readFileSync(outFile, 'utf8')) as Results;
    } catch {
        return null;
    }
}

function delta(now: number, before: number | undefined): string {
    if (before === undefined || before === null || !Number.isFinite(before)) {
        return '';
    }
    const change = now - before;
    if (change === 0) {
        return '=';
    }
    return `${change > 0 ? '+' : ''}${change}`;
}

function ms(value: number): string {
    return Number.isFinite(value) ? `${value.toFixed(2)} ms` : 'n/a';
}

const started = Date.now();
const packageVersion = (
    JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
        version: string;
    }
).version;
const previous = readPrevious();
fs.mkdirSync(workDir, { recursive: true });

log('measuring shipped sizes (tsc -> LWC compiler -> terser -> gzip)');
const sizes = await measureSizes(projectRoot, workDir, process.env.ESW_SCRIPT_PATH);

let browserFigures: BrowserFigures | null = null;
let enhancedFigures: EnhancedFigures | null = null;
let enhancedSkipped: string | null = null;
let browserInfo: Results['browser'] = null;
const skipBrowser = values['no-browser'] || sizesOnly;
let browserSkipped: string | null = skipBrowser
    ? `skipped (${sizesOnly ? '--sizes-only' : '--no-browser'})`
    : null;
if (!skipBrowser) {
    try {
        log('building the benchmark page (components + preview simulator)');
        const page = await buildBenchPage(
            projectRoot,
            workDir,
            path.join(workDir, 'tsc', 'force-app', 'main', 'default', 'lwc')
        );
        log(`page built in ${(page.durationMs / 1000).toFixed(1)} s`);
        const resolved = await resolveBrowser();
        const browser = await launch(resolved);
        browserInfo = {
            name: 'Chromium (headless)',
            version: browser.version(),
            source: resolved.source
        };
        try {
            browserFigures = await measureInBrowser(browser, page.wwwDir, runs, log);
            try {
                enhancedFigures = await measureEnhancedInBrowser(browser, page.wwwDir, runs, log);
            } catch (error) {
                enhancedSkipped = `failed: ${(error as Error).message.split('\n')[0]}`;
                log(`Enhanced Chat figures missing: ${enhancedSkipped}`);
            }
        } finally {
            await browser.close();
        }
    } catch (error) {
        browserSkipped = `failed: ${(error as Error).message.split('\n')[0]}`;
        log(`browser figures missing: ${browserSkipped}`);
    }
}

const results: Results = {
    schema: 1,
    date: new Date().toISOString(),
    packageVersion,
    machine: {
        cpus: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
        platform: `${process.platform}-${process.arch}`,
        node: process.version
    },
    browser: browserInfo,
    sizes,
    browserFigures,
    enhancedFigures,
    browserSkipped
};

// ----- tables -------------------------------------------------------------------------------------

const before = new Map(previous?.sizes.bundles.map((b) => [b.bundle, b]) ?? []);
console.log(
    `\nShipped size per bundle (${sizes.method})${previous ? `; Δ served vs ${previous.date.slice(0, 10)} (bytes)` : ''}\n`
);
console.log(
    table([
        [
            'bundle',
            'js files',
            'js raw',
            'js min',
            'js min+gzip',
            'html raw',
            'html compiled min',
            'served min+gzip',
            'Δ served'
        ],
        ...sizes.bundles.map((b) => [
            b.bundle,
            b.files,
            kB(b.jsRaw),
            kB(b.jsMinified),
            kB(b.jsGzip),
            kB(b.htmlRaw),
            kB(b.htmlCompiledMinified),
            kB(b.servedGzip),
            delta(b.servedGzip, before.get(b.bundle)?.servedGzip)
        ]),
        [
            'all bundles',
            sizes.total.files,
            kB(sizes.total.jsRaw),
            kB(sizes.total.jsMinified),
            kB(sizes.total.jsGzip),
            kB(sizes.total.htmlRaw),
            kB(sizes.total.htmlCompiledMinified),
            kB(sizes.total.servedGzip),
            delta(sizes.total.servedGzip, previous?.sizes.total.servedGzip)
        ]
    ])
);
console.log(
    `\nWhat a page with ${sizes.visitorPage.components.join(', ')} loads of the package (scripts and compiled templates, min+gzip)\n`
);
console.log(
    table([
        ['page', 'min+gzip', 'Δ', 'bundles'],
        ...(['visitorPage', 'builderPage'] as const).map((key) => [
            key === 'visitorPage' ? 'visitor' : 'Experience Builder',
            kB(sizes[key].jsGzip),
            delta(sizes[key].jsGzip, previous?.sizes[key]?.jsGzip),
            sizes[key].bundles.join(', ')
        ])
    ])
);
console.log(
    `\nSalesforce's own chat client, for scale: ${
        sizes.salesforceClient
            ? sizes.salesforceClient
                  .map((s) => `${path.basename(s.path)} ${kB(s.raw)} raw, ${kB(s.gzip)} gzip`)
                  .join('; ')
            : 'not given (set ESW_SCRIPT_PATH to esw.min.js and its feature scripts)'
    }`
);
if (sizes.compileDiagnostics > 0) {
    console.log(
        `(the TypeScript compiler reported ${sizes.compileDiagnostics} diagnostics; sizes are of what it emitted)`
    );
}

if (browserFigures) {
    const f = browserFigures;
    const row = (name: string, s: Summary, old?: Summary): (string | number)[] => [
        name,
        s.runs,
        ms(s.median),
        ms(s.p95),
        ms(s.min),
        ms(s.max),
        old ? ms(old.median) : ''
    ];
    const old = previous?.browserFigures;
    /** A row for a figure that older result files may lack. */
    const optional = (name: string, s?: Summary, before?: Summary): (string | number)[][] =>
        s ? [row(name, s, before)] : [];
    console.log(`\nIn the browser: ${browserInfo?.name} ${browserInfo?.version}\n`);
    console.log(
        table([
            ['figure', 'runs', 'median', 'p95', 'min', 'max', 'previous median'],
            row(
                'readiness (real 5.0 timing: API set in the feature onload) -> Start enabled',
                f.readiness.service,
                old?.readiness.service
            ),
            ...optional(
                'featureLoaded -> Start enabled (the client work after it in that task included)',
                f.readiness.featureLoadedToStart,
                old?.readiness.featureLoadedToStart
            ),
            ...optional(
                'end of the featureLoaded task -> Start enabled (target <= 1 ms)',
                f.readiness.featureTaskEndToStart,
                old?.readiness.featureTaskEndToStart
            ),
            ...optional(
                "the service's featureLoaded handler (target < 2 ms)",
                f.readiness.serviceFeatureLoadedHandler,
                old?.readiness.serviceFeatureLoadedHandler
            ),
            row(
                'readiness: naive 500 ms polling, same page loads',
                f.readiness.naivePolling500ms,
                old?.readiness.naivePolling500ms
            ),
            row('click -> client startChat call', f.clickToStartChat, old?.clickToStartChat),
            ...optional(
                'storage frame unreachable: click at readiness -> startChat (target <= 1.2 s)',
                f.unreachableStorageFrame?.clickAtReadiness,
                old?.unreachableStorageFrame?.clickAtReadiness
            ),
            ...optional(
                'storage frame unreachable: click 1.3 s later -> startChat (target <= 50 ms)',
                f.unreachableStorageFrame?.clickLater,
                old?.unreachableStorageFrame?.clickLater
            ),
            row(
                'afterMaximize -> startChat() settled (client promise pending)',
                f.afterMaximizeToStartSettled,
                old?.afterMaximizeToStartSettled
            )
        ])
    );
    if (f.readiness.skipped > 0) {
        console.log(
            `(${f.readiness.skipped} page loads not measured: the chat API was there before the page script)`
        );
    }
    console.log('');
    console.log(
        table([
            [
                'chat components on the page',
                'client handlers registered',
                'max per event',
                'events'
            ],
            ...f.registrations.map((r) => [r.components, r.handlers, r.maxPerEvent, r.events])
        ])
    );
    console.log('');
    console.log(
        table([
            ['memory (JS heap after GC)', 'value'],
            ['after the first mount/unmount cycle', kB(f.memory.afterFirstCycleBytes)],
            ['after 1000 cycles', kB(f.memory.after1000CyclesBytes)],
            ['growth (first -> 1000)', kB(f.memory.growthBytes)],
            ['after 2000 cycles', kB(f.memory.after2000CyclesBytes)],
            [
                'object kinds growing over cycles 1001-2000',
                f.memory.objectKindsGrowingOver1000MoreCycles.length === 0
                    ? 'none'
                    : f.memory.objectKindsGrowingOver1000MoreCycles
                          .slice(0, 3)
                          .map((o) => `${o.name} +${o.added}`)
                          .join(', ')
            ],
            [`time per cycle (${f.memory.componentsPerCycle.join(', ')})`, ms(f.memory.msPerCycle)]
        ])
    );
    if (f.memory.objectKindsGrowingOver1000MoreCycles.length === 0 && f.memory.growthBytes > 0) {
        console.log(
            "(no kind of JS object keeps growing, so the growth over the first 1000 cycles is not retained components; investigated: compiled code and the capacity of synthetic shadow's WeakMap tables)"
        );
    }
} else {
    console.log(`\nBrowser figures (registrations, readiness, click, memory): ${browserSkipped}`);
}

if (enhancedFigures) {
    const e = enhancedFigures;
    const old = previous?.enhancedFigures;
    const row = (name: string, s: Summary, before?: Summary): (string | number)[] => [
        name,
        s.runs,
        ms(s.median),
        ms(s.p95),
        ms(s.min),
        ms(s.max),
        before ? ms(before.median) : ''
    ];
    console.log('\nEnhanced Chat (embeddedservice_bootstrap, simulated), same page\n');
    console.log(
        table([
            ['figure', 'runs', 'median', 'p95', 'min', 'max', 'previous median'],
            row(
                'readiness: ButtonCreated -> Start enabled',
                e.readiness.fromButtonCreated,
                old?.readiness.fromButtonCreated
            ),
            row(
                'readiness: Ready -> Start enabled',
                e.readiness.fromReady,
                old?.readiness.fromReady
            ),
            row('click -> client launchChat call', e.clickToLaunchChat, old?.clickToLaunchChat),
            ...(e.gateOffline
                ? [
                      row(
                          'availability gate: configuration -> agentsAvailable false',
                          e.gateOffline.fromConfiguration,
                          old?.gateOffline?.fromConfiguration
                      )
                  ]
                : [])
        ])
    );
    console.log('');
    console.log(
        table([
            ['chat components on the page', 'window listeners', 'max per event', 'events'],
            ...e.registrations.map((r) => [r.components, r.listeners, r.maxPerEvent, r.events])
        ])
    );
} else if (!values['no-browser']) {
    console.log(`\nEnhanced Chat browser figures: ${enhancedSkipped ?? browserSkipped}`);
}

if (writeResults) {
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    // Formatted as the project's Prettier settings want it (npm run format:check covers this file).
    const prettierOptions = (await prettier.resolveConfig(outFile)) ?? {};
    fs.writeFileSync(
        outFile,
        await prettier.format(JSON.stringify(results), { ...prettierOptions, filepath: outFile })
    );
}
console.log(
    `\nbench: ${os.availableParallelism()} CPUs (${results.machine.cpuModel}), Node ${process.version}; ${writeResults ? `written to ${path.relative(projectRoot, outFile)}` : 'no file written (--sizes-only)'} in ${((Date.now() - started) / 1000).toFixed(1)} s`
);
