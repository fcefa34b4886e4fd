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

    it('treats a plain object standing in for window as a sandbox wrapper', () => {
        expect(detectSandbox({})).toBe('locker');
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
