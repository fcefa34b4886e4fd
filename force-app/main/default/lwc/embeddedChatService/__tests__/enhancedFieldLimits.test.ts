/**
 * Issue 21, point 7: each hidden routing value is checked against the maximum length of the field
 * it goes to, as the client checks it (validatePrechatField): the deployment's own `maxLength`
 * when its configuration is on the page, else the default the docs give (255). Too long, the
 * routing is refused when it is set, not at the visitor's click.
 */
import {
    getCalls,
    getConversations,
    installEmbeddedServiceBootstrap,
    settleClient,
    uninstallEmbeddedServiceBootstrap
} from 'test/jest-mocks/embeddedServiceBootstrap';
import { loadService, useServicePage } from 'test/reliability/serviceHarness';
import { BUTTON } from 'test/fixtures/ids';
import { EnhancedChatClient } from '../enhancedChatClient';

const QUEUE = '00G5g000000QuEu';
/** Nine agent-then-queue rules, each its own: 9 × 31 characters and 8 commas = 287. */
const NINE_RULES = Array.from({ length: 9 }, (_, i) => `0055g00000ABcD${i}_${QUEUE}`);
const JOINED = NINE_RULES.join(',');

function declaring(rulesMax: number, targetMax = 18) {
    return [
        { name: 'Chat_Agent_Id', maxLength: 18 },
        { name: 'Chat_Target_Id', maxLength: targetMax },
        { name: 'Chat_Fallback', maxLength: 5 },
        { name: 'Chat_Fallback_Routing', maxLength: rulesMax }
    ];
}

describe('hidden routing values and the maximum length of their field', () => {
    useServicePage(() => uninstallEmbeddedServiceBootstrap());

    it('refuses rules longer than the deployment’s field when they are set, and never calls the client', async () => {
        expect(JOINED).toHaveLength(287);
        installEmbeddedServiceBootstrap({ hiddenFields: declaring(255) });
        const service = loadService();
        const verdict = service.configureRouting({ fallbackRouting: NINE_RULES });

        expect(verdict.valid).toBe(false);
        expect(verdict.errors).toEqual([
            {
                field: 'fallbackRouting',
                location: { key: 'fallbackRouting' },
                code: 'HIDDEN_VALUE_TOO_LONG',
                params: ['Chat_Fallback_Routing', '287', '255']
            }
        ]);
        expect(service.getRoutingValidation()).toBe(verdict);
        await expect(service.startChat()).resolves.toMatchObject({
            ok: false,
            code: 'INVALID_ROUTING'
        });
        expect(getCalls('launchChat')).toHaveLength(0);
    });

    it('sends rules longer than 255 when the deployment’s field takes them', async () => {
        installEmbeddedServiceBootstrap({ hiddenFields: declaring(1000) });
        const service = loadService();

        expect(service.configureRouting({ fallbackRouting: NINE_RULES }).valid).toBe(true);
        await expect(service.startChat()).resolves.toEqual({ ok: true });
        await settleClient();
        expect(getConversations()[0].hiddenFields).toEqual({ Chat_Fallback_Routing: JOINED });
    });

    it('checks an ID against its own field’s length, and a renamed field against its own', () => {
        installEmbeddedServiceBootstrap({
            hiddenFields: [...declaring(255, 14), { name: 'Rules_Long', maxLength: 400 }]
        });
        const service = loadService();
        const target = service.configureRouting({ directToAgentRouting: { buttonId: QUEUE } });
        expect(target.errors).toEqual([
            {
                field: 'directToAgentRouting.buttonId',
                location: { key: 'directToAgentRouting', part: 'buttonId' },
                code: 'HIDDEN_VALUE_TOO_LONG',
                params: ['Chat_Target_Id', '15', '14']
            }
        ]);
        const renamed = service.configureRouting({
            fallbackRouting: NINE_RULES,
            hiddenRoutingFields: { fallbackRouting: 'Rules_Long' }
        });
        expect(renamed.valid).toBe(true);
        // A value whose field is left out is not sent: nothing to check.
        expect(
            service.configureRouting({
                fallbackRouting: NINE_RULES,
                hiddenRoutingFields: { fallbackRouting: null }
            }).errors
        ).toEqual([]);
    });

    it('takes the default 255 where the page can’t read the deployment: before the client, and on v2', () => {
        const before = loadService();
        expect(before.configureRouting({ fallbackRouting: NINE_RULES }).errors).toEqual([
            {
                field: 'fallbackRouting',
                location: { key: 'fallbackRouting' },
                code: 'HIDDEN_VALUE_OVER_DEFAULT',
                params: ['Chat_Fallback_Routing', '287', '255']
            }
        ]);

        installEmbeddedServiceBootstrap({ version: 'v2', hiddenFields: declaring(1000) });
        const v2 = loadService();
        expect(v2.configureRouting({ fallbackRouting: NINE_RULES }).errors[0]?.code).toBe(
            'HIDDEN_VALUE_OVER_DEFAULT'
        );
    });

    it('checks the site routing again once the client’s configuration is on the page', () => {
        const service = loadService();
        service.configureRouting({ fallbackRouting: NINE_RULES });
        expect(service.getRoutingValidation().valid).toBe(false);
        installEmbeddedServiceBootstrap({ hiddenFields: declaring(1000) });
        jest.advanceTimersByTime(1000);
        expect(service.getChatState().client).toBe('enhanced');
        expect(service.getRoutingValidation().valid).toBe(true);
    });

    it('never checks lengths for the legacy client, which has no hidden fields', () => {
        const service = loadService();
        const buttonRules = NINE_RULES.map((rule) => rule.replace(QUEUE, BUTTON));
        expect(service.validateRouting({ fallbackRouting: buttonRules }, 'legacy')).toMatchObject({
            valid: true,
            errors: []
        });
    });

    it('gives admin UIs the page’s limits unless they pass their own', () => {
        installEmbeddedServiceBootstrap({ hiddenFields: declaring(1000) });
        const service = loadService();
        const input = { fallbackRouting: NINE_RULES };
        expect(service.validateRouting(input, 'enhanced').valid).toBe(true);
        expect(service.validateRouting(input, 'enhanced', null).errors[0]?.code).toBe(
            'HIDDEN_VALUE_OVER_DEFAULT'
        );
        expect(
            service.validateRouting(input, 'enhanced', { Chat_Fallback_Routing: 200 }).errors[0]
                ?.params
        ).toEqual(['Chat_Fallback_Routing', '287', '200']);
    });

    it('reads the declared fields as getHiddenPrechatFieldsFromConfig does, never throwing', () => {
        const page = (config: unknown) =>
            new EnhancedChatClient(() => ({
                embeddedservice_bootstrap: { settings: { embeddedServiceConfig: config } }
            })).declaredHiddenFields();
        expect(page(undefined)).toBeNull();
        expect(page({})).toEqual({});
        expect(page({ forms: [{ hiddenFormFields: 'x' }] })).toEqual({});
        expect(
            page({
                forms: [
                    {
                        hiddenFormFields: [
                            { name: 'A', maxLength: 40 },
                            { name: 'B' },
                            { maxLength: 3 },
                            null
                        ]
                    },
                    { hiddenFormFields: [{ name: 'C', maxLength: 9 }] }
                ]
            })
        ).toEqual({ A: 40, B: 255 });
        const hostile = {
            forms: [
                {
                    get hiddenFormFields(): unknown[] {
                        return new Proxy([], {
                            get: () => {
                                throw new Error('no');
                            }
                        });
                    }
                }
            ]
        };
        expect(page(hostile)).toEqual({});
    });
});
