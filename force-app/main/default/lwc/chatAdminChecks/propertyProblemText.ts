/**
 * The admin's words for the problems that reading a builder property finds (c/chatComponentSupport
 * readProperty gives them as codes): a message naming the property as Experience Builder shows
 * it, the value given and what is used instead.
 */
import BAD_BOOLEAN from '@salesforce/label/c.Chat_Admin_Bad_Boolean';
import NOT_TEXT from '@salesforce/label/c.Chat_Admin_Not_Text';
import TOO_LONG from '@salesforce/label/c.Chat_Admin_Too_Long';
import MARKUP from '@salesforce/label/c.Chat_Admin_Markup';
import DIRECTION_CONTROL from '@salesforce/label/c.Chat_Admin_Direction_Control';
import BAD_CHOICE from '@salesforce/label/c.Chat_Admin_Bad_Choice';
import {
    formatLabel,
    readProperty,
    TEXT_MAX_LENGTH,
    type PropertyProblem,
    type PropertyProblemCode,
    type PropertySpec
} from 'c/chatComponentSupport';

/** A value as the admin gave it, cut to 40 characters. */
function describe(value: unknown): string {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Each code's label, after the property's name: its other placeholders' values. */
const TEXTS: Readonly<
    Record<PropertyProblemCode, [string, (spec: PropertySpec, given: unknown) => string[]]>
> = {
    NOT_BOOLEAN: [BAD_BOOLEAN, (spec, given) => [describe(given), String(spec.fallback)]],
    NOT_TEXT: [NOT_TEXT, (spec) => [String(spec.fallback)]],
    NOT_A_CHOICE: [
        BAD_CHOICE,
        ({ choices = {}, fallback }, given) => [
            describe(given),
            Object.values<string>(choices).join(', '),
            choices[String(fallback)] ?? String(fallback)
        ]
    ],
    DIRECTION_CONTROL: [DIRECTION_CONTROL, () => []],
    MARKUP: [MARKUP, () => []],
    // The limit, and the text as visitors see it.
    TOO_LONG: [
        TOO_LONG,
        (spec, given) => [
            String(spec.maxLength ?? TEXT_MAX_LENGTH),
            String(readProperty(given, spec).value)
        ]
    ]
};

/** The admin's words for `problem`, found reading the property `label` as `spec` says. */
export function propertyProblemText(
    label: string,
    spec: PropertySpec,
    problem: PropertyProblem
): string {
    const [template, params] = TEXTS[problem.code];
    return formatLabel(template, label, ...params(spec, problem.given));
}
