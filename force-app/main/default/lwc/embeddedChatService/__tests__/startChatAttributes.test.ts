import { AGENT as USER, BUTTON } from 'test/fixtures/ids';
import { buildStartChatAttributes } from '../startChatAttributes';

describe('buildStartChatAttributes', () => {
    it('sends direct-to-agent routing at the top level and nested, without an absent agent', () => {
        expect(
            buildStartChatAttributes(
                { directToAgentRouting: { buttonId: BUTTON, fallback: false } },
                {}
            )
        ).toEqual({
            buttonId: BUTTON,
            fallback: false,
            directToAgentRouting: { buttonId: BUTTON, fallback: false }
        });
    });

    it('keeps the snippet’s routing when the configuration has none', () => {
        const route = (): string => BUTTON;
        expect(
            buildStartChatAttributes(
                {},
                { fallbackRouting: [USER, 7, BUTTON], directToButtonRouting: route }
            )
        ).toEqual({ fallbackRouting: [USER, BUTTON], directToButtonRouting: route });
        expect(
            buildStartChatAttributes(
                { directToAgentRouting: { buttonId: BUTTON }, fallbackRouting: [USER] },
                { fallbackRouting: [BUTTON], directToButtonRouting: route }
            )
        ).toEqual({
            buttonId: BUTTON,
            fallback: false,
            directToAgentRouting: { buttonId: BUTTON, fallback: false },
            fallbackRouting: [USER]
        });
    });

    it('merges pre-chat values over the snippet’s and replaces its entity mappings when configured', () => {
        const snippetInfo = [{ entityName: 'Contact', entityFieldMaps: [] }];
        const configInfo = [{ entityName: 'Case', entityFieldMaps: [] }];
        const attributes = buildStartChatAttributes(
            { prepopulatedPrechatFields: { FirstName: 'Ada' }, extraPrechatInfo: configInfo },
            {
                prepopulatedPrechatFields: {
                    FirstName: 'Snippet',
                    Subject: 'Help',
                    Count: 3,
                    Bad: {}
                },
                extraPrechatInfo: snippetInfo
            }
        );
        expect(attributes).toEqual({
            prepopulatedPrechatFields: { FirstName: 'Ada', Subject: 'Help', Count: '3' },
            extraPrechatInfo: configInfo
        });
        expect(attributes.extraPrechatInfo).not.toBe(configInfo);
    });

    it('copies snippet data as plain data and drops what cannot be copied', () => {
        const cyclic: Record<string, unknown> = { label: 'x' };
        cyclic.self = cyclic;
        expect(buildStartChatAttributes({}, { extraPrechatFormDetails: [cyclic] })).toEqual({});
        expect(buildStartChatAttributes({}, { extraPrechatInfo: [] })).toEqual({});
        const polluted = JSON.parse(
            '[{"entityName":"Contact","__proto__":{"x":1},"entityFieldMaps":[]}]'
        ) as unknown;
        const copied = buildStartChatAttributes({}, { extraPrechatInfo: polluted })
            .extraPrechatInfo as object[];
        expect(Object.keys(copied[0])).toEqual(['entityName', 'entityFieldMaps']);
    });
});
