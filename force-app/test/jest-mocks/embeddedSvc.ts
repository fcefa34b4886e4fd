/**
 * A test double of Salesforce's legacy Embedded Chat client (snippet 5.0: `window.embedded_svc`),
 * with a control API in the style of ebikes-lwc's empApi mock. It mirrors the real client's
 * sharp edges (each behaviour names the client function it mirrors):
 * - handlers can't be removed and are not replayed; names are case-insensitive
 *   (esw.js `addEventHandler` / `fireEvent`);
 * - `liveAgentAPI` is assigned in the LiveAgent feature script's `onload` property, after
 *   capture-phase load listeners, then `featureLoaded` fires (esw.js `loadFeatureScript`);
 * - startChat/endChat/clearSession promises never reject and resolve `undefined`
 *   (liveagent.esw.js `LiveAgentAPI.prototype.*`: outcomes go only to the client's log);
 * - startChat reads routing from top-level keys and mutates its argument (esw.js
 *   `validateStartChatAttributes`), opens the widget (afterMaximize), and settles only once the
 *   pre-chat form is submitted (`liveagent.initialized`): `submitPrechat()`;
 * - clearSession ends the chat, then settles only when the storage frame `#esw_storage_iframe`
 *   answers `session.deletedAllSessionData` by postMessage (frame/session.esw.js
 *   `deleteAllSessionData`), or at once when that frame is missing, having cleared nothing;
 * - a continued session shows as `sessionDataRetrieved` with CHASITOR_SERIALIZED_KEY and as the
 *   restored widget's state classes (esw.js `resumeInitWithSessionData`);
 * - the tab that holds a chat keeps `${storageDomain}MASTER_DEPLOYMENT_ID` in the page's
 *   sessionStorage (esw.js `session.updatePrimary`), set when the chat starts and again when it
 *   is restored, removed by endChat once it settles and by clearSession (liveagent.esw.js).
 * Tests can also ask for hostile behaviours (throw, reject, never settle, missing methods).
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

/** The storage frame: on the page and answering, on the page but silent, or not on the page. */
export type StorageFrameBehavior = 'answering' | 'silent' | 'missing';

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

/** What the real client writes to its own log when a chat is already under way (never returned). */
export const RESTRICTED_MESSAGE =
    'Restricted from starting chat in current state. Chat request will not fire.';
/** The deployment's ID in the double's settings (esw.js settings.deploymentId). */
export const DEPLOYMENT_ID = '5720000000000AB';
/** The key of the tab's chat marker (esw.js: settings.storageDomain + 'MASTER_DEPLOYMENT_ID'). */
export function tabChatKey(): string {
    return `${window.location.hostname}MASTER_DEPLOYMENT_ID`;
}
/** The origin of the double's storage frame (a Salesforce site). */
export const STORAGE_ORIGIN = 'https://example.my.site.com';

type Handler = (data?: unknown) => unknown;

interface DoubleState {
    handlers: Map<string, Handler[]>;
    calls: RecordedCall[];
    behaviors: Record<MethodName, MethodBehavior>;
    registrations: number;
    svc: Record<string, unknown> | null;
    frame: StorageFrameBehavior;
    pendingStarts: (() => void)[];
    /** The client's help button shows (esw.js appendHelpButton, hideHelpButton/showHelpButton). */
    helpButtonShown: boolean;
}

function realBehaviors(): Record<MethodName, MethodBehavior> {
    return {
        startChat: { kind: 'real' },
        endChat: { kind: 'real' },
        clearSession: { kind: 'real' }
    };
}

const state: DoubleState = {
    handlers: new Map(),
    calls: [],
    behaviors: realBehaviors(),
    registrations: 0,
    svc: null,
    frame: 'answering',
    pendingStarts: [],
    helpButtonShown: true
};

function copy<T>(value: T): T {
    return value === undefined || typeof value === 'function'
        ? value
        : (JSON.parse(JSON.stringify(value)) as T);
}

const NEVER = (): Promise<unknown> => new Promise(() => undefined);

/** esw.js validateStartChatAttributes: what the real client does to the attributes (it mutates them). */
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
    if ('directToButtonRouting' in attrs && typeof attrs.directToButtonRouting !== 'function') {
        delete attrs.directToButtonRouting;
    }
    attrs.isDirectToAgentRouting = 'directToAgentRouting' in attrs;
}

/** The widget's state element (liveagent.esw.js reads `.embeddedServiceSidebarState`). */
function stateElement(): HTMLElement | null {
    return document.querySelector<HTMLElement>('.embeddedServiceSidebarState');
}

function storageFrameElement(): HTMLElement | null {
    return document.getElementById('esw_storage_iframe');
}

/** The storage frame's answer, posted to the page (frame/session.esw.js deleteAllSessionData). */
function postFromStorageFrame(data: unknown): void {
    window.dispatchEvent(new MessageEvent('message', { data, origin: STORAGE_ORIGIN }));
}

/** liveagent.esw.js LiveAgentAPI.prototype.startChat. */
function realStart(args: unknown[]): Promise<unknown> {
    const state_ = stateElement();
    if (
        state_?.classList.contains('embeddedServiceLiveAgentStateWaiting') ||
        state_?.classList.contains('embeddedServiceLiveAgentStateChat')
    ) {
        return Promise.resolve(undefined); // "Restricted…" goes to the client's log only
    }
    try {
        mutateLikeRealClient(args[0]);
    } catch {
        return Promise.resolve(undefined); // caught and logged by the client
    }
    // bootstrapEmbeddedService: the widget opens (maximized) once its component is created.
    // (A promise job, not queueMicrotask: Jest's fake timers hold queueMicrotask back.)
    Promise.resolve()
        .then(() => fireEvent('afterMaximize'))
        .catch(() => undefined);
    // Settles only when the chat frame posts liveagent.initialized (pre-chat form submitted).
    return new Promise((resolve) => {
        state.pendingStarts.push(() => resolve(undefined));
    });
}

/** liveagent.esw.js LiveAgentAPI.prototype.endChat: settles once the storage frame answers. */
function realEnd(): Promise<unknown> {
    const widget = stateElement();
    widget?.remove();
    if (state.frame === 'answering' || !widget) {
        // Once the sidebar is destroyed, the help button shows again if the settings say so.
        const settings = (state.svc?.settings ?? {}) as Record<string, unknown>;
        return Promise.resolve().then(() => {
            // liveagent.esw.js endChat, once settled: the tab's chat marker goes.
            updatePrimary(false);
            state.helpButtonShown ||= settings.displayHelpButton !== false;
            return undefined;
        });
    }
    return NEVER();
}

/** liveagent.esw.js LiveAgentAPI.prototype.clearSession: endChat first, then the storage frame. */
function realClear(): Promise<unknown> {
    return realEnd().then(() => {
        if (!storageFrameElement()) {
            return undefined; // "Salesforce iframe not present on this page." (log only): nothing cleared
        }
        const features = (state.svc?.settings as Record<string, unknown> | undefined)
            ?.enabledFeatures;
        if (!Array.isArray(features) || !features.includes('LiveAgent')) {
            return undefined; // rejected inside, caught and logged: nothing cleared
        }
        updatePrimary(false); // liveagent.esw.js clearSession: before the frame's answer
        if (state.frame === 'silent') {
            return NEVER();
        }
        return Promise.resolve().then(() => {
            postFromStorageFrame({ method: 'session.deletedAllSessionData' });
            return undefined;
        });
    });
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
                return NEVER();
            case 'return':
                return behavior.value;
            default:
                if (method === 'startChat') return realStart(args);
                return method === 'endChat' ? realEnd() : realClear();
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

/** Puts or removes the storage frame (esw.js creates `#esw_storage_iframe` at init). */
export function setStorageFrame(behavior: StorageFrameBehavior): void {
    state.frame = behavior;
    storageFrameElement()?.remove();
    if (behavior !== 'missing') {
        const frame = document.createElement('iframe');
        frame.id = 'esw_storage_iframe';
        frame.src = `${STORAGE_ORIGIN}/embeddedservice/5.0/esw.html`;
        document.body.appendChild(frame);
    }
}

/**
 * Puts `window.embedded_svc` on the page, as esw.min.js does, with its storage frame. With
 * `liveAgent: true` (default) the chat API is there at once; with false it appears on
 * `showLiveAgentApi()`.
 */
export function installEmbeddedSvc(
    options: { liveAgent?: boolean; settings?: DoubleSettings; frame?: StorageFrameBehavior } = {}
): Record<string, unknown> {
    const svc: Record<string, unknown> = {
        // esw.js init defaults: storageDomain is document.domain, the page's host name (an
        // Experience Cloud site adds its path); deploymentId is init's own argument.
        settings: {
            enabledFeatures: ['LiveAgent'],
            storageDomain: window.location.hostname,
            deploymentId: DEPLOYMENT_ID,
            ...(options.settings ?? {})
        },
        // esw.js addEventHandler: names are case-insensitive; handlers can never be removed.
        // esw.js hideHelpButton / showHelpButton: the button's display, nothing remembered.
        hideHelpButton(): void {
            state.helpButtonShown = false;
        },
        showHelpButton(): void {
            state.helpButtonShown = true;
        },
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
    setStorageFrame(options.frame ?? 'answering');
    if (options.liveAgent !== false) {
        svc.liveAgentAPI = makeLiveAgentApi();
    }
    return svc;
}

/**
 * The LiveAgent feature script loads (esw.js loadFeatureScript): with `scriptLoad` (default) a
 * script element's load event is dispatched, whose capture-phase listeners run BEFORE its
 * `onload` property assigns `liveAgentAPI` and fires `featureLoaded('LiveAgent')`.
 */
export function showLiveAgentApi(options: { scriptLoad?: boolean } = {}): void {
    if (!state.svc) {
        installEmbeddedSvc({ liveAgent: false });
    }
    const svc = state.svc as Record<string, unknown>;
    const setUp = (): void => {
        svc.liveAgentAPI = makeLiveAgentApi();
        fireEvent('featureLoaded', 'LiveAgent');
    };
    if (options.scriptLoad === false) {
        setUp();
        return;
    }
    const script = document.createElement('script');
    script.onload = setUp;
    document.head.appendChild(script);
    // eslint-disable-next-line @lwc/lwc/prefer-custom-event -- the browser's own script load event
    script.dispatchEvent(new Event('load'));
    script.remove();
}

/** Dispatches a `load` event from a script element (what the browser does when a script loads). */
/** Whether the client's help button shows. */
export function helpButtonShown(): boolean {
    return state.helpButtonShown;
}

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

/**
 * Fires a client event to every handler registered under that name (case-insensitive), as
 * esw.js fireEvent does; returns the handlers' return values.
 */
export function fireEvent(name: string, data?: unknown): unknown[] {
    const list = state.handlers.get(name.toLowerCase()) ?? [];
    return [...list].map((handler) => handler(data));
}

/** The client is still waiting for its storage frame's session data (esw.js hasSessionDataLoaded). */
export function setSessionLoading(): void {
    if (state.svc) state.svc.hasSessionDataLoaded = false;
}

/**
 * The storage frame is on the page but unreachable (blocked by a content-security policy or an
 * extension, or lost on the network): it never posts anything. esw.js
 * `resumeInitWithSessionData` never runs, so `sessionDataRetrieved` never fires and
 * `hasSessionDataLoaded` stays false for the page's life; endChat (with a widget) and
 * clearSession never settle, as with a silent frame.
 */
export function makeStorageFrameUnreachable(): void {
    setStorageFrame('silent');
    setSessionLoading();
}

/**
 * The storage frame returned the session data (esw.js resumeInitWithSessionData): fires
 * `sessionDataRetrieved` (a handler returning true would force a session to continue), then
 * marks the data loaded. `chat` continues a chat: its serialized chasitor data is included.
 * Returns whether any handler returned true.
 */
export function retrieveSessionData(chat: 'queued' | 'chatting' | null): boolean {
    const data: Record<string, unknown> = { ESW_IS_MINIMIZED: 'false' };
    if (chat) {
        data.CHASITOR_SERIALIZED_KEY = JSON.stringify({
            chasitorData: { chatKey: 'k-1', isChatEstablished: chat === 'chatting' }
        });
    }
    const forced = fireEvent('sessionDataRetrieved', data).includes(true);
    if (state.svc) state.svc.hasSessionDataLoaded = true;
    if (chat) {
        updatePrimary(true); // the restored chat's frame loads it again (chasitor.load)
    }
    return forced;
}

/**
 * What the widget's state element shows (liveagent.esw.js reads these classes before starting):
 * 'waiting', 'chat', 'prechat' (no chat under way) or null (no widget).
 */
export function setWidgetState(widget: 'waiting' | 'chat' | 'prechat' | null): void {
    stateElement()?.remove();
    if (widget) {
        const element = document.createElement('div');
        element.className = 'embeddedServiceSidebarState';
        if (widget !== 'prechat') {
            element.classList.add(
                widget === 'chat'
                    ? 'embeddedServiceLiveAgentStateChat'
                    : 'embeddedServiceLiveAgentStateWaiting'
            );
        }
        document.body.appendChild(element);
    }
}

/**
 * The visitor submits the pre-chat form: the chat frame posts `liveagent.initialized`, so
 * pending startChat promises settle; the chat is requested (onChatRequestSuccess).
 */
export function submitPrechat(): void {
    const pending = state.pendingStarts.splice(0);
    pending.forEach((settle) => settle());
    updatePrimary(true); // the chat frame loads the chat (chasitor.load): this tab holds it
    setWidgetState('waiting');
    fireEvent('onChatRequestSuccess', { liveAgentSessionKey: 'k-1' });
}

/**
 * esw.js `session.updatePrimary`: the storage frame says whether this tab holds the chat; the
 * page keeps the answer in its own sessionStorage (a tab reloaded mid-chat finds it there).
 */
export function updatePrimary(isPrimary: boolean): void {
    const settings = (state.svc?.settings ?? {}) as Record<string, unknown>;
    const key = `${String(settings.storageDomain)}MASTER_DEPLOYMENT_ID`;
    if (isPrimary) {
        window.sessionStorage.setItem(key, String(settings.deploymentId));
    } else {
        window.sessionStorage.removeItem(key);
    }
}

/** Decides how a method answers from now on (applies to liveAgentAPI objects made afterwards for 'missing'). */
export function setMethodBehavior(method: MethodName, behavior: MethodBehavior): void {
    state.behaviors[method] = behavior;
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
    state.behaviors = realBehaviors();
    state.registrations = 0;
    state.svc = null;
    state.frame = 'answering';
    state.pendingStarts = [];
    state.helpButtonShown = true;
    storageFrameElement()?.remove();
    stateElement()?.remove();
    window.sessionStorage.removeItem(tabChatKey());
}
