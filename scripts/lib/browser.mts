/**
 * The headless browser the browser tests and the benchmark drive: CHROME_PATH when set (a local
 * Chrome or Chromium, for macOS and Windows), else the Chromium shipped in the @sparticuz/chromium
 * dev dependency (Linux x64), which `npm ci` installs like any package.
 */
import { chromium, type Browser } from 'playwright-core';

export interface ResolvedBrowser {
    executable: string;
    args: string[];
    /** Where the browser came from, for the logs. */
    source: string;
}

/** Quiet, offline-friendly flags (no background requests, no component updates). */
const COMMON_ARGS = [
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-gpu'
];

/** Finds the browser. Call once before starting parallel workers (see below). */
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
            'No browser: @sparticuz/chromium runs on Linux x64 only. Set CHROME_PATH to a local Chrome or Chromium, e.g. CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome".'
        );
    }
    const sparticuz = (await import('@sparticuz/chromium')).default;
    // Extracts the browser into the temp folder on first use: parallel first calls race, so
    // this runs once, before any worker starts.
    const executable = await sparticuz.executablePath();
    // --single-process breaks a second page or context; web security stays on, as in a real
    // browser; the headless mode is playwright's own.
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

/** Launches the resolved browser headless. */
export function launchBrowser(resolved: ResolvedBrowser): Promise<Browser> {
    return chromium.launch({
        executablePath: resolved.executable,
        args: resolved.args,
        headless: true
    });
}
