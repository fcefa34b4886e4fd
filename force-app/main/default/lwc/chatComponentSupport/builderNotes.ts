/**
 * The notes the chat components give the admin in Experience Builder about what visitors see
 * and when: the placeholder of a component that its settings hide from visitors at times. A
 * component names its notes; c/chatAdminNotice, loaded only in Builder, words them (Custom
 * Labels), so the texts stay out of the pages visitors download.
 */
export type BuilderNote =
    /** End Chat Button: shown only while a chat is requested, queued or in progress. */
    | 'end-during-chat'
    /** Start Chat Button: hidden while no agent is online. */
    | 'start-hidden-offline'
    /** Start Chat Button: hidden during a chat. */
    | 'start-hidden-in-chat'
    /** Start Chat Button: reads "Leave a message" and opens the offline form while offline. */
    | 'start-offline-form'
    /** Chat Status: nothing until a chat starts (no heading, no availability). */
    | 'status-chat-only'
    /** Clear Chat Session: clears when the page loads; the button stays. */
    | 'clear-on-load'
    /** Clear Chat Session: clears when the page loads and shows visitors nothing. */
    | 'clear-hidden';
