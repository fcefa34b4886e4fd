/**
 * The user the preview page runs as: a guest visitor (default) or a logged-in demo user, chosen
 * with the page's `?user=guest|member` URL flag (the preview's user toggle reloads the page,
 * because `@salesforce/user/*` values are fixed for a page's life, as on the platform).
 */

export interface PreviewUserRecord {
    Id: string;
    FirstName: string | null;
    LastName: string;
    Email: string | null;
}

/** A site member, as the User record would hold it. */
export const DEMO_MEMBER: PreviewUserRecord = {
    Id: '0055g00000DeMoU',
    FirstName: 'Ada',
    LastName: 'Lovelace',
    Email: 'ada.lovelace@example.com'
};

/** The site's guest user (unauthenticated visitors all share it). */
export const SITE_GUEST: PreviewUserRecord = {
    Id: '0055g00000GuEsT',
    FirstName: null,
    LastName: 'Site Guest User',
    Email: null
};

/** True unless the page was opened with `?user=member`. */
export function previewIsGuest(): boolean {
    try {
        return new URLSearchParams(window.location.search).get('user') !== 'member';
    } catch {
        return true;
    }
}

export function previewUser(): PreviewUserRecord {
    return previewIsGuest() ? SITE_GUEST : DEMO_MEMBER;
}

/** The User records the preview's getRecord stand-in can serve. */
export const USER_RECORDS: readonly PreviewUserRecord[] = [DEMO_MEMBER, SITE_GUEST];
