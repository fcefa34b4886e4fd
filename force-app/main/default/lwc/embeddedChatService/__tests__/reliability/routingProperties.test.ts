/* eslint-disable jest/no-conditional-expect -- property and table tests branch on the generated
   input by design; counters assert that every branch is exercised. */
/**
 * Property-based tests of routing validation and of the startChat attributes: thousands of
 * random configurations, from well-formed to hostile, checked against an independent model of
 * what the Embedded Chat client accepts (force-app/test/reliability/clientAttributeModel.ts).
 */
import fc from 'fast-check';
import { AGENT as USER, BUTTON } from 'test/fixtures/ids';
import { validateRouting, mergeRouting } from '../../routingRules';
import { ROUTING_LIMITS } from '../../routingIssues';
import { buildStartChatAttributes } from '../../startChatAttributes';
import { checkId, idChecksum } from '../../salesforceIds';
import { ROUTING_ISSUE_CODES, routingIssueText } from '../../../chatAdminChecks/routingIssueText';
import type { RoutingConfig, RoutingValidation } from '../../chatTypes';
import {
    clientProblems,
    documentedShapeProblems,
    isPlainRecord,
    mutateAsClient
} from 'test/reliability/clientAttributeModel';
import {
    anyConfig,
    corruptedId,
    directRoutingLike,
    fallbackRoutingLike,
    objectPrototypeKeys,
    pollutedConfig,
    prechatFieldsLike,
    routingConfigLike,
    snippetSettingsLike,
    validId,
    validRoutingConfig,
    withPollutionKeys
} from 'test/reliability/arbitraries';
import { crispConfigAcceptable, LIMITS } from 'test/reliability/routingOracle';
import { isIdOf, oracleSuffix } from 'test/reliability/salesforceIdOracle';
import {
    getCalls,
    installEmbeddedSvc,
    resetEmbeddedSvc,
    setSnippetSetting
} from 'test/jest-mocks/embeddedSvc';
import { loadService, trackDocumentListeners } from 'test/reliability/serviceHarness';

const KNOWN_FIELDS = [
    'config',
    'directToAgentRouting',
    'fallbackRouting',
    'prepopulatedPrechatFields',
    'extraPrechatInfo',
    'extraPrechatFormDetails',
    'directToButtonRouting',
    'visiblePrechatFields',
    'hiddenRoutingFields'
];
const SNIPPET_KEYS = [
    'prepopulatedPrechatFields',
    'extraPrechatInfo',
    'extraPrechatFormDetails',
    'fallbackRouting',
    'directToButtonRouting'
];

/** The root of an issue's field path: `fallbackRouting[2]` -> `fallbackRouting`. */
function fieldRoot(field: string): string {
    return field.split(/[.[]/)[0];
}

/** Why a verdict is incoherent (empty = coherent). */
function verdictProblems(verdict: RoutingValidation): string[] {
    const problems: string[] = [];
    if (typeof verdict.valid !== 'boolean') problems.push('valid is not a boolean');
    if (!Array.isArray(verdict.errors) || !Array.isArray(verdict.warnings)) {
        return [...problems, 'errors or warnings is not an array'];
    }
    if (verdict.valid !== (verdict.errors.length === 0)) {
        problems.push('valid disagrees with the error count');
    }
    if (verdict.valid !== (verdict.config !== null)) {
        problems.push('config is not null exactly when invalid');
    }
    for (const issue of [...verdict.errors, ...verdict.warnings]) {
        if (typeof issue.field !== 'string') {
            problems.push(`an issue without a field: ${JSON.stringify(issue)}`);
        }
        // A known code has its own Custom Label (an unknown one would read as the bare code).
        if (!ROUTING_ISSUE_CODES.includes(issue.code)) {
            problems.push(`an issue whose code has no words: ${JSON.stringify(issue)}`);
        }
        const text = routingIssueText(issue);
        if (typeof text !== 'string' || text.trim() === '') {
            problems.push(`an issue without words: ${JSON.stringify(issue)}`);
        }
        if (text.length > 400 || String(issue.field).length > 120) {
            problems.push(`an issue that quotes too much: ${String(issue.field).slice(0, 60)}`);
        }
    }
    for (const error of verdict.errors) {
        if (error.field.trim() === '') {
            problems.push(`an error without a field: ${JSON.stringify(error)}`);
        }
        if (!KNOWN_FIELDS.includes(fieldRoot(error.field))) {
            problems.push(`an error that names no known field: ${error.field}`);
        }
    }
    return problems;
}

/** A deep snapshot (JSON) to compare before and after. */
function snapshot(value: unknown): string {
    return JSON.stringify(value);
}

const prototypeKeys = objectPrototypeKeys();

function expectObjectPrototypeClean(): void {
    expect(objectPrototypeKeys()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call({})).toBe('[object Object]');
}

describe('routing validation under random input', () => {
    afterEach(() => {
        expectObjectPrototypeClean();
    });

    it('never throws and always returns a coherent verdict, whatever it is given', () => {
        fc.assert(
            fc.property(anyConfig, (config) => {
                let verdict: RoutingValidation | undefined;
                expect(() => {
                    verdict = validateRouting(config);
                }).not.toThrow();
                expect(verdictProblems(verdict as RoutingValidation)).toEqual([]);
            }),
            { numRuns: 1500 }
        );
    });

    it('names a known field, with a message, for every reason it refuses a configuration', () => {
        let refused = 0;
        fc.assert(
            fc.property(anyConfig, (config) => {
                const verdict = validateRouting(config);
                if (!verdict.valid) {
                    refused += 1;
                    expect(verdict.errors.length).toBeGreaterThan(0);
                    for (const error of verdict.errors) {
                        expect(KNOWN_FIELDS).toContain(fieldRoot(error.field));
                        expect(ROUTING_ISSUE_CODES).toContain(error.code);
                        expect(routingIssueText(error).trim()).not.toBe('');
                    }
                }
            }),
            { numRuns: 800 }
        );
        expect(refused).toBeGreaterThan(100);
    });

    it('accepts exactly the direct routing, fallback rules and pre-chat values that the documented formats allow', () => {
        const crisp = fc.record(
            {
                directToAgentRouting: directRoutingLike,
                fallbackRouting: fallbackRoutingLike,
                prepopulatedPrechatFields: prechatFieldsLike,
                somethingElse: fc.string()
            },
            { requiredKeys: [] }
        );
        const outcomes = { accepted: 0, refused: 0 };
        const clients = fc.constantFrom<'legacy' | 'enhanced' | null>('legacy', 'enhanced', null);
        fc.assert(
            fc.property(crisp, clients, (config, client) => {
                const expected = crispConfigAcceptable(config, client);
                expect(validateRouting(config, client).valid).toBe(expected);
                outcomes[expected ? 'accepted' : 'refused'] += 1;
            }),
            { numRuns: 3000 }
        );
        expect(outcomes.accepted).toBeGreaterThan(100);
        expect(outcomes.refused).toBeGreaterThan(100);
    });

    it('cleans a configuration into one that validates to itself', () => {
        fc.assert(
            fc.property(
                fc.oneof(validRoutingConfig, routingConfigLike, pollutedConfig),
                (config) => {
                    const first = validateRouting(config);
                    fc.pre(first.valid);
                    const again = validateRouting(first.config);
                    expect(again.valid).toBe(true);
                    expect(again.config).toEqual(first.config);
                }
            ),
            { numRuns: 600 }
        );
    });

    it('accepts every configuration made only of valid values', () => {
        fc.assert(
            fc.property(validRoutingConfig, (config) => {
                const fields = Object.keys(
                    (config.prepopulatedPrechatFields as Record<string, string>) ?? {}
                );
                fc.pre(!fields.some((f) => ['constructor', 'prototype'].includes(f)));
                expect(validateRouting(config).errors).toEqual([]);
            }),
            { numRuns: 1000 }
        );
    });

    it('refuses lists beyond the limits, naming the list', () => {
        const huge = fc.oneof(
            fc
                .integer({ min: LIMITS.fallbackRules + 1, max: 5000 })
                .map((n) => ({ fallbackRouting: Array.from({ length: n }, (_, i) => `573${i}`) })),
            fc.integer({ min: ROUTING_LIMITS.extraPrechatInfo + 1, max: 500 }).map((n) => ({
                extraPrechatInfo: Array.from({ length: n }, () => ({
                    entityName: 'Contact',
                    entityFieldMaps: []
                }))
            })),
            fc.integer({ min: ROUTING_LIMITS.extraPrechatFormDetails + 1, max: 3000 }).map((n) => ({
                extraPrechatFormDetails: Array.from({ length: n }, () => ({
                    label: 'L',
                    displayToAgent: true,
                    transcriptFields: []
                }))
            })),
            fc.integer({ min: LIMITS.prechatFields + 1, max: 3000 }).map((n) => ({
                prepopulatedPrechatFields: Object.fromEntries(
                    Array.from({ length: n }, (_, i) => [`Field${i}`, 'x'])
                )
            }))
        );
        fc.assert(
            fc.property(huge, (config) => {
                const verdict = validateRouting(config);
                expect(verdict.valid).toBe(false);
                expect(verdict.errors.map((e) => e.field)).toEqual([Object.keys(config)[0]]);
            }),
            { numRuns: 100 }
        );
    });

    it('leaves Object.prototype untouched by __proto__, constructor and prototype keys anywhere', () => {
        fc.assert(
            fc.property(
                pollutedConfig,
                snippetSettingsLike,
                fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
                (config, snippet, inject) => {
                    const verdict = validateRouting(config, 'legacy');
                    const pollutedSnippet = withPollutionKeys(snippet, inject) as Record<
                        string,
                        unknown
                    >;
                    if (verdict.valid && verdict.config) {
                        // The configuration's own part is plain data: no pollution key survives.
                        const attributes = buildStartChatAttributes(verdict.config, {});
                        expect(clientProblems(attributes)).toEqual([]);
                        expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
                        // The snippet's settings are the site's own: carried over, never polluting.
                        const carried = buildStartChatAttributes(verdict.config, pollutedSnippet);
                        expect(Object.getPrototypeOf(carried)).toBe(Object.prototype);
                        const fields = carried.prepopulatedPrechatFields;
                        if (fields !== undefined) {
                            expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
                            expect(Object.keys(fields as object)).not.toContain('__proto__');
                        }
                    }
                    const merged = mergeRouting(
                        (isPlainRecord(config) ? config : {}) as RoutingConfig,
                        config as RoutingConfig
                    );
                    validateRouting(merged);
                    expectObjectPrototypeClean();
                }
            ),
            { numRuns: 1000 }
        );
    });
});

describe('the model of the client’s validation', () => {
    it('accepts the documented attributes', () => {
        expect(
            clientProblems({
                buttonId: BUTTON,
                userId: USER,
                fallback: true,
                directToAgentRouting: { buttonId: BUTTON, userId: USER, fallback: true },
                fallbackRouting: [USER, `${USER}_${BUTTON}`, BUTTON],
                prepopulatedPrechatFields: { FirstName: 'Ada' },
                extraPrechatInfo: [],
                extraPrechatFormDetails: [],
                directToButtonRouting: () => BUTTON
            })
        ).toEqual([]);
        expect(clientProblems({})).toEqual([]);
    });

    it.each([
        [
            'a nested routing without the top-level keys',
            { directToAgentRouting: { buttonId: BUTTON } }
        ],
        ['a blank top-level buttonId', { buttonId: ' ', directToAgentRouting: { buttonId: ' ' } }],
        ['a user ID as the button', { buttonId: USER, directToAgentRouting: { buttonId: USER } }],
        [
            'a nested routing that disagrees',
            {
                buttonId: BUTTON,
                fallback: true,
                directToAgentRouting: { buttonId: BUTTON, fallback: false }
            }
        ],
        ['pre-chat values that are not text', { prepopulatedPrechatFields: { Age: 42 } }],
        ['pre-chat values in a list', { prepopulatedPrechatFields: ['Ada'] }],
        ['a fallback rule list that is not a list', { fallbackRouting: BUTTON }],
        ['a fallback rule that is not an ID', { fallbackRouting: ['5735g000000XyZ'] }],
        ['a fallback rule joined the wrong way round', { fallbackRouting: [`${BUTTON}_${USER}`] }],
        ['extraPrechatInfo that is not a list', { extraPrechatInfo: {} }],
        [
            'a getter',
            Object.defineProperty({}, 'extraPrechatInfo', { get: () => [], enumerable: true })
        ],
        ['a class instance', { extraPrechatFormDetails: [new Date(0)] }],
        ['an unknown key', { isDirectToAgentRouting: true }]
    ])('refuses %s', (_what, attributes) => {
        expect(clientProblems(attributes)).not.toEqual([]);
    });
});

describe('IDs under random corruption', () => {
    it('agrees with an independent ID oracle on valid and corrupted IDs of both kinds', () => {
        const kinds = [
            ['chatButton', '573'],
            ['user', '005'],
            ['queue', '00G']
        ] as const;
        const counts = { valid: 0, invalid: 0 };
        fc.assert(
            fc.property(
                fc.constantFrom(...kinds),
                fc.boolean(),
                fc.oneof(
                    validId('573'),
                    validId('005'),
                    validId('00G'),
                    corruptedId('573'),
                    corruptedId('005'),
                    corruptedId('00G')
                ),
                ([kind, prefix], trim, raw) => {
                    const id = trim ? raw.trim() : raw;
                    const expected = isIdOf(id, prefix);
                    expect(checkId(id, kind) === null).toBe(expected);
                    counts[expected ? 'valid' : 'invalid'] += 1;
                }
            ),
            { numRuns: 2000 }
        );
        expect(counts.valid).toBeGreaterThan(200);
        expect(counts.invalid).toBeGreaterThan(200);
    });

    it('computes the same case-safe suffix as the oracle for every 15-character ID', () => {
        fc.assert(
            fc.property(
                fc.string({
                    unit: fc.constantFrom(...'aZ09bY'.split('')),
                    minLength: 15,
                    maxLength: 15
                }),
                (id15) => {
                    expect(idChecksum(id15)).toBe(oracleSuffix(id15));
                }
            ),
            { numRuns: 1000 }
        );
    });
});

describe('startChat attributes built from accepted configurations', () => {
    it('are always accepted by the model of the client’s own validation, whatever the snippet holds', () => {
        let built = 0;
        fc.assert(
            fc.property(anyConfig, snippetSettingsLike, (config, snippet) => {
                // The attributes are the legacy client's: validated for it.
                const verdict = validateRouting(config, 'legacy');
                fc.pre(verdict.valid);
                const attributes = buildStartChatAttributes(
                    verdict.config as RoutingConfig,
                    snippet
                );
                built += 1;
                expect(clientProblems(attributes)).toEqual([]);
                expect(() => mutateAsClient(attributes)).not.toThrow();
            }),
            { numRuns: 1000 }
        );
        expect(built).toBeGreaterThan(500);
    });

    it('carry the documented entry shapes for the pre-chat lists the configuration sets', () => {
        fc.assert(
            fc.property(fc.oneof(validRoutingConfig, routingConfigLike), (config) => {
                const verdict = validateRouting(config);
                fc.pre(verdict.valid);
                const attributes = buildStartChatAttributes(verdict.config as RoutingConfig, {});
                expect(documentedShapeProblems(attributes)).toEqual([]);
            }),
            { numRuns: 600 }
        );
    });

    it('send direct routing in both shapes exactly when the configuration has it', () => {
        fc.assert(
            fc.property(validRoutingConfig, snippetSettingsLike, (config, snippet) => {
                const verdict = validateRouting(config);
                fc.pre(verdict.valid);
                const attributes = buildStartChatAttributes(
                    verdict.config as RoutingConfig,
                    snippet
                );
                const direct = verdict.config?.directToAgentRouting;
                if (direct) {
                    expect(attributes.buttonId).toBe(direct.buttonId);
                    expect(attributes.directToAgentRouting).toEqual({
                        buttonId: direct.buttonId,
                        ...(direct.userId ? { userId: direct.userId } : {}),
                        fallback: direct.fallback === true
                    });
                    expect(attributes).not.toHaveProperty('directToButtonRouting');
                } else {
                    for (const key of ['buttonId', 'userId', 'fallback', 'directToAgentRouting']) {
                        expect(attributes).not.toHaveProperty(key);
                    }
                }
            }),
            { numRuns: 1000 }
        );
    });

    it('are fresh objects every time: what the client does to one never reaches the configuration or the next', () => {
        fc.assert(
            fc.property(
                fc.oneof(validRoutingConfig, routingConfigLike),
                snippetSettingsLike,
                (config, snippet) => {
                    const verdict = validateRouting(config);
                    fc.pre(verdict.valid);
                    const cleaned = verdict.config as RoutingConfig;
                    const before = snapshot(cleaned);
                    const snippetBefore = snapshot(snippet);
                    const first = buildStartChatAttributes(cleaned, snippet);
                    const expected = snapshot(first);
                    mutateAsClient(first);
                    expect(snapshot(cleaned)).toBe(before);
                    expect(snapshot(snippet)).toBe(snippetBefore);
                    expect(snapshot(buildStartChatAttributes(cleaned, snippet))).toBe(expected);
                }
            ),
            { numRuns: 600 }
        );
    });
});

describe('the startChat path of the service under random routing', () => {
    let documentListeners: { removeAll: () => void };

    beforeEach(() => {
        documentListeners = trackDocumentListeners();
    });

    afterEach(() => {
        documentListeners.removeAll();
        resetEmbeddedSvc();
        expectObjectPrototypeClean();
    });

    it('calls the client once with attributes it accepts, or refuses with INVALID_ROUTING naming a field and calls nothing', async () => {
        const svc = installEmbeddedSvc();
        const api = svc.liveAgentAPI as Record<string, (a: unknown) => unknown>;
        const realStart = api.startChat;
        let seen: string[][] = [];
        api.startChat = (attributes: unknown) => {
            seen.push(clientProblems(attributes));
            return realStart(attributes);
        };
        const service = loadService();
        const outcomes = { ok: 0, refused: 0 };
        await fc.assert(
            fc.asyncProperty(
                anyConfig,
                fc.option(anyConfig, { nil: undefined }),
                snippetSettingsLike,
                async (site, override, snippet) => {
                    // Whatever an earlier run left (a failed assertion included), start from ready.
                    await service.clearSession();
                    for (const key of SNIPPET_KEYS) {
                        setSnippetSetting(key, snippet[key]);
                    }
                    seen = [];
                    const callsBefore = getCalls('startChat').length;
                    service.configureRouting(site as RoutingConfig);
                    const result = await service.startChat(
                        override === undefined ? undefined : { routing: override as RoutingConfig }
                    );
                    // The service runs the legacy client here: routing is checked for it.
                    const siteValid = validateRouting(site, 'legacy').valid;
                    const overrideValid =
                        override === undefined ||
                        (isPlainRecord(override) && validateRouting(override, 'legacy').valid);
                    if (result.ok) {
                        outcomes.ok += 1;
                        expect(seen).toEqual([[]]);
                        expect(getCalls('startChat').length - callsBefore).toBe(1);
                    } else {
                        outcomes.refused += 1;
                        expect(result.code).toBe('INVALID_ROUTING');
                        // The field path quotes the keys as given (a key may hold a line break).
                        expect(result.message).toMatch(
                            new RegExp(`(^|\\s)(${KNOWN_FIELDS.join('|')})[\\s\\S]*?: \\S`)
                        );
                        expect(seen).toEqual([]);
                        expect(siteValid && overrideValid).toBe(false);
                    }
                    if (siteValid && overrideValid) {
                        expect(result).toEqual({ ok: true });
                    }
                    await service.endChat();
                    expect(service.getChatState().status).toBe('ready');
                    expect(getCalls('endChat').length).toBeGreaterThan(0);
                }
            ),
            { numRuns: 800 }
        );
        expect(outcomes.ok).toBeGreaterThan(200);
        expect(outcomes.refused).toBeGreaterThan(200);
    });
});
