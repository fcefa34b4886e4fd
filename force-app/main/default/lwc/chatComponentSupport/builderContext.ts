/**
 * Whether the page is being edited or previewed in Experience Builder, where admins should see
 * explanations that visitors must not. There is no official API for this: public components check
 * the page's host for the builder and preview domains. Kept in one place; an explicit override
 * (the local preview's builder-mode toggle, or a test) wins.
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
