/**
 * Chat Routing Settings with the REAL c/embeddedChatService (no test double): what the site
 * routing is when several instances come and go, as with a theme layout and a page, the next
 * page's instance connecting before the old one disconnects, or builder re-renders.
 */
import { createElement } from 'lwc';
import ChatRoutingSettings from 'c/chatRoutingSettings';
import { configureRouting, getChatState, getRoutingValidation } from 'c/embeddedChatService';
import { helpButtonShown, installEmbeddedSvc, resetEmbeddedSvc } from 'test/jest-mocks/embeddedSvc';
import * as uiRecordApi from 'lightning/uiRecordApi';
import { AGENT, BUTTON, BUTTON_2 } from 'test/fixtures/ids';
import { USER_RECORD } from 'test/fixtures/records';

const BUTTON_3 = '5735g000000XyZc';

// The sfdx-lwc-jest test wire adapter behind getRecord.
const getRecordAdapter = uiRecordApi.getRecord as unknown as {
    emit(value: unknown, filter?: (config: { recordId?: string }) => boolean): void;
};

function createSettings(props: Record<string, unknown>): HTMLElement {
    const element = createElement('c-chat-routing-settings', { is: ChatRoutingSettings });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function siteConfig(): unknown {
    const validation = getRoutingValidation();
    expect(validation.valid).toBe(true);
    return validation.config;
}

function direct(buttonId: string): unknown {
    return { directToAgentRouting: { buttonId, fallback: false } };
}

describe('c-chat-routing-settings with the real chat service', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        configureRouting({});
    });

    it('keeps the newer instance’s routing when the older instance is removed', () => {
        const older = createSettings({ buttonId: BUTTON });
        expect(siteConfig()).toEqual(direct(BUTTON));
        createSettings({ buttonId: BUTTON_2, agentUserId: AGENT });

        document.body.removeChild(older);

        expect(siteConfig()).toEqual({
            directToAgentRouting: { buttonId: BUTTON_2, userId: AGENT, fallback: false }
        });
    });

    it('keeps the routing of the next page’s instance, connected before the old one leaves', () => {
        const oldPage = createSettings({ buttonId: BUTTON });
        const nextPage = createSettings({ fallbackRules: `${AGENT}, ${BUTTON_2}` });

        document.body.removeChild(oldPage);

        expect(siteConfig()).toEqual({ fallbackRouting: [AGENT, BUTTON_2] });
        document.body.removeChild(nextPage);
        expect(siteConfig()).toEqual({});
    });

    it('gives the routing back to the theme layout’s instance when the page’s instance leaves', () => {
        createSettings({ buttonId: BUTTON });
        const page = createSettings({ buttonId: BUTTON_2 });
        expect(siteConfig()).toEqual(direct(BUTTON_2));

        document.body.removeChild(page);

        expect(siteConfig()).toEqual(direct(BUTTON));
    });

    it('keeps whichever instance configured last, when an older one updates and then leaves', async () => {
        const older = createSettings({ buttonId: BUTTON });
        const newer = createSettings({ buttonId: BUTTON_2 });
        // A property change in the older instance makes its routing the site routing again.
        Object.assign(older, { buttonId: BUTTON_3 });
        await Promise.resolve();
        expect(siteConfig()).toEqual(direct(BUTTON_3));

        document.body.removeChild(older);

        expect(siteConfig()).toEqual(direct(BUTTON_2));
        document.body.removeChild(newer);
        expect(siteConfig()).toEqual({});
    });

    it('leaves the routing alone that another component configured since', () => {
        const element = createSettings({ buttonId: BUTTON });
        const other = configureRouting({ fallbackRouting: [BUTTON_3] });

        document.body.removeChild(element);

        expect(getRoutingValidation()).toBe(other);
    });

    it('returns the site to the snippet routing when its only instance leaves', () => {
        const element = createSettings({ buttonId: BUTTON });

        document.body.removeChild(element);

        expect(siteConfig()).toEqual({});
    });

    it('keeps the page’s instance when the theme layout’s instance gets its user record later', async () => {
        createSettings({ buttonId: BUTTON }); // the theme layout's: pre-fill from the user on
        createSettings({ buttonId: BUTTON_2, prefillFromUser: false }); // the page's
        expect(siteConfig()).toEqual(direct(BUTTON_2));
        await Promise.resolve(); // the wires get their configuration

        // Only the layout's instance asked for the record (the page's has pre-fill off, and
        // Lightning Data Service answers no wire whose recordId is undefined).
        getRecordAdapter.emit(USER_RECORD, (config) => Boolean(config.recordId));
        await Promise.resolve();

        expect(siteConfig()).toEqual(direct(BUTTON_2));
    });

    it('keeps a logged-in user’s chats routable when a pre-chat field name is bad', async () => {
        createSettings({ buttonId: BUTTON, emailField: 'E-mail' });

        getRecordAdapter.emit(USER_RECORD);
        await Promise.resolve();

        expect(siteConfig()).toEqual({
            directToAgentRouting: { buttonId: BUTTON, fallback: false },
            prepopulatedPrechatFields: { FirstName: 'Ada', LastName: 'Lovelace' },
            visiblePrechatFields: {
                _firstName: 'Ada',
                _lastName: 'Lovelace',
                _email: 'ada@example.com'
            }
        });
    });
});

describe('c-chat-routing-settings and the chat client’s own button, with the real chat service', () => {
    beforeAll(() => {
        installEmbeddedSvc();
        getChatState(); // the service finds the client now, so it applies each change at once
    });

    afterAll(() => {
        resetEmbeddedSvc();
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('hides it while an instance that asks for it is on the page, and shows it once it leaves', () => {
        const element = createSettings({ hideClientButton: true });
        expect(helpButtonShown()).toBe(false);
        Object.assign(element, { hideClientButton: 'false' });
        expect(helpButtonShown()).toBe(true);
        Object.assign(element, { hideClientButton: true });

        document.body.removeChild(element);

        expect(helpButtonShown()).toBe(true);
    });

    it('gives the theme layout’s instance its choice back when the page’s instance leaves', () => {
        createSettings({ hideClientButton: true });
        const page = createSettings({ buttonId: BUTTON });
        expect(helpButtonShown()).toBe(true);

        document.body.removeChild(page);

        expect(helpButtonShown()).toBe(false);
    });
});
