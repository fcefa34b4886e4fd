/**
 * Salesforce record IDs: 15 characters (case-sensitive) or 18 (the 15 plus a 3-character
 * case-safe checksum). The first three characters are the key prefix of the object.
 */

/** Key prefixes the chat routing uses. */
export const KEY_PREFIX = {
    chatButton: '573',
    user: '005',
    deployment: '572',
    organization: '00D'
} as const;

export type IdKind = 'chatButton' | 'user';

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The 3-character case-safe suffix of the 18-character form of a 15-character ID. */
export function idChecksum(id15: string): string {
    const id = String(id15);
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id.charAt(chunk * 5 + i);
            if (c >= 'A' && c <= 'Z') {
                bits |= 1 << i;
            }
        }
        suffix += CHECKSUM_ALPHABET.charAt(bits);
    }
    return suffix;
}

/** Why an ID was refused, or null when it is a well-formed ID of the expected kind. */
export type IdProblem = 'empty' | 'length' | 'characters' | 'prefix' | 'checksum';

/** Checks a trimmed ID string against the expected object kind. */
export function checkId(id: string, kind: IdKind): IdProblem | null {
    if (typeof id !== 'string') {
        return 'characters';
    }
    if (id.length === 0) {
        return 'empty';
    }
    if (id.length !== 15 && id.length !== 18) {
        return /^[a-zA-Z0-9]*$/.test(id) ? 'length' : 'characters';
    }
    if (!ID_PATTERN.test(id)) {
        return 'characters';
    }
    if (id.slice(0, 3) !== KEY_PREFIX[kind]) {
        return 'prefix';
    }
    // The suffix is case-safe: Salesforce accepts it in either case.
    if (id.length === 18 && id.slice(15).toUpperCase() !== idChecksum(id.slice(0, 15))) {
        return 'checksum';
    }
    return null;
}

/** A short form for messages: the prefix and the start, enough to recognise an ID. */
export function shortId(id: string): string {
    const text = String(id);
    return text.length > 8 ? `${text.slice(0, 8)}…` : text;
}
