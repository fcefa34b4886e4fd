/**
 * Enhanced Chat instrumentation of the benchmark page (`?client=enhanced`: the preview simulator
 * installs `window.embeddedservice_bootstrap`). Only observes: when the client fired its first
 * Ready and ButtonCreated, and each `utilAPI.launchChat` call. Its listeners are added through
 * EventTarget.prototype, so the simulator's count of the page's listeners leaves them out.
 */
/// <reference lib="dom" />

export interface EnhancedBenchControls {
    /** performance.now() of the first onEmbeddedMessagingReady. */
    readyAt: number | null;
    /** performance.now() of the first onEmbeddedMessagingButtonCreated. */
    buttonCreatedAt: number | null;
    /** performance.now() of each utilAPI.launchChat call. */
    launchCallTimes: number[];
    /**
     * performance.now() when the client's configuration arrived (its merged settings got
     * `embeddedServiceConfig`: bootstrap.js init's mergeSettings), seen by a setter on them.
     */
    configArrivedAt: number | null;
}

declare global {
    interface Window {
        __benchEnhanced?: EnhancedBenchControls;
    }
}

const controls: EnhancedBenchControls = {
    readyAt: null,
    buttonCreatedAt: null,
    launchCallTimes: [],
    configArrivedAt: null
};
window.__benchEnhanced = controls;

/** Notes when the configuration lands on the client's settings object (a plain setter). */
function watchConfiguration(client: unknown): void {
    const settings = (client as { settings?: Record<string, unknown> } | null)?.settings;
    if (!settings || typeof settings !== 'object' || 'embeddedServiceConfig' in settings) {
        return;
    }
    let config: unknown;
    Object.defineProperty(settings, 'embeddedServiceConfig', {
        configurable: true,
        enumerable: true,
        get: () => config,
        set(value: unknown) {
            controls.configArrivedAt ??= performance.now();
            config = value;
        }
    });
}

let clientValue: unknown = (window as unknown as { embeddedservice_bootstrap?: unknown })
    .embeddedservice_bootstrap;
watchConfiguration(clientValue);
Object.defineProperty(window, 'embeddedservice_bootstrap', {
    configurable: true,
    get: () => clientValue,
    set(value: unknown) {
        watchConfiguration(value);
        clientValue = value;
    }
});

const listen = (type: string, listener: () => void): void =>
    EventTarget.prototype.addEventListener.call(window, type, listener);

/** Wraps utilAPI.launchChat once the API objects exist (v1: from Ready). */
function instrumentLaunch(): void {
    const client = (window as unknown as { embeddedservice_bootstrap?: Record<string, unknown> })
        .embeddedservice_bootstrap;
    const util = client?.utilAPI as Record<string, unknown> | undefined;
    const launch = util?.launchChat as ((...args: unknown[]) => unknown) | undefined;
    if (!util || typeof launch !== 'function' || (launch as { benched?: boolean }).benched) {
        return;
    }
    const wrapped = (...args: unknown[]): unknown => {
        controls.launchCallTimes.push(performance.now());
        return launch.apply(util, args);
    };
    (wrapped as { benched?: boolean }).benched = true;
    util.launchChat = wrapped;
}

listen('onEmbeddedMessagingReady', () => {
    controls.readyAt ??= performance.now();
    instrumentLaunch();
});
listen('onEmbeddedMessagingButtonCreated', () => {
    controls.buttonCreatedAt ??= performance.now();
});
