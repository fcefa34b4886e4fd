/**
 * The browser scenarios: builds the components (scripts/build.mts) and the preview, serves it on
 * a free loopback port, then runs preview/tests/*.browser.mts with node:test in headless
 * Chromium (playwright-core). Screenshots go to test-results/screenshots/ (git-ignored: a test
 * run leaves the working tree clean); `--update-images` (npm run screenshots) writes them to
 * docs/images/, the README's pictures, instead.
 *
 *   node preview/tests/run.mts [--no-build] [--allow-build-errors] [--no-screenshots]
 *                              [--update-images] [--concurrency N] [scenario files...]
 *
 * The browser: CHROME_PATH if set (a local Chrome or Chromium: macOS, Windows), else the
 * Chromium of @sparticuz/chromium (Linux x64). Every request leaving the machine is blocked.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundlePreview } from '../server/bundle.mts';
import { startPreviewServer } from '../server/server.mts';
import { resolveBrowser } from '../../scripts/lib/browser.mts';

const testsDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(testsDir, '..', '..');

const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
        'no-build': { type: 'boolean', default: false },
        'allow-build-errors': { type: 'boolean', default: false },
        'no-screenshots': { type: 'boolean', default: false },
        'update-images': { type: 'boolean', default: false },
        concurrency: { type: 'string' }
    }
});

function seconds(since: number): string {
    return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Runs a Node script; resolves with its exit code. */
function runNode(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: 'inherit' });
        child.on('error', reject);
        child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
}

const started = Date.now();

if (!values['no-build']) {
    const code = await runNode([path.join(projectRoot, 'scripts', 'build.mts')]);
    if (code !== 0) {
        if (!values['allow-build-errors']) {
            console.error('test:browser: the component build failed (see above).');
            process.exit(code);
        }
        console.warn('test:browser: the component build reported errors; testing what it emitted.');
    }
}

const bundleStarted = Date.now();
const bundle = await bundlePreview({ sourcemap: false });
console.log(
    `test:browser: preview bundled in ${seconds(bundleStarted)} (${bundle.components.length} components: ${bundle.components.map((c) => c.tag).join(', ')})`
);
for (const skipped of bundle.skipped) {
    console.log(`test:browser: skipped ${skipped}`);
}
for (const warning of bundle.warnings) {
    console.warn(`test:browser: warning: ${warning}`);
}

const browser = await resolveBrowser();
const server = await startPreviewServer(0);
console.log(`test:browser: preview at ${server.url}, browser from ${browser.source}`);

const files =
    positionals.length > 0
        ? positionals.map((file) => path.resolve(file))
        : fs
              .readdirSync(testsDir)
              .filter((name) => name.endsWith('.browser.mts'))
              .sort()
              .map((name) => path.join(testsDir, name));

const concurrency = Number(
    values.concurrency ?? Math.max(1, Math.min(4, os.availableParallelism()))
);
const code = await runNode(
    [
        '--test',
        '--test-reporter=spec',
        `--test-concurrency=${concurrency}`,
        '--test-timeout=60000',
        ...files
    ],
    {
        ...process.env,
        PREVIEW_URL: server.url,
        CHROME_EXECUTABLE: browser.executable,
        CHROME_ARGS: JSON.stringify(browser.args),
        CHROME_SOURCE: browser.source,
        PREVIEW_SCREENSHOTS: values['no-screenshots'] ? '0' : '1',
        ...(values['update-images'] ? { PREVIEW_SCREENSHOT_DIR: path.join('docs', 'images') } : {})
    }
);
await server.close();
console.log(`test:browser: finished in ${seconds(started)}`);
process.exit(code);
