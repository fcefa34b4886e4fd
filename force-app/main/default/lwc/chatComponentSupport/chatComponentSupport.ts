/**
 * Helpers and base classes shared by the chat components (not a component itself). Everything
 * here is in a visitor's static import graph: admin-only code belongs in c/chatAdminChecks,
 * c/chatAdminText or c/chatAdminNotice, which `loadBuilderKit` loads only in Experience Builder.
 */
export {
    booleanOf,
    choiceOf,
    isUnset,
    readOptionalText,
    readSetting,
    textOf
} from './builderProperties';
export type { Choices, Setting, Settings } from './builderProperties';
export { isBuilderContext, setBuilderContextOverride } from './builderContext';
export { formatLabel } from './labelFormat';
export { chatErrorMessage } from './chatErrorMessages';
export { loadBuilderKit, loadedBuilderKit } from './builderKit';
export { builderFallback } from './builderFallback';
export type { BuilderFallback } from './builderFallback';
export type { AdminCheck, BuilderKit, Checked, CheckedKind } from './builderKit';
export { ChatElement, isChatActiveStatus } from './chatElement';
export type { BuilderNote } from './builderNotes';
export { ChatActionElement } from './chatActionElement';
export { BUTTON_STYLES, buttonStyle } from './buttonStyles';
export type { ButtonStyle } from './buttonStyles';
