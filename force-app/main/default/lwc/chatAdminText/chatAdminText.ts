/**
 * Admin-only wording, loaded only in Experience Builder or by admin-only components (the routing
 * summary, the fallback rules editor): never in a visitor's static import graph, so visitors do not
 * download it. Not a component itself.
 */
export {
    hasKindParam,
    issueNamesItsRule,
    ROUTING_ISSUE_CODES,
    routingIssueText
} from './routingIssueText';
