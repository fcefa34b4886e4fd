/**
 * The browser the benchmark drives, resolved as the preview's browser tests do
 * (preview/tests/run.mts): CHROME_PATH when set (a local Chrome or Chromium), else the Chromium of
 * @sparticuz/chromium (Linux x64) without `--single-process` (a second page or context fails
 * with it). Every request is served from the benchmark's own files or aborted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const COMMON_ARGS = [
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-gpu'
];

export interface ResolvedBrowser {
    executable: string;
    args: string[];
    source: string;
}

export async function resolveBrowser(): Promise<ResolvedBrowser> {
    const rootOnLinux = process.platform === 'linux' && process.getuid?.() === 0;
    if (process.env.CHROME_PATH) {
        return {
            executable: process.env.CHROME_PATH,
            args: rootOnLinux ? [...COMMON_ARGS, '--no-sandbox'] : COMMON_ARGS,
            source: 'CHROME_PATH'
        };
    }
    if (process.platform !== 'linux' || process.arch !== 'x64') {
        throw new Error(
            'No browser: @sparticuz/chromium runs on Linux x64 only. Set CHROME_PATH to a local Chrome or Chromium.'
        );
    }
    const sparticuz = (await import('@sparticuz/chromium')).default;
    const executable = await sparticuz.executablePath();
    const dropped = new Set([
        '--single-process',
        '--disable-web-security',
        '--allow-running-insecure-content'
    ]);
    const args = sparticuz.args.filter(
        (arg: string) => !dropped.has(arg) && !arg.startsWith('--headless')
    );
    return {
        executable,
        args: [...new Set([...args, ...COMMON_ARGS])],
        source: '@sparticuz/chromium'
    };
}

export function launch(resolved: ResolvedBrowser): Promise<Browser> {
    return chromium.launch({
        executablePath: resolved.executable,
        args: resolved.args,
        headless: true
    });
}

/** The origin the benchmark page is served under (by request interception, no server). */
export const BENCH_ORIGIN = 'http://bench.test';

const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8'
};

/** A fresh context whose requests are answered from `wwwDir`; anything else is aborted. */
export async function benchContext(browser: Browser, wwwDir: string): Promise<BrowserContext> {
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== BENCH_ORIGIN) {
            return route.abort('blockedbyclient');
        }
        const file = path.join(wwwDir, url.pathname === '/' ? 'index.html' : url.pathname);
        if (!file.startsWith(wwwDir) || !fs.existsSync(file)) {
            return route.fulfill({ status: 404, body: 'not found' });
        }
        return route.fulfill({
            status: 200,
            path: file,
            headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }
        });
    });
    return context;
}
