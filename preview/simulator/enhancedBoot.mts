/**
 * The preview's Enhanced Chat mode (`?client=enhanced`): instead of `embedded_svc`, the page gets
 * `window.embeddedservice_bootstrap` from the Enhanced Chat simulator, as a site whose Embedded
 * Messaging component loads bootstrap.min.js and calls `init`. Draws the client's own button and
 * chat window, exposes `window.__enhancedChat` for the panel and the browser tests, and renders
 * the panel. Called by boot.mts before anything of the legacy simulator runs.
 */
/// <reference lib="dom" />
import {
    EnhancedClientSimulator,
    type EnhancedCall,
    type EnhancedConversation,
    type EnhancedEvent,
    type EnhancedNote,
    type EnhancedSnapshot,
    type WebStorage
} from './enhancedClient.mts';
import {
    parseEnhancedFlags,
    withClient,
    type AgentCheck,
    type EnhancedFlags
} from './enhancedFlags.mts';
import { renderEnhancedPanel } from './enhancedPanel.mts';
import { renderChatWindow } from './enhancedWindow.mts';
import { withFlags, withoutSimulatorFlags, type SimulatorFlags } from './flags.mts';
import { reloadPreview } from './pageReload.mts';

/** What `window.__enhancedChat` offers: the log, the state and the viewer's controls. */
export interface EnhancedChatControls {
    readonly flags: SimulatorFlags;
    readonly enhanced: EnhancedFlags;
    readonly calls: EnhancedCall[];
    readonly events: EnhancedEvent[];
    readonly notes: EnhancedNote[];
    /** The client script ran (`window.embeddedservice_bootstrap` exists). */
    scriptLoaded(): boolean;
    state(): EnhancedSnapshot;
    /** Window listeners the page added for the client's events: all time, and now per event. */
    listeners(): { added: number; current: Record<string, number> };
    agentAccepts(): boolean;
    agentEnds(): boolean;
    visitorCloses(): boolean;
    submitPrechatForm(values: Record<string, string>): boolean;
    setMinimized(minimized: boolean): boolean;
    setBusinessHours(within: boolean): void;
    setIframeResponsive(responsive: boolean): void;
    /** The agent-availability endpoint's answer (the client learns it at its next request). */
    setAgentsOnline(online: boolean): void;
    /** v2: the chat frame is gone from the page. */
    setFrameMissing(missing: boolean): void;
    /** The page reloads as it is (a session in progress comes back). */
    reload(): void;
    /**
     * Page reloads: another client, version or pre-chat form, the site's setup, Locker, the script
     * removed or late.
     */
    useClient(client: 'legacy' | 'enhanced'): void;
    setVersion(version: 'v1' | 'v2'): void;
    setPrechatForm(on: boolean): void;
    setAgentCheck(check: AgentCheck): void;
    setHideButtonOnLoad(on: boolean): void;
    setSiteLogin(on: boolean): void;
    /** Lightning Locker simulated from page load (boot.mts), as on the legacy panel. */
    setLocker(on: boolean): void;
    /** v2: ms from launchChat's answer to the window's maximize event (null: the default). */
    setMaximizeDelay(ms: number | null): void;
    removeScript(on: boolean): void;
    scriptLate(seconds: number): void;
    reset(): void;
    subscribe(listener: () => void): void;
}

declare global {
    interface Window {
        embeddedservice_bootstrap?: unknown;
        agentforce_messaging?: unknown;
        __enhancedChat?: EnhancedChatControls;
    }
}

/** The org ID the site's snippet passes to init (v1 names its web storage entry after it). */
const ORG_ID = '00D000000000001';
/**
 * Where the preview keeps the simulated server's side of the conversation across reloads (the
 * real one is on Salesforce's servers). The client's own part, the session's token, is in the
 * page's web storage under `${ORG_ID}_WEB_STORAGE`, as bootstrap.js keeps it.
 */
const SERVER_KEY = 'previewEnhancedChat.server';

/**
 * determineStorageType: localStorage, or sessionStorage when localStorage is out of reach
 * (detectWebStorageAvailability); null when neither is.
 */
function pageStorage(): WebStorage | null {
    for (const name of ['localStorage', 'sessionStorage'] as const) {
        try {
            return window[name];
        } catch {
            // out of reach: the next one
        }
    }
    return null;
}

function readServer(): EnhancedConversation | null {
    try {
        const text = pageStorage()?.getItem(SERVER_KEY);
        return text ? (JSON.parse(text) as EnhancedConversation) : null;
    } catch {
        return null;
    }
}

function writeServer(conversation: EnhancedConversation | null): void {
    try {
        if (conversation) {
            pageStorage()?.setItem(SERVER_KEY, JSON.stringify(conversation));
        } else {
            pageStorage()?.removeItem(SERVER_KEY);
        }
    } catch {
        // storage unavailable: a reload starts without a session
    }
}

/** The page load's deployment and site, in words (the panel's first log line). */
function describeDeployment(enhanced: EnhancedFlags, member: boolean): string {
    const parts: string[] = [];
    if (enhanced.prechatForm) parts.push('a pre-chat form');
    if (enhanced.agentCheck !== 'off')
        parts.push(`agent-availability check (${enhanced.agentCheck})`);
    if (enhanced.hideButtonOnLoad) parts.push('hide chat button on load');
    if (enhanced.siteLogin)
        parts.push(`site login required, visitor ${member ? 'logged in' : 'a guest'}`);
    return parts.length ? parts.join(', ') : 'plain deployment';
}

/** Counts the page's window listeners for the client's events (registrations per page). */
function trackListeners(): EnhancedChatControls['listeners'] {
    const current = new Map<string, Set<unknown>>();
    let added = 0;
    const add = window.addEventListener.bind(window);
    const remove = window.removeEventListener.bind(window);
    window.addEventListener = ((type: string, listener: unknown, options?: unknown) => {
        if (type.startsWith('onEmbeddedMessag') && listener) {
            const set = current.get(type) ?? new Set<unknown>();
            if (!set.has(listener)) {
                added += 1;
                set.add(listener);
            }
            current.set(type, set);
        }
        add(type, listener as EventListener, options as AddEventListenerOptions);
    }) as typeof window.addEventListener;
    window.removeEventListener = ((type: string, listener: unknown, options?: unknown) => {
        current.get(type)?.delete(listener);
        remove(type, listener as EventListener, options as EventListenerOptions);
    }) as typeof window.removeEventListener;
    return () => ({
        added,
        current: Object.fromEntries([...current].map(([type, set]) => [type, set.size]))
    });
}

export function bootEnhanced(flags: SimulatorFlags): void {
    const enhanced = parseEnhancedFlags(window.location.search);
    const member = new URLSearchParams(window.location.search).get('user') === 'member';
    const listeners = trackListeners();
    let agentsLeave = enhanced.agentCheck === 'unavailable';
    const simulator: EnhancedClientSimulator = new EnhancedClientSimulator({
        scheduler: {
            setTimeout: (fn, ms) => window.setTimeout(fn, ms),
            clearTimeout: (handle) => window.clearTimeout(handle as number),
            now: () => performance.now()
        },
        // dispatchEventToHost: a CustomEvent on window.
        dispatch: (name, detail) => {
            window.dispatchEvent(new CustomEvent(name, { detail }));
            // agentCheck=unavailable: the agent online at load leaves once the page is ready.
            if (agentsLeave && name === 'onEmbeddedMessagingButtonCreated') {
                agentsLeave = false;
                simulator.setAgentsOnline(false);
            }
        },
        removeGlobal: () => {
            delete window.embeddedservice_bootstrap;
        },
        version: enhanced.version,
        prechatForm: enhanced.prechatForm,
        channel: {
            // The site component's login mode needs User Verification on the channel.
            authMode: enhanced.siteLogin ? 'Auth' : 'UnAuth',
            agentAvailabilityCheck: enhanced.agentCheck !== 'off'
        },
        agentsOnline: enhanced.agentCheck !== 'offline',
        restored: readServer(),
        webStorage: pageStorage(),
        delays: {
            ...(flags.apiDelayMs !== null ? { readyMs: flags.apiDelayMs } : {}),
            ...(flags.settingsDelayMs !== null ? { buttonMs: flags.settingsDelayMs } : {}),
            ...(flags.requestDelayMs !== null
                ? { iframeMs: flags.requestDelayMs, conversationMs: flags.requestDelayMs }
                : {}),
            ...(enhanced.agentCheckMs !== null ? { agentCheckMs: enhanced.agentCheckMs } : {}),
            ...(enhanced.maximizeDelayMs !== null ? { maximizeMs: enhanced.maximizeDelayMs } : {})
        }
    });
    simulator.subscribe(() => writeServer(simulator.sessionToKeep()));
    simulator.note(
        `Enhanced Chat ${enhanced.version} simulated: ${describeDeployment(enhanced, member)}`
    );
    if (flags.locker) {
        simulator.note('Lightning Locker simulated: String(window) starts with "SecureWindow"');
    }

    let loaded = false;
    // The Embedded Messaging component's snippet: bootstrap.min.js defines the global, then its
    // onload sets the settings and calls init with the site's context as 4th argument (kept by
    // the client as settings.snippetConfig).
    const install = () => {
        window.embeddedservice_bootstrap = simulator.global;
        if (simulator.host) {
            window.agentforce_messaging = simulator.host; // init.js: the real object, v2 only
        }
        loaded = true;
        const settings = simulator.global.settings as Record<string, unknown>;
        if (enhanced.hideButtonOnLoad) {
            settings.hideChatButtonOnLoad = true;
        }
        if (enhanced.siteLogin) {
            settings.expSiteAuthMode = true;
        }
        (simulator.global.init as (...args: unknown[]) => void)(
            ORG_ID,
            'Northwind_Web_Chat',
            'https://northwind.my.site.com/ESWNorthwindWebChat',
            {
                scrt2URL: 'https://northwind.my.salesforce-scrt.com',
                expSiteContext: 'LWR',
                expSiteUrl: 'https://northwind.my.site.com',
                isExpSiteGuestUser: !member,
                ...(member ? { userId: '0055g00000MeMbR' } : {})
            }
        );
    };
    if (flags.noScript) {
        simulator.note('Chat script removed: window.embeddedservice_bootstrap will not appear');
    } else if (flags.scriptDelaySeconds <= 0) {
        install();
    } else {
        if (flags.scriptDelaySeconds >= 1) {
            simulator.note(`Chat script loads in ${flags.scriptDelaySeconds} s`);
        }
        window.setTimeout(install, flags.scriptDelaySeconds * 1000);
    }

    const reloadWith = (changes: Record<string, string | number | boolean | null>): void => {
        reloadPreview(withFlags(window.location.search, changes));
    };
    const controls: EnhancedChatControls = {
        flags,
        enhanced,
        calls: simulator.calls,
        events: simulator.events,
        notes: simulator.notes,
        scriptLoaded: () => loaded,
        state: () => simulator.snapshot(),
        listeners,
        agentAccepts: () => simulator.agentAccepts(),
        agentEnds: () => simulator.agentEnds(),
        visitorCloses: () => simulator.visitorCloses(),
        submitPrechatForm: (values) => simulator.submitPrechatForm(values),
        setMinimized: (minimized) => simulator.setMinimized(minimized),
        setBusinessHours: (within) => simulator.setBusinessHours(within),
        setIframeResponsive: (responsive) => simulator.setIframeResponsive(responsive),
        setAgentsOnline: (online) => simulator.setAgentsOnline(online),
        setFrameMissing: (missing) => simulator.setFrameMissing(missing),
        useClient: (client) => reloadPreview(withClient(window.location.search, client)),
        setVersion: (version) => reloadWith({ clientVersion: version === 'v2' ? 'v2' : null }),
        setPrechatForm: (on) => reloadWith({ prechat: on }),
        setAgentCheck: (check) => reloadWith({ agentCheck: check === 'off' ? null : check }),
        setHideButtonOnLoad: (on) => reloadWith({ hideButtonOnLoad: on }),
        setSiteLogin: (on) => reloadWith({ siteLogin: on }),
        setLocker: (on) => reloadWith({ locker: on }),
        setMaximizeDelay: (ms) => reloadWith({ maximizeDelay: ms }),
        removeScript: (on) => reloadWith({ noScript: on, scriptDelay: null }),
        scriptLate: (seconds) => reloadWith({ scriptDelay: seconds, noScript: null }),
        reload: () => reloadPreview(),
        // A plain page load that stays on Enhanced Chat (v1, no deployment switches), no session.
        reset: () => {
            writeServer(null);
            pageStorage()?.removeItem(`${ORG_ID}_WEB_STORAGE`); // clearWebStorage
            const plain = withClient(withoutSimulatorFlags(window.location.search), 'legacy');
            reloadPreview(withClient(plain, 'enhanced'));
        },
        subscribe: (listener) => {
            simulator.subscribe(listener);
        }
    };
    window.__enhancedChat = controls;

    const mount = () => {
        const host = document.getElementById('chat-simulator');
        if (host) {
            renderEnhancedPanel(host, controls);
        }
        // In the site's columns, after the chat card: floating in a wide window, in the page's
        // flow in a narrow one (preview/app/preview.css).
        renderChatWindow(
            document.querySelector<HTMLElement>('.site-columns') ?? document.body,
            simulator
        );
    };
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', mount, { once: true });
    } else {
        mount();
    }
}
