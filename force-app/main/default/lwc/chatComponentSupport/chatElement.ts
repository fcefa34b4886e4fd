import { LightningElement } from 'lwc';
import { subscribeToChat, type ChatState } from 'c/embeddedChatService';
import { isBuilderContext } from './builderContext';

const ACTIVE_STATUSES: readonly string[] = ['requesting', 'queued', 'chatting'];

/**
 * The base of the chat components: follows the chat state while the component is on the page
 * (subscribed when inserted, unsubscribed when removed) and shows the admin notice in Experience
 * Builder. A component lists the problems of its own properties and may react to each new state
 * in `chatStateChanged`. Builder properties stay `@api` fields of each component: the metadata
 * check finds them in the component's own source.
 */
export abstract class ChatElement extends LightningElement {
    chatState?: ChatState;
    isBuilder = false;
    private unsubscribe?: () => void;

    connectedCallback(): void {
        this.isBuilder = isBuilderContext();
        this.unsubscribe = subscribeToChat((state) => {
            this.chatState = state;
            this.chatStateChanged(state);
        });
    }

    disconnectedCallback(): void {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
    }

    get status(): string {
        return this.chatState?.status ?? 'loading';
    }

    get disabledReason(): string | null {
        return this.chatState?.disabledReason ?? null;
    }

    /** What the admin should fix in the component's builder properties. */
    abstract get propertyProblems(): string[];

    get showNotice(): boolean {
        return this.isBuilder && (this.status === 'disabled' || this.propertyProblems.length > 0);
    }

    /** A chat is being requested, queued or in progress. */
    protected get isChatActive(): boolean {
        return ACTIVE_STATUSES.includes(this.status);
    }

    /** Called with every state, just after `chatState` is set. */
    protected chatStateChanged(_state: ChatState): void {}
}
