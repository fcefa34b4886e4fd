/**
 * The URL flags that choose the preview's chat client: the legacy Embedded Chat simulator
 * (`embedded_svc`, the default) or the Enhanced Chat one (`embeddedservice_bootstrap`), and the
 * Enhanced Chat deployment and site it runs on: client version, pre-chat form, the channel's
 * agent-availability check, the site component's "hide chat button on load" and login mode, and
 * v2's window timing. Kept in the URL, like the other simulator flags, so the choice survives
 * reloads.
 */

export type PreviewClient = 'legacy' | 'enhanced';

/**
 * The channel's agent-availability check (a Setup checkbox) and what the availability endpoint
 * answers: `online`, `offline` (Ready held back until an agent comes), or `unavailable` (an agent
 * is online at load and gone by the time the visitor launches).
 */
export type AgentCheck = 'off' | 'online' | 'offline' | 'unavailable';

export interface EnhancedFlags {
    /** `client=enhanced`: the page runs Enhanced Chat. */
    client: PreviewClient;
    /** `clientVersion=v2`: the Proxy-based v2 client (default v1, bootstrap.js). */
    version: 'v1' | 'v2';
    /** `prechat=1`: the deployment shows a visible pre-chat form. */
    prechatForm: boolean;
    /** `agentCheck=online|offline|unavailable`: the channel checks agent availability. */
    agentCheck: AgentCheck;
    /** `agentCheckMs=…`: the client's availability period in ms (the real one: 30 000). */
    agentCheckMs: number | null;
    /** `hideButtonOnLoad=1`: the site component's "hide chat button on load". */
    hideButtonOnLoad: boolean;
    /** `siteLogin=1`: the site component's login mode (guest or not: the page's signed-in user). */
    siteLogin: boolean;
    /** `maximizeDelay=…` (v2): ms from launchChat's answer to the window's maximize event. */
    maximizeDelayMs: number | null;
}

/** The Enhanced-only flags' URL parameter names (dropped when the page goes back to legacy). */
export const ENHANCED_FLAG_NAMES = [
    'client',
    'clientVersion',
    'prechat',
    'agentCheck',
    'agentCheckMs',
    'hideButtonOnLoad',
    'siteLogin',
    'maximizeDelay'
];

function on(params: URLSearchParams, name: string): boolean {
    const value = params.get(name);
    return value !== null && value !== '0' && value.toLowerCase() !== 'false';
}

function milliseconds(params: URLSearchParams, name: string): number | null {
    const text = params.get(name);
    const value = text === null || text.trim() === '' ? NaN : Number(text);
    return Number.isFinite(value) && value >= 0 ? value : null;
}

export function parseEnhancedFlags(search: string): EnhancedFlags {
    const params = new URLSearchParams(search);
    const agentCheck = params.get('agentCheck');
    return {
        client: params.get('client') === 'enhanced' ? 'enhanced' : 'legacy',
        version: params.get('clientVersion') === 'v2' ? 'v2' : 'v1',
        prechatForm: on(params, 'prechat'),
        agentCheck:
            agentCheck === 'online' || agentCheck === 'offline' || agentCheck === 'unavailable'
                ? agentCheck
                : 'off',
        agentCheckMs: milliseconds(params, 'agentCheckMs'),
        hideButtonOnLoad: on(params, 'hideButtonOnLoad'),
        siteLogin: on(params, 'siteLogin'),
        maximizeDelayMs: milliseconds(params, 'maximizeDelay')
    };
}

/** The page's search string for another client (the Enhanced-only flags go with legacy). */
export function withClient(search: string, client: PreviewClient): string {
    const params = new URLSearchParams(search);
    if (client === 'enhanced') {
        params.set('client', 'enhanced');
    } else {
        for (const name of ENHANCED_FLAG_NAMES) {
            params.delete(name);
        }
    }
    const text = params.toString();
    return text ? `?${text}` : '';
}
