/**
 * An independent oracle for Salesforce record IDs, written from the platform's definition rather
 * than from the service's salesforceIds.ts, so that property tests can compare the two.
 *
 * An ID is 15 case-sensitive alphanumeric characters, optionally followed by a 3-character
 * case-safe suffix: for each block of 5 characters, a 5-bit number whose bit i is set when the
 * i-th character of the block is an upper-case letter, written with the alphabet A-Z then 0-5.
 * The suffix itself is case-safe: Salesforce accepts it in either case.
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The case-safe suffix of a 15-character ID, computed block by block. */
export function oracleSuffix(id15: string): string {
    const blocks = [id15.slice(0, 5), id15.slice(5, 10), id15.slice(10, 15)];
    return blocks
        .map((block) =>
            [...block].reduce(
                (bits, char, index) => (/^[A-Z]$/.test(char) ? bits + 2 ** index : bits),
                0
            )
        )
        .map((bits) => SUFFIX_ALPHABET[bits])
        .join('');
}

/** True when `id` (as is, not trimmed) is a well-formed ID with the given key prefix. */
export function isIdOf(id: unknown, prefix: string): boolean {
    if (typeof id !== 'string' || !id.startsWith(prefix)) {
        return false;
    }
    if (/^[0-9A-Za-z]{15}$/.test(id)) {
        return true;
    }
    return (
        /^[0-9A-Za-z]{18}$/.test(id) && id.slice(15).toUpperCase() === oracleSuffix(id.slice(0, 15))
    );
}

export const BUTTON_PREFIX = '573';
export const USER_PREFIX = '005';
/** A queue is a Group record (key prefix 00G) of type Queue. */
export const QUEUE_PREFIX = '00G';

export function isButtonId(id: unknown): boolean {
    return isIdOf(id, BUTTON_PREFIX);
}

export function isUserId(id: unknown): boolean {
    return isIdOf(id, USER_PREFIX);
}

/** A fallback rule as the client documents it: a button ID, a user ID, or userId_buttonId. */
export function isFallbackRule(rule: unknown): boolean {
    if (typeof rule !== 'string') {
        return false;
    }
    const parts = rule.split('_');
    if (parts.length === 2) {
        return isUserId(parts[0]) && isButtonId(parts[1]);
    }
    return parts.length === 1 && (isUserId(rule) || isButtonId(rule));
}
