/**
 * Admin-only checks of the chat components' builder properties, in the admin's words (Custom
 * Labels). Loaded only in Experience Builder (c/chatComponentSupport builderKit) or by admin-only
 * components (the routing summary): never in a visitor's static import graph. Not a component.
 */
export { checkComponent } from './componentChecks';
export { problemsOf, readBoolean, readChecked, readChoice, readText } from './propertyReaders';
export type { Normalized } from './propertyReaders';
export { parseFallbackRules, formatFallbackRules } from './fallbackRulesText';
export type { FallbackRule } from './fallbackRulesText';
export { FIELD_LABELS, FIELD_NAMES, routingSettingsProblems } from './routingSettingsChecks';
