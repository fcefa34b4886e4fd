/**
 * What the chat components share with the Builder-only admin library (not a component): how
 * builder properties read, what the admin check reads of a component, label formatting, and the
 * page's list of the components that say why chat is off. It
 * imports nothing of the components, so the admin library imports it without reaching the loader
 * (docs/architecture.md, "Visitor and Builder bundles").
 *
 * Builder property values are read in one place. The builder may hand a Boolean property over as
 * a string ('true'/'false'), a String property padded with spaces or blank, and old saved pages
 * may hold values that are no longer allowed. `readProperty` gives the value to use (the fallback
 * when the input is unset or unusable) and what was wrong with the input, as a code: the admin
 * library words the codes (propertyProblemText), so visitors never download the words. Like the
 * service's routing issues: codes here, words on the Builder side.
 */
import type {
    ChatDisabledReason,
    ChatState,
    ChatStatus,
    RoutingValidation
} from 'c/embeddedChatService';

/**
 * The choices of a picklist property: each value the code uses, with the text Experience Builder
 * shows for it (the js-meta.xml `datasource` entry, which Builder shows as it is and saves as the
 * value). Values saved before the readable texts existed are the codes themselves.
 */
export type Choices<T extends string> = Readonly<Record<T, string>>;

/** A text property's length limit, unless its spec says otherwise. */
export const TEXT_MAX_LENGTH = 80;

/**
 * How a builder property reads: its fallback (a Boolean fallback makes it a Boolean property), a
 * picklist's choices, or a text's length limit (TEXT_MAX_LENGTH by default).
 */
export interface PropertySpec<T extends boolean | string = boolean | string> {
    fallback: T;
    choices?: Choices<T & string>;
    maxLength?: number;
}

/** How each of a component's builder properties reads, by property name. */
export type PropertySpecs = Readonly<Record<string, PropertySpec>>;

/**
 * What was wrong with a property's input: not true or false (`NOT_BOOLEAN`), not text
 * (`NOT_TEXT`), not one of the choices (`NOT_A_CHOICE`), all three read as the fallback; text
 * with characters that override its direction, removed (`DIRECTION_CONTROL`); markup, shown as
 * plain text (`MARKUP`); longer than the limit, shortened (`TOO_LONG`).
 */
export type PropertyProblemCode =
    | 'NOT_BOOLEAN'
    | 'NOT_TEXT'
    | 'NOT_A_CHOICE'
    | 'DIRECTION_CONTROL'
    | 'MARKUP'
    | 'TOO_LONG';

export interface PropertyProblem {
    code: PropertyProblemCode;
    /** The input as Experience Builder handed it over. */
    given: unknown;
}

/** A property, read: the value to use, and what was wrong with the input (in order; none: nothing). */
export interface PropertyRead<T> {
    value: T;
    problems: PropertyProblem[];
}

const MARKUP = /<\/?[a-z][^>]*>/i;
/**
 * The embeddings, overrides and isolates of Unicode's bidirectional algorithm (U+202A–U+202E,
 * U+2066–U+2069): invisible, they can make text read other than it is (a "Trojan Source" label).
 * The marks that right-to-left text needs (U+200E, U+200F) are not among them.
 */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** No value at all: undefined, null or blank text (the fallback applies, and nothing is wrong). */
function isUnset(value: unknown): boolean {
    return value === undefined || value === null || (typeof value === 'string' && !value.trim());
}

/** A Boolean: true/false, or the strings 'true'/'false' in any case and padding; else undefined. */
function booleanOf(value: unknown): boolean | undefined {
    if (typeof value === 'boolean') {
        return value;
    }
    const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
    return text === 'true' || text === 'false' ? text === 'true' : undefined;
}

/**
 * `text` within `maxLength` characters: when longer, cut at the last space that leaves room for
 * an ellipsis (inside the word when that space is in the first half), never inside a surrogate
 * pair, and ended with "…".
 */
function shortened(text: string, maxLength: number): string {
    if (text.length <= maxLength) {
        return text;
    }
    const space = text.slice(0, maxLength).search(/\s\S*$/);
    const head = text.slice(0, space > maxLength / 2 ? space : maxLength - 1);
    return `${head.replace(/[\uD800-\uDBFF]$/, '').trimEnd()}…`;
}

/** Case, padding and repeated spaces do not matter when matching a choice. */
function choiceKey(text: string): string {
    return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The code of a choice given by its Builder text or its code (any case, padding); else undefined. */
function choiceOf<T extends string>(value: unknown, choices: Choices<T>): T | undefined {
    const key = choiceKey(String(value));
    return (Object.keys(choices) as T[]).find(
        (code) => choiceKey(code) === key || choiceKey(choices[code]) === key
    );
}

/**
 * Reads a property as `spec` says: the value (the fallback when the input is unset or unusable)
 * and the problems with the input, in the order they apply. Text (a string or a number) is
 * trimmed, loses its direction override characters and is shortened to its limit (the admin is
 * told each); markup in it is kept and shown as plain text, never rendered.
 */
export function readProperty<T extends boolean | string>(
    raw: unknown,
    spec: PropertySpec<T>
): PropertyRead<T> {
    const { fallback, choices, maxLength = TEXT_MAX_LENGTH } = spec;
    const flag = typeof fallback === 'boolean';
    const codes: PropertyProblemCode[] = [];
    let read: boolean | string | undefined;
    if (!isUnset(raw)) {
        if (flag) {
            read = booleanOf(raw);
        } else if (choices) {
            read = choiceOf(raw, choices);
        } else if (typeof raw === 'string' || typeof raw === 'number') {
            const given = String(raw).trim();
            const text = given.replace(DIRECTION_CONTROLS, '').trim();
            read = shortened(text, maxLength) || undefined;
            if (text !== given) {
                codes.push('DIRECTION_CONTROL');
            }
            if (MARKUP.test(text)) {
                codes.push('MARKUP');
            }
            if (text.length > maxLength) {
                codes.push('TOO_LONG');
            }
        }
        if (read === undefined && !codes.length) {
            codes.push(flag ? 'NOT_BOOLEAN' : choices ? 'NOT_A_CHOICE' : 'NOT_TEXT');
        }
    }
    return {
        value: (read ?? fallback) as T,
        problems: codes.map((code) => ({ code, given: raw }))
    };
}

/** Reads an optional String property (an ID, say): trimmed; blank means "not set" (''). */
export function readOptionalText(value: unknown): string {
    return typeof value === 'string' ? value.trim() : '';
}

/** The chat components that the admin library (c/chatAdminChecks) checks. */
export type CheckedKind = 'start' | 'end' | 'clear' | 'status';

/** What the admin library's check reads of a chat component. */
export interface Checked {
    kind: CheckedKind;
    /** How each builder property reads. */
    settings: PropertySpecs;
    /** A builder property's value as Experience Builder handed it over. */
    settingValue(property: string): unknown;
    /** The service's verdict on the component's own routing (Start button); null when none set. */
    routing: RoutingValidation | null;
    /** The chat as the component follows it (unset before the first state): its client, say. */
    chatState?: ChatState;
    /**
     * A chat started from the component would be refused for its routing (INVALID_ROUTING): the
     * site routing (with the Start button's own over it) is invalid.
     */
    routingRefused: boolean;
}

/**
 * What the check gives back: what the admin should fix in the component (`problems`) and
 * elsewhere on the page (`pageProblems`: the site routing), and what visitors see when.
 */
export interface AdminCheck {
    problems: string[];
    pageProblems: string[];
    notes: string[];
}

/** A chat component in Builder: what its admin notice reads (the check's input, and the chat). */
export interface NoticeSubject extends Checked {
    status: ChatStatus;
    disabledReason: ChatDisabledReason | null;
    /** It says in full why chat is off; false: another component of the page does. */
    explainsChatOff: boolean;
}

/** What the admin notice of a component shows: c/chatAdminNotice's properties. */
export interface AdminNotice {
    disabledReason: ChatDisabledReason | null;
    /** Another component of the page says in full why chat is off: here only a reference. */
    reasonElsewhere: boolean;
    pageProblems: string[];
    propertyProblems: string[];
    notes: string[];
}

/**
 * Fills the `{0}`, `{1}`… placeholders of a Custom Label. Arguments are inserted as text (the
 * templates render it escaped); a placeholder without an argument is left empty.
 */
export function formatLabel(template: string, ...args: readonly (string | number)[]): string {
    return template.replace(/\{(\d+)\}/g, (_match, index: string) => {
        const arg = args[Number(index)];
        return arg === undefined ? '' : String(arg);
    });
}

/**
 * The chat components of this page that say in Builder why chat is off (each component, and
 * Chat Routing Settings' summary card), in the order they began to: the first says it in full,
 * the others refer to it (the same long text on every component is noise). A module is one per
 * page, so this list is the page's, and nothing of it is global.
 */
const explainers: ((inFull: boolean) => void)[] = [];

/**
 * A component's place among those that say why chat is off. The function it gives joins the
 * list while chat is off (`off` true) and leaves it otherwise (and when the component leaves the
 * page); `tell` hears whether the component says it in full: at once when it joins, and again
 * when the one before it leaves.
 */
export function chatOffExplainer(tell: (inFull: boolean) => void): (off: boolean) => void {
    return (off) => {
        const at = explainers.indexOf(tell);
        if (off && at < 0) {
            explainers.push(tell);
            tell(explainers.length === 1);
        } else if (!off && at >= 0) {
            explainers.splice(at, 1);
            if (at === 0) {
                explainers[0]?.(true);
            }
        }
    };
}
