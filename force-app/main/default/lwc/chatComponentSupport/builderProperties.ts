/**
 * Experience Builder property values, normalised in one place. The builder may hand a Boolean
 * property over as a string ('true'/'false'), a String property padded with spaces or blank, and
 * old saved pages may hold values that are no longer allowed. Each reader returns the value to
 * use and, when the input was bad, a message for the admin naming the property and the fallback.
 */

/** A normalised property value, plus the admin-readable problem when the input was unusable. */
export interface Normalized<T> {
    value: T;
    problem: string | null;
}

import BAD_BOOLEAN from '@salesforce/label/c.Chat_Admin_Bad_Boolean';
import NOT_TEXT from '@salesforce/label/c.Chat_Admin_Not_Text';
import TOO_LONG from '@salesforce/label/c.Chat_Admin_Too_Long';
import MARKUP_SHOWN from '@salesforce/label/c.Chat_Admin_Markup';
import BAD_CHOICE from '@salesforce/label/c.Chat_Admin_Bad_Choice';
import { formatLabel } from './labelFormat';

const MARKUP = /<\/?[a-z][^>]*>/i;

function describe(value: unknown): string {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Reads a Boolean property: true/false, or the strings 'true'/'false' in any case and padding. */
export function readBoolean(
    value: unknown,
    fallback: boolean,
    property: string
): Normalized<boolean> {
    if (typeof value === 'boolean') {
        return { value, problem: null };
    }
    if (
        value === undefined ||
        value === null ||
        (typeof value === 'string' && value.trim() === '')
    ) {
        return { value: fallback, problem: null };
    }
    if (typeof value === 'string') {
        const text = value.trim().toLowerCase();
        if (text === 'true' || text === 'false') {
            return { value: text === 'true', problem: null };
        }
    }
    return {
        value: fallback,
        problem: formatLabel(BAD_BOOLEAN, property, describe(value), String(fallback))
    };
}

/**
 * Reads a String property: trimmed; blank falls back. Text longer than `maxLength` is cut, and
 * markup is reported (it is shown as plain text, never rendered as HTML).
 */
export function readText(
    value: unknown,
    fallback: string,
    property: string,
    maxLength = 80
): Normalized<string> {
    if (value === undefined || value === null) {
        return { value: fallback, problem: null };
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
        return { value: fallback, problem: formatLabel(NOT_TEXT, property, fallback) };
    }
    const text = String(value).trim();
    if (text === '') {
        return { value: fallback, problem: null };
    }
    if (text.length > maxLength) {
        return {
            value: text.slice(0, maxLength),
            problem: formatLabel(TOO_LONG, property, String(maxLength))
        };
    }
    if (MARKUP.test(text)) {
        return {
            value: text,
            problem: formatLabel(MARKUP_SHOWN, property)
        };
    }
    return { value: text, problem: null };
}

/** Reads an optional String property (an ID, say): trimmed; blank means "not set" (''). */
export function readOptionalText(value: unknown): string {
    return typeof value === 'string' ? value.trim() : '';
}

/**
 * The choices of a picklist property: each value the code uses, with the text Experience Builder
 * shows for it (the js-meta.xml `datasource` entry, which Builder shows as it is and saves as the
 * value). Values saved before the readable texts existed are the codes themselves.
 */
export type Choices<T extends string> = Readonly<Record<T, string>>;

/** Case, padding and repeated spaces do not matter when matching a choice. */
function choiceKey(text: string): string {
    return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Reads a picklist property: the Builder text of one of `choices`, or its code (the old saved
 * value), in any case and padding; else the fallback, and a problem naming the Builder texts.
 */
export function readChoice<T extends string>(
    value: unknown,
    choices: Choices<T>,
    fallback: T,
    property: string
): Normalized<T> {
    if (
        value === undefined ||
        value === null ||
        (typeof value === 'string' && value.trim() === '')
    ) {
        return { value: fallback, problem: null };
    }
    const key = choiceKey(String(value));
    const codes = Object.keys(choices) as T[];
    const match = codes.find((code) => choiceKey(code) === key || choiceKey(choices[code]) === key);
    if (match !== undefined) {
        return { value: match, problem: null };
    }
    const texts = codes.map((code) => choices[code]).join(', ');
    return {
        value: fallback,
        problem: formatLabel(BAD_CHOICE, property, describe(value), texts, choices[fallback])
    };
}

/** The problems of several normalised values, in order, without the blanks. */
export function problemsOf(...values: Normalized<unknown>[]): string[] {
    return values.map((v) => v.problem).filter((p): p is string => p !== null);
}
