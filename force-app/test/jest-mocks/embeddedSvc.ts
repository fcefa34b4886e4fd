/**
 * A test double of Salesforce's Embedded Chat client (`window.embedded_svc`), with a control API
 * in the style of ebikes-lwc's empApi mock. It behaves as the real 5.0 client does where that
 * matters to the service: handlers can't be removed and are not replayed, event names are
 * case-insensitive, `liveAgentAPI` can appear after `embedded_svc`, startChat reads routing from
 * top-level keys and mutates its argument, and promises resolve (never reject) — unless a test
 * asks for a hostile behaviour.
 */

export type MethodName = 'startChat' | 'endChat' | 'clearSession';

/** How a client method answers. */
export type MethodBehavior =
    | { kind: 'real' }
    | { kind: 'resolve'; value: unknown }
    | { kind: 'reject'; error: unknown }
    | { kind: 'throw'; error: unknown }
    | { kind: 'never' }
    | { kind: 'return'; value: unknown }
    | { kind: 'missing' };

export interface RecordedCall {
    method: MethodName;
    /** Deep copies, taken before the double mutates them as the real client does. */
    args: unknown[];
}

export interface DoubleSettings {
    agentAvailableOnButtonClick?: boolean;
    prepopulatedPrechatFields?: unknown;
    extraPrechatInfo?: unknown;
    extraPrechatFormDetails?: unknown;
    fallbackRouting?: unknown;
    directToButtonRouting?: unknown;
    [key: string]: unknown;
}

export const RESTRICTED_MESSAGE =
    'Restricted from starting chat in current state. Chat request will not fire.';

type Handler = (data?: unknown) => void;

interface DoubleState {
    handlers: Map<string, Handler[]>;
    calls: RecordedCall[];
    behaviors: Record<MethodName, MethodBehavior>;
    chatOpen: boolean;
    registrations: number;
    svc: Record<string, unknown> | null;
}

const state: DoubleState = {
    handlers: new Map(),
    calls: [],
    behaviors: {
        startChat: { kind: 'real' },
        endChat: { kind: 'real' },
        clearSession: { kind: 'real' }
    },
    chatOpen: false,
    registrations: 0,
    svc: null
};

function copy<T>(value: T): T {
    return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** What the real client does to the attributes object it is given (it mutates it). */
function mutateLikeRealClient(attributes: unknown): void {
    if (!attributes || typeof attributes !== 'object') {
        return;
    }
    const attrs = attributes as Record<string, unknown>;
    if ('buttonId' in attrs || 'directToAgentRouting' in attrs) {
        if (typeof attrs.buttonId !== 'string' || attrs.buttonId.trim() === '') {
            throw new Error('buttonId is required for directToAgentRouting');
        }
        attrs.directToAgentRouting = {
            buttonId: attrs.buttonId,
            userId: attrs.userId,
            fallback: attrs.fallback === true
        };
    }
    for (const key of ['extraPrechatInfo', 'extraPrechatFormDetails', 'fallbackRouting']) {
        if (key in attrs && !Array.isArray(attrs[key])) {
            throw new Error(`${key} must be an array`);
        }
    }
    if (
        'prepopulatedPrechatFields' in attrs &&
        typeof attrs.prepopulatedPrechatFields !== 'object'
    ) {
        throw new Error('prepopulatedPrechatFields must be an object');
    }
    attrs.isDirectToAgentRouting = 'directToAgentRouting' in attrs;
}

function realBehavior(method: MethodName, args: unknown[]): Promise<unknown> {
    if (method === 'startChat') {
        if (state.chatOpen) {
            return Promise.resolve(RESTRICTED_MESSAGE);
        }
        try {
            mutateLikeRealClient(args[0]);
        } catch {
            // The real client catches and only logs its own errors; its promise still resolves.
            return Promise.resolve(undefined);
        }
        state.chatOpen = true;
        return Promise.resolve(undefined);
    }
    state.chatOpen = false;
    // clearSession answers "iframe not present" only when asked to (setMethodBehavior resolve).
    return Promise.resolve(undefined);
}

function makeMethod(method: MethodName): (...args: unknown[]) => unknown {
    return (...args: unknown[]) => {
        state.calls.push({ method, args: args.map((a) => copy(a)) });
        const behavior = state.behaviors[method];
        switch (behavior.kind) {
            case 'resolve':
                return Promise.resolve(behavior.value);
            case 'reject':
                return Promise.reject(behavior.error);
            case 'throw':
                throw behavior.error;
            case 'never':
                return new Promise(() => undefined);
            case 'return':
                return behavior.value;
            default:
                return realBehavior(method, args);
        }
    };
}

function makeLiveAgentApi(): Record<string, unknown> {
    const api: Record<string, unknown> = {};
    for (const method of ['startChat', 'endChat', 'clearSession'] as MethodName[]) {
        if (state.behaviors[method].kind !== 'missing') {
            api[method] = makeMethod(method);
        }
    }
    return api;
}

/**
 * Puts `window.embedded_svc` on the page, as esw.min.js does. With `liveAgent: true` (default)
 * the chat API is there at once; with false it appears on `showLiveAgentApi()`.
 */
export function installEmbeddedSvc(
    options: { liveAgent?: boolean; settings?: DoubleSettings } = {}
): Record<string, unknown> {
    const svc: Record<string, unknown> = {
        settings: { ...(options.settings ?? {}) },
        addEventHandler(name: string, handler: Handler): void {
            const key = String(name).toLowerCase();
            const list = state.handlers.get(key) ?? [];
            list.push(handler);
            state.handlers.set(key, list);
            state.registrations += 1;
        }
    };
    state.svc = svc;
    (window as unknown as Record<string, unknown>).embedded_svc = svc;
    if (options.liveAgent !== false) {
        svc.liveAgentAPI = makeLiveAgentApi();
    }
    return svc;
}

/**
 * Makes `embedded_svc.liveAgentAPI` appear (the LiveAgent feature script has loaded). With
 * `scriptLoad` (default true) a script element's load event is dispatched too, as the browser does.
 */
export function showLiveAgentApi(options: { scriptLoad?: boolean } = {}): void {
    if (!state.svc) {
        installEmbeddedSvc({ liveAgent: false });
    }
    (state.svc as Record<string, unknown>).liveAgentAPI = makeLiveAgentApi();
    if (options.scriptLoad !== false) {
        dispatchScriptLoad();
    }
}

/** Dispatches a `load` event from a script element (what the browser does when a script loads). */
export function dispatchScriptLoad(): void {
    const script = document.createElement('script');
    script.setAttribute('data-test', 'chat-client');
    document.head.appendChild(script);
    // eslint-disable-next-line @lwc/lwc/prefer-custom-event -- the browser's own script load event
    script.dispatchEvent(new Event('load'));
    script.remove();
}

/** Replaces the whole `embedded_svc` with something else (hostile clients). */
export function setEmbeddedSvcValue(value: unknown): void {
    (window as unknown as Record<string, unknown>).embedded_svc = value;
    state.svc = null;
}

/** Sets what the client already knows about agent availability. */
export function setKnownAvailability(available: boolean | undefined): void {
    const settings = (state.svc?.settings ?? {}) as Record<string, unknown>;
    settings.agentAvailableOnButtonClick = available;
}

/** Sets one of the snippet's own settings (pre-chat, fallbackRouting...). */
export function setSnippetSetting(name: string, value: unknown): void {
    const settings = (state.svc?.settings ?? {}) as Record<string, unknown>;
    settings[name] = value;
}

/** Fires a client event to every handler registered under that name (case-insensitive). */
export function fireEvent(name: string, data?: unknown): void {
    const list = state.handlers.get(name.toLowerCase()) ?? [];
    for (const handler of [...list]) {
        handler(data);
    }
}

/** Decides how a method answers from now on (applies to liveAgentAPI objects made afterwards for 'missing'). */
export function setMethodBehavior(method: MethodName, behavior: MethodBehavior): void {
    state.behaviors[method] = behavior;
}

/** Marks the double's own idea of whether a chat is open (startChat then answers "Restricted"). */
export function setChatOpen(open: boolean): void {
    state.chatOpen = open;
}

/** Every call made to the client so far. */
export function getCalls(method?: MethodName): RecordedCall[] {
    return method ? state.calls.filter((c) => c.method === method) : [...state.calls];
}

/** How many handlers are registered for an event name (case-insensitive). */
export function handlerCount(name: string): number {
    return state.handlers.get(name.toLowerCase())?.length ?? 0;
}

/** Total addEventHandler calls. */
export function registrationCount(): number {
    return state.registrations;
}

/** Removes the client from the page and forgets everything. */
export function resetEmbeddedSvc(): void {
    delete (window as unknown as Record<string, unknown>).embedded_svc;
    state.handlers = new Map();
    state.calls = [];
    state.behaviors = {
        startChat: { kind: 'real' },
        endChat: { kind: 'real' },
        clearSession: { kind: 'real' }
    };
    state.chatOpen = false;
    state.registrations = 0;
    state.svc = null;
}
