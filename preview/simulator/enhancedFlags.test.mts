/** Unit tests of the chat client choice in the preview URL. Run: npm run test:preview */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEnhancedFlags, withClient } from './enhancedFlags.mts';

describe('preview chat client flags', () => {
    it('defaults to the legacy client', () => {
        assert.deepEqual(parseEnhancedFlags(''), {
            client: 'legacy',
            version: 'v1',
            prechatForm: false
        });
    });

    it('reads the Enhanced client, its version and the pre-chat form', () => {
        assert.deepEqual(parseEnhancedFlags('?client=enhanced&clientVersion=v2&prechat=1'), {
            client: 'enhanced',
            version: 'v2',
            prechatForm: true
        });
        assert.equal(parseEnhancedFlags('?client=other&prechat=false').client, 'legacy');
        assert.equal(parseEnhancedFlags('?prechat=0').prechatForm, false);
    });

    it('switches client keeping the page’s other parameters', () => {
        assert.equal(withClient('?user=member', 'enhanced'), '?user=member&client=enhanced');
        assert.equal(
            withClient('?client=enhanced&clientVersion=v2&prechat=1&builder=1', 'legacy'),
            '?builder=1'
        );
        assert.equal(withClient('?client=enhanced', 'legacy'), '');
    });
});
