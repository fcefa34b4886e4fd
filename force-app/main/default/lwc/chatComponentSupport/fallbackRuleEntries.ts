/**
 * The entries of the text form of fallback routing rules, as the Chat Routing Settings component
 * stores them in one String builder property:
 *
 *     573Dn000000AbCd, 005Dn000001XyZa, 005Dn000001XyZa_573Dn000000AbCd
 *
 * One rule per entry, in the chat client's format (a target ID: a chat button, or a queue under
 * Enhanced Chat; an agent's user ID; or `userId_buttonId` for "agent, then target"), tried in
 * order. Entries are separated by commas, semicolons, line breaks or spaces (so a pasted list
 * splits however it was written); spaces around the `_` of a pair are ignored, and so are empty
 * entries and a lone `_` (a pair with neither ID).
 *
 * This is what visitors need (the entries are the `fallbackRouting` the service gets); the rest
 * of the format, for the admin's editor and summary, is in c/chatAdminChecks (fallbackRulesText),
 * built on this.
 */
const SEPARATORS = /[,;\s]+/;
/** Spaces around the `_` of a pair belong to the pair, not between two rules. */
const SPACED_UNDERSCORE = /\s*_\s*/g;

/** The rules of the text form, each in the client's format (blank or non-text input: none). */
export function fallbackRuleEntries(text: unknown): string[] {
    return typeof text === 'string'
        ? text
              .replace(SPACED_UNDERSCORE, '_')
              .split(SEPARATORS)
              .filter((entry) => entry !== '' && entry !== '_')
        : [];
}
