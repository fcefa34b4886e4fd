/**
 * The admin-only part of the chat components, loaded only in Experience Builder: the admin
 * notice component and the admin checks (c/chatAdminChecks: what is wrong with a component's
 * builder properties, and what visitors see when, in the admin's words). Visitors never download
 * it: it is reached only through `import()`, which runs only when `isBuilderContext()` is true.
 *
 * Mechanism: a dynamic `import()` of the component, rendered with `<lwc:component lwc:is={…}>`.
 * Salesforce documents it in "Dynamically Instantiate Components"
 * (https://developer.salesforce.com/docs/platform/lwc/guide/js-dynamic-components.html): each
 * bundle that imports or renders a dynamic component declares the `lightning__dynamicComponent`
 * capability (apiVersion 55.0 or later; scripts/metadata/checkMetadata.mts enforces both), and
 * the page runs under Lightning Web Security. That holds on both kinds of Experience Cloud site
 * this package supports: LWR sites run their own LWS, and Aura sites run LWS when the org turns it
 * on ("Experience Builder Sites and Lightning Web Security",
 * https://developer.salesforce.com/docs/platform/lwc/guide/security-lwsec-lms-ec.html), which
 * docs/admin-guide.md recommends. An Aura site with Lightning Locker turned off (as legacy Chat
 * required) and LWS off runs neither: there, under Locker, or wherever the import fails, the
 * promise resolves null and each component shows a basic placeholder instead (builderFallback.ts).
 */
import type { LightningElement } from 'lwc';
import type { RoutingValidation } from 'c/embeddedChatService';
import type { PropertySpecs } from './builderProperties';

/** The chat components the kit checks. */
export type CheckedKind = 'start' | 'end' | 'clear' | 'status';

/** What the kit reads of a chat component to check it. */
export interface Checked {
    kind: CheckedKind;
    /** How each builder property reads. */
    settings: PropertySpecs;
    /** A builder property's value as Experience Builder handed it over. */
    settingValue(property: string): unknown;
    /** The service's verdict on the component's own routing (Start button); null when none set. */
    routing: RoutingValidation | null;
}

/** What the admin should fix in a component's builder properties, and what visitors see when. */
export interface AdminCheck {
    problems: string[];
    notes: string[];
}

export interface BuilderKit {
    /** The admin notice component (c/chatAdminNotice), for `lwc:is`. */
    notice: typeof LightningElement;
    /** Checks a component's builder properties, in the admin's words (Custom Labels). */
    check: (component: Checked) => AdminCheck;
}

let loading: Promise<BuilderKit | null> | null = null;
let loaded: BuilderKit | null = null;

/** Loads the builder kit once per page; null when the platform cannot load it. Never rejects. */
export function loadBuilderKit(): Promise<BuilderKit | null> {
    loading ??= Promise.all([import('c/chatAdminNotice'), import('c/chatAdminChecks')]).then(
        ([notice, checks]) => {
            loaded = { notice: notice.default, check: checks.checkComponent };
            return loaded;
        },
        () => null
    );
    return loading;
}

/** The kit when an earlier `loadBuilderKit` has loaded it (components mounted later use it at once). */
export function loadedBuilderKit(): BuilderKit | null {
    return loaded;
}
