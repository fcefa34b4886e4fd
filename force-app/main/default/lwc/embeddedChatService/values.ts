/**
 * Reading values the service does not own (the client's globals, its event payloads, callers'
 * options) without ever throwing: a getter or a Proxy may throw on any read.
 */

/** An object or a function (both can carry properties). */
export function isObject(value: unknown): value is Record<string, unknown> {
    return value !== null && (typeof value === 'object' || typeof value === 'function');
}

/** One property of `value`; undefined when absent or unreadable (a throwing getter or Proxy). */
export function readField(value: unknown, name: string): unknown {
    try {
        return isObject(value) ? value[name] : undefined;
    } catch {
        return undefined;
    }
}

/** A short description of what a client threw or rejected with; '' when it cannot be read. */
export function errorText(error: unknown): string {
    try {
        if (typeof error === 'string') {
            return error.slice(0, 200);
        }
        const message = readField(error, 'message');
        return typeof message === 'string' ? message.slice(0, 200) : '';
    } catch {
        return '';
    }
}
