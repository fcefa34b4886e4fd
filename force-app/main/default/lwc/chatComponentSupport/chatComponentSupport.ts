/**
 * Helpers shared by the chat components (not a component itself).
 */
export {
    readBoolean,
    readChoice,
    readOptionalText,
    readText,
    problemsOf,
    type Normalized
} from './builderProperties';
export { isBuilderContext, setBuilderContextOverride } from './builderContext';
export { formatLabel } from './labelFormat';
export { chatErrorMessage } from './chatErrorMessages';
