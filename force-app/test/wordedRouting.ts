/**
 * The service reports routing issues as codes and params; their words are the codes' Custom
 * Labels (c/chatAdminChecks routingIssueText). These helpers give each issue of a verdict its words
 * as `message`, so that rule tests assert the code, the params and the text an admin reads.
 */
import { routingIssueText } from '../main/default/lwc/chatAdminChecks/routingIssueText';
import type {
    RoutingIssue,
    RoutingValidation
} from '../main/default/lwc/embeddedChatService/chatTypes';

/** An issue with the words an admin reads. */
export type WordedIssue = RoutingIssue & { message: string };

export interface WordedValidation extends Omit<RoutingValidation, 'errors' | 'warnings'> {
    errors: WordedIssue[];
    warnings: WordedIssue[];
}

/** One issue (or one ID's finding), with its words. */
export function worded<T extends Pick<RoutingIssue, 'code' | 'params'>>(
    issue: T
): T & { message: string } {
    return { ...issue, message: routingIssueText(issue) };
}

/** A verdict whose issues carry their words. */
export function wordedValidation(verdict: RoutingValidation): WordedValidation {
    return {
        ...verdict,
        errors: verdict.errors.map(worded),
        warnings: verdict.warnings.map(worded)
    };
}
