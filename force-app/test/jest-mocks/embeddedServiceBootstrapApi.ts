/**
 * The API objects of the Enhanced Chat test double: utilAPI, prechatAPI, userVerificationAPI as
 * plain objects (v1) or behind Proxies (v2). Each method names the client function it mirrors.
 */
import { copyArgs, type EnhancedClientModel } from './embeddedServiceBootstrapClient';
import type { ClientMethod, CallBehavior } from './embeddedServiceBootstrapTypes';

export type ApiName = 'utilAPI' | 'prechatAPI' | 'userVerificationAPI';
export type ApiObjects = Record<ApiName, Record<string, unknown>>;

/** Wraps a real method with the call log and the behaviour the test chose. */
function method(
    m: EnhancedClientModel,
    name: ClientMethod,
    real: (...args: unknown[]) => unknown
): (...args: unknown[]) => unknown {
    return (...args: unknown[]) => {
        m.calls.push({ method: name, args: copyArgs(args) });
        const behavior = m.behavior(name);
        switch (behavior.kind) {
            case 'hang':
                return new Promise(() => undefined);
            case 'reject':
                return Promise.reject(behavior.reason ?? `[${name}] rejected by the test`);
            case 'throw':
                throw behavior.error ?? new Error(`${name} threw`);
            default:
                return real(...args);
        }
    };
}

export function buildApis(m: EnhancedClientModel): ApiObjects {
    const v2 = m.options.version === 'v2';
    const ready = (): boolean => m.readyFired;
    const utilAPI: Record<string, unknown> = {
        launchChat: method(m, 'launchChat', () => m.launchChat()),
        // showChatButton / hideChatButton: false before Ready; hide fails once a window shows.
        showChatButton: method(m, 'showChatButton', () => m.setButtonHidden(false)),
        hideChatButton: method(m, 'hideChatButton', () => m.setButtonHidden(true)),
        // sendTextMessage: rejects (string) unless a conversation was opened in this tab (v1).
        sendTextMessage: method(m, 'sendTextMessage', () => {
            const opened = v2 ? ready() : m.current !== null;
            return opened
                ? Promise.resolve()
                : Promise.reject('[Send Text Message API] The conversation is not opened yet.');
        })
    };
    if (!v2) {
        // getEmbeddedMessagingFrame: the iframe, or null.
        utilAPI.getEmbeddedMessagingFrame = method(m, 'getEmbeddedMessagingFrame', () => {
            return m.windows > 0 ? document.createElement('iframe') : null;
        });
        // removeAllComponents: removeMarkup (which re-emits Ready), then deletes the global.
        utilAPI.removeAllComponents = method(m, 'removeAllComponents', () => {
            m.windows = 0;
            m.button = null;
            m.emitReady();
            delete (window as unknown as Record<string, unknown>).embeddedservice_bootstrap;
            return Promise.resolve();
        });
    }
    const prechatAPI: Record<string, unknown> = {
        // setHiddenPrechatFields: each entry validated (validatePrechatField), invalid ones dropped
        // silently; v1 returns undefined; v2 (init.js AgentforceMessagingPrechatAPI) false before
        // Ready or for a non-object, else true, even when it dropped a field.
        setHiddenPrechatFields: method(m, 'setHiddenPrechatFields', (fields: unknown) => {
            if (!ready() || !fields || typeof fields !== 'object') {
                return v2 ? false : undefined;
            }
            for (const [name, value] of Object.entries(fields as Record<string, unknown>)) {
                if (m.validateField(true, name, value)) {
                    m.hiddenFields[name] = value as string;
                }
            }
            return v2 ? true : undefined;
        }),
        // removeHiddenPrechatFields: deletes the named fields it holds.
        removeHiddenPrechatFields: method(m, 'removeHiddenPrechatFields', (names: unknown) => {
            if (ready() && Array.isArray(names)) {
                for (const name of names) {
                    delete m.hiddenFields[String(name)];
                }
            }
            return undefined;
        }),
        // setVisiblePrechatFields: { name: { value, isEditableByEndUser } }; reads `.value` of
        // each entry without a check, so a null entry throws, as the real one does.
        setVisiblePrechatFields: method(m, 'setVisiblePrechatFields', (fields: unknown) => {
            if (!ready() || !fields || typeof fields !== 'object' || Array.isArray(fields)) {
                return undefined;
            }
            for (const [name, data] of Object.entries(
                fields as Record<string, { value: unknown; isEditableByEndUser?: unknown }>
            )) {
                if (m.validateField(false, name, data.value, data.isEditableByEndUser)) {
                    m.visibleValues[name] = copyArgs([data])[0];
                }
            }
            return undefined;
        }),
        unsetVisiblePrechatFields: method(m, 'unsetVisiblePrechatFields', (names: unknown) => {
            if (ready() && Array.isArray(names)) {
                for (const name of names) {
                    delete m.visibleValues[String(name)];
                }
            }
            return undefined;
        })
    };
    const userVerificationAPI: Record<string, unknown> = {
        clearSession: method(m, 'clearSession', () => m.clearSession()),
        // setIdentityToken: false unless the channel is in Auth mode (the double's is UnAuth).
        setIdentityToken: method(m, 'setIdentityToken', () => false)
    };
    const apis = { utilAPI, prechatAPI, userVerificationAPI };
    for (const [name, behavior] of Object.entries(m.behaviors) as [ClientMethod, CallBehavior][]) {
        if (behavior.kind === 'missing') {
            for (const api of Object.values(apis)) {
                delete api[name];
            }
        }
    }
    return apis;
}

/** v2: a Proxy with only a `get` trap over an empty target (no `has`, no own keys). */
export function proxyOf(
    impl: Record<string, unknown>,
    path: string,
    notImplemented: string[]
): Record<string, unknown> {
    return new Proxy({} as Record<string, unknown>, {
        get(_target, prop) {
            if (typeof prop === 'string' && Object.prototype.hasOwnProperty.call(impl, prop)) {
                return impl[prop];
            }
            if (typeof prop === 'string') {
                notImplemented.push(`${path}.${prop}`); // "Property 'x' is not implemented"
            }
            return undefined;
        }
    });
}
