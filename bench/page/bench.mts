/**
 * The benchmark page (bundled by bench/lib/benchPage.mts with open-source LWC, like the preview):
 * the deployed components and the real service, on a page whose chat client is the preview's
 * simulator (preview/simulator, loaded first as the site's snippet would be). Exposes
 * `window.__bench` for bench/lib/browserBench.mts.
 *
 * Instrumentation only observes: a setter on `window.embedded_svc` and on its `liveAgentAPI`
 * records when the chat API appears and when startChat is called; a MutationObserver records when
 * the Start button's native <button> loses `disabled`. Beside the components, a naive reference
 * implementation polls for the chat API every 500 ms and enables a plain button.
 */
/// <reference lib="dom" />
import '@lwc/synthetic-shadow';
import { createElement, type LightningElement } from 'lwc';
import ChatStartButton from 'c/chatStartButton';
import ChatEndButton from 'c/chatEndButton';
import ChatClearSession from 'c/chatClearSession';
import ChatStatus from 'c/chatStatus';
import ChatRoutingSettings from 'c/chatRoutingSettings';
import ChatAdminNotice from 'c/chatAdminNotice';
import { clearSession, getChatState, startChat, subscribeToChat } from 'c/embeddedChatService';
import './enhancedInstrument.mts';

type ComponentClass = typeof LightningElement;

const KINDS: Record<string, { tag: string; ctor: ComponentClass }> = {
    start: { tag: 'c-chat-start-button', ctor: ChatStartButton as unknown as ComponentClass },
    end: { tag: 'c-chat-end-button', ctor: ChatEndButton as unknown as ComponentClass },
    clear: { tag: 'c-chat-clear-session', ctor: ChatClearSession as unknown as ComponentClass },
    status: { tag: 'c-chat-status', ctor: ChatStatus as unknown as ComponentClass },
    routing: {
        tag: 'c-chat-routing-settings',
        ctor: ChatRoutingSettings as unknown as ComponentClass
    },
    notice: { tag: 'c-chat-admin-notice', ctor: ChatAdminNotice as unknown as ComponentClass }
};

export interface BenchControls {
    /** performance.now() when embedded_svc.liveAgentAPI was assigned. */
    apiAppearedAt: number | null;
    /** performance.now() when the first Start button's native button became enabled. */
    startEnabledAt: number | null;
    /** performance.now() when the naive 500 ms polling button became enabled. */
    naiveEnabledAt: number | null;
    /** performance.now() of each liveAgentAPI.startChat call. */
    startCallTimes: number[];
    /** event.timeStamp of each click that reached a Start button. */
    clickTimes: number[];
    /** performance.now() of each afterMaximize the client fired. */
    maximizeTimes: number[];
    /** Milliseconds spent in each call of a featureLoaded handler the page registered. */
    featureLoadedHandlerMs: number[];
    /**
     * Calls the service's startChat(); resolves with the time from the client's afterMaximize
     * to the call settling (null when the widget sent no afterMaximize before it settled).
     */
    startSettleAfterMaximize(): Promise<number | null>;
    status(): string;
    /** Mounts `count` components, cycling through `kinds`; returns how many are mounted. */
    mount(kinds: string[], count: number): number;
    unmountAll(): void;
    /** `times` cycles of: mount one of each kind, then remove them; returns the time taken. */
    cycles(kinds: string[], times: number): number;
    clear(): Promise<unknown>;
    /** Whether the first Start button's native button is enabled now. */
    startEnabled(): boolean;
    /** performance.now() when the service first said: ready, and no agent online. */
    offlineAt: number | null;
}

declare global {
    interface Window {
        __bench?: BenchControls;
    }
}

const controls: BenchControls = {
    offlineAt: null,
    apiAppearedAt: null,
    startEnabledAt: null,
    naiveEnabledAt: null,
    startCallTimes: [],
    clickTimes: [],
    maximizeTimes: [],
    featureLoadedHandlerMs: [],
    startSettleAfterMaximize,
    status: () => getChatState().status,
    mount,
    unmountAll,
    cycles,
    clear: () => clearSession(),
    startEnabled: () => nativeStartButton()?.disabled === false
};
window.__bench = controls;
subscribeToChat((state) => {
    if (state.status === 'ready' && state.agentsAvailable === false) {
        controls.offlineAt ??= performance.now();
    }
});

// ----- instrumentation of the chat client -------------------------------------------------------

function instrumentApi(api: Record<string, unknown>): void {
    const start = api.startChat;
    if (typeof start === 'function') {
        api.startChat = (...args: unknown[]) => {
            controls.startCallTimes.push(performance.now());
            return (start as (...a: unknown[]) => unknown).apply(api, args);
        };
    }
}

async function startSettleAfterMaximize(): Promise<number | null> {
    const before = controls.maximizeTimes.length;
    await startChat();
    const settledAt = performance.now();
    const maximized = controls.maximizeTimes[before];
    return maximized === undefined ? null : settledAt - maximized;
}

/** Records afterMaximize (a handler of the client's own event; it is never removed). */
function watchMaximize(svc: object): void {
    const add = (svc as { addEventHandler?: unknown }).addEventHandler;
    if (typeof add === 'function') {
        add.call(svc, 'afterMaximize', () => {
            controls.maximizeTimes.push(performance.now());
        });
    }
}

/** Times every featureLoaded handler registered from now on (the service's: the page has no other). */
function timeFeatureLoadedHandlers(svc: object): void {
    const add = (svc as { addEventHandler?: unknown }).addEventHandler;
    if (typeof add !== 'function') {
        return;
    }
    (svc as { addEventHandler: unknown }).addEventHandler = (name: unknown, handler: unknown) => {
        if (typeof handler !== 'function' || String(name).toLowerCase() !== 'featureloaded') {
            return add.call(svc, name, handler);
        }
        return add.call(svc, name, (...args: unknown[]) => {
            const started = performance.now();
            try {
                return (handler as (...a: unknown[]) => unknown)(...args);
            } finally {
                controls.featureLoadedHandlerMs.push(performance.now() - started);
                // Runs at the task's end, after the render the handler queued: a Start button
                // rendered then is seen at once, not at the next animation frame.
                queueMicrotask(watchStartButton);
            }
        });
    };
}

function instrumentSvc(svc: unknown): void {
    if (!svc || typeof svc !== 'object') {
        return;
    }
    timeFeatureLoadedHandlers(svc);
    watchMaximize(svc);
    let api = (svc as { liveAgentAPI?: unknown }).liveAgentAPI;
    Object.defineProperty(svc, 'liveAgentAPI', {
        configurable: true,
        enumerable: true,
        get: () => api,
        set(value: unknown) {
            if (controls.apiAppearedAt === null) {
                controls.apiAppearedAt = performance.now();
            }
            if (value && typeof value === 'object') {
                instrumentApi(value as Record<string, unknown>);
            }
            api = value;
        }
    });
}

let svcValue: unknown = (window as unknown as { embedded_svc?: unknown }).embedded_svc;
if (svcValue === undefined) {
    Object.defineProperty(window, 'embedded_svc', {
        configurable: true,
        get: () => svcValue,
        set(value: unknown) {
            svcValue = value;
            instrumentSvc(value);
        }
    });
} else {
    const api = (svcValue as { liveAgentAPI?: unknown }).liveAgentAPI;
    if (api && typeof api === 'object') {
        // The chat API was there before this script: no readiness figure for this page load.
        instrumentApi(api as Record<string, unknown>);
        watchMaximize(svcValue as object);
    } else {
        instrumentSvc(svcValue);
    }
}

// ----- the naive reference: poll every 500 ms ---------------------------------------------------

const naive = document.createElement('button');
naive.textContent = 'Naive start (500 ms polling)';
naive.disabled = true;
document.getElementById('naive')?.append(naive);
const poll = window.setInterval(() => {
    const svc = (window as unknown as { embedded_svc?: { liveAgentAPI?: unknown } }).embedded_svc;
    if (svc && svc.liveAgentAPI) {
        naive.disabled = false;
        controls.naiveEnabledAt = performance.now();
        window.clearInterval(poll);
    }
}, 500);

// ----- the components ---------------------------------------------------------------------------

const area = document.getElementById('components') as HTMLElement;
const mounted: HTMLElement[] = [];

function create(kind: string): HTMLElement {
    const { tag, ctor } = KINDS[kind];
    return createElement(tag, { is: ctor });
}

function mount(kinds: string[], count: number): number {
    for (let i = 0; i < count; i++) {
        const element = create(kinds[i % kinds.length]);
        area.append(element);
        mounted.push(element);
    }
    return mounted.length;
}

function unmountAll(): void {
    for (const element of mounted.splice(0)) {
        element.remove();
    }
}

function cycles(kinds: string[], times: number): number {
    const holder = document.getElementById('cycles') as HTMLElement;
    const started = performance.now();
    for (let i = 0; i < times; i++) {
        const elements = kinds.map(create);
        for (const element of elements) {
            holder.append(element);
        }
        for (const element of elements) {
            element.remove();
        }
    }
    return performance.now() - started;
}

// The first Start button, mounted with the page (as on a site), watched until it is enabled.
const firstStart = create('start');
area.append(firstStart);

function nativeStartButton(): HTMLButtonElement | null {
    const host = firstStart.shadowRoot?.querySelector('lightning-button');
    return (host?.shadowRoot?.querySelector('button') as HTMLButtonElement | null) ?? null;
}

let watching = false;

/** Once the native button exists, watches it until it is enabled. Safe to call any time. */
function watchStartButton(): void {
    const button = watching ? null : nativeStartButton();
    if (!button) {
        return;
    }
    watching = true;
    // ?benchClickAfter=<ms>: one click that long after Start is enabled (0: the next task).
    const clickAfter = new URLSearchParams(window.location.search).get('benchClickAfter');
    const check = (): boolean => {
        if (!button.disabled && controls.startEnabledAt === null) {
            controls.startEnabledAt = performance.now();
            if (clickAfter !== null) {
                window.setTimeout(() => button.click(), Number(clickAfter));
            }
            return true;
        }
        return false;
    };
    if (check()) {
        return;
    }
    const observer = new MutationObserver(() => {
        if (check()) {
            observer.disconnect();
        }
    });
    observer.observe(button, { attributes: true, attributeFilter: ['disabled'] });
}

/** Looks for the button every frame until it exists (featureLoaded also looks: see above). */
function pollStartButton(): void {
    watchStartButton();
    if (!watching) {
        requestAnimationFrame(pollStartButton);
    }
}
pollStartButton();

document.addEventListener(
    'click',
    (event) => {
        if (
            event.composedPath().some((node) => (node as Element).tagName === 'C-CHAT-START-BUTTON')
        ) {
            controls.clickTimes.push(event.timeStamp);
        }
    },
    true
);

document.body.dataset.benchReady = 'true';
