/**
 * Types, event names and messages of the Enhanced Chat test double (embeddedServiceBootstrap.ts).
 */

export type EnhancedVersion = 'v1' | 'v2';
export type SessionStatus = 'Waiting' | 'Active' | 'Ended';
export type ButtonVisibility = 'Show' | 'Hide';
/**
 * What the server answers when the client lists a stored session's conversations
 * (handleListConversation): one still open, in that status; 'none' open (stale data); or
 * 'no-answer' (the continuity token and list requests never finish).
 */
export type ExistingSession = SessionStatus | 'none' | 'no-answer';

/** init's first argument, kept as `settings.orgId` (bootstrap.js init). */
export const ORG_ID = '00D000000000001AAA';
/** bootstrap.js storageKey: v1's one web storage entry, a JSON object. */
export const WEB_STORAGE_KEY = `${ORG_ID}_WEB_STORAGE`;
/** A stand-in for the access token setAndStoreJwt keeps (never a real token). */
export const STORED_JWT = 'header.payload.signature';

/** A field the deployment declares (Setup: custom parameter / pre-chat form field). */
export interface DeclaredField {
    name: string;
    maxLength: number;
}

/** The client methods a test can make hang, reject, throw or disappear. */
export type ClientMethod =
    | 'launchChat'
    | 'showChatButton'
    | 'hideChatButton'
    | 'sendTextMessage'
    | 'removeAllComponents'
    | 'getEmbeddedMessagingFrame'
    | 'setHiddenPrechatFields'
    | 'removeHiddenPrechatFields'
    | 'setVisiblePrechatFields'
    | 'unsetVisiblePrechatFields'
    | 'clearSession'
    | 'setIdentityToken';

/** How a client method answers. 'real' is the client's own behaviour. */
export type CallBehavior =
    | { kind: 'real' }
    | { kind: 'hang' }
    | { kind: 'reject'; reason?: unknown }
    | { kind: 'throw'; error?: unknown }
    | { kind: 'missing' };

export interface RecordedCall {
    method: ClientMethod;
    /** Deep copies of the arguments as given. */
    args: unknown[];
}

/** One conversation the client created, with what it sent as routing attributes. */
export interface ConversationRecord {
    conversationId: string;
    /** The hidden pre-chat fields as they were when the conversation was created (createNewConversation). */
    hiddenFields: Record<string, string>;
    /** The visible pre-chat values (setVisiblePrechatFields or the form) sent with it. */
    visibleFields: Record<string, unknown>;
    /** 'Created' until the first session status; 'Closed' when the visitor closed or a reset dropped it. */
    status: 'Created' | SessionStatus | 'Closed';
    /** Carried over from before a page reload (no ConversationStarted, no status event here). */
    restored?: boolean;
}

export interface FiredEvent {
    name: string;
    detail: unknown;
}

export interface ClientOptions {
    version: EnhancedVersion;
    hiddenFields: DeclaredField[];
    visibleFields: DeclaredField[];
    prechatForm: boolean;
    queueOnStart: boolean;
    buttonVisibility: ButtonVisibility;
    /** What listing the stored session's conversations finds (handleListConversation). */
    existingSession: ExistingSession | null;
    /** Setup's agent-availability check on the messaging channel (isAgentAvailabilityCheckEnabled). */
    availabilityCheck: boolean;
    /** settings.hideChatButtonOnLoad (it also switches the availability check off). */
    hideChatButtonOnLoad: boolean;
    /** The Embedded Messaging component's Experience-site login mode, and who visits. */
    expSiteAuth: 'guest' | 'user' | null;
}

/** Event names the client dispatches on `window` (dispatchEventToHost). */
export const ENHANCED_EVENTS = {
    ready: 'onEmbeddedMessagingReady',
    buttonCreated: 'onEmbeddedMessagingButtonCreated',
    initSuccess: 'onEmbeddedMessagingInitSuccess',
    initError: 'onEmbeddedMessagingInitError',
    conversationStarted: 'onEmbeddedMessagingConversationStarted',
    conversationOpened: 'onEmbeddedMessagingConversationOpened',
    conversationClosed: 'onEmbeddedMessagingConversationClosed',
    sessionStatusUpdate: 'onEmbeddedMessagingSessionStatusUpdate',
    preChatSubmitted: 'onEmbeddedMessagingPreChatSubmitted',
    businessHoursStarted: 'onEmbeddedMessagingBusinessHoursStarted',
    businessHoursEnded: 'onEmbeddedMessagingBusinessHoursEnded',
    windowMaximized: 'onEmbeddedMessagingWindowMaximized',
    windowMinimized: 'onEmbeddedMessagingWindowMinimized'
} as const;

// The real client's rejection texts (strings, never Errors), in our words where they are long.
export const NOT_READY_MESSAGE =
    '[Launch Chat API] Can not invoke API before the onEmbeddedMessagingReady event is fired.';
export const NO_BUTTON_MESSAGE =
    '[Launch Chat API] Default chat button is not present. Check if the messaging client initialized successfully.';
export const LAUNCH_ERROR_MESSAGE = '[Launch Chat API] Error launching the messaging client.';
/** bootstrap.js launchChat when handleClick's availability check says no agent is online. */
export const AGENT_UNAVAILABLE_MESSAGE =
    '[Launch Chat API] Error when API simulates clicking the custom messaging client button: Agent Unavailable';
/** init.js validateEmbeddedMessagingButtonCreatedEventFired (v2 throws an Error with it). */
export const V2_NO_BUTTON_MESSAGE =
    'API not available before onEmbeddedMessagingButtonCreated event is fired.';
export const CLEAR_NOT_READY_MESSAGE =
    'Method can not be invoked before the onEmbeddedMessagingReady event is fired.';

/** The routing fields an admin declares by default (max lengths are the admin's choice). */
export const DEFAULT_HIDDEN_FIELDS: DeclaredField[] = [
    { name: 'Chat_Agent_Id', maxLength: 18 },
    { name: 'Chat_Target_Id', maxLength: 18 },
    { name: 'Chat_Fallback', maxLength: 5 },
    { name: 'Chat_Fallback_Routing', maxLength: 255 }
];

/** The standard visible pre-chat fields. */
export const DEFAULT_VISIBLE_FIELDS: DeclaredField[] = [
    { name: '_firstName', maxLength: 40 },
    { name: '_lastName', maxLength: 80 },
    { name: '_email', maxLength: 80 },
    { name: '_subject', maxLength: 255 }
];

export interface ClientSnapshot {
    version: EnhancedVersion;
    /** hasEmbeddedMessagingReadyEventFired. */
    readyFired: boolean;
    readyCount: number;
    buttonCreatedCount: number;
    button: ButtonVisibility | null;
    /** Chat iframes on the page (more than one = a duplicate launch). */
    windows: number;
    minimized: boolean;
    /** The conversation in the window, if any. */
    conversation: ConversationRecord | null;
    /** The hidden fields the client holds now (to be sent with the next conversation). */
    hiddenFields: Record<string, string>;
    visibleValues: Record<string, unknown>;
    withinBusinessHours: boolean;
    /** The client's own chat button is on the page and not hidden (hideChatButton). */
    buttonShown: boolean;
    /** init waits for an agent before Ready (the availability gate). */
    waitingForAgent: boolean;
}
