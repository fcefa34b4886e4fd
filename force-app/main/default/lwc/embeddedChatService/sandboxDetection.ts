/**
 * Detects Lightning Locker. Under Locker a component sees a SecureWindow, not the page's window,
 * so the `embedded_svc` that the site's snippet created is out of reach. `String(window)` starts
 * with "SecureWindow" there (the check Salesforce's own Locker tests use), and the wrapper is a
 * plain object (`[object Object]`) rather than a Window. Under Lightning Web Security, or with no
 * sandbox, neither signal is present (LWS keeps the real window's `[object Window]` tag).
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
        if (String(win).indexOf('SecureWindow') === 0) {
            return 'locker';
        }
        if (Object.prototype.toString.call(win) === '[object Object]') {
            return 'locker';
        }
    } catch {
        // A wrapper that refuses to be converted to a string is itself a sign of a sandbox.
        return 'locker';
    }
    return 'none';
}
