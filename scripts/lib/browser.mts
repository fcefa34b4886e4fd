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

export interface LaunchOptions {
    /** Where the relaunch is reported (default: console.warn). */
    log?: (message: string) => void;
    /** Launches once (default: playwright's chromium.launch, headless). Tests pass a stand-in. */
    launchOnce?: (resolved: ResolvedBrowser) => Promise<Browser>;
}

/**
 * A launch that failed because the browser process died (a signal such as SIGSEGV, or the
 * browser closing before playwright could connect), as opposed to a bad path or argument,
 * which a second try cannot fix.
 */
export function isLaunchCrash(error: unknown): boolean {
    const message = error instanceof Error ? error.message : String(error);
    return /\bSIG(SEGV|ABRT|BUS|ILL|TRAP|KILL)\b|signal=|crash|browser has been closed|Browser closed|has been closed/i.test(
        message
    );
}

function launchHeadless(resolved: ResolvedBrowser): Promise<Browser> {
    return chromium.launch({
        executablePath: resolved.executable,
        args: resolved.args,
        headless: true
    });
}

/**
 * Launches the resolved browser headless. A browser that crashes at launch (seen on a fresh
 * machine: Chromium SIGSEGV at the first launch of a run) is relaunched once, and the log says
 * so; a second crash, or any other launch error, is thrown.
 */
export async function launchBrowser(
    resolved: ResolvedBrowser,
    options: LaunchOptions = {}
): Promise<Browser> {
    const launchOnce = options.launchOnce ?? launchHeadless;
    const log = options.log ?? ((message: string) => console.warn(message));
    try {
        return await launchOnce(resolved);
    } catch (error) {
        if (!isLaunchCrash(error)) {
            throw error;
        }
        const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        log(
            `browser: the browser (${resolved.source}) crashed at launch (${reason}); relaunching it once`
        );
        const browser = await launchOnce(resolved);
        log('browser: the relaunch worked');
        return browser;
    }
}
