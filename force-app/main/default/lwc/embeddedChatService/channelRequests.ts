/**
 * Reads a message received on the chat's message channel: a request to run, a malformed request
 * to answer with an error code, or a message to ignore (the service's own state and results).
 * Pure and total: it never throws, whatever arrives (the channel is open to every component on
 * the page).
 */
import { isObject, readField } from './values';
import type { RoutingConfig } from './chatTypes';
import type { ChatChannelAction, ChatChannelErrorCode } from './channelTypes';

export const CHANNEL_LIMITS = {
    requestIdLength: 100,
    /** Characters of text (keys and values) in a request's routing. */
    routingText: 32000,
    /** Nesting of objects and lists in a request's routing (extraPrechatInfo needs 4). */
    routingDepth: 6,
    /** Values (objects, lists, texts, numbers…) in a request's routing. */
    routingValues: 2000
} as const;

const ACTIONS: readonly ChatChannelAction[] = ['getState', 'startChat', 'endChat', 'clearSession'];

export type ChannelRequest =
    | { kind: 'ignore' }
    | { kind: 'run'; requestId: string; action: ChatChannelAction; routing?: RoutingConfig }
    | {
          kind: 'refuse';
          requestId: string | null;
          action: ChatChannelAction | null;
          code: ChatChannelErrorCode;
          message: string;
      };

/**
 * An object that is not a list. Not `isPlainObject`: a message may reach the service wrapped by
 * the page's sandbox; the routing rules judge the routing itself, as for a direct call.
 */
function isRecord(value: unknown): boolean {
    return isObject(value) && typeof value !== 'function' && !Array.isArray(value);
}

/** Whether `value` stays within the routing limits; a read that throws counts as too large. */
function withinLimits(value: unknown): boolean {
    let text: number = CHANNEL_LIMITS.routingText;
    let values = 0;
    const fits = (item: unknown, depth: number): boolean => {
        values += 1;
        if (typeof item === 'string') {
            text -= item.length;
        } else if (item !== null && typeof item === 'object') {
            if (depth >= CHANNEL_LIMITS.routingDepth) {
                return false;
            }
            if (Array.isArray(item) && item.length > CHANNEL_LIMITS.routingValues) {
                return false;
            }
            for (const key of Object.keys(item)) {
                text -= key.length;
                if (text < 0 || !fits(readField(item, key), depth + 1)) {
                    return false;
                }
            }
        }
        return text >= 0 && values <= CHANNEL_LIMITS.routingValues;
    };
    try {
        return fits(value, 0);
    } catch {
        return false;
    }
}

/** What a message on the channel asks for. */
export function readRequest(message: unknown): ChannelRequest {
    const type = readField(message, 'type');
    if (type === 'state' || type === 'result') {
        return { kind: 'ignore' };
    }
    const rawId = readField(message, 'requestId');
    const rawAction = readField(message, 'action');
    const requestId =
        typeof rawId === 'string' &&
        rawId.trim() !== '' &&
        rawId.length <= CHANNEL_LIMITS.requestIdLength
            ? rawId
            : null;
    const action = ACTIONS.find((known) => known === rawAction) ?? null;
    const refuse = (code: ChatChannelErrorCode, text: string): ChannelRequest => ({
        kind: 'refuse',
        requestId,
        action,
        code,
        message: text
    });
    if (!isRecord(message) || type !== 'request') {
        return refuse('INVALID_REQUEST', 'A request is an object with type "request".');
    }
    if (
        rawId === undefined ||
        rawId === null ||
        (typeof rawId === 'string' && rawId.trim() === '')
    ) {
        return refuse('MISSING_REQUEST_ID', 'A request needs a requestId.');
    }
    if (requestId === null) {
        return refuse(
            'INVALID_REQUEST',
            `requestId must be text of at most ${CHANNEL_LIMITS.requestIdLength} characters.`
        );
    }
    if (!action) {
        return refuse('UNKNOWN_ACTION', `action must be one of ${ACTIONS.join(', ')}.`);
    }
    const routing = readField(message, 'routing');
    if (routing === undefined) {
        return { kind: 'run', requestId, action };
    }
    if (action !== 'startChat' || !isRecord(routing)) {
        return refuse('INVALID_REQUEST', 'routing must be an object, on startChat only.');
    }
    if (!withinLimits(routing)) {
        return refuse('ROUTING_TOO_LARGE', 'routing is larger than the channel carries.');
    }
    return { kind: 'run', requestId, action, routing: routing as RoutingConfig };
}
