/**
 * Detects Lightning Locker. Under Locker a component sees a SecureWindow, not the page's window,
 * so the chat client's global that the site's snippet created is out of reach. Two signals:
 * `String(window)` contains "SecureWindow" (Salesforce's own Locker tests check
 * `window.toString().indexOf('SecureWindow')`; the wrapper's text may carry a prefix), and
 * `Object.prototype.toString.call(window)` is not `[object Window]` (the wrapper is a plain
 * object). Under Lightning Web Security, or with no sandbox, neither signal is present.
 * (`typeof $A` is not a Locker test: it exists on Aura sites with LWS too.)
 */
export type SandboxKind = 'locker' | 'none';

/** The window this module sees (a SecureWindow under Locker); reading it never throws. */
function currentWindow(): unknown {
    return typeof window === 'undefined' ? undefined : window;
}

export function detectSandbox(win: unknown = currentWindow()): SandboxKind {
    if (win === undefined || win === null) {
        return 'none';
    }
    try {
        if (String(win).includes('SecureWindow')) {
            return 'locker';
        }
        if (Object.prototype.toString.call(win) !== '[object Window]') {
            return 'locker';
        }
    } catch {
        // A wrapper that refuses to be converted to a string is itself a sign of a sandbox.
        return 'locker';
    }
    return 'none';
}
