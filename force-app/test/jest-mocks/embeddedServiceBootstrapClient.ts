/**
 * The behaviour behind the Enhanced Chat test double (see embeddedServiceBootstrap.ts for the
 * control API). It mirrors Salesforce's Enhanced Chat v1 page client (`bootstrap.js`, public copy
 * in ESW1234/esw1234.github.io `godwin/assets/js/bootstrap.js`) and, in v2 mode, the Proxy-based
 * host of `godwin/assets/js/init.js`. Each behaviour names the client function it mirrors.
 * Asynchronous steps of the real client (iframe load, access-token request, reset) take a few
 * promise turns here, so fake timers never stall them and `settleClient()` runs them all.
 */

import { showButtonElement } from './embeddedServiceBootstrapMarkup';
import {
    ENHANCED_EVENTS,
    AGENT_UNAVAILABLE_MESSAGE,
    CLEAR_NOT_READY_MESSAGE,
    V2_NO_BUTTON_MESSAGE,
    LAUNCH_ERROR_MESSAGE,
    NOT_READY_MESSAGE,
    NO_BUTTON_MESSAGE,
    ORG_ID,
    STORED_JWT,
    WEB_STORAGE_KEY,
    type ButtonVisibility,
    type CallBehavior,
    type ClientMethod,
    type ClientOptions,
    type ConversationRecord,
    type DeclaredField,
    type FiredEvent,
    type RecordedCall,
    type SessionStatus
} from './embeddedServiceBootstrapTypes';

/** Promise turns of each asynchronous step (iframe creation, token request, reset). */
const STEP_TURNS = 2;

async function turns(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
        // eslint-disable-next-line no-await-in-loop -- one promise turn at a time, like chained network answers
        await Promise.resolve();
    }
}

/**
 * determineStorageType: v1's storage is localStorage, or sessionStorage when reading
 * `window.localStorage` throws (detectWebStorageAvailability); undefined when neither is there.
 */
function webStorage(inLocalStorage = true): Storage | undefined {
    try {
        if (inLocalStorage) {
            return window.localStorage;
        }
    } catch {
        // localStorage is out of reach: sessionStorage instead
    }
    try {
        return window.sessionStorage;
    } catch {
        return undefined;
    }
}

/** getItemInWebStorageByKey: one field of v1's stored JSON object (undefined when unreadable). */
function storedItem(key: string): unknown {
    try {
        const text = webStorage()?.getItem(WEB_STORAGE_KEY);
        return text ? (JSON.parse(text) as Record<string, unknown>)[key] : undefined;
    } catch {
        return undefined;
    }
}

/**
 * setItemInWebStorage: sets one field of the stored object, in localStorage (or sessionStorage
 * when localStorage is out of reach, or when `inLocalStorage` is false).
 */
export function storeItem(key: string, value: unknown, inLocalStorage = true): void {
    const storage = webStorage(inLocalStorage);
    if (storage) {
        const text = storage.getItem(WEB_STORAGE_KEY);
        const stored = text ? (JSON.parse(text) as Record<string, unknown>) : {};
        stored[key] = value;
        storage.setItem(WEB_STORAGE_KEY, JSON.stringify(stored));
    }
}

/** clearWebStorage: the key goes from both storages. */
export function clearWebStorage(): void {
    for (const name of ['localStorage', 'sessionStorage'] as const) {
        try {
            window[name].removeItem(WEB_STORAGE_KEY);
        } catch {
            // that storage is out of reach: nothing of the client's in it
        }
    }
}

function copy<T>(value: T): T {
    try {
        return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
    } catch {
        return value;
    }
}

/** The in-page state of the client: what bootstrap.js keeps in its closure. */
export class EnhancedClientModel {
    readonly options: ClientOptions;
    calls: RecordedCall[] = [];
    events: FiredEvent[] = [];
    /** What the client would log (only in devMode for the real one): dropped fields, misuse. */
    log: string[] = [];
    behaviors: Partial<Record<ClientMethod, CallBehavior>> = {};
    conversations: ConversationRecord[] = [];
    /** hasEmbeddedMessagingReadyEventFired: set by the first Ready, never cleared. */
    readyFired = false;
    readyCount = 0;
    buttonCreatedCount = 0;
    /** The static chat button (generateMarkup); null before ButtonCreated and during a reset. */
    button: ButtonVisibility | null = null;
    /** Chat iframes on the page: one per accepted launch (no duplicate guard). */
    windows = 0;
    minimized = false;
    /** The conversation shown in the window. */
    current: ConversationRecord | null = null;
    /** In-memory hiddenPrechatFields, wiped by every reset (clearInMemoryData). */
    hiddenFields: Record<string, string> = {};
    visibleValues: Record<string, unknown> = {};
    withinBusinessHours = true;
    /** What the agent-availability endpoint answers (getAgentAvailabilityData). */
    agentsOnline = true;
    /** init holds Ready back until an agent is online (getAgentAvailability, every 30 s). */
    waitingForAgent = false;
    /** hideChatButton was called since the markup was last generated (not remembered by a reset). */
    buttonHidden = false;
    /**
     * v2: the chat frame answers launchChat's RPC before its window shows (handleMaximize);
     * null: it never shows one (init.js launchChat resolves having done nothing).
     */
    v2MaximizeTurns: number | null = 3;
    /**
     * `embeddedservice_bootstrap.settings` as merged by init (mergeSettings): the configuration
     * (`embeddedServiceConfig`) once the configuration call answered.
     */
    settings: Record<string, unknown> = { devMode: false, orgId: ORG_ID };
    iframeResponsive = true;
    failNextLaunch = false;
    /** Windows waiting for the visitor to submit the pre-chat form. */
    pendingForms = 0;
    /** Bumped by each reset and by uninstall: stale asynchronous steps stop. */
    epoch = 0;
    /** The stored session's conversation list, while its answer is pending (handleExistingSession). */
    answerList: ((found: SessionStatus | 'none') => void) | null = null;
    /** v2: its chat frame holds a session (its own storage, on another origin: not the page's). */
    frameSession: boolean;
    /** clearUserSessionPromiseResolve: one slot, overwritten by each clearSession call. */
    private clearResolve: (() => void) | null = null;
    private nextId = 1;

    constructor(options: ClientOptions) {
        this.options = options;
        this.frameSession = options.version === 'v2' && options.existingSession !== null;
        if (options.hideChatButtonOnLoad) {
            this.settings.hideChatButtonOnLoad = true;
        }
        if (options.expSiteAuth) {
            // init's 4th argument (the Embedded Messaging component fills it), kept as snippetConfig.
            this.settings.snippetConfig = {
                expSiteContext: 'LWR',
                isExpSiteGuestUser: options.expSiteAuth === 'guest'
            };
        }
    }

    /**
     * The configuration call answered: mergeSettings puts it in settings.embeddedServiceConfig;
     * with the Embedded Messaging component's login mode, init sets the channel's authMode to
     * ExperienceSiteAuth (bootstrap.js init, after validateSettings).
     */
    deliverConfiguration(): void {
        this.settings.embeddedServiceConfig = {
            messagingChannel: { isAgentAvailabilityCheckEnabled: this.options.availabilityCheck },
            embeddedServiceMessagingChannel: {
                authMode: this.options.expSiteAuth ? 'ExperienceSiteAuth' : 'UnAuth'
            },
            // The deployment's pre-chat form: its hidden fields and visible fields, each with its
            // maxLength (what getHiddenPrechatFieldsFromConfig reads). v2 keeps its configuration
            // inside its config helper (init.js getHiddenPrechatFormFields), off settings.
            ...(this.options.version === 'v1'
                ? {
                      forms: [
                          {
                              formType: 'PreChat',
                              hiddenFormFields: copy(this.options.hiddenFields),
                              formFields: copy(this.options.visibleFields)
                          }
                      ]
                  }
                : {})
        };
    }

    /**
     * getHiddenPrechatFieldsFromConfig / getVisiblePrechatFieldsFromConfig (v1): the fields the
     * configuration on settings lists in forms[0], read at each call (none without it); v2 reads
     * its own copy (init.js getHiddenPrechatFormFields).
     */
    private declaredFields(hidden: boolean): DeclaredField[] {
        if (this.options.version === 'v2') {
            return hidden ? this.options.hiddenFields : this.options.visibleFields;
        }
        const config = this.settings.embeddedServiceConfig as
            | { forms?: Record<string, unknown>[] }
            | undefined;
        const listed = config?.forms?.[0]?.[hidden ? 'hiddenFormFields' : 'formFields'];
        return Array.isArray(listed) ? (listed as DeclaredField[]) : [];
    }

    /**
     * isAgentAvailabilityCheckEnabled (Setup's check, unless hideChatButtonOnLoad) and init's
     * agentAvailabilityPromise: skipped outside business hours and when a session exists.
     */
    gateHolds(): boolean {
        return (
            this.options.availabilityCheck &&
            !this.options.hideChatButtonOnLoad &&
            this.withinBusinessHours &&
            !this.sessionExists() &&
            !this.agentsOnline
        );
    }

    /** The client's own chat button shows (created, not hidden by hideChatButton). */
    get buttonShown(): boolean {
        return this.button === 'Show' && !this.buttonHidden;
    }

    /** Experience-site login mode with a guest: no button markup ever (init, initializeClientState). */
    private get guestOfLoginSite(): boolean {
        return this.options.expSiteAuth === 'guest';
    }

    /** v1 rejects with strings, v2 (init.js) with Error objects. */
    private rejection(message: string): unknown {
        return this.options.version === 'v2' ? new Error(message) : message;
    }

    behavior(method: ClientMethod): CallBehavior {
        return this.behaviors[method] ?? { kind: 'real' };
    }

    /** dispatchEventToHost: a CustomEvent on window, detail `{}` unless given. */
    dispatch(name: string, detail: unknown = {}): void {
        this.events.push({ name, detail: copy(detail) });
        window.dispatchEvent(new CustomEvent(name, { detail }));
    }

    /**
     * initializeWebStorage (v1, just before the first Ready and after every reset): `{}` under
     * the key in each storage that lacks it.
     */
    initializeWebStorage(): void {
        if (this.options.version === 'v1') {
            for (const inLocal of [true, false]) {
                const storage = webStorage(inLocal);
                if (storage && !storage.getItem(WEB_STORAGE_KEY)) {
                    storage.setItem(WEB_STORAGE_KEY, '{}');
                }
            }
        }
    }

    /** sessionExists: a JWT in v1's web storage (v2: in its frame's own storage). */
    sessionExists(): boolean {
        return this.options.version === 'v2' ? this.frameSession : Boolean(storedItem('JWT'));
    }

    /** setAndStoreJwt: the conversation's access token kept for the next page. */
    private setAndStoreJwt(): void {
        if (this.options.version === 'v2') {
            this.frameSession = true;
        } else {
            storeItem('JWT', STORED_JWT);
        }
    }

    /** emitEmbeddedMessagingReadyEvent. */
    emitReady(): void {
        this.readyFired = true;
        this.readyCount += 1;
        this.dispatch(ENHANCED_EVENTS.ready);
    }

    /** generateMarkup → emitEmbeddedMessagingButtonCreatedEvent (detail buttonVisibility). */
    generateMarkup(visibility: ButtonVisibility = this.options.buttonVisibility): void {
        if (this.button || this.guestOfLoginSite) {
            // Returns early when the button is already in the DOM; never called for a guest of a
            // login-only site (init and initializeClientState check the auth mode first).
            return;
        }
        this.button = visibility;
        this.buttonHidden = false;
        this.buttonCreatedCount += 1;
        if (this.options.version === 'v2') {
            // init.js: the button lives inside the chat frame; the event carries no detail.
            this.dispatch(ENHANCED_EVENTS.buttonCreated);
            return;
        }
        showButtonElement(visibility);
        this.dispatch(ENHANCED_EVENTS.buttonCreated, { buttonVisibility: visibility });
    }

    /** showChatButton / hideChatButton (not remembered: the next markup shows it again). */
    setButtonHidden(hidden: boolean): boolean {
        if (!this.readyFired || this.button === null || (hidden && this.windows > 0)) {
            return false; // before Ready, without markup, or hiding once the window shows
        }
        this.buttonHidden = hidden;
        document
            .getElementById('embeddedMessagingConversationButton')
            ?.toggleAttribute('hidden', hidden);
        return true;
    }

    /** validatePrechatField: the checks and their order as in the v1 client. */
    validateField(hidden: boolean, name: string, value: unknown, editable?: unknown): boolean {
        const caller = hidden ? 'setHiddenPrechatFields' : 'setVisiblePrechatFields';
        const declared = this.declaredFields(hidden).find((f) => f.name === name);
        if (!declared) {
            this.log.push(`${caller} called with an invalid field name ${name}.`);
            return false;
        }
        if (typeof value === 'string' && /javascript:|<script>/i.test(value)) {
            this.log.push(`JavaScript is not allowed in the value for the ${name} field.`);
            return false;
        }
        if (value && String(value).length > declared.maxLength) {
            this.log.push(`Value for the ${name} field exceeds ${declared.maxLength} characters.`);
            return false;
        }
        if (hidden && typeof value !== 'string') {
            this.log.push(`You must specify a string for the ${name} field.`);
            return false;
        }
        if (!hidden && editable && typeof editable !== 'boolean') {
            this.log.push('isEditableByEndUser must be a boolean.');
            return false;
        }
        return true;
    }

    /**
     * EmbeddedMessagingUtil.launchChat: rejects (string) before Ready or without the button;
     * with a window present it only maximizes / re-shows it; otherwise simulates the button click
     * (handleClick) and settles on onEmbeddedMessagingInitSuccess / InitError. No guard against
     * a launch already under way: each call that finds no iframe makes its own.
     */
    launchChat(): Promise<string | undefined> {
        const v2 = this.options.version === 'v2';
        return new Promise((resolve, reject) => {
            if (!this.readyFired) {
                reject(this.rejection(v2 ? V2_NO_BUTTON_MESSAGE : NOT_READY_MESSAGE));
                return;
            }
            if (!this.button) {
                reject(this.rejection(v2 ? V2_NO_BUTTON_MESSAGE : NO_BUTTON_MESSAGE));
                return;
            }
            if (this.windows > 0) {
                if (this.minimized) {
                    this.setMinimized(false);
                    resolve(
                        v2
                            ? undefined
                            : '[Launch Chat API] Successfully maximized the messaging client.'
                    );
                    return;
                }
                resolve(
                    v2
                        ? undefined
                        : '[Launch Chat API] The messaging client window is already present and maximized.'
                );
                return;
            }
            if (v2) {
                this.launchInFrame().then(() => resolve(undefined), reject);
                return;
            }
            if (
                this.options.availabilityCheck &&
                !this.options.hideChatButtonOnLoad &&
                !this.agentsOnline
            ) {
                // handleClick asks for availability first; no agent: handleAgentUnavailableOnButtonClick
                // resets the client (Ready), regenerates the button (ButtonCreated), then rejects.
                turns(1).then(() => {
                    this.resetClientToInitialState(false);
                    this.generateMarkup();
                    reject(AGENT_UNAVAILABLE_MESSAGE);
                });
                return;
            }
            this.handleClick().then(
                () =>
                    resolve(
                        v2
                            ? undefined
                            : '[Launch Chat API] Successfully initialized the messaging client.'
                    ),
                (reason: unknown) => reject(reason)
            );
        });
    }

    /**
     * init.js launchChat with the chat frame present: an RPC to the frame (callRpcClient) that
     * resolves when the frame answers; the window's WindowMaximized comes later, from the frame's
     * own message (handleMaximize), then the conversation as in v1.
     */
    private async launchInFrame(): Promise<void> {
        const epoch = this.epoch;
        await turns(1);
        if (!this.iframeResponsive) {
            await new Promise<never>(() => undefined); // the frame never answers the RPC
        }
        const delay = this.v2MaximizeTurns;
        if (delay === null) {
            return;
        }
        this.windows = 1;
        this.minimized = false;
        turns(delay).then(() => {
            if (epoch !== this.epoch) {
                return;
            }
            this.dispatch(ENHANCED_EVENTS.windowMaximized);
            if (this.options.prechatForm) {
                this.pendingForms += 1;
            } else {
                this.createNewConversation(epoch, {});
            }
        });
    }

    /** handleClick → generateIframes → app loaded (InitSuccess) → initializeConversationState. */
    private async handleClick(): Promise<void> {
        const epoch = this.epoch;
        await turns(1);
        if (epoch !== this.epoch) {
            throw LAUNCH_ERROR_MESSAGE;
        }
        this.windows += 1; // createIframe
        this.minimized = false;
        await turns(STEP_TURNS);
        if (epoch !== this.epoch) {
            throw LAUNCH_ERROR_MESSAGE;
        }
        if (!this.iframeResponsive) {
            await new Promise<never>(() => undefined); // the iframe never reports: launchChat hangs
        }
        if (this.failNextLaunch) {
            this.failNextLaunch = false;
            this.dispatch(ENHANCED_EVENTS.initError); // handleInitializationError
            this.resetClientToInitialState(); // handleBootstrapError resets the client
            throw LAUNCH_ERROR_MESSAGE;
        }
        this.dispatch(ENHANCED_EVENTS.initSuccess); // handleAfterAppLoad → handleInitializationSuccess
        this.dispatch(ENHANCED_EVENTS.windowMaximized); // maximizeIframe
        if (this.options.prechatForm) {
            this.pendingForms += 1; // hidden fields are read at submit (handlePrechatSubmit)
        } else {
            this.createNewConversation(epoch, {});
        }
    }

    /**
     * handleExistingSession (init, right after the first Ready, when sessionExists): the button
     * (generateMarkup: ButtonCreated), then bootstrapExistingSession: the window at once
     * (generateIframes), then a continuity token and the visitor's conversations
     * (handleGetContinuityJwt, handleListConversation), a few promise turns later; with
     * 'no-answer', only when the test answers (answerList).
     */
    handleExistingSession(): void {
        this.generateMarkup();
        this.windows = 1;
        const epoch = this.epoch;
        this.answerList = (found) => {
            this.answerList = null;
            if (epoch === this.epoch) {
                this.handleListConversation(found);
            }
        };
        const found = this.options.existingSession ?? 'none';
        if (found !== 'no-answer') {
            turns(STEP_TURNS).then(() => this.answerList?.(found));
        }
    }

    /**
     * handleListConversation on page load: one conversation still open is reopened (the iframe
     * relays ConversationOpened; no ConversationStarted and no status: they fired on the earlier
     * page). None open: stale data, the client resets (resetClientToInitialState: storage
     * cleared, Ready again, then the button) and says nothing of the old conversation.
     */
    private handleListConversation(found: SessionStatus | 'none'): void {
        if (found === 'none') {
            this.resetClientToInitialState();
            return;
        }
        const record: ConversationRecord = {
            conversationId: `00000000-0000-4000-8000-${String(this.nextId++).padStart(12, '0')}`,
            hiddenFields: {},
            visibleFields: {},
            status: found,
            restored: true
        };
        this.conversations.push(record);
        this.current = record;
        this.dispatch(ENHANCED_EVENTS.conversationOpened);
    }

    /** handlePrechatSubmit: the visitor submits the visible form; the conversation is created then. */
    submitPrechatForm(values: Record<string, unknown>): void {
        if (this.pendingForms === 0) {
            throw new Error('No pre-chat form is showing (launch with prechatForm: true first).');
        }
        this.pendingForms -= 1;
        this.dispatch(ENHANCED_EVENTS.preChatSubmitted, {
            prechatDisplay: 'Conversation',
            prechatSubmitFields: { ...this.visibleValues, ...values, ...this.hiddenFields }
        });
        this.createNewConversation(this.epoch, values);
    }

    /**
     * createNewConversation, after the access-token request: reads the hidden fields as they are
     * NOW, then the page script fires ConversationStarted; the iframe relays ConversationOpened
     * and, once routed, a Waiting session status.
     */
    private async createNewConversation(
        epoch: number,
        formValues: Record<string, unknown>
    ): Promise<void> {
        await turns(1);
        if (epoch !== this.epoch) {
            return;
        }
        this.setAndStoreJwt(); // initializeConversationState: the token for this conversation
        const record: ConversationRecord = {
            conversationId: `00000000-0000-4000-8000-${String(this.nextId++).padStart(12, '0')}`,
            hiddenFields: { ...this.hiddenFields },
            visibleFields: { ...copy(this.visibleValues), ...formValues },
            status: 'Created'
        };
        this.conversations.push(record);
        this.current = record;
        this.dispatch(ENHANCED_EVENTS.conversationStarted, {
            conversationId: record.conversationId
        });
        this.dispatch(ENHANCED_EVENTS.conversationOpened);
        if (this.options.queueOnStart) {
            await turns(1);
            if (epoch === this.epoch && record.status === 'Created') {
                this.sessionStatus(record, 'Waiting');
            }
        }
    }

    /** onEmbeddedMessagingSessionStatusUpdate, relayed from the iframe (SSE entry). */
    sessionStatus(record: ConversationRecord, status: SessionStatus): void {
        record.status = status;
        this.dispatch(ENHANCED_EVENTS.sessionStatusUpdate, {
            conversationId: record.conversationId,
            conversationEntry: {
                entryType: 'SessionStatusChanged',
                entryPayload: JSON.stringify({
                    entryType: 'SessionStatusChanged',
                    sessionStatus: status
                })
            }
        });
    }

    /** maximizeIframe / minimizeIframe (each dispatches its window event). */
    setMinimized(minimized: boolean): void {
        this.minimized = minimized;
        this.dispatch(
            minimized ? ENHANCED_EVENTS.windowMinimized : ENHANCED_EVENTS.windowMaximized
        );
    }

    /**
     * EmbeddedMessagingUserVerification.clearSession: keeps only the latest resolver, rejects
     * (string) before the first Ready; with a window the iframe must answer first
     * (handleClearUserSession), without one the reset runs at once (Ready fires inside this call).
     */
    clearSession(): Promise<void> {
        return new Promise((resolve, reject) => {
            this.clearResolve = resolve;
            if (!this.readyFired) {
                reject(CLEAR_NOT_READY_MESSAGE);
                return;
            }
            if (this.windows > 0) {
                const epoch = this.epoch;
                turns(STEP_TURNS).then(() => {
                    if (this.iframeResponsive && epoch === this.epoch) {
                        this.resetClientToInitialState(); // APP_RESET_INITIAL_STATE from the iframe
                    }
                });
                return;
            }
            this.resetClientToInitialState();
        });
    }

    /** The visitor closes the window (conversation close in the iframe, then a reset). */
    visitorCloses(): void {
        if (this.windows === 0) {
            throw new Error('No chat window is open.');
        }
        const record = this.current;
        if (record && record.status !== 'Ended' && record.status !== 'Closed') {
            record.status = 'Closed';
            this.dispatch(ENHANCED_EVENTS.conversationClosed, {
                conversationId: record.conversationId
            });
        }
        const epoch = this.epoch;
        turns(1).then(() => {
            if (epoch === this.epoch) {
                this.resetClientToInitialState();
            }
        });
    }

    /**
     * resetClientToInitialState: clears web storage (clearWebStorage, then initializeWebStorage;
     * v2: its frame's) and in-memory data (hidden fields, pre-filled visible values),
     * removeMarkup (iframes, button) which re-emits Ready at once, then — after the agent
     * availability promise (getAgentAvailability, which polls until an agent is online, unless
     * `checkAvailability` is false as in handleAgentUnavailableOnButtonClick) —
     * initializeClientState: generateMarkup (ButtonCreated) and resolveClearSessionPromise.
     */
    resetClientToInitialState(checkAvailability = true): void {
        this.epoch += 1;
        const epoch = this.epoch;
        if (this.options.version === 'v1') {
            clearWebStorage();
            this.initializeWebStorage();
        }
        this.frameSession = false;
        this.hiddenFields = {};
        this.visibleValues = {};
        if (this.current && this.current.status !== 'Ended') {
            this.current.status = 'Closed';
        }
        this.current = null;
        this.windows = 0;
        this.minimized = false;
        this.pendingForms = 0;
        this.button = null;
        showButtonElement(null);
        this.emitReady();
        turns(STEP_TURNS).then(() => {
            if (epoch !== this.epoch) {
                return;
            }
            const gate = this.options.availabilityCheck && !this.options.hideChatButtonOnLoad;
            if (checkAvailability && gate && !this.agentsOnline) {
                this.waitingForAgent = true; // agentComesOnline goes on with initializeClientState
                return;
            }
            this.initializeClientState();
        });
    }

    /** initializeClientState: generateMarkup (ButtonCreated) and resolveClearSessionPromise. */
    initializeClientState(): void {
        this.waitingForAgent = false;
        this.generateMarkup();
        const resolve = this.clearResolve;
        this.clearResolve = null;
        resolve?.();
    }
}

/** A deep copy for the calls log. */
export function copyArgs(args: unknown[]): unknown[] {
    return args.map((a) => copy(a));
}
