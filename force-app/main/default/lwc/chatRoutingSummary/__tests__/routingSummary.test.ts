import { summarize } from '../routingSummary';
import { buildRouting, readSettings, type RawSettings } from 'c/chatRoutingModel';
import { validateRouting } from '../../embeddedChatService/routingRules';
import type {
    ChatClientKind,
    RoutingIssue,
    RoutingValidation
} from '../../embeddedChatService/chatTypes';
import { AGENT as USER, BUTTON, QUEUE } from 'test/fixtures/ids';

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
            client: 'legacy'
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
            'On the messaging channel, add the custom parameters Agent__c, Chat_Target_Id, Chat_Fallback_Routing, and add them to the deployment as hidden pre-chat fields.',
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
});
