/**
 * The admin library: the checks of the chat components' builder properties and the words of
 * routing issues, in the admin's words (Custom Labels). Builder-only (docs/architecture.md,
 * "Visitor and Builder bundles"). Not a component.
 */
export { componentNotice } from './componentChecks';
export { parseFallbackRules, formatFallbackRules } from './fallbackRulesText';
export type { FallbackRule } from './fallbackRulesText';
export { FIELD_LABELS, FIELD_NAMES, routingSettingsProblems } from './routingSettingsChecks';
export { issueNamesItsRule, routingIssueText } from './routingIssueText';
export { issueView } from './issueView';
export {
    shareDirectRouting,
    watchDirectRouting,
    withdrawDirectRouting
} from './directRoutingShare';
export type { DirectRoutingSeen } from './directRoutingShare';
export type { IssueView, Severity } from './issueView';
