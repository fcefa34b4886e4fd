/**
 * Public types of `c/embeddedChatService`. Every exported name here is part of the module's
 * stable API (re-exported by embeddedChatService.ts).
 */

/** Where the chat stands on this page. */
export type ChatStatus =
    /** Feature off: see `ChatState.disabledReason`. */
    | 'disabled'
    /** Waiting for the chat client (`embedded_svc.liveAgentAPI`) to appear. */
    | 'loading'
    /** Client present, no chat in progress. */
    | 'ready'
    /**
     * startChat accepted: the widget opens (legacy: its pre-chat form, or the request under way);
     * under Enhanced Chat, a conversation is being created.
     */
    | 'requesting'
    /** Chat requested, waiting for an agent (onChatRequestSuccess / onQueueUpdate). */
    | 'queued'
    /** Chat established with an agent. */
    | 'chatting'
    /**
     * A chat window is open and nothing says a chat is under way: the client reopened a
     * conversation (after a reload) without saying where it stands yet, or Enhanced Chat's window
     * shows with no chat requested yet (its pre-chat form requests nothing until submitted). Its
     * stage follows from the client's next events.
     */
    | 'open'
    /** Chat ended (by visitor, agent, bot or idle timeout); a new chat may be started. */
    | 'ended';

/** Why the feature is off. */
export type ChatDisabledReason =
    /** Lightning Locker is on for the site: `embedded_svc` is out of reach. */
    | 'locker'
    /** No Embedded Chat client appeared on the page within the wait. */
    | 'no-chat-client'
    /**
     * Enhanced Chat in the Experience-site login mode, and the visitor is a guest: the client
     * offers no chat until they log in.
     */
    | 'login-required';

/**
 * Which Salesforce chat client the page runs: the legacy Embedded Chat client (`embedded_svc`,
 * snippet 5.0) or Enhanced Chat (Messaging for In-App and Web, `embeddedservice_bootstrap`).
 */
export type ChatClientKind = 'legacy' | 'enhanced';

/** A snapshot of the chat's state. Snapshots are frozen; a change produces a new one. */
export interface ChatState {
    readonly status: ChatStatus;
    /**
     * The client the page runs; null until it is found, or when the feature is off (found, it is
     * known while the state still reads loading for its stored session).
     */
    readonly client: ChatClientKind | null;
    /** Agent availability for the site's chat button; null = not known yet. */
    readonly agentsAvailable: boolean | null;
    /** Position in the queue while queued, when the client reported one. */
    readonly queuePosition: number | null;
    readonly disabledReason: ChatDisabledReason | null;
    /**
     * Whether the site routing (configureRouting's newest owner's; none: the snippet's) is
     * valid. While false, a startChat without routing of its own is refused (INVALID_ROUTING):
     * chat cannot start until the routing is fixed. `getRoutingValidation()` gives the issues.
     */
    readonly siteRoutingValid: boolean;
}

/** Why an action did not do what was asked. */
export type ChatErrorCode =
    /** Lightning Locker is on for the site: chat is off. Turn on Lightning Web Security. */
    | 'LOCKER_ACTIVE'
    /** No chat client is on the page (add the Embedded Service Chat or Embedded Messaging component). */
    | 'CHAT_CLIENT_MISSING'
    /** No agent is available right now. */
    | 'AGENTS_OFFLINE'
    /** The site's chat is for logged-in users and this visitor is a guest. */
    | 'LOGIN_REQUIRED'
    /** A chat is already open or being requested. */
    | 'CHAT_IN_PROGRESS'
    /** The routing is not valid; the message names the first issue's field, code and params. */
    | 'INVALID_ROUTING'
    /** The chat client threw or rejected; the message carries its error text. */
    | 'CLIENT_ERROR'
    /** The client did not load, a start showed nothing, or an Enhanced end or clear got no answer, in time. */
    | 'TIMEOUT'
    /** The page's chat client has no way to do this (e.g. a method its version lacks). */
    | 'NOT_SUPPORTED'
    /**
     * clearSession ended the chat, but the client never confirmed that its stored session data
     * was deleted: it may still be in this browser.
     */
    | 'CLEAR_UNCONFIRMED';

/**
 * The outcome of startChat, endChat or clearSession. `ok: true` means the client was called;
 * what the chat then does is reported through state changes (the client's events).
 * `message` is for developers' logs: the code, then any detail (`CLIENT_ERROR: <the client's
 * error text>`, `INVALID_ROUTING: <field>: <issue code> (<params>)`). Components show their own
 * translated Custom Labels keyed on `code`.
 */
export type ChatActionResult = { ok: true } | { ok: false; code: ChatErrorCode; message: string };

/** `directToAgentRouting`, as the Embedded Chat client documents it. */
export interface DirectToAgentRouting {
    /**
     * The routing target, 15 or 18 characters. Required. Legacy client: a LiveChatButton ID
     * (prefix 573). Enhanced Chat: the queue (00G) or user (005) the Omni-Channel flow routes to.
     */
    buttonId: string;
    /** User ID of the agent (prefix 005). Optional. */
    userId?: string;
    /** When the agent is unavailable, route to the button's queue instead. Default false. */
    fallback?: boolean;
}

/** One `extraPrechatInfo` entity mapping, as the client documents it. */
export interface ExtraPrechatEntityFieldMap {
    fieldName: string;
    label: string;
    doCreate: boolean;
    doFind: boolean;
    isExactMatch: boolean;
}

/** One `extraPrechatInfo` entry, as the client documents it. */
export interface ExtraPrechatInfo {
    entityName: string;
    showOnCreate?: boolean;
    /** Transcript field that links to the record; '' = none. */
    saveToTranscript?: string;
    linkToEntityName?: string;
    linkToEntityField?: string;
    entityFieldMaps: ExtraPrechatEntityFieldMap[];
}

/** One `extraPrechatFormDetails` entry, as the client documents it. */
export interface ExtraPrechatFormDetail {
    label: string;
    value?: string;
    displayToAgent: boolean;
    transcriptFields: string[];
}

/**
 * Site routing and pre-chat data, in the client's own formats (the documented startChat
 * attributes). Every key is optional; a key left out keeps what the site's snippet configured
 * (for pre-chat data) or the snippet's own routing (for routing).
 */
export interface RoutingConfig {
    directToAgentRouting?: DirectToAgentRouting;
    /**
     * Tried in order: a target ID (legacy: a chat button, 573; Enhanced Chat: a queue, 00G, or a
     * user), a user ID (005) or `userId_buttonId` (an agent, then a target).
     */
    fallbackRouting?: string[];
    /** Pre-chat field values keyed by field API name; merged over the snippet's own. */
    prepopulatedPrechatFields?: Record<string, string>;
    /** Replaces the snippet's extraPrechatInfo when given. */
    extraPrechatInfo?: ExtraPrechatInfo[];
    /** Replaces the snippet's extraPrechatFormDetails when given. */
    extraPrechatFormDetails?: ExtraPrechatFormDetail[];
    /**
     * Legacy client only (developers' code, not a Builder property): a function of the pre-chat
     * form data that returns a chat button ID. Passed to the client unchanged.
     */
    directToButtonRouting?: (prechatFormData: unknown) => string;
    /**
     * Enhanced Chat only: values of visible pre-chat fields, keyed by channel variable name
     * (`_firstName`, `_lastName`, `_email`, `_subject`); the visitor can edit them.
     */
    visiblePrechatFields?: Record<string, string>;
    /**
     * Enhanced Chat only: the names of the hidden pre-chat fields (custom parameters of the
     * messaging channel, mapped to Omni-Channel flow variables) that carry the routing. A name
     * left out takes its default (see HiddenRoutingFieldNames); null leaves that field out.
     */
    hiddenRoutingFields?: HiddenRoutingFieldNames;
}

/**
 * Enhanced Chat: the hidden pre-chat fields the deployment declares, by name, with each one's
 * maximum length (the client's configuration, `forms[0].hiddenFormFields`).
 */
export type HiddenFieldLimits = Readonly<Record<string, number>>;

/** Enhanced Chat: hidden pre-chat field names for each routing value. */
export interface HiddenRoutingFieldNames {
    /** `directToAgentRouting.userId`. Default `Chat_Agent_Id`. */
    agentId?: string | null;
    /** `directToAgentRouting.buttonId`: the flow's routing target (a queue). Default `Chat_Target_Id`. */
    targetId?: string | null;
    /** `directToAgentRouting.fallback` as 'true' or 'false'. Default `Chat_Fallback`. */
    fallback?: string | null;
    /** `fallbackRouting` joined with commas. Default `Chat_Fallback_Routing`. */
    fallbackRouting?: string | null;
}

/**
 * The kind of a routing problem or caution, for showing it in the admin's language (a Custom
 * Label per code, filled from `RoutingIssue.params`). The params of each code are listed in
 * order; all are strings. In the ID codes, `kind` is the expected kind of ID (an IdKind:
 * `'chatButton'`, `'user'`, `'queue'`, `'queueOrUser'` or `'chatButtonQueueOrUser'`, never
 * translated text), and `id` the ID as given: whole, or cut after 40 characters with … when longer
 * (then it is no ID). Every quoted value is cut so; an ID, or a pair of them, never is.
 */
export type RoutingIssueCode =
    /** The configuration threw when read (a getter, a proxy). No params. */
    | 'UNREADABLE'
    /** The configuration is not a plain object. No params. */
    | 'CONFIG_NOT_AN_OBJECT'
    /** A key that is not a routing setting; it is ignored (warning). Params: the key. */
    | 'UNKNOWN_SETTING'
    /** `directToButtonRouting` is not a function. No params. */
    | 'BUTTON_ROUTING_NOT_A_FUNCTION'
    /** Both `directToAgentRouting` and `directToButtonRouting` are set (warning). No params. */
    | 'BUTTON_ROUTING_WITH_AGENT'
    /** `directToAgentRouting` is not a plain object. No params. */
    | 'DIRECT_NOT_AN_OBJECT'
    /** `directToAgentRouting.fallback` is not a Boolean. No params. */
    | 'FALLBACK_NOT_BOOLEAN'
    /** `fallback` is on without an agent, so it changes nothing (warning). No params. */
    | 'FALLBACK_WITHOUT_AGENT'
    /** An ID is not text. Params: kind. */
    | 'ID_NOT_TEXT'
    /** An ID is blank. Params: kind, its key prefixes ('573', '005', '00G/005'…). */
    | 'ID_EMPTY'
    /** An ID has neither 15 nor 18 characters. Params: kind, id, its length. */
    | 'ID_LENGTH'
    /**
     * An ID has characters other than letters and digits. Params: kind, id, the first such
     * character's code (`U+200B`: it may be invisible), its position (from 1).
     */
    | 'ID_CHARACTERS'
    /** An ID of another kind of record. Params: kind, id, the expected key prefixes. */
    | 'ID_PREFIX'
    /** An 18-character ID whose last 3 characters don't match the first 15. Params: kind, id. */
    | 'ID_CHECKSUM'
    /** `fallbackRouting` is not a list. No params. */
    | 'RULES_NOT_A_LIST'
    /** Too many fallback rules. Params: the maximum, the number given. */
    | 'RULES_TOO_MANY'
    /** A fallback rule is not text. No params. */
    | 'RULE_NOT_TEXT'
    /** A fallback rule is blank. No params. */
    | 'RULE_EMPTY'
    /**
     * A `targetId_userId` rule: the two IDs the wrong way round. Params: the
     * rule, shortened; the key prefixes a target may have ('573', '00G/005').
     */
    | 'RULE_PAIR_SWAPPED'
    /**
     * A rule with `_` that is not exactly two parts (userId_buttonId). Params: the rule, shortened.
     */
    | 'RULE_PAIR_SHAPE'
    /**
     * A rule that is neither a target ID, a user ID nor userId_buttonId. Params: the kind of
     * target (an ID kind, as in the ID codes), the rule shortened, the target's key prefixes.
     */
    | 'RULE_UNKNOWN_KIND'
    /**
     * A rule repeats an earlier one (warning). Params: its rule number, the earlier rule's number
     * (from 1).
     */
    | 'RULE_REPEATED'
    /** The direct-to-agent button is not the last fallback rule (warning). Params: the button ID. */
    | 'BUTTON_NOT_LAST'
    /**
     * Without a direct-to-agent button, the last fallback rule is not a button (warning). No
     * params.
     */
    | 'SITE_BUTTON_NOT_LAST'
    /** `prepopulatedPrechatFields` is not a plain object. No params. */
    | 'PRECHAT_NOT_AN_OBJECT'
    /** Too many pre-chat fields. Params: the maximum. */
    | 'PRECHAT_TOO_MANY'
    /**
     * A pre-chat field name that can't be a field API name. Params: the name (at most 40
     * characters).
     */
    | 'BAD_FIELD_NAME'
    /** A pre-chat field value that is not text. Params: the field name. */
    | 'PRECHAT_VALUE_NOT_TEXT'
    /** A pre-chat field value that is too long. Params: the field name, the maximum length. */
    | 'PRECHAT_VALUE_TOO_LONG'
    /**
     * A required value of extraPrechatInfo or extraPrechatFormDetails is missing or blank. No
     * params.
     */
    | 'REQUIRED'
    /** A value of extraPrechatInfo or extraPrechatFormDetails is not text. No params. */
    | 'NOT_TEXT'
    /**
     * A text of extraPrechatInfo or extraPrechatFormDetails is too long. Params: the maximum
     * length.
     */
    | 'TOO_LONG'
    /** A flag of extraPrechatInfo or extraPrechatFormDetails is not a Boolean. No params. */
    | 'NOT_BOOLEAN'
    /**
     * A list setting that is not a list. Params: its name (`extraPrechatInfo`, `entityFieldMaps`…).
     */
    | 'NOT_A_LIST'
    /** Too many entries in a list setting. Params: the maximum, the setting's name. */
    | 'TOO_MANY'
    /** An entry of a list setting is not a plain object. Params: the setting's name. */
    | 'ENTRY_NOT_AN_OBJECT'
    /** An `entityFieldMaps` entry is not a plain object. No params. */
    | 'FIELD_MAP_NOT_AN_OBJECT'
    /** Too many entity field maps in one extraPrechatInfo entry. Params: the maximum. */
    | 'FIELD_MAPS_TOO_MANY'
    /** `transcriptFields` is not a list. No params. */
    | 'TRANSCRIPT_FIELDS_NOT_A_LIST'
    /**
     * A name that can't be a channel variable name (visiblePrechatFields, hiddenRoutingFields).
     * Params: the name (at most 40 characters).
     */
    | 'BAD_CHANNEL_VARIABLE_NAME'
    /** `hiddenRoutingFields` is not a plain object. No params. */
    | 'HIDDEN_FIELDS_NOT_AN_OBJECT'
    /** A hidden routing field name that is neither text nor null. Params: its key (`agentId`…). */
    | 'HIDDEN_FIELD_NOT_TEXT'
    /** Two hidden routing values would go to the same field. Params: the field name. */
    | 'HIDDEN_FIELD_REPEATED'
    /**
     * A standard visible pre-chat field name (`_firstName`…) given as a hidden routing field name:
     * never a hidden field. Params: the name (at most 40 characters).
     */
    | 'HIDDEN_FIELD_STANDARD_NAME'
    /**
     * Enhanced Chat: a routing value is set but its hidden field is left out (null), so it is
     * never sent (warning). No params.
     */
    | 'HIDDEN_VALUE_NOT_SENT'
    /**
     * Enhanced Chat: an agent with fallback on, and a user as the target, where the flow falls
     * back to a queue (warning). Params: the target (shortened).
     */
    | 'FALLBACK_TARGET_NOT_QUEUE'
    /**
     * Enhanced Chat: a routing value longer than the maximum length the deployment gives its
     * hidden field (the client would drop it). Params: the field name, the value's length, the
     * maximum.
     */
    | 'HIDDEN_VALUE_TOO_LONG'
    /**
     * The same, against the default maximum length (255), where the page can't read the
     * deployment's. Params: the field name, the value's length, the maximum.
     */
    | 'HIDDEN_VALUE_OVER_DEFAULT'
    /** `directToButtonRouting` under Enhanced Chat, which ignores it (warning). No params. */
    | 'BUTTON_ROUTING_LEGACY_ONLY';

/**
 * Where a routing issue is, as data (`RoutingIssue.field` is the same place as text). Examples:
 * `{ key: 'directToAgentRouting', part: 'buttonId' }`, `{ key: 'fallbackRouting', index: 2,
 * side: 'userId' }`, `{ key: 'prepopulatedPrechatFields', part: 'Email' }`, `{ key: 'config' }`.
 */
export interface RoutingIssueLocation {
    /** The setting: a key of RoutingConfig (or the unknown key given), or 'config' for all. */
    key: string;
    /** The entry of a list setting (fallbackRouting, extraPrechatInfo…), counting from 0. */
    index?: number;
    /** Inside the setting or entry: a property, a field name, or a nested path. */
    part?: string;
    /** For an ID of a fallback rule: the user ID or the target (button) ID of the rule. */
    side?: 'userId' | 'buttonId';
}

/** A problem or a caution about one field of a routing configuration. */
export interface RoutingIssue {
    /** Path of the field, e.g. `directToAgentRouting.buttonId` or `fallbackRouting[2]`. */
    field: string;
    /** The same place as data: read this rather than parsing `field`. */
    location: RoutingIssueLocation;
    /**
     * The kind of problem. Its text is the code's Custom Label with the params filled in:
     * `routingIssueText(issue)` from the admin library c/chatAdminChecks.
     */
    code: RoutingIssueCode;
    /** The values the text mentions (IDs, numbers, names), in the order its code documents. */
    params: string[];
}

/** The verdict on a routing configuration. */
export interface RoutingValidation {
    valid: boolean;
    errors: RoutingIssue[];
    warnings: RoutingIssue[];
    /** The cleaned configuration (trimmed IDs, plain data) when valid; null when not. */
    config: RoutingConfig | null;
}

/** What startChat does when agents are known to be offline. */
export type OfflineBehavior =
    /** Return AGENTS_OFFLINE without calling the client (default). */
    | 'refuse'
    /** Call the client anyway, with no attributes, so it shows its Offline Support form. */
    | 'offline-form';

/** Options for one startChat call. */
export interface StartChatOptions {
    /**
     * Overrides the site routing for this call, key by key: a key given here replaces the site's
     * (configureRouting) value for that key; keys left out keep the site's.
     */
    routing?: RoutingConfig;
    /** What to do when agents are known to be offline. Default 'refuse'. */
    whenOffline?: OfflineBehavior;
}

/** Tuning of the service; every field optional. */
export interface ChatServiceOptions {
    /** How long to wait for the chat client before reporting `no-chat-client`. Default 15000 ms. */
    clientWaitMs?: number;
    /** How long to wait for a client promise before returning to the caller. Default 8000 ms. */
    callTimeoutMs?: number;
    /** Logs state changes and client calls (never visitor data) to the console. Default false. */
    debug?: boolean;
    /**
     * Hides the chat client's own chat button (Enhanced Chat's floating button, legacy Chat's help
     * button) every time the client draws it, so that chats start from the site's own Start
     * buttons. Default false.
     */
    hideClientChatButton?: boolean;
}

/** Called with the current state at once, then on every change. */
export type ChatStateListener = (state: ChatState) => void;
