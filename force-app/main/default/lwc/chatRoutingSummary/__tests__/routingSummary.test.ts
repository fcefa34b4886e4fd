import { summarize } from '../routingSummary';
import { buildRouting, readSettings, type RawSettings } from 'c/chatRoutingModel';
import { validateRouting } from '../../embeddedChatService/routingRules';
import type {
    ChatClientKind,
    RoutingIssue,
    RoutingValidation
} from '../../embeddedChatService/chatTypes';
import { AGENT as USER, AGENT_2 as USER_2, BUTTON, QUEUE } from 'test/fixtures/ids';

const devIssue = (
    field: string,
    location: RoutingIssue['location'],
    code: RoutingIssue['code'],
    params: string[]
): RoutingIssue & { message: string } => ({
    field,
    location,
    code,
    params,
    message: 'English for the developer console.'
});

/** The summary of these properties, checked for `client` by the real validation. */
function summaryOf(raw: RawSettings, client: ChatClientKind | null) {
    const settings = readSettings(raw);
    const built = buildRouting(settings, { firstName: 'Ada', email: 'ada@example.com' });
    return {
        built,
        summary: summarize(settings, built, validateRouting(built.config, client), {
            userUnavailable: false,
            client
        })
    };
}

function issuesOf(summary: ReturnType<typeof summarize>, name: string): string[] {
    return summary.fields.find((f) => f.name === name)?.issues.map((i) => i.text) ?? [];
}

describe('c-chat-routing-settings summary', () => {
    it('words the service’s issues with their Custom Labels, under the field their location names', () => {
        const settings = readSettings({
            buttonId: BUTTON,
            agentUserId: BUTTON,
            fallbackRules: `${USER}, ${USER}`
        });
        const validation: RoutingValidation = {
            valid: false,
            errors: [
                devIssue(
                    'directToAgentRouting.userId',
                    { key: 'directToAgentRouting', part: 'userId' },
                    'ID_PREFIX',
                    ['user', BUTTON, '005']
                ),
                devIssue(
                    'hiddenRoutingFields.fallback',
                    { key: 'hiddenRoutingFields', part: 'fallback' },
                    'HIDDEN_FIELD_REPEATED',
                    ['Chat_Agent_Id']
                )
            ],
            warnings: [
                devIssue(
                    'fallbackRouting[1]',
                    { key: 'fallbackRouting', index: 1 },
                    'RULE_REPEATED',
                    ['2', '1']
                ),
                devIssue('config', { key: 'config' }, 'UNKNOWN_SETTING', ['queue'])
            ],
            config: null
        };
        const summary = summarize(settings, buildRouting(settings, null), validation, {
            userUnavailable: false,
            client: null
        });

        expect(issuesOf(summary, 'agentUserId')).toEqual([
            `“${BUTTON}” is not a user ID: a user ID starts with 005.`
        ]);
        expect(issuesOf(summary, 'fallbackRules')).toEqual([
            'Rule 2 repeats rule 1; the repeat is never used.'
        ]);
        expect(issuesOf(summary, 'fallbackField')).toEqual([
            '“Chat_Agent_Id” is named for two hidden routing fields: give each its own name.'
        ]);
        expect(summary.generalIssues.map((i) => i.text)).toEqual([
            '“queue” is not a routing setting and is ignored.'
        ]);
        expect(JSON.stringify(summary)).not.toContain('English for the developer console.');
    });

    it('names the client the site runs, or says it is not known yet', () => {
        expect(summaryOf({}, 'legacy').summary.clientText).toBe(
            'This site runs the legacy Embedded Chat client (chat buttons, 573…).'
        );
        expect(summaryOf({}, 'enhanced').summary.clientText).toBe(
            'This site runs Enhanced Chat (Messaging for In-App and Web).'
        );
        expect(summaryOf({}, null).summary.clientText).toBe(
            'The site’s chat client is not known yet, so IDs are checked for both clients.'
        );
    });

    it('says why the client can’t be known while chat is off (Locker, no client), not "not known yet"', () => {
        const settings = readSettings({});
        const built = buildRouting(settings, null);
        const textFor = (chatOff: 'locker' | 'no-chat-client' | null, client = null) =>
            summarize(settings, built, validateRouting(built.config, client), {
                userUnavailable: false,
                client,
                chatOff
            }).clientText;
        expect(textFor('locker')).toBe(
            'Chat is off on this site because Lightning Locker is on, so the site’s chat client can’t be known: IDs are checked for both clients.'
        );
        expect(textFor('no-chat-client')).toBe(
            'No chat client loaded on this page, so IDs are checked for both clients.'
        );
        expect(textFor(null)).toBe(
            'The site’s chat client is not known yet, so IDs are checked for both clients.'
        );
    });

    it('checks the target for the client: a queue is valid under Enhanced Chat only', () => {
        expect(summaryOf({ buttonId: QUEUE }, 'enhanced').summary.state).toBe('valid');
        expect(summaryOf({ buttonId: QUEUE }, null).summary.state).toBe('valid');
        const legacy = summaryOf({ buttonId: QUEUE }, 'legacy').summary;
        expect(legacy.state).toBe('invalid');
        expect(issuesOf(legacy, 'buttonId')).toEqual([
            `“${QUEUE}” is not a chat button ID: a chat button ID starts with 573.`
        ]);
        const enhanced = summaryOf({ buttonId: BUTTON }, 'enhanced').summary;
        expect(issuesOf(enhanced, 'buttonId')).toEqual([
            `“${BUTTON}” is not a queue or user ID: a queue or user ID starts with 00G/005.`
        ]);
    });

    it('lists the Enhanced Chat setup the routing needs, with the hidden field names in use', () => {
        const { summary } = summaryOf(
            { buttonId: QUEUE, agentUserId: USER, agentIdField: 'Agent__c', fallbackField: 'none' },
            'enhanced'
        );

        expect(summary.setupHeading).toBe('For Enhanced Chat, set this up in Salesforce:');
        expect(summary.setupSteps.map((step) => step.text)).toEqual([
            'On the messaging channel, add the custom parameters Agent__c (Maximum Length 18 or more), Chat_Target_Id (18 or more), Chat_Fallback_Routing (255 or more), and add them to the deployment as hidden pre-chat fields.',
            'In the channel’s Parameter Mappings, map each parameter to a Text variable of the flow.',
            'Route the channel with an Omni-Channel flow whose Route Work sends the chat to the agent and falls back to the queue.',
            "Before Route Work, have the flow check the IDs: hidden fields come from the visitor's browser, where anyone can set any agent or queue. Route only to a queue you allow and an agent who is an active member of it; otherwise to your default queue."
        ]);
        expect(summary.rules).toEqual([]);
        expect(summaryOf({ buttonId: QUEUE }, 'legacy').summary.hasSetupSteps).toBe(false);
        expect(summaryOf({}, 'enhanced').summary.hasSetupSteps).toBe(false);
    });

    it('passes the hidden field names that differ from the defaults, null for a field left out', () => {
        const { built } = summaryOf(
            { agentIdField: 'Agent__c', targetIdField: 'NONE', fallbackField: 'Chat_Fallback' },
            'enhanced'
        );
        expect(built.config.hiddenRoutingFields).toEqual({ agentId: 'Agent__c', targetId: null });
        expect(summaryOf({}, 'enhanced').built.config.hiddenRoutingFields).toBeUndefined();
    });

    it('leaves out a hidden field whose name can’t be used, and says why next to it', () => {
        const { built, summary } = summaryOf(
            { buttonId: QUEUE, targetIdField: 'Chat Target' },
            null
        );

        expect(built.config.hiddenRoutingFields).toEqual({ targetId: null });
        expect(issuesOf(summary, 'targetIdField')).toEqual([
            "“Chat Target” can't be used as a channel variable name (letters, digits and _, starting with a letter or _, up to 80 characters), so this value is not sent."
        ]);
        expect(summary.state).toBe('warning');
    });

    it('refuses two hidden routing values sent to the same field, next to the later one', () => {
        const { summary } = summaryOf({ buttonId: QUEUE, fallbackField: 'Chat_Agent_Id' }, null);

        expect(summary.state).toBe('invalid');
        expect(issuesOf(summary, 'fallbackField')).toEqual([
            '“Chat_Agent_Id” is named for two hidden routing fields: give each its own name.'
        ]);
    });

    it('names Enhanced Chat’s standard fields in the pre-fill sentence for an Enhanced Chat site', () => {
        const { summary } = summaryOf({ lastNameField: 'none' }, 'enhanced');

        expect(summary.prefillText).toBe(
            'For logged-in visitors, these pre-chat fields are pre-filled: _firstName (their first name), _email (their email). Guests get no pre-fill. Not pre-filled: last name.'
        );
        expect(
            summaryOf({ firstNameField: 'none', lastNameField: 'none', emailField: 'none' }, null)
                .summary.prefillText
        ).toBe('Pre-fill is on, but every pre-chat field is left out, so nothing is pre-filled.');
    });

    it('shows queue rules as queues', () => {
        const { summary } = summaryOf({ fallbackRules: `${QUEUE}, ${USER}_${QUEUE}` }, 'enhanced');

        expect(summary.rules.map((rule) => rule.text)).toEqual([
            `Queue ${QUEUE}`,
            `Agent ${USER}, then queue ${QUEUE}`
        ]);
    });

    it('refuses a standard visible field name as a hidden field name, and says why', () => {
        const { built, summary } = summaryOf(
            { buttonId: QUEUE, targetIdField: '_firstName' },
            'enhanced'
        );

        expect(built.config.hiddenRoutingFields).toEqual({ targetId: null });
        expect(issuesOf(summary, 'targetIdField')).toEqual([
            '“_firstName” is a standard visible pre-chat field, never a hidden one: a hidden field is a custom parameter, whose name starts with a letter. This value is not sent.'
        ]);
        expect(summary.state).toBe('warning');
    });

    it('never claims a routing the page does not send: a target whose field is none', () => {
        const { summary } = summaryOf({ buttonId: QUEUE, targetIdField: 'none' }, 'enhanced');

        expect(summary.state).toBe('warning');
        expect(summary.routingText).not.toMatch(/Route/);
        expect(summary.routingText).toBe(
            'Chats send your Omni-Channel flow Chat_Fallback = false in hidden pre-chat fields; the flow decides where each chat goes.'
        );
        expect(issuesOf(summary, 'buttonId')).toEqual([
            'Under Enhanced Chat this value is not sent: its hidden field is left out (none), so your flow never gets it.'
        ]);
    });

    it('says that nothing is sent when every hidden field is none', () => {
        const none = {
            agentIdField: 'none',
            targetIdField: 'none',
            fallbackField: 'none',
            fallbackRoutingField: 'none'
        };
        const { summary } = summaryOf(
            { ...none, buttonId: QUEUE, agentUserId: USER, fallbackRules: QUEUE },
            'enhanced'
        );

        expect(summary.state).toBe('warning');
        expect(summary.routingText).toBe(
            'Every hidden field of this routing is left out (none): chats send your flow nothing from here, and it routes them as it would without this routing.'
        );
        expect(summary.rulesHeading).toBe('Not sent (their hidden field is left out):');
    });
});

describe('c-chat-routing-settings summary, in Enhanced Chat’s words', () => {
    it('says what the page sends and that the flow decides, never "route to … then fall back"', () => {
        const { summary } = summaryOf(
            {
                buttonId: QUEUE,
                agentUserId: USER,
                fallbackToButton: true,
                fallbackRules: `${USER_2}_${QUEUE}`
            },
            'enhanced'
        );

        expect(summary.state).toBe('valid');
        expect(summary.routingText).toBe(
            `Chats send your Omni-Channel flow Chat_Agent_Id = ${USER}, Chat_Target_Id = ${QUEUE}, Chat_Fallback = true in hidden pre-chat fields; the flow decides where each chat goes.`
        );
        expect(summary.rulesHeading).toBe(
            'Sent in Chat_Fallback_Routing, for your flow to try in order:'
        );
        // The legacy client routes by itself: its card keeps saying so.
        expect(summaryOf({ buttonId: BUTTON }, 'legacy').summary.rulesHeading).toBe(
            'If unavailable, try:'
        );
    });

    it('warns when the fallback target is a user: the flow recipe falls back to a queue', () => {
        const { summary } = summaryOf(
            { buttonId: USER_2, agentUserId: USER, fallbackToButton: true },
            'enhanced'
        );

        expect(summary.state).toBe('warning');
        expect(issuesOf(summary, 'fallbackToButton')).toEqual([
            `Your flow falls back to the target as a queue, but ${USER_2} is a user: set a queue ID (00G…) as the target, or turn fallback off.`
        ]);
        expect(summaryOf({ buttonId: USER_2, agentUserId: USER }, 'enhanced').summary.state).toBe(
            'valid'
        );
    });

    it('names the fallback property without "button’s queue"', () => {
        const { summary } = summaryOf({ buttonId: QUEUE }, 'enhanced');
        expect(summary.fields.find((f) => f.name === 'fallbackToButton')?.label).toBe(
            'Fall back to the queue'
        );
    });

    it('lists the hidden field rows for Enhanced Chat only, and judges their names only there', () => {
        const hiddenRows = [
            'agentIdField',
            'targetIdField',
            'fallbackField',
            'fallbackRoutingField'
        ];
        const names = (client: ChatClientKind | null, raw = {}) =>
            summaryOf({ buttonId: BUTTON, ...raw }, client).summary.fields.map((f) => f.name);

        expect(names('legacy').filter((n) => hiddenRows.includes(n))).toEqual([]);
        expect(names('enhanced').filter((n) => hiddenRows.includes(n))).toEqual(hiddenRows);
        expect(names(null).filter((n) => hiddenRows.includes(n))).toEqual(hiddenRows);
        // What the service refuses still shows, with the general problems.
        const repeated = summaryOf({ buttonId: BUTTON, fallbackField: 'Chat_Agent_Id' }, 'legacy');
        expect(repeated.summary.state).toBe('invalid');
        expect(repeated.summary.generalIssues.map((i) => i.text)).toEqual([
            '“Chat_Agent_Id” is named for two hidden routing fields: give each its own name.'
        ]);
        // A bad hidden field name is nothing to a legacy site: its card stays green.
        expect(
            summaryOf({ buttonId: BUTTON, targetIdField: 'Chat Target' }, 'legacy').summary.state
        ).toBe('valid');
    });

    it('gives each custom parameter its Maximum Length in the setup steps', () => {
        const rules = Array.from({ length: 9 }, (_, i) => `0055g00000ABcD${i}_${QUEUE}`).join(',');
        const { summary } = summaryOf({ buttonId: QUEUE, fallbackRules: rules }, 'enhanced');

        expect(summary.setupSteps[0].text).toBe(
            'On the messaging channel, add the custom parameters Chat_Agent_Id (Maximum Length 18 or more), Chat_Target_Id (18 or more), Chat_Fallback (5 or more), Chat_Fallback_Routing (287 or more), and add them to the deployment as hidden pre-chat fields.'
        );
        expect(
            summaryOf({ buttonId: QUEUE, agentIdField: 'none' }, 'enhanced').summary.setupSteps[0]
                .text
        ).toBe(
            'On the messaging channel, add the custom parameters Chat_Target_Id (Maximum Length 18 or more), Chat_Fallback (5 or more), Chat_Fallback_Routing (255 or more), and add them to the deployment as hidden pre-chat fields.'
        );
    });
});
