/**
 * The chat on the page's Lightning message channel (`Embedded_Chat__c`), for components that do
 * not import this module: Aura components, other namespaces, LWCs that should not depend on the
 * package. One channel per page, whatever the number of components: it publishes each state
 * change once and runs the requests it receives through the service's public functions (the
 * same guards as a direct call), answering each with its request id.
 *
 * The service is not a component, so it makes its own MessageContext (createMessageContext) and
 * releases it (releaseMessageContext) as soon as it has no reason to stay: no subscriber of the
 * service and no request still running. With no chat component on the page it never opens.
 */
import {
    createMessageContext,
    publish,
    releaseMessageContext,
    subscribe,
    unsubscribe,
    type MessageServiceContext,
    type MessageSubscription
} from 'lightning/messageService';
import CHAT_CHANNEL from '@salesforce/messageChannel/Embedded_Chat__c';
import { debug } from './debugLog';
import { readRequest } from './channelRequests';
import type { ChatActionResult, ChatState, ChatStateListener, StartChatOptions } from './chatTypes';
import type { ChatChannelAction, ChatChannelMessage, ChatChannelResult } from './channelTypes';

/** The format of the messages the service publishes; raised only on an incompatible change. */
export const CHAT_CHANNEL_VERSION = 1;

/** What the channel needs of the service: its public functions. */
export interface ChannelService {
    /** Follows the state: called at once, then on every change; returns the unsubscribe. */
    watch(listener: ChatStateListener): () => void;
    state(): ChatState;
    startChat(options?: StartChatOptions): Promise<ChatActionResult>;
    endChat(): Promise<ChatActionResult>;
    clearSession(): Promise<ChatActionResult>;
}

export class ChatChannel {
    private readonly service: ChannelService;
    /** Reasons to stay open: the service's subscribers and the requests still running. */
    private holds = 0;
    private context: MessageServiceContext | null = null;
    private subscription: MessageSubscription | null = null;
    private unwatch: (() => void) | null = null;

    constructor(service: ChannelService) {
        this.service = service;
    }

    /** Keeps the channel open until the returned function is called (once counts). */
    hold(): () => void {
        this.holds += 1;
        if (this.holds === 1) {
            this.open();
        }
        let held = true;
        return () => {
            if (held) {
                held = false;
                this.holds -= 1;
                if (this.holds === 0) {
                    this.close();
                }
            }
        };
    }

    private open(): void {
        try {
            this.context = createMessageContext();
            this.subscription = subscribe(this.context, CHAT_CHANNEL, (message) =>
                this.receive(message)
            );
        } catch {
            debug('no LMS');
            this.close();
            return;
        }
        debug('channel open');
        this.unwatch = this.service.watch((state) =>
            this.send({ type: 'state', version: CHAT_CHANNEL_VERSION, state, requestId: null })
        );
    }

    private close(): void {
        const { context, subscription, unwatch } = this;
        this.context = null;
        this.subscription = null;
        this.unwatch = null;
        unwatch?.();
        const attempt = (step: () => void): void => {
            try {
                step();
            } catch {
                debug('channel release failed');
            }
        };
        if (subscription) {
            attempt(() => unsubscribe(subscription));
        }
        if (context) {
            attempt(() => releaseMessageContext(context));
        }
    }

    private send(message: ChatChannelMessage): void {
        if (this.context) {
            try {
                publish(this.context, CHAT_CHANNEL, message);
            } catch {
                debug(`publish ${message.type} failed`);
            }
        }
    }

    private answer(
        requestId: string | null,
        action: ChatChannelAction | null,
        result: ChatChannelResult
    ): void {
        debug(`channel ${action ?? 'request'}: ${result.ok ? 'ok' : result.code}`);
        this.send({ type: 'result', version: CHAT_CHANNEL_VERSION, requestId, action, result });
    }

    private receive(message: unknown): void {
        const request = readRequest(message);
        if (request.kind === 'refuse') {
            const { requestId, action, code } = request;
            this.answer(requestId, action, { ok: false, code, message: request.message });
        } else if (request.kind === 'run') {
            const { requestId, action, routing } = request;
            if (action === 'getState') {
                const state = this.service.state();
                this.send({ type: 'state', version: CHAT_CHANNEL_VERSION, state, requestId });
                return;
            }
            const release = this.hold(); // the answer goes out even if every component leaves
            const run =
                action === 'startChat'
                    ? this.service.startChat(routing ? { routing } : undefined)
                    : this.service[action]();
            run.then((result) => this.answer(requestId, action, result)).finally(release);
        }
    }
}
