import { buildRouting, readSettings, summarize } from '../routingSummary';
import type { RoutingIssue, RoutingValidation } from '../../embeddedChatService/chatTypes';

const BUTTON = '5735g000000XyZa';
const USER = '0055g00000ABcDe';

const devIssue = (field: string, code: RoutingIssue['code'], params: string[]): RoutingIssue => ({
    field,
    code,
    params,
    message: 'English for the developer console.'
});

describe('c-chat-routing-settings summary', () => {
    it('words the service’s issues with their Custom Labels, under their fields', () => {
        const settings = readSettings({
            buttonId: BUTTON,
            agentUserId: BUTTON,
            fallbackRules: `${USER}, ${USER}`
        });
        const validation: RoutingValidation = {
            valid: false,
            errors: [
                devIssue('directToAgentRouting.userId', 'ID_PREFIX', ['user', '5735g000…', '005'])
            ],
            warnings: [
                devIssue('fallbackRouting[1]', 'RULE_REPEATED', ['2', '1']),
                devIssue('config', 'UNKNOWN_SETTING', ['queue'])
            ],
            config: null
        };
        const summary = summarize(settings, buildRouting(settings, null), validation, {
            userUnavailable: false
        });
        const texts = (name: string): string[] =>
            summary.fields.find((f) => f.name === name)?.issues.map((i) => i.text) ?? [];

        expect(texts('agentUserId')).toEqual([
            '“5735g000…” is not a user ID: a user ID starts with 005.'
        ]);
        expect(texts('fallbackRules')).toEqual([
            'Rule 2: Rule 2 repeats rule 1; the repeat is never used.'
        ]);
        expect(summary.generalIssues.map((i) => i.text)).toEqual([
            '“queue” is not a routing setting and is ignored.'
        ]);
        expect(JSON.stringify(summary)).not.toContain('English for the developer console.');
    });
});
