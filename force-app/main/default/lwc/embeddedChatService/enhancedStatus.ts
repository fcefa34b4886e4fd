/**
 * Enhanced Chat's session status, read from an `onEmbeddedMessagingSessionStatusUpdate` detail
 * (docs/enhanced-chat-client.md, Events).
 */
import { readField } from './values';

/** The session status an SSE entry carries, read defensively; null when unreadable. */
export function sessionStatusOf(detail: unknown): string | null {
    try {
        const payload = readField(readField(detail, 'conversationEntry'), 'entryPayload');
        const parsed: unknown = typeof payload === 'string' ? JSON.parse(payload) : payload;
        const status = readField(parsed, 'sessionStatus');
        return typeof status === 'string' ? status : null;
    } catch {
        return null;
    }
}
