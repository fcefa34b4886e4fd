import { checkId, idChecksum, KEY_PREFIX, shorten, targetKind } from '../salesforceIds';
import { AGENT as USER_15, BUTTON as BUTTON_15, QUEUE } from 'test/fixtures/ids';

// The checksums below (the sample IDs' 18-character forms) were computed by hand from the
// documented algorithm: each 5-character chunk gives one letter, A + (bit i set when character i is
// upper case).

describe('salesforceIds', () => {
    it('computes the case-safe checksum of a 15-character ID', () => {
        // 5735g -> no capitals -> A; 00000 -> A; 00XyZ -> bits 2 and 4 -> 4 + 16 = 20 -> U
        expect(idChecksum('5735g0000000XyZ')).toBe('AAU');
        // 0055g -> A; 00000 -> A; ABcDe -> bits 0, 1, 3 -> 1 + 2 + 8 = 11 -> L
        expect(idChecksum(USER_15)).toBe('AAL');
    });

    it('accepts 15- and 18-character IDs of the expected kind', () => {
        expect(checkId(BUTTON_15, 'chatButton')).toBeNull();
        expect(checkId(`${BUTTON_15}${idChecksum(BUTTON_15)}`, 'chatButton')).toBeNull();
        expect(checkId(USER_15, 'user')).toBeNull();
        expect(checkId(`${USER_15}AAL`, 'user')).toBeNull();
        // The suffix is case-safe: Salesforce accepts it in lower case too.
        expect(checkId(`${USER_15}aal`, 'user')).toBeNull();
    });

    it('names what is wrong with a malformed ID', () => {
        expect(checkId('', 'user')).toBe('empty');
        expect(checkId('0055g00000ABcD', 'user')).toBe('length');
        expect(checkId('0055g00000ABcDeAALx', 'user')).toBe('length');
        expect(checkId('0055g00000AB-De', 'user')).toBe('characters');
        expect(checkId('<b>5g00000ABcDe', 'user')).toBe('characters');
        expect(checkId(BUTTON_15, 'user')).toBe('prefix');
        expect(checkId(USER_15, 'chatButton')).toBe('prefix');
        expect(checkId(`${USER_15}AAA`, 'user')).toBe('checksum');
        // Same ID with the case of one letter changed: a different record, caught by the checksum.
        expect(checkId('0055g00000AbcDeAAL', 'user')).toBe('checksum');
    });

    it('keeps IDs, and pairs of them, whole in messages', () => {
        const id18 = `${USER_15}${idChecksum(USER_15)}`;
        expect(shorten(id18)).toBe(id18);
        expect(shorten(`${id18}_${id18}`)).toBe(`${id18}_${id18}`);
    });

    it('checks queue IDs and the routing targets of each client', () => {
        expect(KEY_PREFIX).toEqual({ chatButton: '573', user: '005', queue: '00G' });
        expect(checkId(QUEUE, 'queue')).toBeNull();
        expect(checkId(QUEUE, 'chatButton')).toBe('prefix');
        expect(targetKind('legacy')).toBe('chatButton');
        expect(targetKind('enhanced')).toBe('queueOrUser');
        expect(targetKind(null)).toBe('chatButtonQueueOrUser');
        expect([QUEUE, USER_15, BUTTON_15].map((id) => checkId(id, 'queueOrUser'))).toEqual([
            null,
            null,
            'prefix'
        ]);
        expect(
            [QUEUE, USER_15, BUTTON_15].map((id) => checkId(id, 'chatButtonQueueOrUser'))
        ).toEqual([null, null, null]);
    });

    it('shortens any text for messages with one helper', () => {
        expect(shorten('x'.repeat(41))).toBe(`${'x'.repeat(40)}…`);
        expect(shorten('x'.repeat(40))).toBe('x'.repeat(40));
        expect(shorten('abcdef', 3)).toBe('abc…');
    });
});
