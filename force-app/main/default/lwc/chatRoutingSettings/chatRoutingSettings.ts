import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, type GetRecordResult } from 'lightning/uiRecordApi';
import USER_ID from '@salesforce/user/Id';
import IS_GUEST from '@salesforce/user/isGuest';
import FIRST_NAME_FIELD from '@salesforce/schema/User.FirstName';
import LAST_NAME_FIELD from '@salesforce/schema/User.LastName';
import EMAIL_FIELD from '@salesforce/schema/User.Email';
import { configureRouting, releaseRouting } from 'c/embeddedChatService';
import {
    builderFallback,
    isBuilderContext,
    loadSummaryCard,
    loadedSummaryCard,
    type BuilderFallback
} from 'c/chatComponentBase';
import {
    buildRouting,
    readSettings,
    type FieldName,
    type RawSettings,
    type SummaryInput,
    type UserValues
} from 'c/chatRoutingModel';

const USER_FIELDS = [FIRST_NAME_FIELD, LAST_NAME_FIELD, EMAIL_FIELD];

function text(value: unknown): string | undefined {
    return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Site routing for either chat client (legacy Embedded Chat or Enhanced Chat), set in Experience
 * Builder: hands the configuration to the chat service (site-wide, whatever order the chat
 * components mount in) whenever a property or the logged-in user's record changes. Visitors see
 * nothing; admins in the builder see a summary card, which checks the settings for the client the
 * site runs and says when chat is off.
 */
export default class ChatRoutingSettings extends LightningElement {
    /** Builder only: the summary card component for `lwc:is`, once loaded (builderKit.ts). */
    summaryCard: typeof LightningElement | null = loadedSummaryCard();
    /** Builder only: the placeholder shown when the summary card cannot load. */
    kitFallback: BuilderFallback | null = null;
    /** What the builder summary shows; null outside the builder (nothing is rendered). */
    summaryInput: SummaryInput | null = null;
    /** The logged-in user whose name and email pre-fill the pre-chat form; unset for guests. */
    userRecordId: string | undefined;

    private raw: RawSettings = {};
    private user: UserValues | null = null;
    private userUnavailable = false;

    /** The routing target: a chat button (573…, legacy) or a queue or user (00G…/005…, Enhanced). */
    @api
    get buttonId(): unknown {
        return this.raw.buttonId;
    }
    set buttonId(value: unknown) {
        this.setProperty('buttonId', value);
    }

    /** User ID (005…) of the agent to route to first. */
    @api
    get agentUserId(): unknown {
        return this.raw.agentUserId;
    }
    set agentUserId(value: unknown) {
        this.setProperty('agentUserId', value);
    }

    /** When the agent is unavailable, route to the button's queue (Boolean, may come as text). */
    @api
    get fallbackToButton(): unknown {
        return this.raw.fallbackToButton;
    }
    set fallbackToButton(value: unknown) {
        this.setProperty('fallbackToButton', value);
    }

    /** Fallback rules in their text form (see c/embeddedChatService splitRules). */
    @api
    get fallbackRules(): unknown {
        return this.raw.fallbackRules;
    }
    set fallbackRules(value: unknown) {
        this.setProperty('fallbackRules', value);
    }

    /** Pre-fill the pre-chat form from the logged-in user's record (Boolean, default true). */
    @api
    get prefillFromUser(): unknown {
        return this.raw.prefillFromUser;
    }
    set prefillFromUser(value: unknown) {
        this.setProperty('prefillFromUser', value);
    }

    /** Pre-chat field API name for the first name (default FirstName). */
    @api
    get firstNameField(): unknown {
        return this.raw.firstNameField;
    }
    set firstNameField(value: unknown) {
        this.setProperty('firstNameField', value);
    }

    /** Pre-chat field API name for the last name (default LastName). */
    @api
    get lastNameField(): unknown {
        return this.raw.lastNameField;
    }
    set lastNameField(value: unknown) {
        this.setProperty('lastNameField', value);
    }

    /** Pre-chat field API name for the email (default Email). */
    @api
    get emailField(): unknown {
        return this.raw.emailField;
    }
    set emailField(value: unknown) {
        this.setProperty('emailField', value);
    }

    /** Enhanced Chat: hidden pre-chat field for the agent's user ID ('none' leaves it out). */
    @api
    get agentIdField(): unknown {
        return this.raw.agentIdField;
    }
    set agentIdField(value: unknown) {
        this.setProperty('agentIdField', value);
    }

    /** Enhanced Chat: hidden pre-chat field for the routing target ('none' leaves it out). */
    @api
    get targetIdField(): unknown {
        return this.raw.targetIdField;
    }
    set targetIdField(value: unknown) {
        this.setProperty('targetIdField', value);
    }

    /** Enhanced Chat: hidden pre-chat field for the fallback flag ('none' leaves it out). */
    @api
    get fallbackField(): unknown {
        return this.raw.fallbackField;
    }
    set fallbackField(value: unknown) {
        this.setProperty('fallbackField', value);
    }

    /** Enhanced Chat: hidden pre-chat field for the fallback rules ('none' leaves it out). */
    @api
    get fallbackRoutingField(): unknown {
        return this.raw.fallbackRoutingField;
    }
    set fallbackRoutingField(value: unknown) {
        this.setProperty('fallbackRoutingField', value);
    }

    /** Hide the chat client's own chat button, so that chats start from the site's buttons. */
    @api
    get hideClientButton(): unknown {
        return this.raw.hideClientButton;
    }
    set hideClientButton(value: unknown) {
        this.setProperty('hideClientButton', value);
    }

    @wire(getRecord, { recordId: '$userRecordId', fields: USER_FIELDS })
    wiredUser({ data, error }: GetRecordResult): void {
        if (data && this.userRecordId) {
            this.user = {
                firstName: text(getFieldValue(data, FIRST_NAME_FIELD)),
                lastName: text(getFieldValue(data, LAST_NAME_FIELD)),
                email: text(getFieldValue(data, EMAIL_FIELD))
            };
            this.userUnavailable = false;
        } else if (error) {
            // The error may carry record data: keep none of it, and never log it.
            this.user = null;
            this.userUnavailable = true;
        }
        this.refresh();
    }

    connectedCallback(): void {
        if (isBuilderContext()) {
            loadSummaryCard().then((card) => {
                this.summaryCard = card;
                this.kitFallback = card ? null : builderFallback('routing', false);
            });
        }
        this.refresh();
    }

    disconnectedCallback(): void {
        // A page can hold two instances (theme layout and page, or the next page's instance
        // connecting before the old one leaves): the service gives the site routing back to the
        // one that set it before this one, or to the snippet.
        releaseRouting(this);
    }

    private setProperty(name: FieldName, value: unknown): void {
        this.raw = { ...this.raw, [name]: value };
        this.refresh(true);
    }

    /**
     * Sets this instance's routing. `edited`: the admin changed a property, so this instance's
     * routing becomes the newest; a refresh from the user's record keeps its place (a theme
     * layout's instance whose record arrives late never takes over from the page's).
     */
    private refresh(edited = false): void {
        if (!this.isConnected) {
            return;
        }
        if (edited) {
            releaseRouting(this);
        }
        const settings = readSettings(this.raw);
        const wantsUser = settings.prefillFromUser && !IS_GUEST && Boolean(USER_ID);
        this.userRecordId = wantsUser ? USER_ID : undefined;
        const built = buildRouting(settings, wantsUser ? this.user : null);
        // Its checkbox states a choice (Builder saves false when it is left unticked); a page
        // saved before the property existed states none: configureChatService's then applies.
        const hide =
            this.raw.hideClientButton === undefined ? undefined : settings.hideClientButton;
        configureRouting(built.config, this, hide);
        this.summaryInput = isBuilderContext()
            ? { settings, built, userUnavailable: wantsUser && this.userUnavailable }
            : null;
    }
}
