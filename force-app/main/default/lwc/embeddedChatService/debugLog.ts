/**
 * Logging behind a switch (off by default). Callers pass event names, statuses and error codes
 * only: never attributes, pre-chat values or anything else a visitor typed or owns.
 */
let enabled = false;

export function setDebug(on: boolean): void {
    enabled = on;
}

export function debug(message: string): void {
    if (enabled) {
        // eslint-disable-next-line no-console
        console.info(`[embeddedChatService] ${message}`);
    }
}
