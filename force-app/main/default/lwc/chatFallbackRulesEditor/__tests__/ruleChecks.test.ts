import { checkRuleId, checkRuleList } from '../ruleChecks';
import type { RoutingIssue, RoutingValidation } from 'c/embeddedChatService';

// A service whose English messages differ from the labels: what the editor shows must be the
// Custom Label of each issue's code, filled from its params.
const mockVerdict: { current: RoutingValidation } = {
    current: { valid: true, errors: [], warnings: [], config: {} }
};
jest.mock('c/embeddedChatService', () => ({
    validateRouting: jest.fn(() => mockVerdict.current)
}));

const devIssue = (field: string, code: RoutingIssue['code'], params: string[]): RoutingIssue => ({
    field,
    code,
    params,
    message: 'English for the developer console.'
});

describe('c-chat-fallback-rules-editor rule checks', () => {
    it('words an ID problem with its Custom Label', () => {
        mockVerdict.current = {
            valid: false,
            errors: [devIssue('fallbackRouting[0]', 'ID_LENGTH', ['user', '0055g000…', '14'])],
            warnings: [],
            config: null
        };
        expect(checkRuleId('0055g00000ABcD', 'user')).toBe(
            '“0055g000…” has 14 characters; a user ID has 15 or 18.'
        );
    });

    it('words list and rule cautions with their Custom Labels', () => {
        mockVerdict.current = {
            valid: false,
            errors: [devIssue('fallbackRouting', 'RULES_TOO_MANY', ['25', '26'])],
            warnings: [
                devIssue('fallbackRouting[2]', 'RULE_REPEATED', ['3', '1']),
                devIssue('fallbackRouting', 'SITE_BUTTON_NOT_LAST', [])
            ],
            config: null
        };
        const issues = checkRuleList(['a', 'b', 'a']);
        expect(issues.list).toEqual([
            'Use at most 25 fallback rules (there are 26).',
            'If no rule can take the chat, it is not routed to the site’s chat button unless that button’s ID is the last rule.'
        ]);
        expect(issues.byRule.get(2)).toEqual(['Rule 3 repeats rule 1; the repeat is never used.']);
    });
});
