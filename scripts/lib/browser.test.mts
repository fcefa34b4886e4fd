/**
 * Tests of the browser launch (scripts/lib/browser.mts): a browser that crashes at launch is
 * relaunched once and the log says so; a second crash, or an error a relaunch cannot fix, is
 * thrown. Run with `node --test` (npm run test:scripts); no browser starts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { isLaunchCrash, launchBrowser, type ResolvedBrowser } from './browser.mts';

const RESOLVED: ResolvedBrowser = { executable: '/opt/chromium', args: [], source: 'test' };
const BROWSER = { version: () => '1' } as unknown as Browser;

/** What playwright reports when Chromium dies at launch. */
const SIGSEGV = new Error(
    'browserType.launch: Target page, context or browser has been closed\nBrowser logs:\n[pid=42] <process did exit: exitCode=null, signal=SIGSEGV>'
);

/** A launcher that fails with `failures` in turn, then returns BROWSER; counts its calls. */
function launcher(...failures: Error[]) {
    const calls: ResolvedBrowser[] = [];
    return {
        calls,
        launchOnce: (resolved: ResolvedBrowser): Promise<Browser> => {
            calls.push(resolved);
            const failure = failures.shift();
            return failure ? Promise.reject(failure) : Promise.resolve(BROWSER);
        }
    };
}

describe('launchBrowser', () => {
    it('launches once when the browser starts', async () => {
        const { calls, launchOnce } = launcher();
        const log: string[] = [];

        assert.equal(
            await launchBrowser(RESOLVED, { launchOnce, log: (m) => log.push(m) }),
            BROWSER
        );
        assert.equal(calls.length, 1);
        assert.deepEqual(log, []);
    });

    it('relaunches once after a crash at launch and says so', async () => {
        const { calls, launchOnce } = launcher(SIGSEGV);
        const log: string[] = [];

        assert.equal(
            await launchBrowser(RESOLVED, { launchOnce, log: (m) => log.push(m) }),
            BROWSER
        );
        assert.equal(calls.length, 2);
        assert.equal(log.length, 2);
        assert.match(log[0], /crashed at launch .*SIG|crashed at launch .*closed/);
        assert.match(log[0], /relaunching it once/);
        assert.match(log[1], /relaunch worked/);
    });

    it('gives up after the second crash, with its error', async () => {
        const second = new Error('browserType.launch: Browser closed. signal=SIGSEGV');
        const { calls, launchOnce } = launcher(SIGSEGV, second);
        const log: string[] = [];

        await assert.rejects(
            launchBrowser(RESOLVED, { launchOnce, log: (m) => log.push(m) }),
            second
        );
        assert.equal(calls.length, 2);
        assert.equal(log.length, 1);
    });

    it('does not relaunch for an error a relaunch cannot fix', async () => {
        const missing = new Error(
            'browserType.launch: Failed to launch: Error: spawn /opt/chromium ENOENT'
        );
        const { calls, launchOnce } = launcher(missing);

        await assert.rejects(launchBrowser(RESOLVED, { launchOnce, log: () => {} }), missing);
        assert.equal(calls.length, 1);
    });

    it('tells crashes from other launch errors', () => {
        assert.equal(isLaunchCrash(SIGSEGV), true);
        assert.equal(isLaunchCrash(new Error('process did exit: signal=SIGABRT')), true);
        assert.equal(isLaunchCrash(new Error('spawn /x ENOENT')), false);
        assert.equal(isLaunchCrash('Unknown argument --foo'), false);
    });
});
