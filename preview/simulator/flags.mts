/**
 * The page's URL flags that shape the simulated chat client for one page life. Controls that
 * cannot change a running page (Locker, script missing or late, continued session) reload the
 * page with new flags, as the real situations only exist from page load.
 */

export interface SimulatorFlags {
    /** Lightning Locker simulated: `String(window)` starts with "SecureWindow". */
    locker: boolean;
    /** The site has no chat snippet: `embedded_svc` never appears. */
    noScript: boolean;
    /** Seconds after page load until `embedded_svc` appears (the snippet's script loads). */
    scriptDelaySeconds: number;
    /** The page continues a chat session: no onSettingsCallCompleted. */
    continued: boolean;
    /** Agent availability at page load. */
    agents: 'online' | 'offline' | 'unknown';
    /** Offline Support enabled in the deployment. */
    offlineSupport: boolean;
    /** The client's hidden session-storage iframe is missing from page load (`noStorageFrame`). */
    noStorageFrame: boolean;
    /**
     * The storage frame loads but never posts anything, not even the session data
     * (`unreachableStorageFrame`: blocked by a content-security policy, an extension, the network).
     */
    unreachableStorageFrame: boolean;
    /**
     * Milliseconds the client spends in the feature script's onload task after `featureLoaded`
     * (`featureWork`; default FEATURE_TASK_WORK_MS).
     */
    featureWorkMs: number;
    /** Timing overrides in ms (tests make the page fast). */
    apiDelayMs: number | null;
    settingsDelayMs: number | null;
    requestDelayMs: number | null;
    availabilityMs: number | null;
}

/** Where the snippet's script appears when no delay is set: shortly after load, as in a site. */
export const DEFAULT_SCRIPT_DELAY_SECONDS = 0.2;

/**
 * The real 5.0 client's work after `featureLoaded` in the same task (the loader's callback and
 * pending messages, on a page configured like a site): 18-36 ms measured in Chromium on a 2-core
 * machine. The simulator spends the low end, so it is never faster than the client.
 */
export const FEATURE_TASK_WORK_MS = 18;

function numberOrNull(value: string | null): number | null {
    if (value === null || value.trim() === '') {
        return null;
    }
    const number = Number(value);
    return Number.isFinite(number) && number >= 0 ? number : null;
}

function flag(params: URLSearchParams, name: string): boolean {
    const value = params.get(name);
    return value !== null && value !== '0' && value.toLowerCase() !== 'false';
}

export function parseFlags(search: string): SimulatorFlags {
    const params = new URLSearchParams(search);
    const agents = params.get('agents');
    return {
        locker: flag(params, 'locker'),
        noScript: flag(params, 'noScript'),
        scriptDelaySeconds: numberOrNull(params.get('scriptDelay')) ?? DEFAULT_SCRIPT_DELAY_SECONDS,
        continued: flag(params, 'continued'),
        agents: agents === 'offline' || agents === 'unknown' ? agents : 'online',
        offlineSupport: params.get('offlineSupport') !== '0',
        noStorageFrame: flag(params, 'noStorageFrame'),
        unreachableStorageFrame: flag(params, 'unreachableStorageFrame'),
        featureWorkMs: numberOrNull(params.get('featureWork')) ?? FEATURE_TASK_WORK_MS,
        apiDelayMs: numberOrNull(params.get('apiDelay')),
        settingsDelayMs: numberOrNull(params.get('settingsDelay')),
        requestDelayMs: numberOrNull(params.get('requestDelay')),
        availabilityMs: numberOrNull(params.get('availabilityMs'))
    };
}

/** The simulator flags' URL parameter names (other parameters of the page are kept as they are). */
const NAMES = [
    'locker',
    'noScript',
    'scriptDelay',
    'continued',
    'agents',
    'offlineSupport',
    'noStorageFrame',
    'unreachableStorageFrame',
    'featureWork',
    'apiDelay',
    'settingsDelay',
    'requestDelay',
    'availabilityMs'
];

/**
 * A page search string with `changes` applied to the current one. A change of `null` removes a
 * flag; other parameters (the page's own, such as `user` or `builder`) are kept.
 */
export function withFlags(
    search: string,
    changes: Record<string, string | number | boolean | null>
): string {
    const params = new URLSearchParams(search);
    for (const [name, value] of Object.entries(changes)) {
        if (value === null || value === false) {
            params.delete(name);
        } else {
            params.set(name, value === true ? '1' : String(value));
        }
    }
    const text = params.toString();
    return text ? `?${text}` : '';
}

/** The search string without any simulator flag (a plain page load). */
export function withoutSimulatorFlags(search: string): string {
    const changes: Record<string, null> = {};
    for (const name of NAMES) {
        changes[name] = null;
    }
    return withFlags(search, changes);
}
