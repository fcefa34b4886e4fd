/**
 * Public types of the chat's Lightning message channel (`Embedded_Chat__c`), for subscribers
 * written in TypeScript. The channel and its messages are described in docs/service-api.md.
 */
import type { ChatActionResult, ChatState, RoutingConfig } from './chatTypes';

/** What a request on the channel may ask for. */
export type ChatChannelAction = 'getState' | 'startChat' | 'endChat' | 'clearSession';

/** Why the service refused a request without running it. */
export type ChatChannelErrorCode =
    /** Not an object, `type` is not 'request', `requestId` not text, or `routing` misplaced. */
    | 'INVALID_REQUEST'
    /** No `requestId`, or a blank one. */
    | 'MISSING_REQUEST_ID'
    /** `action` is not one of ChatChannelAction. */
    | 'UNKNOWN_ACTION'
    /** `routing` is larger than the channel carries (see docs/service-api.md). */
    | 'ROUTING_TOO_LARGE';

/** A request a component publishes on the channel. */
export interface ChatChannelRequest {
    type: 'request';
    /** Chosen by the requester (1 to 100 characters); the answer carries it back. */
    requestId: string;
    action: ChatChannelAction;
    /** startChat only: overrides the site routing for this start, as StartChatOptions.routing. */
    routing?: RoutingConfig;
}

/** The outcome of a request: an action's own result, or the reason it was refused. */
export type ChatChannelResult =
    | ChatActionResult
    | { ok: false; code: ChatChannelErrorCode; message: string };

/** The chat's state: on every change, when the service starts, and in answer to getState. */
export interface ChatChannelStateMessage {
    type: 'state';
    /** The format of the message (CHAT_CHANNEL_VERSION). */
    version: number;
    /** Every field of ChatState, `client` (the client kind) included. */
    state: ChatState;
    /** The getState request answered; null for a change. */
    requestId: string | null;
}

/** The answer to a startChat, endChat or clearSession request, or to a malformed request. */
export interface ChatChannelResultMessage {
    type: 'result';
    version: number;
    /** The request's id; null when the request had no usable one. */
    requestId: string | null;
    /** The request's action; null when it was not one of ChatChannelAction. */
    action: ChatChannelAction | null;
    result: ChatChannelResult;
}

/** Anything the service publishes. */
export type ChatChannelMessage = ChatChannelStateMessage | ChatChannelResultMessage;
