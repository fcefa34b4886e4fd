/** Unit tests of the simulator's URL flags. Run: node --test "preview/simulator/*.test.mts" */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    DEFAULT_SCRIPT_DELAY_SECONDS,
    FEATURE_TASK_WORK_MS,
    parseFlags,
    withFlags,
    withoutSimulatorFlags
} from './flags.mts';

describe('simulator URL flags', () => {
    it('defaults to a normal site page', () => {
        assert.deepEqual(parseFlags(''), {
            locker: false,
            noScript: false,
            scriptDelaySeconds: DEFAULT_SCRIPT_DELAY_SECONDS,
            continued: false,
            agents: 'online',
            offlineSupport: true,
            noStorageFrame: false,
            unreachableStorageFrame: false,
            featureWorkMs: FEATURE_TASK_WORK_MS,
            apiDelayMs: null,
            settingsDelayMs: null,
            requestDelayMs: null,
            availabilityMs: null
        });
    });

    it('reads every flag', () => {
        const flags = parseFlags(
            '?locker=1&noScript=true&scriptDelay=5&continued=1&agents=offline&offlineSupport=0&noStorageFrame=1&unreachableStorageFrame=1&featureWork=30&apiDelay=10&settingsDelay=0&requestDelay=20&availabilityMs=0'
        );
        assert.equal(flags.unreachableStorageFrame, true);
        assert.equal(flags.featureWorkMs, 30);
        assert.equal(flags.locker, true);
        assert.equal(flags.noScript, true);
        assert.equal(flags.scriptDelaySeconds, 5);
        assert.equal(flags.continued, true);
        assert.equal(flags.agents, 'offline');
        assert.equal(flags.offlineSupport, false);
        assert.equal(flags.noStorageFrame, true);
        assert.equal(flags.apiDelayMs, 10);
        assert.equal(flags.settingsDelayMs, 0);
        assert.equal(flags.requestDelayMs, 20);
        assert.equal(flags.availabilityMs, 0);
    });

    it('treats 0, false and bad numbers as off or default', () => {
        const flags = parseFlags(
            '?locker=0&continued=false&scriptDelay=soon&apiDelay=-5&agents=maybe&noStorageFrame=0'
        );
        assert.equal(flags.noStorageFrame, false);
        assert.equal(flags.locker, false);
        assert.equal(flags.continued, false);
        assert.equal(flags.scriptDelaySeconds, DEFAULT_SCRIPT_DELAY_SECONDS);
        assert.equal(flags.apiDelayMs, null);
        assert.equal(flags.agents, 'online');
    });

    it('changes flags and keeps the page parameters', () => {
        assert.equal(
            withFlags('?user=member&builder=1', { locker: true, scriptDelay: 3 }),
            '?user=member&builder=1&locker=1&scriptDelay=3'
        );
        assert.equal(withFlags('?locker=1&user=member', { locker: false }), '?user=member');
        assert.equal(withFlags('?locker=1', { locker: null }), '');
    });

    it('removes every simulator flag for a reset', () => {
        assert.equal(
            withoutSimulatorFlags(
                '?locker=1&noScript=1&continued=1&agents=offline&noStorageFrame=1&unreachableStorageFrame=1&featureWork=0&user=member&p.start.variant=neutral'
            ),
            '?user=member&p.start.variant=neutral'
        );
    });
});
