/**
 * The benchmark's browser (resolved and launched as the browser tests do: scripts/lib/browser.mts)
 * and its context, in which every request is served from the benchmark's own files or aborted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';

export {
    launchBrowser as launch,
    resolveBrowser,
    type ResolvedBrowser
} from '../../scripts/lib/browser.mts';

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
