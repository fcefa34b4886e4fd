import { LightningElement } from 'lwc';
import {
    subscribeToChat,
    type ChatDisabledReason,
    type ChatState,
    type ChatStatus
} from 'c/embeddedChatService';
import LOCKER_PROBLEM from '@salesforce/label/c.Chat_Admin_Locker_Problem';
import LOCKER_FIX from '@salesforce/label/c.Chat_Admin_Locker_Fix';
import { isBuilderContext } from './builderContext';
import { loadBuilderKit, loadedBuilderKit, type BuilderKit } from './builderKit';

const ACTIVE_STATUSES: readonly ChatStatus[] = ['requesting', 'queued', 'chatting'];

/** A chat is being requested, queued or in progress. */
export function isChatActiveStatus(status: ChatStatus): boolean {
    return ACTIVE_STATUSES.includes(status);
}

/**
 * The base of the chat components: follows the chat state while the component is on the page
 * (subscribed when inserted, unsubscribed when removed) and shows the admin notice in Experience
 * Builder. A component lists the problems of its own properties and may react to each new state
 * in `chatStateChanged`. The notice and the admin wording (`builderKit`) load only in the builder,
 * so visitors never download them: the template renders the notice with
 * `<lwc:component lwc:is={adminNotice}>` (see builderKit.ts). Builder properties stay `@api` fields of each component: the metadata
 * check finds them in the component's own source.
 */
export abstract class ChatElement extends LightningElement {
    chatState?: ChatState;
    isBuilder = false;
    /** Builder only: the admin notice and wording, once loaded (null before, and for visitors). */
    builderKit: BuilderKit | null = null;
    /** Builder only: the kit could not be loaded (dynamic components need Lightning Web Security). */
    private builderKitFailed = false;
    private unsubscribe?: () => void;

    connectedCallback(): void {
        this.isBuilder = isBuilderContext();
        this.builderKit = this.isBuilder ? loadedBuilderKit() : null;
        if (this.isBuilder && !this.builderKit) {
            loadBuilderKit().then((kit) => {
                this.builderKit = kit;
                this.builderKitFailed = kit === null;
            });
        }
        this.unsubscribe = subscribeToChat((state) => {
            this.beforeChatStateChange();
            this.chatState = state;
            this.chatStateChanged(state);
        });
    }

    disconnectedCallback(): void {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
    }

    get status(): ChatStatus {
        return this.chatState?.status ?? 'loading';
    }

    get disabledReason(): ChatDisabledReason | null {
        return this.chatState?.disabledReason ?? null;
    }

    /** What the admin should fix in the component's builder properties. */
    abstract get propertyProblems(): string[];

    get showNotice(): boolean {
        return this.isBuilder && (this.status === 'disabled' || this.propertyProblems.length > 0);
    }

    /** The admin notice component for `lwc:is`, when the notice shows and has loaded. */
    get adminNotice(): BuilderKit['notice'] | null {
        return this.showNotice ? (this.builderKit?.notice ?? null) : null;
    }

    /**
     * The one line an admin still gets when the notice cannot load: under Lightning Locker, where
     * the platform does not load dynamic components and chat is off for the same reason.
     */
    get noticeFallback(): string | null {
        return this.showNotice && this.builderKitFailed && this.disabledReason === 'locker'
            ? `${LOCKER_PROBLEM} ${LOCKER_FIX}`
            : null;
    }

    /**
     * Whether the component shows the chat at all: never while chat is off, and to visitors not
     * while the chat loads (a control they cannot use yet). Admins in Experience Builder do see
     * the loading state, so that they can find and select the component.
     */
    protected get isChatShown(): boolean {
        if (this.status === 'disabled') {
            return false;
        }
        return this.status !== 'loading' || this.isBuilder;
    }

    /** A chat is being requested, queued or in progress. */
    protected get isChatActive(): boolean {
        return isChatActiveStatus(this.status);
    }

    /** Called with every state just before `chatState` changes (the DOM still shows the old one). */
    protected beforeChatStateChange(): void {}

    /** Called with every state, just after `chatState` is set. */
    protected chatStateChanged(_state: ChatState): void {}
}
