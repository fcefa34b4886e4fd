/**
 * Loading a fresh copy of c/embeddedChatService per test (as a new page load would), cleaning up
 * the script-load listeners that copies leave on the shared jsdom document, and letting promise
 * chains run.
 */
import type * as ServiceModule from 'c/embeddedChatService';
import { RESTRICTED_MESSAGE, type MethodBehavior } from '../jest-mocks/embeddedSvc';
import type { ModelBehavior } from './chatStateModel';

export type Service = typeof ServiceModule;

/** A fresh copy of the module, as on a new page load. */
export function loadService(): Service {
    let service: Service | undefined;
    jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module copy needs require inside isolateModules
        service = require('c/embeddedChatService') as Service;
    });
    return service as Service;
}

/**
 * Records the listeners added to `document` so that `removeDocumentListeners` can take them off
 * again: each module copy listens for script loads while it waits for the client.
 */
export function trackDocumentListeners(): { removeAll: () => void } {
    const added: [string, EventListenerOrEventListenerObject, unknown][] = [];
    const original = document.addEventListener.bind(document);
    jest.spyOn(document, 'addEventListener').mockImplementation((type, listener, options) => {
        added.push([type, listener, options]);
        original(type, listener, options);
    });
    return {
        removeAll: () => {
            for (const [type, listener, options] of added.splice(0)) {
                document.removeEventListener(type, listener, options as boolean | undefined);
            }
        }
    };
}

/**
 * The page of a service test: fake timers and tracked document listeners before each test; after
 * each, the listeners removed, `cleanup` (uninstall the client doubles), no timer left, real timers.
 */
export function useServicePage(cleanup: () => void): void {
    let documentListeners: { removeAll: () => void };
    beforeEach(() => {
        jest.useFakeTimers();
        documentListeners = trackDocumentListeners();
    });
    afterEach(() => {
        documentListeners.removeAll();
        cleanup();
        jest.clearAllTimers();
        jest.useRealTimers();
    });
}

/** Lets `turns` rounds of already-settled promise callbacks run. */
export async function flushMicrotasks(turns = 20): Promise<void> {
    for (let i = 0; i < turns; i++) {
        // eslint-disable-next-line no-await-in-loop -- one microtask turn at a time
        await Promise.resolve();
    }
}

/** Whether a promise has settled yet (after letting pending callbacks run). */
export async function isSettled(promise: Promise<unknown>): Promise<boolean> {
    let settled = false;
    promise.then(
        () => {
            settled = true;
        },
        () => {
            settled = true;
        }
    );
    await flushMicrotasks();
    return settled;
}

/**
 * Resolves a service promise under fake timers: runs microtasks, then advances the fake clock
 * step by step until the promise settles (at most `maxMs` of fake time).
 */
export async function settleWithFakeTimers<T>(
    promise: Promise<T>,
    stepMs: number,
    maxMs = 120000
): Promise<T> {
    let elapsed = 0;
    // eslint-disable-next-line no-await-in-loop -- each turn lets the promise chain run before the clock moves
    while (!(await isSettled(promise))) {
        if (elapsed >= maxMs) {
            throw new Error(`the promise did not settle within ${maxMs} ms of fake time`);
        }
        jest.advanceTimersByTime(stepMs);
        elapsed += stepMs;
    }
    return promise;
}

/** The double's setting for a model behaviour of a client method. */
export function doubleBehavior(behavior: ModelBehavior): MethodBehavior {
    switch (behavior) {
        case 'throw':
            return { kind: 'throw', error: new Error('the client threw') };
        case 'reject':
            return { kind: 'reject', error: new Error('the client rejected') };
        case 'restricted':
            return { kind: 'resolve', value: RESTRICTED_MESSAGE };
        case 'value':
            return { kind: 'return', value: 42 };
        case 'never':
            return { kind: 'never' };
        default:
            return { kind: 'real' };
    }
}

export type ClientMethod = 'startChat' | 'endChat' | 'clearSession';
export const CLIENT_METHODS: readonly ClientMethod[] = ['startChat', 'endChat', 'clearSession'];

/**
 * Wraps the double's liveAgentAPI methods (installed by installEmbeddedSvc) so that `spy` sees
 * every call first, with its real arguments (before the client mutates them).
 */
export function spyOnClientCalls(
    svc: Record<string, unknown>,
    spy: (method: ClientMethod, args: unknown[]) => void
): void {
    const api = svc.liveAgentAPI as Record<string, ((...args: unknown[]) => unknown) | undefined>;
    for (const method of CLIENT_METHODS) {
        const original = api[method];
        if (typeof original === 'function') {
            api[method] = (...args: unknown[]) => {
                spy(method, args);
                return original(...args);
            };
        }
    }
}

/** True when a value is a well-formed ChatActionResult. */
export function isActionResult(value: unknown): boolean {
    if (!value || typeof value !== 'object') {
        return false;
    }
    const result = value as { ok?: unknown; code?: unknown; message?: unknown };
    if (result.ok === true) {
        return Object.keys(result).length === 1;
    }
    return (
        result.ok === false &&
        typeof result.code === 'string' &&
        typeof result.message === 'string' &&
        result.message.trim() !== ''
    );
}
