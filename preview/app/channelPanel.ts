/**
 * The preview's "other component" panel: stands in for an Aura component, or a component of
 * another namespace, that knows nothing of c/embeddedChatService and uses only the Lightning
 * message channel `Embedded_Chat__c`. It subscribes with a message context of its own, shows
 * every message on the channel and sends the requests (getState, startChat with optional
 * routing, endChat, clearSession, and a malformed one). Plain DOM, text only (no innerHTML).
 *
 * Exposes `window.__channelPanel` for the browser tests.
 */
/// <reference lib="dom" />
import { createMessageContext, publish, subscribe } from 'lightning/messageService';
import CHAT_CHANNEL from '@salesforce/messageChannel/Embedded_Chat__c';
import { el } from './dom.ts';

export interface ChannelPanelControls {
    /** Every message seen on the channel (requests included), oldest first. */
    messages: unknown[];
    /** Publishes `message` as this component; returns it. */
    send(message: unknown): unknown;
    /** Publishes a well-formed request; returns its requestId. */
    request(action: string, routing?: unknown): string;
}

declare global {
    interface Window {
        __channelPanel?: ChannelPanelControls;
    }
}

/** One line of the log: the kind of message and what matters in it. */
function summary(message: unknown): string {
    const m = (message ?? {}) as Record<string, unknown>;
    const result = (m.result ?? {}) as Record<string, unknown>;
    const state = (m.state ?? {}) as Record<string, unknown>;
    switch (m.type) {
        case 'state':
            return `state ${String(state.status)}${state.disabledReason ? ` / ${String(state.disabledReason)}` : ''} (client ${String(state.client)})${m.requestId ? ` for ${String(m.requestId)}` : ''}`;
        case 'result':
            return `result ${String(m.action)} ${String(m.requestId)}: ${result.ok ? 'ok' : String(result.code)}`;
        case 'request':
            return `request ${String(m.action)} ${String(m.requestId)}`;
        default:
            return `other ${JSON.stringify(message)?.slice(0, 80) ?? ''}`;
    }
}

export function mountChannelPanel(host: HTMLElement | null): void {
    if (!host) {
        return;
    }
    const context = createMessageContext();
    const messages: unknown[] = [];
    let nextId = 1;
    const stateLine = el('p', { class: 'channel-state', 'data-channel-state': '' }, 'No state yet');
    const log = el('ol', { class: 'channel-log', 'aria-label': 'Messages on the channel' });
    const routing = el('textarea', {
        id: 'channel-routing',
        class: 'slds-textarea channel-routing',
        rows: '2',
        placeholder: '{"directToAgentRouting":{"buttonId":"573…"}}'
    }) as HTMLTextAreaElement;

    subscribe(context, CHAT_CHANNEL, (message) => {
        messages.push(message);
        const m = message as { type?: unknown; state?: { status?: unknown } };
        if (m?.type === 'state') {
            stateLine.textContent = `Chat: ${String(m.state?.status)}`;
        }
        const item = el('li', {}, summary(message));
        log.prepend(item);
        while (log.childElementCount > 30) {
            log.lastElementChild?.remove();
        }
    });

    const controls: ChannelPanelControls = {
        messages,
        send(message) {
            publish(context, CHAT_CHANNEL, message);
            return message;
        },
        request(action, routingConfig) {
            const requestId = `panel-${nextId++}`;
            controls.send({
                type: 'request',
                requestId,
                action,
                ...(routingConfig === undefined ? {} : { routing: routingConfig })
            });
            return requestId;
        }
    };
    window.__channelPanel = controls;

    const button = (label: string, action: string, onClick: () => void): HTMLElement => {
        const node = el(
            'button',
            {
                type: 'button',
                class: 'slds-button slds-button_neutral sim-button',
                'data-channel-action': action
            },
            label
        );
        node.addEventListener('click', onClick);
        return node;
    };
    const typedRouting = (): unknown => {
        const text = routing.value.trim();
        if (text === '') {
            return undefined;
        }
        try {
            return JSON.parse(text) as unknown;
        } catch {
            return text; // sent as it is: the service answers INVALID_REQUEST
        }
    };
    const buttons = el('div', { class: 'sim-group' });
    buttons.append(
        button('Ask for the state', 'getState', () => controls.request('getState')),
        button('Start chat', 'startChat', () => controls.request('startChat', typedRouting())),
        button('End chat', 'endChat', () => controls.request('endChat')),
        button('Clear session', 'clearSession', () => controls.request('clearSession')),
        button('Send a malformed request', 'malformed', () =>
            controls.send({ type: 'request', action: 'dance' })
        )
    );
    const routingLabel = el(
        'label',
        { for: 'channel-routing' },
        'Routing for Start (JSON, optional)'
    );
    host.replaceChildren(
        el(
            'h2',
            { class: 'channel-title' },
            'Another component (message channel Embedded_Chat__c)'
        ),
        el(
            'p',
            { class: 'channel-subtitle' },
            'What an Aura header or another namespace sees and can ask, without importing the service.'
        ),
        stateLine,
        routingLabel,
        routing,
        buttons,
        log
    );
}
