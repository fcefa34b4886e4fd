import { mergeRouting, validateRouting as validateRoutingCodes } from '../routingRules';
import { ROUTING_LIMITS } from '../routingIssues';
import { idChecksum } from '../salesforceIds';
import { idIssueFor as idIssueCodes } from '../routingIds';
import { ROUTING_ISSUE_CODES } from '../../chatAdminChecks/routingIssueText';
import { worded, wordedValidation } from 'test/wordedRouting';
import { isChannelVariableName, isPrechatFieldName } from '../prechatRules';
import { ROUTING_ISSUE_CASES } from 'test/routingIssueCases';
import { AGENT as USER, BUTTON, BUTTON_2, OTHER_BUTTON, QUEUE } from 'test/fixtures/ids';

const BUTTON_18 = `${BUTTON}${idChecksum(BUTTON)}`;

/** The service's verdict, each issue with the words an admin reads (its code's Custom Label). */
function validateRouting(
    input: unknown,
    client?: Parameters<typeof validateRoutingCodes>[1],
    hiddenFields?: Parameters<typeof validateRoutingCodes>[2]
): ReturnType<typeof wordedValidation> {
    return wordedValidation(validateRoutingCodes(input, client, hiddenFields));
}

function idIssueFor(...args: Parameters<typeof idIssueCodes>) {
    const found = idIssueCodes(...args);
    return found && worded(found);
}

/** The rules as the legacy client has them (the tests below were written for it). */
function validateLegacy(input: unknown): ReturnType<typeof wordedValidation> {
    return validateRouting(input, 'legacy');
}

function errorFields(input: unknown): string[] {
    return validateLegacy(input).errors.map((e) => e.field);
}

describe('validateRouting', () => {
    it('treats nothing and an empty object as "use the snippet routing"', () => {
        expect(validateLegacy(undefined)).toEqual({
            valid: true,
            errors: [],
            warnings: [],
            config: {}
        });
        expect(validateLegacy({})).toEqual({ valid: true, errors: [], warnings: [], config: {} });
    });

    it('accepts a full configuration and returns a trimmed plain copy', () => {
        const input = {
            directToAgentRouting: { buttonId: ` ${BUTTON_18} `, userId: USER, fallback: true },
            fallbackRouting: [` ${USER} `, `${USER}_${OTHER_BUTTON}`, BUTTON_18],
            prepopulatedPrechatFields: { FirstName: 'Ada', Custom_Field__c: 'x' }
        };
        const result = validateLegacy(input);
        expect(result).toEqual({
            valid: true,
            errors: [],
            warnings: [],
            config: {
                directToAgentRouting: { buttonId: BUTTON_18, userId: USER, fallback: true },
                fallbackRouting: [USER, `${USER}_${OTHER_BUTTON}`, BUTTON_18],
                prepopulatedPrechatFields: { FirstName: 'Ada', Custom_Field__c: 'x' }
            }
        });
        expect(result.config?.prepopulatedPrechatFields).not.toBe(input.prepopulatedPrechatFields);
    });

    it.each([
        ['', /Enter a chat button ID \(it starts with 573\)/, 'ID_EMPTY', ['chatButton', '573']],
        [
            '5735g000000XyZ',
            /has 14 characters; a chat button ID has 15 or 18/,
            'ID_LENGTH',
            ['chatButton', '5735g000000XyZ', '14']
        ],
        [
            '5735g000000<b>a',
            /has “<” \(U\+003C\) at position 12, which can't be in a chat button ID/,
            'ID_CHARACTERS',
            ['chatButton', '5735g000000<b>a', 'U+003C', '12']
        ],
        [
            USER,
            /is not a chat button ID: a chat button ID starts with 573/,
            'ID_PREFIX',
            ['chatButton', USER, '573']
        ],
        [
            `${BUTTON}AAA`,
            /last 3 characters don't match/,
            'ID_CHECKSUM',
            ['chatButton', `${BUTTON}AAA`]
        ]
    ])('explains what is wrong with the button ID "%s"', (buttonId, message, code, params) => {
        const result = validateLegacy({ directToAgentRouting: { buttonId } });
        expect(result.valid).toBe(false);
        expect(result.config).toBeNull();
        expect(result.errors).toEqual([
            {
                field: 'directToAgentRouting.buttonId',
                location: { key: 'directToAgentRouting', part: 'buttonId' },
                message: expect.stringMatching(message),
                code,
                params
            }
        ]);
    });

    it('checks the agent user ID and the fallback flag', () => {
        expect(errorFields({ directToAgentRouting: { buttonId: BUTTON, userId: BUTTON } })).toEqual(
            ['directToAgentRouting.userId']
        );
        expect(
            errorFields({ directToAgentRouting: { buttonId: BUTTON, fallback: 'yes' } })
        ).toEqual(['directToAgentRouting.fallback']);
        expect(errorFields({ directToAgentRouting: { buttonId: 7 } })).toEqual([
            'directToAgentRouting.buttonId'
        ]);
        expect(errorFields({ directToAgentRouting: 'x' })).toEqual(['directToAgentRouting']);
        expect(
            validateLegacy({ directToAgentRouting: { buttonId: BUTTON, userId: '  ' } }).config
        ).toEqual({
            directToAgentRouting: { buttonId: BUTTON, fallback: false }
        });
    });

    it('warns that fallback without an agent changes nothing', () => {
        const result = validateLegacy({
            directToAgentRouting: { buttonId: BUTTON, fallback: true }
        });
        expect(result.valid).toBe(true);
        expect(result.warnings.map((w) => w.field)).toEqual(['directToAgentRouting.fallback']);
    });

    it('checks each fallback rule by kind and names its position', () => {
        const result = validateLegacy({
            fallbackRouting: [
                BUTTON,
                '',
                'hello',
                `${USER}_${USER}`,
                `${USER}_${BUTTON}_x`,
                5,
                '0055g00000ABcD'
            ]
        });
        expect(result.errors.map((e) => e.field)).toEqual([
            'fallbackRouting[1]',
            'fallbackRouting[2]',
            'fallbackRouting[3]',
            'fallbackRouting[4]',
            'fallbackRouting[5]',
            'fallbackRouting[6]'
        ]);
        expect(result.errors[0].message).toMatch(/empty/);
        expect(result.errors[1].message).toMatch(/is not a rule: use a chat button ID \(573…\)/);
        expect(result.errors[2].message).toMatch(/not a chat button ID/);
        expect(result.errors[3].message).toMatch(/joined by _/);
    });

    it('warns about repeated rules and a site button that is not the last rule', () => {
        const result = validateLegacy({
            directToAgentRouting: { buttonId: BUTTON, userId: USER },
            fallbackRouting: [USER, OTHER_BUTTON, USER]
        });
        expect(result.valid).toBe(true);
        expect(result.warnings).toEqual([
            {
                field: 'fallbackRouting[2]',
                location: { key: 'fallbackRouting', index: 2 },
                message: 'Rule 3 repeats rule 1; the repeat is never used.',
                code: 'RULE_REPEATED',
                params: ['3', '1']
            },
            {
                field: 'fallbackRouting',
                location: { key: 'fallbackRouting' },
                message: expect.stringContaining(`Add ${BUTTON} as the last rule`),
                code: 'BUTTON_NOT_LAST',
                params: [BUTTON]
            }
        ]);
        const noDirect = validateLegacy({ fallbackRouting: [USER] });
        expect(noDirect.warnings[0].message).toMatch(/site’s chat button/);
        expect(validateLegacy({ fallbackRouting: [USER, BUTTON] }).warnings).toEqual([]);
    });

    it('names IDs whole, so that two buttons that start alike are told apart', () => {
        // BUTTON_2 differs from BUTTON in its last character only.
        const result = validateLegacy({
            directToAgentRouting: { buttonId: BUTTON_18 },
            fallbackRouting: [USER, BUTTON_2]
        });
        expect(result.warnings.map((w) => w.params)).toEqual([[BUTTON_18]]);
        expect(result.warnings[0].message).toBe(
            `If no rule can take the chat, it is not routed to button ${BUTTON_18} unless that button is the last rule. Add ${BUTTON_18} as the last rule.`
        );
        const pair = `${BUTTON}_${USER}`;
        expect(validateLegacy({ fallbackRouting: [pair] }).errors[0].params).toEqual([pair, '573']);
    });

    it('shortens long free text quoted in a message to 40 characters and an ellipsis', () => {
        const long = `573${'x'.repeat(9997)}`;
        const { errors } = validateLegacy({
            directToAgentRouting: { buttonId: long },
            fallbackRouting: [`hello${'y'.repeat(100)}`]
        });
        expect(errors.map((e) => e.params[1])).toEqual([
            `${long.slice(0, 40)}…`,
            `hello${'y'.repeat(35)}…`
        ]);
    });

    it.each([
        ['a zero-width space', '\u200b', 'U+200B', 'an invisible character (U+200B)'],
        ['a byte order mark', '\ufeff', 'U+FEFF', 'an invisible character (U+FEFF)'],
        ['a soft hyphen', '\u00ad', 'U+00AD', 'an invisible character (U+00AD)'],
        ['a non-breaking space', '\u00a0', 'U+00A0', 'a space (U+00A0)'],
        ['a space', ' ', 'U+0020', 'a space (U+0020)'],
        ['a dash', '-', 'U+002D', '“-” (U+002D)'],
        ['an emoji', '😀', 'U+1F600', '“😀” (U+1F600)']
    ])('names %s inside an ID, and where it is', (_name, character, code, words) => {
        const buttonId = `5735g${character}000000XyZa`;
        const [error] = validateLegacy({ directToAgentRouting: { buttonId } }).errors;
        expect(error.params).toEqual(['chatButton', buttonId, code, '6']);
        expect(error.message).toBe(
            `“${buttonId}” has ${words} at position 6, which can't be in a chat button ID: use only letters and digits.`
        );
    });

    it('names an invisible character at the start of a rule rather than call it no rule', () => {
        const rule = `\u200b${BUTTON}`;
        const [error] = validateLegacy({ fallbackRouting: [rule] }).errors;
        expect([error.code, error.params]).toEqual([
            'ID_CHARACTERS',
            ['chatButton', rule, 'U+200B', '1']
        ]);
        // Text of letters and digits of no known kind is still no rule.
        expect(validateLegacy({ fallbackRouting: ['hello'] }).errors[0].code).toBe(
            'RULE_UNKNOWN_KIND'
        );
    });

    it('limits the number of rules', () => {
        const rules = Array.from({ length: ROUTING_LIMITS.fallbackRules + 1 }, () => BUTTON);
        expect(validateLegacy({ fallbackRouting: rules }).errors[0].message).toMatch(/at most 25/);
        expect(errorFields({ fallbackRouting: BUTTON })).toEqual(['fallbackRouting']);
    });

    it('checks pre-chat field names and values, refusing prototype keys', () => {
        const input = JSON.parse(
            '{"prepopulatedPrechatFields": {"__proto__": "x", "First Name": "a", "Email": 3, "Ok": "fine", "Long": "' +
                'y'.repeat(1001) +
                '"}}'
        ) as unknown;
        const result = validateLegacy(input);
        expect(result.errors.map((e) => e.field)).toEqual([
            'prepopulatedPrechatFields.__proto__',
            'prepopulatedPrechatFields.First Name',
            'prepopulatedPrechatFields.Email',
            'prepopulatedPrechatFields.Long'
        ]);
        expect(({} as Record<string, unknown>).x).toBeUndefined();
        expect(errorFields({ prepopulatedPrechatFields: ['a'] })).toEqual([
            'prepopulatedPrechatFields'
        ]);
        const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`F${i}`, 'v']));
        expect(errorFields({ prepopulatedPrechatFields: many })).toEqual([
            'prepopulatedPrechatFields'
        ]);
    });

    it('checks the shape of extraPrechatInfo and extraPrechatFormDetails', () => {
        const good = {
            extraPrechatInfo: [
                {
                    entityName: 'Contact',
                    showOnCreate: true,
                    saveToTranscript: '',
                    linkToEntityName: 'Case',
                    linkToEntityField: 'ContactId',
                    entityFieldMaps: [
                        {
                            fieldName: 'Email',
                            label: 'Email',
                            doCreate: false,
                            doFind: true,
                            isExactMatch: true
                        }
                    ]
                }
            ],
            extraPrechatFormDetails: [
                {
                    label: 'Email',
                    value: 'a@b.c',
                    displayToAgent: true,
                    transcriptFields: ['Email__c']
                }
            ]
        };
        expect(validateLegacy(good)).toMatchObject({ valid: true, config: good });
        expect(
            errorFields({
                extraPrechatInfo: [
                    {
                        entityName: '',
                        entityFieldMaps: [{ fieldName: 'Email', label: 'Email', doCreate: 'no' }]
                    },
                    'x'
                ],
                extraPrechatFormDetails: [
                    { label: 'L', displayToAgent: 1, transcriptFields: 'Email__c' }
                ]
            })
        ).toEqual([
            'extraPrechatInfo[0].entityName',
            'extraPrechatInfo[0].entityFieldMaps[0].doCreate',
            'extraPrechatInfo[0].entityFieldMaps[0].doFind',
            'extraPrechatInfo[0].entityFieldMaps[0].isExactMatch',
            'extraPrechatInfo[1]',
            'extraPrechatFormDetails[0].displayToAgent',
            'extraPrechatFormDetails[0].transcriptFields'
        ]);
        expect(errorFields({ extraPrechatInfo: {}, extraPrechatFormDetails: {} })).toEqual([
            'extraPrechatInfo',
            'extraPrechatFormDetails'
        ]);
    });

    it('refuses input that is not an object and warns about unknown keys', () => {
        expect(validateLegacy('573')).toMatchObject({
            valid: false,
            errors: [{ field: 'config' }]
        });
        expect(validateLegacy([BUTTON])).toMatchObject({ valid: false });
        expect(validateLegacy(new Date())).toMatchObject({ valid: false });
        expect(validateLegacy({ '': 0 }).warnings[0].field).toBe('config');
        const result = validateLegacy({ buttonId: BUTTON });
        expect(result.valid).toBe(true);
        expect(result.warnings).toEqual([
            {
                field: 'buttonId',
                location: { key: 'buttonId' },
                message: '“buttonId” is not a routing setting and is ignored.',
                code: 'UNKNOWN_SETTING',
                params: ['buttonId']
            }
        ]);
    });
});

describe('validateRouting issue codes', () => {
    it.each(ROUTING_ISSUE_CASES.map((c) => [c.code, c.field, c] as const))(
        'reports %s at %s with its params, its place and the words its label gives',
        (_code, _field, c) => {
            const verdict = validateRouting(c.input, c.client, c.hiddenFields);
            expect(c.severity === 'error' ? verdict.errors : verdict.warnings).toContainEqual({
                field: c.field,
                location: c.location,
                message: c.message,
                code: c.code,
                params: c.params
            });
        }
    );

    it('reports each issue as data only: place, code and params, never words', () => {
        for (const c of ROUTING_ISSUE_CASES) {
            const { errors, warnings } = validateRoutingCodes(c.input, c.client, c.hiddenFields);
            for (const issue of [...errors, ...warnings]) {
                expect(Object.keys(issue).sort()).toEqual(['code', 'field', 'location', 'params']);
            }
        }
        expect(Object.keys(idIssueCodes(7, 'user') ?? {}).sort()).toEqual(['code', 'params']);
    });

    it('has an example of every code, and lists each code once', () => {
        expect(new Set(ROUTING_ISSUE_CASES.map((c) => c.code))).toEqual(
            new Set(ROUTING_ISSUE_CODES)
        );
        expect(new Set(ROUTING_ISSUE_CODES).size).toBe(ROUTING_ISSUE_CODES.length);
    });

    it('gives every issue a listed code and text params', () => {
        for (const c of ROUTING_ISSUE_CASES) {
            const { errors, warnings } = validateRouting(c.input, c.client, c.hiddenFields);
            for (const issue of [...errors, ...warnings]) {
                expect(ROUTING_ISSUE_CODES).toContain(issue.code);
                expect(issue.params.every((p) => typeof p === 'string')).toBe(true);
            }
        }
    });
});

describe('mergeRouting', () => {
    it('lets an override of the wrong kind through to validation rather than ignoring it', () => {
        const merged = mergeRouting({ directToAgentRouting: { buttonId: BUTTON } }, {
            directToAgentRouting: false
        } as unknown as Parameters<typeof mergeRouting>[1]);
        expect(validateLegacy(merged)).toMatchObject({
            valid: false,
            errors: [{ field: 'directToAgentRouting' }]
        });
    });

    it('replaces each key the override sets and keeps the others', () => {
        const site = {
            directToAgentRouting: { buttonId: BUTTON },
            fallbackRouting: [BUTTON],
            prepopulatedPrechatFields: { A: 'a' }
        };
        expect(mergeRouting(site, undefined)).toBe(site);
        expect(mergeRouting(site, { directToAgentRouting: { buttonId: OTHER_BUTTON } })).toEqual({
            directToAgentRouting: { buttonId: OTHER_BUTTON },
            fallbackRouting: [BUTTON],
            prepopulatedPrechatFields: { A: 'a' }
        });
        expect(
            mergeRouting(site, {
                fallbackRouting: [OTHER_BUTTON],
                prepopulatedPrechatFields: { B: 'b' },
                extraPrechatInfo: [],
                extraPrechatFormDetails: []
            })
        ).toEqual({
            directToAgentRouting: { buttonId: BUTTON },
            fallbackRouting: [OTHER_BUTTON],
            prepopulatedPrechatFields: { B: 'b' },
            extraPrechatInfo: [],
            extraPrechatFormDetails: []
        });
    });
});

describe('validateRouting for each chat client', () => {
    const OTHER_USER = '0055g00000OtHeR';

    it('takes a chat button as the target under the legacy client, a queue or a user under Enhanced Chat, and any of them before the client is known', () => {
        const target = (buttonId: string, client: 'legacy' | 'enhanced' | null): boolean =>
            validateRouting({ directToAgentRouting: { buttonId } }, client).valid;
        expect([target(BUTTON, 'legacy'), target(QUEUE, 'legacy'), target(USER, 'legacy')]).toEqual(
            [true, false, false]
        );
        expect([
            target(BUTTON, 'enhanced'),
            target(QUEUE, 'enhanced'),
            target(USER, 'enhanced')
        ]).toEqual([false, true, true]);
        expect([target(BUTTON, null), target(QUEUE, null), target(USER, null)]).toEqual([
            true,
            true,
            true
        ]);
    });

    it('reads fallback rules with the same targets', () => {
        const rules = (fallbackRouting: string[], client: 'legacy' | 'enhanced' | null) =>
            validateRouting({ fallbackRouting }, client);
        expect(rules([QUEUE, `${USER}_${QUEUE}`, `${USER}_${OTHER_USER}`], 'enhanced').valid).toBe(
            true
        );
        expect(rules([QUEUE], 'legacy').errors.map((e) => e.code)).toEqual(['ID_PREFIX']);
        expect(rules([`${USER}_${QUEUE}`], 'legacy').errors[0].location).toEqual({
            key: 'fallbackRouting',
            index: 0,
            side: 'buttonId'
        });
        expect(rules([BUTTON, QUEUE, `${USER}_${BUTTON}`], null).valid).toBe(true);
        expect(rules([BUTTON], 'enhanced').errors[0]).toMatchObject({
            code: 'ID_PREFIX',
            params: ['queueOrUser', BUTTON, '00G/005']
        });
    });

    it('warns about the last rule only where the legacy client decides (not under Enhanced Chat)', () => {
        expect(validateRouting({ fallbackRouting: [USER] }, 'legacy').warnings).toHaveLength(1);
        expect(validateRouting({ fallbackRouting: [USER] }, null).warnings).toHaveLength(1);
        expect(validateRouting({ fallbackRouting: [USER] }, 'enhanced').warnings).toEqual([]);
    });

    it('says "put the agent’s ID first" for a swapped pair, and nothing else', () => {
        const verdict = validateRouting({ fallbackRouting: [`${BUTTON}_${USER}`] }, 'legacy');
        expect(verdict.errors.map((e) => e.code)).toEqual(['RULE_PAIR_SWAPPED']);
        expect(verdict.errors[0].message).toMatch(/put the agent’s ID first/);
    });

    it('checks the Enhanced Chat settings and keeps them in the cleaned configuration', () => {
        const onTarget = (): string => BUTTON;
        const input = {
            visiblePrechatFields: { _firstName: 'Ada', _email: 'ada@example.com' },
            hiddenRoutingFields: { agentId: ' Agent__c ', fallback: null },
            directToButtonRouting: onTarget
        };
        const verdict = validateRouting(input, 'legacy');
        expect(verdict).toMatchObject({ valid: true, errors: [], warnings: [] });
        expect(verdict.config).toEqual({
            visiblePrechatFields: { _firstName: 'Ada', _email: 'ada@example.com' },
            hiddenRoutingFields: { agentId: 'Agent__c', fallback: null },
            directToButtonRouting: onTarget
        });
        expect(
            validateRouting({ visiblePrechatFields: { _firstName: 7 } }).errors.map((e) => e.code)
        ).toEqual(['PRECHAT_VALUE_NOT_TEXT']);
        expect(
            validateRouting({ hiddenRoutingFields: { agentId: 'A', targetId: 'A' } }).errors
        ).toMatchObject([{ code: 'HIDDEN_FIELD_REPEATED', params: ['A'] }]);
        // Two fields left out are not the same name.
        expect(
            validateRouting({ hiddenRoutingFields: { agentId: null, targetId: null } }).valid
        ).toBe(true);
    });

    it('merges the Enhanced Chat keys of an override like the others', () => {
        expect(
            mergeRouting(
                { hiddenRoutingFields: { agentId: 'A' } },
                { hiddenRoutingFields: { agentId: 'B' }, visiblePrechatFields: { _email: 'e' } }
            )
        ).toEqual({ hiddenRoutingFields: { agentId: 'B' }, visiblePrechatFields: { _email: 'e' } });
    });
});

describe('the rules admin UIs share', () => {
    it('words what is wrong with one ID exactly as validateRouting does', () => {
        expect(idIssueFor(USER, 'user')).toBeNull();
        expect(idIssueFor(` ${BUTTON} `, 'chatButton')).toBeNull();
        expect(idIssueFor(7, 'user')).toEqual({
            code: 'ID_NOT_TEXT',
            params: ['user'],
            message: 'Enter a user ID as text.'
        });
        const fromValidation = validateRouting(
            { directToAgentRouting: { buttonId: USER } },
            'legacy'
        ).errors[0];
        expect(idIssueFor(USER, 'chatButton')).toEqual({
            code: fromValidation.code,
            params: fromValidation.params,
            message: fromValidation.message
        });
    });

    it('has one rule for pre-chat field API names and one for channel variable names', () => {
        expect(
            ['FirstName', 'Custom_Field__c', `E${'x'.repeat(79)}`].every(isPrechatFieldName)
        ).toBe(true);
        expect(
            ['_email', 'First Name', '1Email', 'constructor', `E${'x'.repeat(80)}`].some(
                isPrechatFieldName
            )
        ).toBe(false);
        expect(['_firstName', 'Chat_Agent_Id'].every(isChannelVariableName)).toBe(true);
        expect(['__proto__', '_', '_1', 'Chat Agent', ''].some(isChannelVariableName)).toBe(false);
    });

    it('gives every issue a location that names the same place as its field', () => {
        for (const c of ROUTING_ISSUE_CASES) {
            const { errors, warnings } = validateRouting(c.input, c.client, c.hiddenFields);
            for (const issue of [...errors, ...warnings]) {
                const { key, index, part } = issue.location;
                const path = `${key}${index === undefined ? '' : `[${index}]`}${part === undefined ? '' : `.${part}`}`;
                expect(path).toBe(issue.field);
            }
        }
    });
});
