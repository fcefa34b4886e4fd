/**
 * The base of the chat components (not a component): the base classes, the button styles, the
 * visitor error messages, the Experience Builder check, and the one loader of the Builder-only
 * bundles (builderKit.ts) with the placeholders shown when they cannot load.
 */
export { ChatElement, isChatActiveStatus } from './chatElement';
export { ChatActionElement, buttonStyle, chatErrorMessage } from './chatActionElement';
export type { ButtonStyle } from './chatActionElement';
export {
    builderFallback,
    isBuilderContext,
    loadSummaryCard,
    loadedSummaryCard,
    setBuilderContextOverride
} from './builderKit';
export type { BuilderFallback, BuilderKit } from './builderKit';
