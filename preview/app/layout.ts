/**
 * The preview page's layout: which component goes where, with the builder property values an
 * admin would set (over the defaults of each component's js-meta.xml). A component that is not
 * built yet is skipped (builder mode shows a placeholder): adding one is one line here.
 */

/** Page regions, as an Experience Cloud theme would offer them. */
export type Region = 'chat' | 'content' | 'footer';

export interface Placement {
    /** Unique on the page; URL overrides use it: `?p.<id>.<property>=<value>`. */
    id: string;
    tag: string;
    region: Region;
    /** The component's name in Experience Builder. */
    title: string;
    /** Property values the admin set. */
    properties?: Record<string, unknown>;
    /** Placed only when the page URL has this flag (preview-only components). */
    onlyWithFlag?: string;
}

export const PAGE: readonly Placement[] = [
    {
        id: 'status',
        tag: 'c-chat-status',
        region: 'chat',
        title: 'Chat Status',
        properties: { heading: 'Talk to our support team' }
    },
    { id: 'start', tag: 'c-chat-start-button', region: 'chat', title: 'Start Chat Button' },
    { id: 'end', tag: 'c-chat-end-button', region: 'chat', title: 'End Chat Button' },
    { id: 'clear', tag: 'c-chat-clear-session', region: 'chat', title: 'Clear Chat Session' },
    {
        id: 'routing',
        tag: 'c-chat-routing-settings',
        region: 'footer',
        title: 'Chat Routing Settings'
    },
    {
        id: 'probe',
        tag: 'preview-probe',
        region: 'content',
        title: 'Preview probe (preview-only test component)',
        onlyWithFlag: 'probe'
    }
];
