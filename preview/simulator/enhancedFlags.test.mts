/** Unit tests of the chat client choice in the preview URL. Run: npm run test:preview */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEnhancedFlags, withClient } from './enhancedFlags.mts';

describe('preview chat client flags', () => {
    it('defaults to the legacy client', () => {
        assert.deepEqual(parseEnhancedFlags(''), {
            client: 'legacy',
            version: 'v1',
            prechatForm: false,
            agentCheck: 'off',
            agentCheckMs: null,
            hideButtonOnLoad: false,
            siteLogin: false,
            maximizeDelayMs: null
        });
    });

    it('reads the Enhanced client, its version and the pre-chat form', () => {
        const flags = parseEnhancedFlags('?client=enhanced&clientVersion=v2&prechat=1');
        assert.equal(flags.client, 'enhanced');
        assert.equal(flags.version, 'v2');
        assert.equal(flags.prechatForm, true);
        assert.equal(parseEnhancedFlags('?client=other&prechat=false').client, 'legacy');
        assert.equal(parseEnhancedFlags('?prechat=0').prechatForm, false);
    });

    it('reads the deployment and site switches', () => {
        assert.deepEqual(
            parseEnhancedFlags(
                '?agentCheck=offline&agentCheckMs=500&hideButtonOnLoad=1&siteLogin=true&maximizeDelay=400'
            ),
            {
                client: 'legacy',
                version: 'v1',
                prechatForm: false,
                agentCheck: 'offline',
                agentCheckMs: 500,
                hideButtonOnLoad: true,
                siteLogin: true,
                maximizeDelayMs: 400
            }
        );
        for (const check of ['online', 'unavailable'] as const) {
            assert.equal(parseEnhancedFlags(`?agentCheck=${check}`).agentCheck, check);
        }
        assert.equal(parseEnhancedFlags('?agentCheck=maybe').agentCheck, 'off');
        assert.equal(parseEnhancedFlags('?agentCheckMs=-1').agentCheckMs, null);
        assert.equal(parseEnhancedFlags('?maximizeDelay=soon').maximizeDelayMs, null);
        assert.equal(parseEnhancedFlags('?siteLogin=0').siteLogin, false);
    });

    it('switches client keeping the page’s other parameters', () => {
        assert.equal(withClient('?user=member', 'enhanced'), '?user=member&client=enhanced');
        assert.equal(
            withClient(
                '?client=enhanced&clientVersion=v2&prechat=1&builder=1&agentCheck=offline&agentCheckMs=5&hideButtonOnLoad=1&siteLogin=1&maximizeDelay=9',
                'legacy'
            ),
            '?builder=1'
        );
        assert.equal(withClient('?client=enhanced', 'legacy'), '');
    });
});
