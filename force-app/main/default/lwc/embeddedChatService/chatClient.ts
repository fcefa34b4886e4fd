/**
 * What the service needs from a chat provider. The Embedded Chat adapter (embeddedSvcClient.ts)
 * is the only implementation today; a second provider (Enhanced Chat's
 * `embeddedservice_bootstrap`, say) would implement the same interface, so the components never
 * change.
 */
import type { SnippetSettings, StartChatAttributes } from './startChatAttributes';

/** How far the provider's client has loaded. */
export type ClientPresence =
    /** Nothing on the page yet. */
    | 'absent'
    /** The global exists (events can be registered) but the chat API is not there yet. */
    | 'partial'
    /** The chat API can be called. */
    | 'ready';

/** Receives the client's events; `name` is lower-cased (the client's names are case-insensitive). */
export type ClientEventSink = (name: string, data: unknown) => void;

export interface ChatClient {
    /** Looks at the page now. Never throws. */
    probe(): ClientPresence;
    /**
     * Registers the service's event handlers with the client, at most once per client instance
     * (the client's handlers can never be removed). Safe to call repeatedly. Never throws.
     */
    connect(sink: ClientEventSink): void;
    /** The availability the client already knows, or null. Never throws. */
    knownAvailability(): boolean | null;
    /** The site's own pre-chat and routing settings. Never throws. */
    snippetSettings(): SnippetSettings;
    /** Calls the client's API. These may throw or return anything: the caller guards them. */
    startChat(attributes: StartChatAttributes): unknown;
    endChat(): unknown;
    clearSession(): unknown;
}
