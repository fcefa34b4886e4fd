/**
 * The reloads the preview makes itself: the simulator panels' page-load buttons and the
 * toolbar's "Signed in as" and "Chat client" choices. Each is announced on `window` first, so
 * that the page carries over what an admin set (preview/app/main.ts keeps the property-sheet
 * edits). A reload by the browser is not announced: it starts from the defaults and the URL.
 */
/// <reference lib="dom" />

/** The event a preview reload fires on `window` just before the page goes. */
export const PREVIEW_RELOAD_EVENT = 'preview:reload';

/** Loads the page again: with `search` as its query, or with the same URL when none is given. */
export function reloadPreview(search?: string): void {
    window.dispatchEvent(new Event(PREVIEW_RELOAD_EVENT));
    if (search === undefined) {
        window.location.reload();
    } else {
        window.location.search = search;
    }
}
