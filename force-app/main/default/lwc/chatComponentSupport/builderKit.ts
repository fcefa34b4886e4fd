/**
 * The admin-only part of the chat components, loaded only in Experience Builder: the admin
 * notice component and the admin wording (c/chatAdminText). Visitors never download it: it is
 * reached only through `import()`, which runs only when `isBuilderContext()` is true.
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
 * docs/admin-guide.md already requires. Where the import fails (Lightning Locker), the promise
 * resolves null and the components show no notice; chat is off there anyway.
 */
import type { LightningElement } from 'lwc';
import type { RoutingIssue } from 'c/embeddedChatService';

export interface BuilderKit {
    /** The admin notice component (c/chatAdminNotice), for `lwc:is`. */
    notice: typeof LightningElement;
    /** A routing issue in the admin's words (Custom Labels). */
    routingIssueText: (issue: RoutingIssue) => string;
}

let loading: Promise<BuilderKit | null> | null = null;
let loaded: BuilderKit | null = null;

/** Loads the builder kit once per page; null when the platform cannot load it. Never rejects. */
export function loadBuilderKit(): Promise<BuilderKit | null> {
    loading ??= Promise.all([import('c/chatAdminNotice'), import('c/chatAdminText')]).then(
        ([notice, text]) => {
            loaded = { notice: notice.default, routingIssueText: text.routingIssueText };
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
