/**
 * Experience Builder property values, read in one place. The builder may hand a Boolean property
 * over as a string ('true'/'false'), a String property padded with spaces or blank, and old saved
 * pages may hold values that are no longer allowed. These readers give the value to use (the
 * fallback when the input is unset or unusable). What was wrong with an input is worded for the
 * admin by c/chatAdminChecks, loaded only in Experience Builder, on top of the same readers: so
 * visitors never download the wording.
 */

/**
 * The choices of a picklist property: each value the code uses, with the text Experience Builder
 * shows for it (the js-meta.xml `datasource` entry, which Builder shows as it is and saves as the
 * value). Values saved before the readable texts existed are the codes themselves.
 */
export type Choices<T extends string> = Readonly<Record<T, string>>;

/**
 * How a builder property reads: its fallback (a Boolean fallback makes it a Boolean property), a
 * picklist's choices, or a text's length limit (80 by default).
 */
export interface Setting<T extends boolean | string = boolean | string> {
    fallback: T;
    choices?: Choices<T & string>;
    maxLength?: number;
}

/** A component's builder properties, by property name. */
export type Settings = Readonly<Record<string, Setting>>;

/** No value at all: undefined, null or blank text (the fallback applies, and nothing is wrong). */
export function isUnset(value: unknown): boolean {
    return value === undefined || value === null || (typeof value === 'string' && !value.trim());
}

/** A Boolean: true/false, or the strings 'true'/'false' in any case and padding; else undefined. */
export function booleanOf(value: unknown): boolean | undefined {
    if (typeof value === 'boolean') {
        return value;
    }
    const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
    return text === 'true' || text === 'false' ? text === 'true' : undefined;
}

/** Text (a string or a number): trimmed and cut to `maxLength`; undefined when blank or not text. */
export function textOf(value: unknown, maxLength = 80): string | undefined {
    if (typeof value !== 'string' && typeof value !== 'number') {
        return undefined;
    }
    const text = String(value).trim();
    return text ? text.slice(0, maxLength) : undefined;
}

/** Case, padding and repeated spaces do not matter when matching a choice. */
function choiceKey(text: string): string {
    return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The code of a choice given by its Builder text or its code (any case, padding); else undefined. */
export function choiceOf<T extends string>(value: unknown, choices: Choices<T>): T | undefined {
    const key = choiceKey(String(value));
    return (Object.keys(choices) as T[]).find(
        (code) => choiceKey(code) === key || choiceKey(choices[code]) === key
    );
}

/** Reads a property as `setting` says; the fallback when it is unset or unusable. */
export function readSetting<T extends boolean | string>(value: unknown, setting: Setting<T>): T {
    const { fallback, choices } = setting;
    const read =
        typeof fallback === 'boolean'
            ? booleanOf(value)
            : choices
              ? choiceOf(value, choices)
              : textOf(value, setting.maxLength);
    return (isUnset(value) || read === undefined ? fallback : read) as T;
}

/** Reads an optional String property (an ID, say): trimmed; blank means "not set" (''). */
export function readOptionalText(value: unknown): string {
    return typeof value === 'string' ? value.trim() : '';
}
