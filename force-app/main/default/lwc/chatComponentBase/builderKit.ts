/**
 * The Builder side of the visitor code, in one file: whether the page is in Experience Builder,
 * the one loader of the Builder-only bundles (the only code that reaches them: `import()`, run
 * only in Builder), and what admins see when those cannot load. Which bundles are Builder-only,
 * and why visitors never download them, is stated once in docs/architecture.md ("Visitor and
 * Builder bundles"); scripts/lib/bundleBoundary.test.mts holds the code to it.
 *
 * Mechanism: a dynamic `import()` of the component, rendered with `<lwc:component lwc:is={…}>`
 * (Salesforce: "Dynamically Instantiate Components",
 * https://developer.salesforce.com/docs/platform/lwc/guide/js-dynamic-components.html). It needs
 * the `lightning__dynamicComponent` capability (scripts/metadata/checkMetadata.mts enforces it)
 * and Lightning Web Security. Wherever the import fails (Lightning Locker, or an Aura site with
 * Locker off and LWS off; docs/admin-guide.md), a load gives null and the component shows a
 * placeholder instead (`builderFallback`): its name, what visitors see, and one line on the
 * missing checks, so that it stays visible and selectable, never a 0 px slot.
 */
import type { LightningElement } from 'lwc';
import type { AdminNotice, CheckedKind, NoticeSubject } from 'c/chatComponentSupport';
import START from '@salesforce/label/c.Chat_Builder_Basic_Start';
import END from '@salesforce/label/c.Chat_Builder_Note_End_During_Chat';
import CLEAR from '@salesforce/label/c.Chat_Builder_Basic_Clear';
import STATUS from '@salesforce/label/c.Chat_Builder_Basic_Status';
import ROUTING from '@salesforce/label/c.Chat_Builder_Basic_Routing';
import NEED_LWS from '@salesforce/label/c.Chat_Builder_Checks_Need_LWS';
import LOCKER_PROBLEM from '@salesforce/label/c.Chat_Admin_Locker_Problem';
import LOCKER_FIX from '@salesforce/label/c.Chat_Admin_Locker_Fix';
import LOCKER_BRIEF from '@salesforce/label/c.Chat_Admin_Locker_Brief';

/*
 * Whether the page is in Builder: there is no official API for this; public components check the
 * page's host for the builder and preview domains. An explicit override (the local preview's
 * builder-mode toggle, or a test) wins.
 */
const BUILDER_HOST_MARKERS = ['.builder.', 'sitepreview', 'livepreview', 'live-preview'];

let override: boolean | null = null;

/** Forces builder mode on or off (true/false), or returns to host detection (null). */
export function setBuilderContextOverride(value: boolean | null): void {
    override = value;
}

/** True when the page runs inside Experience Builder or its preview. */
export function isBuilderContext(): boolean {
    if (override !== null) {
        return override;
    }
    try {
        const host = String(window.location.hostname).toLowerCase();
        return BUILDER_HOST_MARKERS.some((marker) => host.includes(marker));
    } catch {
        return false;
    }
}

export interface BuilderKit {
    /** The admin notice component (c/chatAdminNotice), for `lwc:is`. */
    notice: typeof LightningElement;
    /** What the notice of a component shows, in the admin's words; null: no notice. */
    check: (component: NoticeSubject) => AdminNotice | null;
}

/**
 * `load` imports once per page and gives null when the platform cannot load (it never rejects);
 * `loaded` gives what an earlier load loaded, so that a component mounted later uses it at once.
 */
function once<T>(importer: () => Promise<T>): [() => Promise<T | null>, () => T | null] {
    let loading: Promise<T | null> | null = null;
    let loaded: T | null = null;
    const load = (): Promise<T | null> =>
        (loading ??= importer().then(
            (value) => (loaded = value),
            () => null
        ));
    return [load, () => loaded];
}

/** The chat components' admin notice and checks. */
export const [loadBuilderKit, loadedBuilderKit] = once(() =>
    Promise.all([import('c/chatAdminNotice'), import('c/chatAdminChecks')]).then(
        ([notice, checks]): BuilderKit => ({
            notice: notice.default,
            check: checks.componentNotice
        })
    )
);

/** Chat Routing Settings' summary card (c/chatRoutingSummary), for `lwc:is`. */
export const [loadSummaryCard, loadedSummaryCard] = once(() =>
    import('c/chatRoutingSummary').then((module): typeof LightningElement => module.default)
);

/** What an admin sees in Builder of a component whose Builder-only part cannot load. */
export interface BuilderFallback {
    /** The component's name and what visitors see of it. */
    summary: string;
    /** Why the detailed checks are missing (under Lightning Locker: chat is off, and the fix). */
    checks: string;
}

const SUMMARIES: Record<CheckedKind | 'routing', string> = {
    start: START,
    end: END,
    clear: CLEAR,
    status: STATUS,
    routing: ROUTING
};

/**
 * The placeholder of component `kind` without its Builder-only part: under Locker, the
 * explanation in full (`inFull`), or a reference to the component that gives it.
 */
export function builderFallback(
    kind: CheckedKind | 'routing',
    locker: boolean,
    inFull?: boolean
): BuilderFallback {
    return {
        summary: SUMMARIES[kind],
        checks: locker ? (inFull ? `${LOCKER_PROBLEM} ${LOCKER_FIX}` : LOCKER_BRIEF) : NEED_LWS
    };
}
