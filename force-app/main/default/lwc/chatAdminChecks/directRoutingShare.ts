/**
 * What the fallback rules editor needs of a sibling property and cannot read: Experience
 * Builder's property sheet gives a property editor its own property only (label, description,
 * required, value, errors, schema). Whether the chat button is the last rule depends on the
 * direct-to-agent routing, so the summary card of Chat Routing Settings shares the routing it
 * judges, and an editor on the same page judges its rules with it (the service's
 * validateRouting, the card's own check: one verdict, in the same words).
 *
 * The editor is told the card's routing only while exactly one card shares it: with two Chat
 * Routing Settings on the page (the theme layout's and a page's), it can't tell which one it
 * edits, and with none (an editor outside the page) it has nothing to judge by.
 */
import type { DirectToAgentRouting } from 'c/embeddedChatService';

/** What an editor knows of the direct-to-agent routing of the settings it edits. */
export type DirectRoutingSeen =
    | { seen: false }
    /** `direct`: the routing as the card gives it to validateRouting (undefined: none set). */
    | { seen: true; direct: DirectToAgentRouting | undefined };

type Listener = (seen: DirectRoutingSeen) => void;

const shared = new Map<object, DirectToAgentRouting | undefined>();
const listeners = new Set<Listener>();

function current(): DirectRoutingSeen {
    if (shared.size !== 1) {
        return { seen: false };
    }
    const [direct] = shared.values();
    return { seen: true, direct };
}

function tell(): void {
    const seen = current();
    listeners.forEach((listener) => listener(seen));
}

/** A card shares (again) the direct-to-agent routing it judges. */
export function shareDirectRouting(card: object, direct: DirectToAgentRouting | undefined): void {
    shared.set(card, direct);
    tell();
}

/** A card leaves the page: its routing no longer counts. */
export function withdrawDirectRouting(card: object): void {
    if (shared.delete(card)) {
        tell();
    }
}

/** Calls `listener` at once and on every change; returns the function that stops it. */
export function watchDirectRouting(listener: Listener): () => void {
    listeners.add(listener);
    listener(current());
    return () => {
        listeners.delete(listener);
    };
}
