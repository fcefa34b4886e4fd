/**
 * The builder property readers of c/chatComponentSupport, with what was wrong with a bad input
 * worded for the admin: a message naming the property and the value used instead. Admin-only:
 * loaded only in Experience Builder (see c/chatComponentSupport builderKit).
 */
import BAD_BOOLEAN from '@salesforce/label/c.Chat_Admin_Bad_Boolean';
import NOT_TEXT from '@salesforce/label/c.Chat_Admin_Not_Text';
import TOO_LONG from '@salesforce/label/c.Chat_Admin_Too_Long';
import MARKUP_SHOWN from '@salesforce/label/c.Chat_Admin_Markup';
import BAD_CHOICE from '@salesforce/label/c.Chat_Admin_Bad_Choice';
import {
    booleanOf,
    choiceOf,
    formatLabel,
    isUnset,
    textOf,
    type Choices,
    type Setting
} from 'c/chatComponentSupport';

/** A property value as read, plus the admin-readable problem when the input was unusable. */
export interface Normalized<T> {
    value: T;
    problem: string | null;
}

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
    const read = booleanOf(value);
    if (read !== undefined || isUnset(value)) {
        return { value: read ?? fallback, problem: null };
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
    const read = textOf(value, maxLength);
    if (read === undefined) {
        const problem = isUnset(value) ? null : formatLabel(NOT_TEXT, property, fallback);
        return { value: fallback, problem };
    }
    if (String(value).trim().length > maxLength) {
        return { value: read, problem: formatLabel(TOO_LONG, property, String(maxLength)) };
    }
    return {
        value: read,
        problem: MARKUP.test(read) ? formatLabel(MARKUP_SHOWN, property) : null
    };
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
    const read = isUnset(value) ? undefined : choiceOf(value, choices);
    if (read !== undefined || isUnset(value)) {
        return { value: read ?? fallback, problem: null };
    }
    const texts = Object.values<string>(choices).join(', ');
    return {
        value: fallback,
        problem: formatLabel(BAD_CHOICE, property, describe(value), texts, choices[fallback])
    };
}

/** Reads a property as `setting` says (see c/chatComponentSupport readSetting), worded. */
export function readChecked(
    value: unknown,
    setting: Setting,
    property: string
): Normalized<boolean | string> {
    const { fallback, choices } = setting;
    if (typeof fallback === 'boolean') {
        return readBoolean(value, fallback, property);
    }
    return choices
        ? readChoice(value, choices, fallback, property)
        : readText(value, fallback, property, setting.maxLength);
}

/** The problems of several normalised values, in order, without the blanks. */
export function problemsOf(...values: Normalized<unknown>[]): string[] {
    return values.map((v) => v.problem).filter((p): p is string => p !== null);
}
