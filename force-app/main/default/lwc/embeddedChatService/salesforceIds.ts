/**
 * Salesforce record IDs: 15 characters (case-sensitive) or 18 (the 15 plus a 3-character
 * case-safe checksum). The first three characters are the key prefix of the object.
 */
import type { ChatClientKind } from './chatTypes';

/**
 * Key prefixes of the records that chat routing names (the one place they are written):
 * a legacy chat button (LiveChatButton), a user (an agent), a queue (a Group of type Queue,
 * the usual routing target of an Enhanced Chat Omni-Channel flow).
 */
export const KEY_PREFIX = {
    chatButton: '573',
    user: '005',
    queue: '00G'
} as const;

/**
 * What an ID must be: one kind of record, or one of several (a routing target under Enhanced
 * Chat is a queue or a user; before the client is known, any target either client takes).
 */
export type IdKind = 'chatButton' | 'user' | 'queue' | 'queueOrUser' | 'chatButtonQueueOrUser';

const KIND_PREFIXES: Readonly<Record<IdKind, readonly string[]>> = {
    chatButton: [KEY_PREFIX.chatButton],
    user: [KEY_PREFIX.user],
    queue: [KEY_PREFIX.queue],
    queueOrUser: [KEY_PREFIX.queue, KEY_PREFIX.user],
    chatButtonQueueOrUser: [KEY_PREFIX.chatButton, KEY_PREFIX.queue, KEY_PREFIX.user]
};

/** The key prefixes an ID of this kind may have, for messages: '573', or '00G/005'. */
export function idPrefixes(kind: IdKind): string {
    return KIND_PREFIXES[kind].join('/');
}

/**
 * The kind of ID a routing target must be (`directToAgentRouting.buttonId`, the second part of
 * `userId_buttonId`): a chat button for the legacy client; a queue or a user for Enhanced Chat,
 * whose Omni-Channel flow routes to it; any of them while the client is not known.
 */
export function targetKind(client: ChatClientKind | null): IdKind {
    if (client === 'legacy') {
        return 'chatButton';
    }
    return client === 'enhanced' ? 'queueOrUser' : 'chatButtonQueueOrUser';
}

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

/**
 * A character that can't be in an ID: anything but a letter or a digit, such as a zero-width
 * space copied from a web page. Its first match is the first such character, whole (`u`); as
 * every character before it is a letter or a digit, its index is also its place as an admin
 * counts it.
 */
export const NOT_IN_ID = /[^a-zA-Z0-9]/u;

/** Why an ID was refused, or null when it is a well-formed ID of the expected kind. */
export type IdProblem = 'empty' | 'length' | 'characters' | 'prefix' | 'checksum';

/** Checks a trimmed ID string against the expected kind of record. */
export function checkId(id: string, kind: IdKind): IdProblem | null {
    if (typeof id !== 'string') {
        return 'characters';
    }
    if (id.length === 0) {
        return 'empty';
    }
    if (id.length !== 15 && id.length !== 18) {
        return NOT_IN_ID.test(id) ? 'characters' : 'length';
    }
    if (!ID_PATTERN.test(id)) {
        return 'characters';
    }
    if (!KIND_PREFIXES[kind].includes(id.slice(0, 3))) {
        return 'prefix';
    }
    // The suffix is case-safe: Salesforce accepts it in either case.
    if (id.length === 18 && id.slice(15).toUpperCase() !== idChecksum(id.slice(0, 15))) {
        return 'checksum';
    }
    return null;
}

/**
 * The one "shorten for messages" helper: `text` cut to `max` characters, with … when cut, so
 * that a message quoting a value (up to thousands of characters) stays readable. The default
 * keeps every ID whole (15 or 18 characters, a pair of them 37): only longer free text is cut.
 */
export function shorten(text: string, max = 40): string {
    const value = String(text);
    return value.length > max ? `${value.slice(0, max)}…` : value;
}
