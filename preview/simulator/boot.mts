/**
 * The chat client simulator's browser entry: a classic script loaded in the page's <head>,
 * before the component bundle, standing in for the site's chat snippet. It reads the URL flags,
 * simulates Lightning Locker when asked (before any component code runs), installs
 * `window.embedded_svc` after the snippet's delay (or never, when the script is "removed"),
 * exposes `window.__chatSimulator` for the panel and the browser tests, and renders the panel.
 */
/// <reference lib="dom" />
import {
    ChatClientSimulator,
    type RestoredChat,
    type SimulatorCall,
    type SimulatorEvent,
    type SimulatorNote,
    type SimulatorSnapshot
} from './chatClient.mts';
import { bootEnhanced } from './enhancedBoot.mts';
import { parseEnhancedFlags } from './enhancedFlags.mts';
import { parseFlags, withFlags, withoutSimulatorFlags, type SimulatorFlags } from './flags.mts';
import { reloadPreview } from './pageReload.mts';
import { renderPanel } from './panel.mts';

/** What `window.__chatSimulator` offers: the log, the state, and the controls the panel uses. */
export interface ChatSimulatorControls {
    readonly flags: SimulatorFlags;
    /** Every call the components made to the client (args deep-copied before any mutation). */
    readonly calls: SimulatorCall[];
    /** Every event the client fired. */
    readonly events: SimulatorEvent[];
    readonly notes: SimulatorNote[];
    /** Now, on the clock of the log's `at` times (ms since the simulator started). */
    now(): number;
    /** The client script has loaded (`window.embedded_svc` exists). */
    scriptLoaded(): boolean;
    state(): SimulatorSnapshot;
    registeredHandlers(): Record<string, number>;
    /** Calls other than addEventHandler: startChat, endChat, clearSession. */
    apiCalls(): SimulatorCall[];
    setAgentsAvailable(value: boolean | undefined): void;
    acceptChat(): boolean;
    advanceQueue(): boolean;
    agentEndsChat(): boolean;
    idleTimeout(): boolean;
    setPromisesHang(value: boolean): void;
    /**
     * The client's hidden session-storage iframe goes missing (true) or comes back (false):
     * while missing, clearSession ends the chat and settles without clearing anything.
     */
    setStorageFrameMissing(value: boolean): void;
    /** The storage frame stays on the page but never answers (true), or answers again. */
    setStorageFrameSilent(value: boolean): void;
    /** Page reloads with new flags. */
    reloadContinued(): void;
    /** Reloads with the storage frame unreachable (true) or answering again (false). */
    setStorageFrameUnreachable(on: boolean): void;
    setLocker(on: boolean): void;
    removeScript(on: boolean): void;
    scriptLate(seconds: number): void;
    setAgentsAtLoad(value: 'online' | 'offline' | 'unknown'): void;
    reset(): void;
    /** Subscribe to changes (the panel uses it). */
    subscribe(listener: () => void): void;
}

/** Called by the simulated client scripts (/simulated/*.js) when they run. */
interface SimulatorScriptHooks {
    esw?: () => void;
    liveAgent?: () => void;
}

declare global {
    interface Window {
        embedded_svc?: unknown;
        __chatSimulator?: ChatSimulatorControls;
        __chatSimulatorHooks?: SimulatorScriptHooks;
    }
}

/** The simulated scripts the preview build writes (see preview/server/bundle.mts). */
export const SIMULATED_SCRIPTS = {
    esw: '/simulated/esw.min.js',
    liveAgent: '/simulated/liveagent.esw.js'
};

/**
 * Appends a real <script> that runs `hook`, so the page sees what a site sees when the chat
 * snippet loads esw.min.js (or esw.min.js loads its LiveAgent feature): the global appears while
 * the script runs, then the script's load event fires.
 */
function loadScript(src: string, name: keyof SimulatorScriptHooks, hook: () => void): void {
    const hooks = (window.__chatSimulatorHooks ??= {});
    hooks[name] = hook;
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    (document.body ?? document.head).appendChild(script);
}

/** Appends the feature script; `onload` (a property, as esw.js sets it) runs its setup. */
function loadFeatureScript(src: string, onload: () => void): void {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = onload;
    (document.body ?? document.head).appendChild(script);
}

const RESTORE_KEY = 'previewChatSimulator.chat';
const LOCKER_WINDOW_STRING = 'SecureWindow: [object Window]{ key: {"namespace":"c"} }';

/** The storage frame's page (a real, empty document; the simulator answers for it). */
const STORAGE_FRAME_SRC = '/simulated/storage.html';

/**
 * Keeps the page's markup as the real client's: the hidden storage frame `#esw_storage_iframe`
 * (esw.js creates it at init) while it is not "missing", and the widget's state element
 * `.embeddedServiceSidebarState` with the class of its state (liveagent.esw.js reads
 * `embeddedServiceLiveAgentStateWaiting` / `...StateChat` before it starts a chat).
 */
function syncClientMarkup(state: SimulatorSnapshot): void {
    let frame = document.getElementById('esw_storage_iframe');
    if (state.loaded && !state.storageFrameMissing && !frame) {
        frame = document.createElement('iframe');
        frame.id = 'esw_storage_iframe';
        frame.title = 'Live Chat Metadata';
        frame.hidden = true;
        frame.setAttribute('src', STORAGE_FRAME_SRC);
        document.body.appendChild(frame);
    } else if (state.storageFrameMissing && frame) {
        frame.remove();
    }
    let widget = document.querySelector<HTMLElement>('.embeddedServiceSidebarState');
    if (state.widget !== 'chat') {
        widget?.remove();
        return;
    }
    if (!widget) {
        widget = document.createElement('div');
        widget.hidden = true;
        document.body.appendChild(widget);
    }
    const stateClass =
        state.phase === 'active'
            ? ' embeddedServiceLiveAgentStateChat'
            : state.phase === 'waiting'
              ? ' embeddedServiceLiveAgentStateWaiting'
              : '';
    widget.className = `embeddedServiceSidebarState${stateClass}`;
}

function readRestoredChat(): RestoredChat | null {
    try {
        const text = window.sessionStorage.getItem(RESTORE_KEY);
        return text ? (JSON.parse(text) as RestoredChat) : null;
    } catch {
        return null;
    }
}

function simulateLocker(): void {
    // What Salesforce's own Locker tests check: String(window) starts with "SecureWindow", and
    // Object.prototype.toString.call(window) is not '[object Window]'.
    Object.defineProperty(window, 'toString', {
        value: () => LOCKER_WINDOW_STRING,
        configurable: true,
        writable: true
    });
    Object.defineProperty(window, Symbol.toStringTag, {
        value: 'SecureWindow',
        configurable: true
    });
}

/** Keeps the main thread busy for `ms` (a stand-in for the client's own work in a task). */
function spend(ms: number): void {
    const until = performance.now() + ms;
    while (performance.now() < until) {
        // busy: the real client's work holds the task as long
    }
}

function reloadWith(changes: Record<string, string | number | boolean | null>): void {
    reloadPreview(withFlags(window.location.search, changes));
}

function boot(): void {
    const flags = parseFlags(window.location.search);
    if (flags.locker) {
        simulateLocker();
    }
    if (parseEnhancedFlags(window.location.search).client === 'enhanced') {
        bootEnhanced(flags); // ?client=enhanced: Enhanced Chat instead of embedded_svc
        return;
    }
    const simulator = new ChatClientSimulator({
        scheduler: {
            setTimeout: (fn, ms) => window.setTimeout(fn, ms),
            clearTimeout: (handle) => window.clearTimeout(handle as number),
            now: () => performance.now()
        },
        agentsAvailable:
            flags.agents === 'unknown' ? undefined : flags.agents === 'online' ? true : false,
        continuedSession: flags.continued,
        restoredChat: flags.continued ? readRestoredChat() : null,
        offlineSupport: flags.offlineSupport,
        storageFrameMissing: flags.noStorageFrame,
        storageFrameUnreachable: flags.unreachableStorageFrame,
        // esw.js loadFeatureScript: the loader's callback and pending messages run after
        // featureLoaded in the same task; the time they take there is spent here.
        featureTaskWork: () => spend(flags.featureWorkMs),
        // The frame answers by postMessage; in the preview it shares the page's origin.
        postFromStorageFrame: (data) => window.postMessage(data, window.location.origin),
        // esw.js session.updatePrimary keeps the tab's chat marker in the page's sessionStorage.
        pageStorage: window.sessionStorage,
        storageDomain: document.domain,
        // esw.js loadFeatureScript: the setup runs in the script's onload property, after any
        // capture-phase load listener of the page.
        loadFeature: (install) => loadFeatureScript(SIMULATED_SCRIPTS.liveAgent, install),
        delays: {
            ...(flags.apiDelayMs !== null ? { liveAgentApiMs: flags.apiDelayMs } : {}),
            ...(flags.settingsDelayMs !== null ? { settingsMs: flags.settingsDelayMs } : {}),
            ...(flags.requestDelayMs !== null ? { requestMs: flags.requestDelayMs } : {}),
            ...(flags.availabilityMs !== null
                ? { availabilityIntervalMs: flags.availabilityMs }
                : {})
        }
    });
    simulator.subscribe(() => syncClientMarkup(simulator.snapshot()));
    simulator.subscribe(() => {
        try {
            window.sessionStorage.setItem(RESTORE_KEY, JSON.stringify(simulator.chatToRestore()));
        } catch {
            // storage unavailable: continued sessions start empty
        }
    });
    if (flags.locker) {
        simulator.note('Lightning Locker simulated: String(window) starts with "SecureWindow"');
    }
    if (flags.unreachableStorageFrame) {
        simulator.note(
            'Session storage frame unreachable: no session data, no settings call; endChat and clearSession never settle'
        );
    }
    if (flags.noStorageFrame) {
        simulator.note(
            'Session storage frame missing: clearSession will clear nothing (the client only logs "iframe not present")'
        );
    }

    let loaded = false;
    const install = () => {
        window.embedded_svc = simulator.embeddedSvc;
        loaded = true;
        simulator.load();
    };
    const loadSnippetScript = () => loadScript(SIMULATED_SCRIPTS.esw, 'esw', install);
    if (flags.noScript) {
        simulator.note('Chat script removed: window.embedded_svc will not appear');
    } else if (flags.scriptDelaySeconds <= 0) {
        // A page whose head loads esw.min.js synchronously: the global exists before any component.
        install();
    } else {
        simulator.note(`Chat script loads in ${flags.scriptDelaySeconds} s`);
        window.setTimeout(loadSnippetScript, flags.scriptDelaySeconds * 1000);
    }

    const controls: ChatSimulatorControls = {
        flags,
        calls: simulator.calls,
        events: simulator.events,
        notes: simulator.notes,
        now: () => simulator.elapsed(),
        scriptLoaded: () => loaded,
        state: () => simulator.snapshot(),
        registeredHandlers: () => simulator.registeredHandlers(),
        apiCalls: () => simulator.calls.filter((call) => call.method !== 'addEventHandler'),
        setAgentsAvailable: (value) => simulator.setAgentsAvailable(value),
        acceptChat: () => simulator.acceptChat(),
        advanceQueue: () => simulator.advanceQueue(),
        agentEndsChat: () => simulator.agentEndsChat(),
        idleTimeout: () => simulator.idleTimeout(),
        setPromisesHang: (value) => simulator.setPromisesHang(value),
        setStorageFrameMissing: (value) => simulator.setStorageFrameMissing(value),
        setStorageFrameSilent: (value) => simulator.setStorageFrameSilent(value),
        reloadContinued: () => reloadWith({ continued: true }),
        setStorageFrameUnreachable: (on) => reloadWith({ unreachableStorageFrame: on }),
        setLocker: (on) => reloadWith({ locker: on }),
        removeScript: (on) => reloadWith({ noScript: on, scriptDelay: null }),
        scriptLate: (seconds) => reloadWith({ scriptDelay: seconds, noScript: null }),
        setAgentsAtLoad: (value) => reloadWith({ agents: value === 'online' ? null : value }),
        reset: () => {
            try {
                window.sessionStorage.removeItem(RESTORE_KEY);
                // and the tab's chat marker (esw.js session.updatePrimary) a chat left
                window.sessionStorage.removeItem(`${document.domain}MASTER_DEPLOYMENT_ID`);
            } catch {
                // nothing to clear
            }
            reloadPreview(withoutSimulatorFlags(window.location.search));
        },
        subscribe: (listener) => simulator.subscribe(listener)
    };
    window.__chatSimulator = controls;

    const mount = () => {
        const host = document.getElementById('chat-simulator');
        if (host) {
            renderPanel(host, controls);
        }
    };
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', mount, { once: true });
    } else {
        mount();
    }
}

boot();
