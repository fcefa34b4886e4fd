/**
 * The Salesforce client adapter: the only code in the package that reads `window.embedded_svc`.
 *
 * Facts it is built on (see the Embedded Service for Web developer guide and the 5.0 client):
 * `embedded_svc` exists as soon as esw.min.js runs, with `addEventHandler`; `liveAgentAPI`
 * appears later, when the LiveAgent feature script loads. Handlers can't be removed and events
 * are not replayed, so the handlers are registered once per client object, as early as possible.
 */
import { debug } from './debugLog';
import type { ChatClient, ClientEventSink, ClientPresence } from './chatClient';
import type { SnippetSettings, StartChatAttributes } from './startChatAttributes';

/** Every event the documentation lists; all are forwarded, the store picks what it needs. */
export const CLIENT_EVENTS: readonly string[] = [
    'onSettingsCallCompleted',
    'onAvailability',
    'onHelpButtonClick',
    'onClickSubmitButton',
    'afterMaximize',
    'afterMinimize',
    'afterDestroy',
    'onInviteAccepted',
    'onInviteRejected',
    'onInvitationResourceLoaded',
    'onChatRequestSuccess',
    'onChatEstablished',
    'onChasitorMessage',
    'onAgentMessage',
    'onAgentRichMessage',
    'onChatTransferInitiated',
    'onChatTransferSuccessful',
    'onChatConferenceInitiated',
    'onAgentJoinedConference',
    'onAgentLeftConference',
    'onChatConferenceEnded',
    'onChatReconnectSuccessful',
    'onChatEndedByChasitor',
    'onChatEndedByAgent',
    'onChatEndedByChatbot',
    'onIdleTimeoutWarningStart',
    'onIdleTimeoutClear',
    'onIdleTimeoutOccurred',
    'onConnectionError',
    'onQueueUpdate'
];

interface LiveAgentApi {
    startChat?: unknown;
    endChat?: unknown;
    clearSession?: unknown;
}

interface EmbeddedSvc {
    addEventHandler?: unknown;
    liveAgentAPI?: LiveAgentApi;
    settings?: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return value !== null && (typeof value === 'object' || typeof value === 'function');
}

/** The adapter over `window.embedded_svc`. */
export class EmbeddedSvcClient implements ChatClient {
    /** Client objects already given our handlers (a reloaded script makes a new object). */
    private readonly connected = new WeakSet<object>();

    private readonly getWindow: () => unknown;

    constructor(
        getWindow: () => unknown = () => (typeof window === 'undefined' ? undefined : window)
    ) {
        this.getWindow = getWindow;
    }

    private svc(): EmbeddedSvc | null {
        try {
            const win = this.getWindow();
            if (!isObject(win)) {
                return null;
            }
            const svc = win.embedded_svc;
            return isObject(svc) ? (svc as EmbeddedSvc) : null;
        } catch {
            return null;
        }
    }

    private api(): LiveAgentApi | null {
        const svc = this.svc();
        try {
            const api = svc?.liveAgentAPI;
            return isObject(api) ? api : null;
        } catch {
            return null;
        }
    }

    probe(): ClientPresence {
        if (!this.svc()) {
            return 'absent';
        }
        return this.api() ? 'ready' : 'partial';
    }

    connect(sink: ClientEventSink): void {
        const svc = this.svc();
        if (!svc || this.connected.has(svc)) {
            return;
        }
        let add: unknown;
        try {
            add = svc.addEventHandler;
        } catch {
            add = undefined;
        }
        if (typeof add !== 'function') {
            return;
        }
        this.connected.add(svc);
        for (const name of CLIENT_EVENTS) {
            const lower = name.toLowerCase();
            try {
                add.call(svc, name, (data: unknown) => {
                    try {
                        sink(lower, data);
                    } catch {
                        debug(`handling ${name} failed`);
                    }
                });
            } catch {
                debug(`addEventHandler(${name}) threw`);
            }
        }
        debug(`registered ${CLIENT_EVENTS.length} event handlers`);
    }

    knownAvailability(): boolean | null {
        try {
            const value = this.svc()?.settings?.agentAvailableOnButtonClick;
            return typeof value === 'boolean' ? value : null;
        } catch {
            return null;
        }
    }

    snippetSettings(): SnippetSettings {
        try {
            const settings = this.svc()?.settings;
            if (!isObject(settings)) {
                return {};
            }
            return {
                prepopulatedPrechatFields: settings.prepopulatedPrechatFields,
                extraPrechatInfo: settings.extraPrechatInfo,
                extraPrechatFormDetails: settings.extraPrechatFormDetails,
                fallbackRouting: settings.fallbackRouting,
                directToButtonRouting: settings.directToButtonRouting,
                buttonId: settings.buttonId
            };
        } catch {
            return {};
        }
    }

    private call(method: keyof LiveAgentApi, args: unknown[]): unknown {
        const api = this.api();
        const fn = api ? api[method] : undefined;
        if (typeof fn !== 'function') {
            throw new Error(`the chat client has no liveAgentAPI.${method}()`);
        }
        return (fn as (...a: unknown[]) => unknown).apply(api, args);
    }

    startChat(attributes: StartChatAttributes): unknown {
        return this.call('startChat', [attributes]);
    }

    endChat(): unknown {
        return this.call('endChat', []);
    }

    clearSession(): unknown {
        return this.call('clearSession', []);
    }
}
