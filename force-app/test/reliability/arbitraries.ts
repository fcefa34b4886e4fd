/**
 * fast-check generators for routing configurations and snippet settings: mostly well-formed
 * values (so that the accepted path is well exercised), each corruptible in one place, plus
 * garbage: wrong types, IDs with wrong prefixes, lengths, cases and checksums, HTML, control
 * characters, huge lists, and `__proto__` / `constructor` keys made own keys through JSON.parse.
 */
import fc from 'fast-check';
import { idChecksum } from '../../main/default/lwc/embeddedChatService/salesforceIds';
import { BUTTON } from '../fixtures/ids';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const alnumChar = fc.constantFrom(...ALNUM.split(''));

/** Strings that have broken naive code before: markup, control characters, odd Unicode. */
export const NASTY_STRINGS: readonly string[] = [
    '',
    ' ',
    '\t\n',
    '\u0000',
    '\u0007\u001b[31m',
    '\u00a0',
    '\u200b',
    '\ufeff',
    '\u2028',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    "'; DROP TABLE Contact; --",
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'undefined',
    'null',
    'NaN',
    '573',
    '005',
    '_',
    '573_005',
    '{}',
    '[]',
    '😀',
    'e\u0301',
    'İ',
    'ß',
    '\ud800'
];

export const nastyString = fc.constantFrom(...NASTY_STRINGS);

/** Any text: random, full Unicode, nasty, or long. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
    { arbitrary: fc.string({ maxLength: 30 }), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
    { arbitrary: nastyString, weight: 3 },
    { arbitrary: fc.string({ minLength: 250, maxLength: 1200 }), weight: 1 }
);

/** A well-formed 15- or 18-character ID with the given key prefix. */
export function validId(prefix: string): fc.Arbitrary<string> {
    return fc
        .tuple(fc.array(alnumChar, { minLength: 12, maxLength: 12 }), fc.boolean())
        .map(([body, long]) => {
            const id15 = prefix + body.join('');
            return long ? id15 + idChecksum(id15) : id15;
        });
}

/** Whitespace the service may trim around an ID (String.prototype.trim's set) or not. */
const padding = fc.constantFrom('', ' ', '  ', '\t', '\n', '\u00a0', '\ufeff', '\u2028');

/** An ID corrupted in one way (the result may still be valid, e.g. a case change in a 15-char ID). */
export function corruptedId(prefix: string): fc.Arbitrary<string> {
    const base = validId(prefix);
    return fc.oneof(
        // wrong key prefix: another object's, or random characters
        fc
            .tuple(
                base,
                fc.constantFrom('572', '00D', '001', '003', '500', '005', '573', '00G', 'ABC')
            )
            .map(([id, other]) => other + id.slice(3)),
        // wrong length: cut or extended
        fc.tuple(base, fc.integer({ min: 0, max: 17 })).map(([id, n]) => id.slice(0, n)),
        fc
            .tuple(base, fc.array(alnumChar, { minLength: 1, maxLength: 6 }))
            .map(([id, extra]) => id + extra.join('')),
        // a 15-char ID given a random suffix (usually a wrong checksum)
        fc
            .tuple(validId(prefix), fc.array(alnumChar, { minLength: 3, maxLength: 3 }))
            .map(([id, s]) => id.slice(0, 15) + s.join('')),
        // case flipped at one position (changes the checksum of an 18-char ID)
        fc.tuple(base, fc.nat()).map(([id, n]) => {
            const i = n % id.length;
            const c = id[i];
            const flipped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
            return id.slice(0, i) + flipped + id.slice(i + 1);
        }),
        // the whole ID lower- or upper-cased
        base.map((id) => id.toLowerCase()),
        base.map((id) => id.toUpperCase()),
        // one character replaced by something that can't be in an ID
        fc.tuple(base, fc.nat(), nastyString).map(([id, n, s]) => {
            const i = n % id.length;
            return id.slice(0, i) + s + id.slice(i + 1);
        }),
        // surrounded by whitespace (valid once trimmed, unless the space is not trimmable)
        fc.tuple(padding, base, padding).map(([a, id, b]) => a + id + b),
        // zero-width or bidi characters that look like nothing
        base.map((id) => `${id}\u200b`),
        base.map((id) => `\u202e${id}`)
    );
}

/** An ID-like value: valid, corrupted, or not an ID at all. */
export function idLike(prefix: string): fc.Arbitrary<unknown> {
    return fc.oneof(
        { arbitrary: validId(prefix), weight: 5 },
        { arbitrary: corruptedId(prefix), weight: 5 },
        { arbitrary: anyText, weight: 1 },
        { arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.boolean()), weight: 1 }
    );
}

/** A fallback rule: well-formed (button, user, user_button), corrupted, or garbage. */
export const fallbackRuleLike: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: validId('573'), weight: 4 },
    { arbitrary: validId('005'), weight: 3 },
    {
        arbitrary: fc.tuple(validId('005'), validId('573')).map(([u, b]) => `${u}_${b}`),
        weight: 3
    },
    {
        arbitrary: fc
            .tuple(idLike('005'), idLike('573'))
            .map(([u, b]) => `${String(u)}_${String(b)}`),
        weight: 2
    },
    {
        arbitrary: fc.tuple(validId('573'), validId('005')).map(([b, u]) => `${b}_${u}`),
        weight: 1
    },
    {
        arbitrary: fc.tuple(validId('005'), validId('573'), validId('573')).map((p) => p.join('_')),
        weight: 1
    },
    { arbitrary: corruptedId('573'), weight: 2 },
    { arbitrary: corruptedId('005'), weight: 2 },
    // Enhanced Chat targets: queues, alone or after an agent.
    { arbitrary: validId('00G'), weight: 2 },
    {
        arbitrary: fc.tuple(validId('005'), validId('00G')).map(([u, q]) => `${u}_${q}`),
        weight: 1
    },
    { arbitrary: corruptedId('00G'), weight: 1 },
    { arbitrary: anyText, weight: 1 },
    { arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.object()), weight: 1 }
);

/** A field API name (valid) or a key that is not one. */
const apiName = fc
    .tuple(
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.split('')),
        fc.string({ unit: fc.constantFrom(...`${ALNUM}_`.split('')), maxLength: 20 })
    )
    .map(([a, b]) => a + b);
const keyLike: fc.Arbitrary<string> = fc.oneof(
    { arbitrary: apiName, weight: 6 },
    { arbitrary: anyText, weight: 1 },
    { arbitrary: fc.constantFrom('constructor', 'prototype', 'toString', 'valueOf'), weight: 1 },
    {
        arbitrary: fc.string({
            unit: fc.constantFrom('a', 'B', '1'),
            minLength: 81,
            maxLength: 90
        }),
        weight: 1
    }
);

const valueLike: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: fc.string({ maxLength: 40 }), weight: 6 },
    { arbitrary: nastyString, weight: 2 },
    { arbitrary: fc.string({ minLength: 990, maxLength: 1010 }), weight: 1 },
    { arbitrary: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.object()), weight: 1 }
);

export const prechatFieldsLike: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: fc.dictionary(apiName, fc.string({ maxLength: 40 }), { maxKeys: 8 }), weight: 4 },
    { arbitrary: fc.dictionary(keyLike, valueLike, { maxKeys: 8 }), weight: 3 },
    {
        arbitrary: fc.dictionary(apiName, fc.string({ maxLength: 3 }), {
            minKeys: 45,
            maxKeys: 60
        }),
        weight: 1
    },
    { arbitrary: fc.oneof(fc.array(fc.string()), anyText, fc.integer()), weight: 1 }
);

/** Text that validateRouting accepts for a required text field, or not. */
const textLike: fc.Arbitrary<unknown> = fc.oneof(
    {
        arbitrary: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
        weight: 8
    },
    { arbitrary: fc.oneof(nastyString, fc.string({ minLength: 250, maxLength: 300 })), weight: 1 },
    {
        arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean()),
        weight: 1
    }
);
const boolLike: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: fc.boolean(), weight: 10 },
    { arbitrary: fc.constantFrom('true', 0, 1, null, undefined), weight: 1 }
);

const fieldMapLike = fc.oneof(
    {
        arbitrary: fc.record({
            fieldName: textLike,
            label: textLike,
            doCreate: boolLike,
            doFind: boolLike,
            isExactMatch: boolLike
        }),
        weight: 10
    },
    { arbitrary: fc.oneof(anyText, fc.constant(null), fc.array(fc.nat())), weight: 1 }
);

export const extraPrechatInfoLike: fc.Arbitrary<unknown> = fc.oneof(
    {
        arbitrary: fc.array(
            fc.oneof(
                {
                    arbitrary: fc.record(
                        {
                            entityName: textLike,
                            showOnCreate: boolLike,
                            saveToTranscript: fc.oneof(fc.constant(''), textLike),
                            linkToEntityName: textLike,
                            linkToEntityField: textLike,
                            entityFieldMaps: fc.oneof(
                                { arbitrary: fc.array(fieldMapLike, { maxLength: 4 }), weight: 10 },
                                {
                                    arbitrary: fc.array(fieldMapLike, {
                                        minLength: 51,
                                        maxLength: 55
                                    }),
                                    weight: 1
                                },
                                { arbitrary: fc.oneof(fc.object(), anyText), weight: 1 }
                            )
                        },
                        { requiredKeys: ['entityName', 'entityFieldMaps'] }
                    ),
                    weight: 10
                },
                { arbitrary: fc.oneof(anyText, fc.integer(), fc.constant(null)), weight: 1 }
            ),
            { maxLength: 4 }
        ),
        weight: 8
    },
    {
        arbitrary: fc.array(fc.constant({ entityName: 'Contact', entityFieldMaps: [] }), {
            minLength: 11,
            maxLength: 14
        }),
        weight: 1
    },
    { arbitrary: fc.oneof(fc.object(), anyText, fc.integer()), weight: 1 }
);

export const extraPrechatFormDetailsLike: fc.Arbitrary<unknown> = fc.oneof(
    {
        arbitrary: fc.array(
            fc.oneof(
                {
                    arbitrary: fc.record(
                        {
                            label: textLike,
                            value: fc.oneof(fc.string({ maxLength: 30 }), textLike),
                            displayToAgent: boolLike,
                            transcriptFields: fc.oneof(
                                { arbitrary: fc.array(textLike, { maxLength: 3 }), weight: 10 },
                                { arbitrary: fc.oneof(anyText, fc.object()), weight: 1 }
                            )
                        },
                        { requiredKeys: ['label', 'displayToAgent', 'transcriptFields'] }
                    ),
                    weight: 10
                },
                { arbitrary: fc.oneof(anyText, fc.integer(), fc.constant(null)), weight: 1 }
            ),
            { maxLength: 4 }
        ),
        weight: 8
    },
    {
        arbitrary: fc.array(
            fc.constant({ label: 'L', displayToAgent: true, transcriptFields: [] }),
            { minLength: 51, maxLength: 60 }
        ),
        weight: 1
    },
    { arbitrary: fc.oneof(fc.object(), anyText, fc.integer()), weight: 1 }
);

export const directRoutingLike: fc.Arbitrary<unknown> = fc.oneof(
    {
        arbitrary: fc.record(
            {
                // A chat button (legacy target), or a queue or a user (Enhanced Chat targets).
                buttonId: fc.oneof(
                    { arbitrary: idLike('573'), weight: 3 },
                    { arbitrary: idLike('00G'), weight: 2 },
                    { arbitrary: idLike('005'), weight: 1 }
                ),
                userId: fc.oneof(idLike('005'), fc.constantFrom('', '  ', null, undefined)),
                fallback: boolLike,
                extra: anyText
            },
            { requiredKeys: ['buttonId'] }
        ),
        weight: 10
    },
    {
        arbitrary: fc.oneof(validId('573'), fc.array(validId('573')), fc.integer(), fc.boolean()),
        weight: 1
    }
);

export const fallbackRoutingLike: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: fc.array(fallbackRuleLike, { maxLength: 6 }), weight: 10 },
    { arbitrary: fc.array(validId('573'), { minLength: 26, maxLength: 40 }), weight: 1 },
    { arbitrary: fc.array(fallbackRuleLike, { minLength: 26, maxLength: 300 }), weight: 1 },
    { arbitrary: fc.oneof(validId('573'), fc.object(), fc.integer()), weight: 1 }
);

/** A routing configuration, from well-formed to nonsense. */
export const routingConfigLike: fc.Arbitrary<Record<string, unknown>> = fc.record(
    {
        directToAgentRouting: directRoutingLike,
        fallbackRouting: fallbackRoutingLike,
        prepopulatedPrechatFields: prechatFieldsLike,
        extraPrechatInfo: extraPrechatInfoLike,
        extraPrechatFormDetails: extraPrechatFormDetailsLike,
        unknownSetting: anyText
    },
    { requiredKeys: [] }
);

/** A configuration made only of valid values (every key optional). */
export const validRoutingConfig: fc.Arbitrary<Record<string, unknown>> = fc.record(
    {
        directToAgentRouting: fc.record(
            { buttonId: validId('573'), userId: validId('005'), fallback: fc.boolean() },
            { requiredKeys: ['buttonId'] }
        ),
        fallbackRouting: fc.array(
            fc.oneof(
                validId('573'),
                validId('005'),
                fc.tuple(validId('005'), validId('573')).map(([u, b]) => `${u}_${b}`)
            ),
            { maxLength: 5 }
        ),
        prepopulatedPrechatFields: fc.dictionary(apiName, fc.string({ maxLength: 40 }), {
            maxKeys: 5
        }),
        extraPrechatInfo: fc.array(
            fc.record({
                entityName: fc.constantFrom('Contact', 'Case', 'Account'),
                saveToTranscript: fc.constantFrom('', 'Contact', 'Case'),
                entityFieldMaps: fc.array(
                    fc.record({
                        fieldName: apiName,
                        label: fc.constantFrom('Email', 'First Name', 'Subject'),
                        doCreate: fc.boolean(),
                        doFind: fc.boolean(),
                        isExactMatch: fc.boolean()
                    }),
                    { maxLength: 3 }
                )
            }),
            { maxLength: 3 }
        ),
        extraPrechatFormDetails: fc.array(
            fc.record({
                label: fc.constantFrom('Email', 'Subject'),
                value: fc.string({ maxLength: 20 }),
                displayToAgent: fc.boolean(),
                transcriptFields: fc.array(fc.constantFrom('Email__c', 'Subject__c'), {
                    maxLength: 2
                })
            }),
            { maxLength: 3 }
        )
    },
    { requiredKeys: [] }
);

/** The snippet's own settings (`embedded_svc.settings`): right kinds, wrong kinds, or garbage. */
export const snippetSettingsLike: fc.Arbitrary<Record<string, unknown>> = fc.record(
    {
        prepopulatedPrechatFields: fc.oneof(
            fc.dictionary(apiName, fc.oneof(fc.string({ maxLength: 20 }), fc.integer())),
            fc.dictionary(fc.string(), fc.anything({ maxDepth: 1 })),
            fc.anything({ maxDepth: 1 })
        ),
        extraPrechatInfo: fc.oneof(
            validRoutingConfig.map((c) => c.extraPrechatInfo),
            fc.anything({ maxDepth: 2 })
        ),
        extraPrechatFormDetails: fc.oneof(
            validRoutingConfig.map((c) => c.extraPrechatFormDetails),
            fc.anything({ maxDepth: 2 })
        ),
        // Rules the site wrote itself are carried over as they are (strings only): see
        // snippetFallbackRulesLike for rules that are not IDs.
        fallbackRouting: fc.oneof(
            fc.array(fc.oneof(validId('573'), validId('005'), fc.integer(), fc.constant(null))),
            fc.anything({ maxDepth: 1 }).filter((v) => !Array.isArray(v))
        ),
        directToButtonRouting: fc.oneof(
            fc.constant(() => BUTTON),
            fc.anything({ maxDepth: 0 })
        )
    },
    { requiredKeys: [] }
);

/** Snippet fallback rules that are strings but not IDs (the site's own mistakes). */
export const snippetFallbackRulesLike: fc.Arbitrary<string[]> = fc.array(
    fc.oneof(anyText, corruptedId('573'), corruptedId('005')),
    { minLength: 1, maxLength: 5 }
);

/** The keys JSON.parse makes own keys but an object literal would not. */
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * Serialises `value` to JSON, adding `__proto__` / `constructor` / `prototype` keys (each holding
 * a would-be polluting payload) to the objects that `inject` picks, then parses it back: the
 * result has them as own keys, as a configuration from a JSON property would.
 */
export function withPollutionKeys(value: unknown, inject: boolean[]): unknown {
    let index = 0;
    const payload = '{"polluted":"yes","toString":"polluted","prototype":{"polluted":"yes"}}';
    const write = (v: unknown): string => {
        if (Array.isArray(v)) {
            return `[${v.map((x) => write(x === undefined ? null : x)).join(',')}]`;
        }
        if (v && typeof v === 'object') {
            const parts = Object.entries(v)
                .filter(([, x]) => x !== undefined && typeof x !== 'function')
                .map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`);
            const pick = inject[index++ % inject.length];
            if (pick) {
                const key = POLLUTION_KEYS[index % POLLUTION_KEYS.length];
                parts.splice(index % (parts.length + 1), 0, `"${key}":${payload}`);
            }
            return `{${parts.join(',')}}`;
        }
        const json = JSON.stringify(v);
        return json === undefined ? 'null' : json;
    };
    return JSON.parse(write(value)) as unknown;
}

/** A routing configuration (any of the above) re-made through JSON with pollution keys. */
export const pollutedConfig: fc.Arbitrary<unknown> = fc
    .tuple(
        fc.oneof(routingConfigLike, validRoutingConfig),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 16 })
    )
    .map(([config, inject]) => withPollutionKeys(config, inject));

/** Anything at all as a configuration. */
export const anyConfig: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: routingConfigLike, weight: 6 },
    { arbitrary: validRoutingConfig, weight: 4 },
    { arbitrary: pollutedConfig, weight: 3 },
    { arbitrary: fc.anything(), weight: 1 },
    { arbitrary: fc.constantFrom(null, undefined, [], '', 0, 'config', new Date(0)), weight: 1 }
);

/** A snapshot of Object.prototype's own keys, to prove nothing was added. */
export function objectPrototypeKeys(): string[] {
    return Reflect.ownKeys(Object.prototype).map(String).sort();
}
