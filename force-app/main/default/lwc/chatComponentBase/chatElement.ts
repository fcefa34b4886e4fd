import { LightningElement } from 'lwc';
import {
    subscribeToChat,
    type ChatDisabledReason,
    type ChatState,
    type ChatStatus
} from 'c/embeddedChatService';
import {
    chatOffExplainer,
    readProperty,
    type AdminNotice,
    type Checked,
    type CheckedKind,
    type NoticeSubject,
    type PropertySpec,
    type PropertySpecs
} from 'c/chatComponentSupport';
import {
    builderFallback,
    isBuilderContext,
    loadBuilderKit,
    loadedBuilderKit,
    type BuilderFallback,
    type BuilderKit
} from './builderKit';

const ACTIVE_STATUSES: readonly ChatStatus[] = ['requesting', 'queued', 'chatting', 'open'];

/** A chat is being requested, queued or in progress. */
export function isChatActiveStatus(status: ChatStatus): boolean {
    return ACTIVE_STATUSES.includes(status);
}

/**
 * The base of the chat components: follows the chat state while the component is on the page
 * (subscribed when inserted, unsubscribed when removed) and shows the admin notice in Experience
 * Builder. A component says how its builder properties read (`settings`) and may react to each
 * new state in `chatStateChanged`. The template renders the notice with
 * `<lwc:component lwc:is={adminNotice} lwc:spread={noticeProps}>` (Builder-only: builderKit.ts).
 * Builder properties stay `@api` fields of each component: the metadata check finds them in the
 * component's own source.
 */
export abstract class ChatElement extends LightningElement implements NoticeSubject {
    chatState?: ChatState;
    isBuilder = false;
    /** Builder only: the admin notice and checks, once loaded (null before, and for visitors). */
    builderKit: BuilderKit | null = null;
    /** Builder only: the kit could not be loaded (see builderKit.ts). */
    private builderKitFailed = false;
    /** Builder only: this component says in full why chat is off (one per page). */
    explainsChatOff = true;
    /** Joins (true) or leaves the components of the page that say why chat is off. */
    private readonly explainChatOff = chatOffExplainer((inFull) => {
        this.explainsChatOff = inFull;
    });
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
            this.beforeChatStateChange(state);
            this.chatState = state;
            this.explainChatOff(this.isBuilder && state.status === 'disabled');
            this.chatStateChanged(state);
        });
    }

    disconnectedCallback(): void {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
        this.explainChatOff(false);
    }

    get status(): ChatStatus {
        return this.chatState?.status ?? 'loading';
    }

    get disabledReason(): ChatDisabledReason | null {
        return this.chatState?.disabledReason ?? null;
    }

    /** Which component this is, for the builder kit's checks. */
    abstract get kind(): CheckedKind;

    /** How each of the component's builder properties reads. */
    abstract get settings(): PropertySpecs;

    /** The component's own routing, checked (Start button only). */
    get routing(): Checked['routing'] {
        return null;
    }

    /** A chat started here would be refused for its routing: the site routing is invalid. */
    get routingRefused(): boolean {
        return this.chatState?.siteRoutingValid === false;
    }

    /** A builder property's value as Experience Builder handed it over. */
    settingValue(property: string): unknown {
        return (this as unknown as Record<string, unknown>)[property];
    }

    /** A builder property's value, read as `settings` says. */
    protected setting<T extends boolean | string>(property: string): T {
        return readProperty(this.settingValue(property), this.settings[property] as PropertySpec<T>)
            .value;
    }

    /** What the admin notice shows: null for visitors, before the kit loads, or with nothing to say. */
    get noticeProps(): AdminNotice | null {
        return this.builderKit?.check(this) ?? null;
    }

    /** The admin notice component for `lwc:is`, when the notice shows. */
    get adminNotice(): BuilderKit['notice'] | null {
        return this.noticeProps ? (this.builderKit?.notice ?? null) : null;
    }

    /** What an admin gets in Experience Builder when the builder kit cannot load (any reason). */
    get kitFallback(): BuilderFallback | null {
        return this.isBuilder && this.builderKitFailed
            ? builderFallback(this.kind, this.disabledReason === 'locker', this.explainsChatOff)
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

    /**
     * Called with every new state just before `chatState` changes to it (the DOM still shows the
     * old one).
     */
    protected beforeChatStateChange(_next: ChatState): void {}

    /** Called with every state, just after `chatState` is set. */
    protected chatStateChanged(_state: ChatState): void {}
}
