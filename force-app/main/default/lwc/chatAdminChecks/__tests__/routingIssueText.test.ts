import { issueNamesItsRule, ROUTING_ISSUE_CODES, routingIssueText } from '../routingIssueText';
import { validateRouting } from '../../embeddedChatService/routingRules';
import type { RoutingIssue, RoutingIssueCode } from '../../embeddedChatService/chatTypes';
import { ROUTING_ISSUE_CASES } from 'test/routingIssueCases';

const issue = (
    code: string,
    params: string[],
    message = 'The developer’s message.'
): RoutingIssue & { message: string } => ({
    field: 'fallbackRouting',
    location: { key: 'fallbackRouting' },
    code: code as RoutingIssueCode,
    params,
    message
});

/** `ID_EMPTY` → `Chat_Routing_Issue_Id_Empty`. */
function labelName(code: string): string {
    const words = code.split('_').map((w) => w.charAt(0) + w.slice(1).toLowerCase());
    return `Chat_Routing_Issue_${words.join('_')}`;
}

function labelText(name: string): string {
    return (jest.requireActual(`@salesforce/label/c.${name}`) as { default: string }).default;
}

describe('c-chat-component-support routingIssueText', () => {
    it.each(ROUTING_ISSUE_CODES.map((code) => [code]))(
        'words %s with its own Custom Label',
        (code) => {
            const template = labelText(labelName(code));
            expect(template.trim()).not.toBe('');
            // Params that print as placeholders give back the template (the ID codes' first
            // param is the kind of ID: an unknown kind is printed as given).
            expect(routingIssueText(issue(code, ['{0}', '{1}', '{2}', '{3}']))).toBe(template);
            expect(routingIssueText(issue(code, []))).not.toBe('The developer’s message.');
        }
    );

    it.each(ROUTING_ISSUE_CODES.map((code) => [code]))(
        'says whether the text of %s already names its rule (so that it is not numbered twice)',
        (code) => {
            const namesRule = /\brule \{\d\}/i.test(labelText(labelName(code)));
            expect(issueNamesItsRule(code)).toBe(namesRule);
        }
    );

    it.each(ROUTING_ISSUE_CASES.map((c) => [c.code, c.field, c] as const))(
        'reads %s at %s as the words of the case, placeholders filled from the service’s params',
        (_code, _field, c) => {
            const { errors, warnings } = validateRouting(c.input, c.client, c.hiddenFields);
            const found = [...errors, ...warnings].find(
                (i) => i.code === c.code && i.field === c.field
            );
            expect(found).toBeDefined();
            expect(routingIssueText(found as RoutingIssue)).toBe(c.message);
        }
    );

    it('uses the label, not the message, and fills the placeholders from the params', () => {
        expect(routingIssueText(issue('RULES_TOO_MANY', ['25', '30']))).toBe(
            'Use at most 25 fallback rules (there are 30).'
        );
        expect(routingIssueText(issue('RULE_REPEATED', ['4', '2']))).toBe(
            'Rule 4 repeats rule 2; the repeat is never used.'
        );
        expect(routingIssueText(issue('BUTTON_NOT_LAST', ['5735g000000XyZa']))).toBe(
            'If no rule can take the chat, it is not routed to button 5735g000000XyZa unless that button is the last rule. Add 5735g000000XyZa as the last rule.'
        );
    });

    it('names a character that can’t be in an ID: invisible ones and spaces by their code', () => {
        const wording = (code: string) =>
            routingIssueText(issue('ID_CHARACTERS', ['user', 'x', code, '3']));
        expect(wording('U+200B')).toBe(
            "“x” has an invisible character (U+200B) at position 3, which can't be in a user ID: use only letters and digits."
        );
        expect(wording('U+0009')).toContain('has an invisible character (U+0009) at');
        expect(wording('U+E000')).toContain('has an invisible character (U+E000) at');
        expect(wording('U+3000')).toContain('has a space (U+3000) at');
        expect(wording('U+0023')).toContain('has “#” (U+0023) at');
        // A param that is no code (from another version) is printed as given.
        expect(wording('#')).toContain('has # at');
        expect(wording('U+110000')).toContain('has U+110000 at');
    });

    it('names the kind of ID with its label', () => {
        expect(routingIssueText(issue('ID_PREFIX', ['user', '5735g000000XyZa', '005']))).toBe(
            '“5735g000000XyZa” is not a user ID: a user ID starts with 005.'
        );
        expect(routingIssueText(issue('ID_EMPTY', ['chatButton', '573']))).toBe(
            'Enter a chat button ID (it starts with 573).'
        );
        // Only the first param of an ID code is a kind; other codes print their params as is.
        expect(routingIssueText(issue('BAD_FIELD_NAME', ['user']))).toBe(
            '“user” is not a field API name (letters, digits and _, starting with a letter).'
        );
    });

    it('inserts params as text, once', () => {
        expect(routingIssueText(issue('RULE_UNKNOWN_KIND', ['user', '{1}<b>$&', '573']))).toBe(
            '“{1}<b>$&” is not a rule: use a user ID (573…), an agent’s user ID (005…), or both joined by _ (005…_573…).'
        );
        expect(routingIssueText(issue('RULES_TOO_MANY', ['25']))).toBe(
            'Use at most 25 fallback rules (there are ).'
        );
    });

    it('falls back to the message for an unknown or missing code', () => {
        expect(routingIssueText(issue('SOMETHING_NEW', ['1']))).toBe('The developer’s message.');
        expect(routingIssueText(issue('toString', []))).toBe('The developer’s message.');
        const legacy = {
            field: 'config',
            message: 'Old service message.'
        } as unknown as RoutingIssue;
        expect(routingIssueText(legacy)).toBe('Old service message.');
        // No words anywhere: the code itself, never an empty line.
        const bare = {
            field: 'config',
            code: 'SOMETHING_NEW',
            params: []
        } as unknown as RoutingIssue;
        expect(routingIssueText(bare)).toBe('SOMETHING_NEW');
    });

    it('survives params that are missing', () => {
        const noParams = { ...issue('RULE_REPEATED', []), params: undefined };
        expect(routingIssueText(noParams as unknown as RoutingIssue)).toBe(
            'Rule  repeats rule ; the repeat is never used.'
        );
    });
});
