import { detectSandbox } from '../sandboxDetection';

describe('detectSandbox', () => {
    it('sees no sandbox on a plain page (and under Lightning Web Security)', () => {
        expect(detectSandbox(window)).toBe('none');
        expect(detectSandbox(undefined)).toBe('none');
        expect(detectSandbox(null)).toBe('none');
    });

    it('recognises Lightning Locker’s SecureWindow by its string form', () => {
        const secureWindow = {
            toString: () => 'SecureWindow: [object Window]{ key: {"namespace":"c"} }'
        };
        expect(detectSandbox(secureWindow)).toBe('locker');
    });

    it('finds SecureWindow anywhere in the string form, not only at its start', () => {
        const wrapped = { toString: () => '[Locker] SecureWindow: [object Window]' };
        expect(detectSandbox(wrapped)).toBe('locker');
    });

    it('takes any object whose tag is not [object Window] as a sandbox wrapper', () => {
        expect(detectSandbox({})).toBe('locker');
        const tagged = { [Symbol.toStringTag]: 'SecureObject', toString: () => 'window' };
        expect(detectSandbox(tagged)).toBe('locker');
    });

    it('sees no sandbox in an object tagged Window whose text does not mention SecureWindow', () => {
        const lookalike = { [Symbol.toStringTag]: 'Window', toString: () => '[object Window]' };
        expect(detectSandbox(lookalike)).toBe('none');
    });

    it('treats a wrapper that refuses to become a string as a sandbox', () => {
        const hostile = {
            toString() {
                throw new Error('denied');
            }
        };
        expect(detectSandbox(hostile)).toBe('locker');
    });
});
