import { LightningElement } from 'lwc';
import {
    subscribeToChat,
    type ChatDisabledReason,
    type ChatState,
    type ChatStatus
} from 'c/embeddedChatService';
import { isBuilderContext } from './builderContext';
import { builderFallback, type BuilderFallback } from './builderFallback';
import { readProperty, type PropertySpec, type PropertySpecs } from './builderProperties';
import {
    loadBuilderKit,
    loadedBuilderKit,
    type AdminCheck,
    type BuilderKit,
    type Checked,
    type CheckedKind
} from './builderKit';

const ACTIVE_STATUSES: readonly ChatStatus[] = ['requesting', 'queued', 'chatting', 'open'];

/** A chat is being requested, queued or in progress. */
export function isChatActiveStatus(status: ChatStatus): boolean {
    return ACTIVE_STATUSES.includes(status);
}

/**
 * The base of the chat components: follows the chat state while the component is on the page
 * (subscribed when inserted, unsubscribed when removed) and shows the admin notice in Experience
 * Builder. A component says how its builder properties read (`settings`; the builder kit checks
 * them for the admin) and may react to each new state in `chatStateChanged`. The notice and the
 * admin checks (`builderKit`) load only in the builder, so visitors never download them: the
 * template renders the notice with `<lwc:component lwc:is={adminNotice}>` (see builderKit.ts).
 * Builder properties stay `@api` fields of each component: the metadata check finds them in the
 * component's own source.
 */
export abstract class ChatElement extends LightningElement implements Checked {
    chatState?: ChatState;
    isBuilder = false;
    /** Builder only: the admin notice and checks, once loaded (null before, and for visitors). */
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
            this.beforeChatStateChange(state);
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

    /** Which component this is, for the builder kit's checks. */
    abstract get kind(): CheckedKind;

    /** How each of the component's builder properties reads. */
    abstract get settings(): PropertySpecs;

    /** The component's own routing, checked (Start button only). */
    get routing(): Checked['routing'] {
        return null;
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

    /** The builder kit's check of this component: nothing before it loads, nor for visitors. */
    private get adminCheck(): AdminCheck {
        return this.builderKit?.check(this) ?? { problems: [], notes: [] };
    }

    /** What the admin should fix in the component's builder properties. */
    get propertyProblems(): string[] {
        return this.adminCheck.problems;
    }

    /**
     * The notes the admin notice shows on what visitors see here and when (each component's
     * settings may hide it from visitors at times, and the admin should never face an empty,
     * unselectable slot): none while chat is off (the notice says why instead).
     */
    get builderNotes(): string[] {
        return this.status !== 'disabled' ? this.adminCheck.notes : [];
    }

    get showNotice(): boolean {
        return (
            this.isBuilder &&
            (this.status === 'disabled' ||
                this.propertyProblems.length > 0 ||
                this.builderNotes.length > 0)
        );
    }

    /** The admin notice component for `lwc:is`, when the notice shows and has loaded. */
    get adminNotice(): BuilderKit['notice'] | null {
        return this.showNotice ? (this.builderKit?.notice ?? null) : null;
    }

    /** What an admin gets in Experience Builder when the builder kit cannot load (any reason). */
    get kitFallback(): BuilderFallback | null {
        return this.isBuilder && this.builderKitFailed
            ? builderFallback(this.kind, this.disabledReason === 'locker')
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
