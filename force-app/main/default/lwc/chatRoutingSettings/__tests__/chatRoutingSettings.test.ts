import { LightningElement, createElement } from 'lwc';
import ChatRoutingSettings from 'c/chatRoutingSettings';
import {
    configureRouting,
    getRoutingValidation,
    releaseRouting,
    startChat,
    subscribeToChat
} from 'c/embeddedChatService';
import { loadBuilderKit, setBuilderContextOverride } from '../../chatComponentBase/builderKit';
import * as uiRecordApi from 'lightning/uiRecordApi';
import { flushPromises } from 'test/flushPromises';
import { validateRouting } from '../../embeddedChatService/routingRules';
import type { RoutingConfig, RoutingValidation } from '../../embeddedChatService/chatTypes';
import { AGENT, AGENT_2, BUTTON, BUTTON_2, QUEUE, SIGNED_IN_USER } from 'test/fixtures/ids';
import { LEGACY_READY, USER_RECORD } from 'test/fixtures/records';

// The real, pure validateRouting; configureRouting, getRoutingValidation and startChat are test
// doubles whose behaviour each test sets (a site-wide store, as the real service keeps). The
// real service module is used in chatRoutingSettingsService.test.ts.
jest.mock('c/embeddedChatService', () => ({
    // The pure rule helpers and validateRouting are the service's own (through the double).
    ...jest.requireActual<object>('test/jest-mocks/chatServiceDouble'),
    configureRouting: jest.fn(),
    getRoutingValidation: jest.fn(),
    subscribeToChat: jest.fn(() => () => undefined),
    startChat: jest.fn()
}));

const configureRoutingMock = configureRouting as jest.MockedFunction<typeof configureRouting>;
const getRoutingValidationMock = getRoutingValidation as jest.MockedFunction<
    typeof getRoutingValidation
>;
const startChatMock = startChat as jest.MockedFunction<typeof startChat>;
const subscribeMock = subscribeToChat as jest.MockedFunction<typeof subscribeToChat>;
// The sfdx-lwc-jest test wire adapter behind getRecord.
const getRecordAdapter = uiRecordApi.getRecord as unknown as {
    emit(value: unknown): void;
    error(body?: unknown): void;
    getLastConfig(): { recordId?: string; fields?: unknown[] } | null;
};

type SettingsElement = HTMLElement & Record<string, unknown>;

function createSettings(props: Record<string, unknown> = {}): SettingsElement {
    const element = createElement('c-chat-routing-settings', {
        is: ChatRoutingSettings
    }) as unknown as SettingsElement;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

// The admin notice loads with a dynamic import in Experience Builder (builderKit.ts): loaded once
// here, the card shows it right after a render.
beforeAll(() => loadBuilderKit());

function lastConfig(): RoutingConfig {
    const calls = configureRoutingMock.mock.calls;
    expect(calls.length).toBeGreaterThan(0);
    return calls[calls.length - 1][0];
}

function text(node: Element | null | undefined): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The summary card (c/chatRoutingSummary, loaded in the builder), else the component itself. */
function card(element: HTMLElement): ShadowRoot {
    const summary = element.shadowRoot!.querySelector('.summary-card');
    return summary?.shadowRoot ?? element.shadowRoot!;
}

function fieldIssues(element: HTMLElement, name: string): string[] {
    const field = card(element).querySelector(`[data-field="${name}"]`);
    return Array.from(field?.querySelectorAll('.issue') ?? []).map(text);
}

function fieldValue(element: HTMLElement, name: string): string {
    return text(card(element).querySelector(`[data-field="${name}"] .field-value`));
}

// A stand-in for a Start Chat button: it only calls the service's startChat when clicked.
class StartButtonStandIn extends LightningElement {
    connectedCallback(): void {
        this.template?.host.addEventListener('click', () => {
            startChat();
        });
    }
}

describe('c-chat-routing-settings', () => {
    let site: RoutingValidation;

    beforeEach(() => {
        site = validateRouting({});
        configureRoutingMock.mockImplementation((config) => {
            site = validateRouting(config);
            return site;
        });
        getRoutingValidationMock.mockImplementation(() => site);
        startChatMock.mockImplementation(() =>
            Promise.resolve(
                site.valid
                    ? { ok: true }
                    : { ok: false, code: 'INVALID_ROUTING', message: 'Invalid routing.' }
            )
        );
    });

    afterEach(() => {
        // The DOM is shared between the tests of a file: start each test from an empty body.
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        setBuilderContextOverride(null);
    });

    describe('for visitors', () => {
        it('renders nothing', () => {
            const element = createSettings({ buttonId: BUTTON, agentUserId: AGENT });

            expect(card(element).childNodes).toHaveLength(0);
            expect(subscribeMock).not.toHaveBeenCalled();
        });

        it('renders nothing even when the settings have errors', () => {
            const element = createSettings({ buttonId: 'nonsense' });

            expect(card(element).childNodes).toHaveLength(0);
            expect(lastConfig()).toEqual({
                directToAgentRouting: { buttonId: 'nonsense', fallback: false }
            });
        });

        it('hands the direct-to-agent routing to the service when it connects', () => {
            createSettings({ buttonId: ` ${BUTTON} `, agentUserId: AGENT, fallbackToButton: true });

            expect(configureRoutingMock).toHaveBeenCalledTimes(1);
            expect(lastConfig()).toEqual({
                directToAgentRouting: { buttonId: BUTTON, userId: AGENT, fallback: true }
            });
        });

        it('hands the fallback rules to the service as the client expects them', () => {
            createSettings({ fallbackRules: `${AGENT}_${BUTTON};\n${AGENT_2},  ${BUTTON_2}` });

            expect(lastConfig()).toEqual({
                fallbackRouting: [`${AGENT}_${BUTTON}`, AGENT_2, BUTTON_2]
            });
        });

        it('hands an empty configuration when nothing is set, so the snippet routing applies', () => {
            createSettings();

            expect(lastConfig()).toEqual({});
        });

        it('reads Boolean properties given as text', () => {
            createSettings({ buttonId: BUTTON, agentUserId: AGENT, fallbackToButton: ' TRUE ' });
            expect(lastConfig().directToAgentRouting).toEqual({
                buttonId: BUTTON,
                userId: AGENT,
                fallback: true
            });
        });

        it('hands the configuration again whenever a property changes', async () => {
            const element = createSettings({ buttonId: BUTTON });

            element.agentUserId = AGENT;
            element.fallbackToButton = 'true';
            element.fallbackRules = BUTTON_2;
            await flushPromises();

            expect(configureRoutingMock).toHaveBeenCalledTimes(4);
            expect(lastConfig()).toEqual({
                directToAgentRouting: { buttonId: BUTTON, userId: AGENT, fallback: true },
                fallbackRouting: [BUTTON_2]
            });
        });

        it('returns each property as it was set', () => {
            const props = {
                buttonId: BUTTON,
                agentUserId: AGENT,
                fallbackToButton: 'false',
                fallbackRules: BUTTON_2,
                prefillFromUser: false,
                firstNameField: 'Given__c',
                lastNameField: 'Family__c',
                emailField: 'Mail__c',
                agentIdField: 'Agent__c',
                targetIdField: 'none',
                fallbackField: ' Fallback__c ',
                fallbackRoutingField: ''
            };
            const element = createSettings(props);

            for (const [name, value] of Object.entries(props)) {
                expect(element[name]).toBe(value);
            }
        });

        it('hands Enhanced Chat the hidden field names the admin changed, null for one left out', () => {
            createSettings({
                buttonId: BUTTON,
                agentIdField: 'Agent__c',
                targetIdField: 'None',
                fallbackField: 'Chat_Fallback'
            });

            expect(lastConfig()).toEqual({
                directToAgentRouting: { buttonId: BUTTON, fallback: false },
                hiddenRoutingFields: { agentId: 'Agent__c', targetId: null }
            });
        });

        it('still hands invalid settings to the service, which refuses them', async () => {
            createSettings({ buttonId: BUTTON, fallbackRules: 'hello' });

            expect(lastConfig()).toEqual({
                directToAgentRouting: { buttonId: BUTTON, fallback: false },
                fallbackRouting: ['hello']
            });
            expect(site.valid).toBe(false);
            await expect(startChat()).resolves.toMatchObject({ code: 'INVALID_ROUTING' });
        });

        it('gives its routing to a Start Chat button that was on the page before it', async () => {
            const button = createElement('c-start-button-stand-in', { is: StartButtonStandIn });
            document.body.appendChild(button);

            createSettings({ buttonId: BUTTON, agentUserId: AGENT });
            button.click();

            expect(startChatMock).toHaveBeenCalledTimes(1);
            await expect(startChatMock.mock.results[0].value).resolves.toEqual({ ok: true });
            expect(site.config).toEqual({
                directToAgentRouting: { buttonId: BUTTON, userId: AGENT, fallback: false }
            });
        });

        it('gives its routing to a Start Chat button added after it', () => {
            createSettings({ fallbackRules: BUTTON });
            const button = createElement('c-start-button-stand-in', { is: StartButtonStandIn });
            document.body.appendChild(button);

            button.click();

            expect(startChatMock).toHaveBeenCalledTimes(1);
            expect(site.config).toEqual({ fallbackRouting: [BUTTON] });
        });

        // What the site routing is as instances come and go is the service's (releaseRouting):
        // chatRoutingSettingsService.test.ts follows it with the real service.
        /** The owners that configureRouting calls named, each once, in order. */
        function owners(): unknown[] {
            return [...new Set(configureRoutingMock.mock.calls.map((call) => call[1]))];
        }

        it('sets the site routing as its own, and withdraws it when it leaves the page', () => {
            const element = createSettings({ buttonId: BUTTON });
            expect(owners()).toEqual([expect.any(Object)]);
            expect(releaseRouting).not.toHaveBeenCalled();

            document.body.removeChild(element);

            expect(releaseRouting).toHaveBeenCalledTimes(1);
            expect(releaseRouting).toHaveBeenCalledWith(owners()[0]);
        });

        it('hands the service its choice for the chat client’s own button', () => {
            const element = createSettings({ hideClientButton: true });
            const hide = (): unknown => configureRoutingMock.mock.lastCall?.[2];
            expect(hide()).toBe(true);
            element.hideClientButton = 'false';
            expect(hide()).toBe(false);
        });

        it('leaves the client’s own button alone by default: unticked, or never set (configureChatService decides)', () => {
            createSettings({ buttonId: BUTTON, hideClientButton: false });
            createSettings({ buttonId: BUTTON });
            const choices = configureRoutingMock.mock.calls.map((call) => call[2]);
            expect(choices).toContain(false);
            expect(choices).toContain(undefined);
            expect(choices).not.toContain(true);
        });

        it('leaves the site routing alone when it leaves after someone else configured it', () => {
            const element = createSettings({ buttonId: BUTTON });
            const other = configureRouting({ fallbackRouting: [BUTTON_2] });
            configureRoutingMock.mockClear();

            document.body.removeChild(element);

            expect(configureRoutingMock).not.toHaveBeenCalled();
            expect(site).toBe(other);
        });

        it('sets and withdraws the routing of each instance on the page as that instance’s', () => {
            const older = createSettings({ buttonId: BUTTON });
            const newer = createSettings({ buttonId: BUTTON_2 });
            const [olderOwner, newerOwner] = owners();
            expect(owners()).toHaveLength(2);

            document.body.removeChild(newer);
            expect(releaseRouting).toHaveBeenLastCalledWith(newerOwner);

            document.body.removeChild(older);
            expect(releaseRouting).toHaveBeenLastCalledWith(olderOwner);
        });
    });

    describe('pre-fill from the logged-in user', () => {
        it('reads the first name, last name and email of the logged-in user', async () => {
            createSettings();
            await flushPromises();

            expect(getRecordAdapter.getLastConfig()).toEqual({
                recordId: SIGNED_IN_USER,
                fields: [
                    { objectApiName: 'User', fieldApiName: 'FirstName' },
                    { objectApiName: 'User', fieldApiName: 'LastName' },
                    { objectApiName: 'User', fieldApiName: 'Email' }
                ]
            });
        });

        it('fills the pre-chat fields once the user record arrives', async () => {
            createSettings({ buttonId: BUTTON });

            getRecordAdapter.emit(USER_RECORD);
            await flushPromises();

            expect(lastConfig()).toEqual({
                directToAgentRouting: { buttonId: BUTTON, fallback: false },
                prepopulatedPrechatFields: {
                    FirstName: 'Ada',
                    LastName: 'Lovelace',
                    Email: 'ada@example.com'
                },
                visiblePrechatFields: {
                    _firstName: 'Ada',
                    _lastName: 'Lovelace',
                    _email: 'ada@example.com'
                }
            });
        });

        it('uses the pre-chat field names the admin set', async () => {
            createSettings({
                firstNameField: 'Given__c',
                lastNameField: ' Family__c ',
                emailField: ''
            });

            getRecordAdapter.emit(USER_RECORD);
            await flushPromises();

            expect(lastConfig().prepopulatedPrechatFields).toEqual({
                Given__c: 'Ada',
                Family__c: 'Lovelace',
                Email: 'ada@example.com'
            });
        });

        it.each([
            ['a hyphen', 'E-mail'],
            ['a space', 'Email Address'],
            ['a leading digit', '1Email'],
            ['a leading underscore', '_Email'],
            ['a prototype name', '__proto__'],
            ['the constructor name', 'constructor'],
            ['the prototype name', 'prototype'],
            ['markup', '<b>Email</b>'],
            ['more than 80 characters', `E${'x'.repeat(80)}`]
        ])(
            'drops a pre-chat field whose name has %s, and still routes logged-in users',
            async (_what, name) => {
                createSettings({ buttonId: BUTTON, emailField: name });

                getRecordAdapter.emit(USER_RECORD);
                await flushPromises();

                expect(lastConfig()).toEqual({
                    directToAgentRouting: { buttonId: BUTTON, fallback: false },
                    prepopulatedPrechatFields: { FirstName: 'Ada', LastName: 'Lovelace' },
                    // Enhanced Chat's standard fields do not depend on the legacy field names.
                    visiblePrechatFields: {
                        _firstName: 'Ada',
                        _lastName: 'Lovelace',
                        _email: 'ada@example.com'
                    }
                });
                expect(site.valid).toBe(true);
                await expect(startChat()).resolves.toEqual({ ok: true });
            }
        );

        it('accepts a pre-chat field name of exactly 80 characters', async () => {
            const name = `E${'x'.repeat(79)}`;
            createSettings({ emailField: name });

            getRecordAdapter.emit(USER_RECORD);
            await flushPromises();

            expect(lastConfig().prepopulatedPrechatFields).toEqual({
                FirstName: 'Ada',
                LastName: 'Lovelace',
                [name]: 'ada@example.com'
            });
            expect(site.valid).toBe(true);
        });

        it('pre-fills nothing, and still routes, when every pre-chat field name is bad', async () => {
            createSettings({
                firstNameField: 'First Name',
                lastNameField: 'constructor',
                emailField: 'E-mail'
            });

            getRecordAdapter.emit(USER_RECORD);
            await flushPromises();

            expect(lastConfig()).toEqual({
                visiblePrechatFields: {
                    _firstName: 'Ada',
                    _lastName: 'Lovelace',
                    _email: 'ada@example.com'
                }
            });
            expect(site.valid).toBe(true);
        });

        it('leaves a field out of both clients’ pre-fill when its name is none, in any case', async () => {
            createSettings({ firstNameField: 'none', emailField: ' NONE ' });

            getRecordAdapter.emit(USER_RECORD);
            await flushPromises();

            expect(lastConfig()).toEqual({
                prepopulatedPrechatFields: { LastName: 'Lovelace' },
                visiblePrechatFields: { _lastName: 'Lovelace' }
            });
        });

        it('leaves out the values the user record does not have', async () => {
            createSettings();

            getRecordAdapter.emit({
                ...USER_RECORD,
                fields: {
                    FirstName: { value: null, displayValue: null },
                    LastName: { value: 'Lovelace', displayValue: null },
                    Email: { value: '', displayValue: null }
                }
            });
            await flushPromises();

            expect(lastConfig().prepopulatedPrechatFields).toEqual({ LastName: 'Lovelace' });
            expect(lastConfig().visiblePrechatFields).toEqual({ _lastName: 'Lovelace' });
        });

        it('neither reads the user nor fills anything when pre-fill is off', async () => {
            createSettings({ prefillFromUser: 'false' });
            await flushPromises();

            expect(getRecordAdapter.getLastConfig()).toEqual(
                expect.objectContaining({ recordId: undefined, fields: expect.any(Array) })
            );
            getRecordAdapter.emit(USER_RECORD);
            await flushPromises();

            expect(lastConfig()).toEqual({});
        });

        it('stops filling when the admin turns pre-fill off', async () => {
            const element = createSettings();
            getRecordAdapter.emit(USER_RECORD);
            await flushPromises();

            element.prefillFromUser = false;
            await flushPromises();

            expect(lastConfig()).toEqual({});
        });

        it('starts chats without pre-fill when the user record cannot be read', async () => {
            createSettings();

            getRecordAdapter.error();
            await flushPromises();

            expect(lastConfig()).toEqual({});
        });

        it('writes nothing about the visitor to the console', async () => {
            const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
                jest.spyOn(console, method)
            );
            createSettings({ buttonId: 'nonsense' });

            getRecordAdapter.emit(USER_RECORD);
            getRecordAdapter.error();
            await flushPromises();

            spies.forEach((spy) => expect(spy).not.toHaveBeenCalled());
        });
    });

    describe('in Experience Builder', () => {
        /** The chat state the builder's page reports (a ready legacy client unless changed). */
        function siteRuns(client: 'legacy' | 'enhanced' | null): void {
            subscribeMock.mockImplementation((listener) => {
                listener({
                    status: client ? 'ready' : 'loading',
                    client,
                    agentsAvailable: client ? true : null,
                    queuePosition: null,
                    disabledReason: null,
                    siteRoutingValid: true
                });
                return () => undefined;
            });
        }

        beforeEach(() => {
            setBuilderContextOverride(true);
            siteRuns('legacy');
        });

        it('says when chat is off on the site, with the fix, above the summary', async () => {
            const unsubscribe = jest.fn();
            subscribeMock.mockImplementation((listener) => {
                listener({
                    status: 'disabled',
                    client: null,
                    agentsAvailable: null,
                    queuePosition: null,
                    disabledReason: 'locker',
                    siteRoutingValid: true
                });
                return unsubscribe;
            });
            const element = createSettings({ buttonId: BUTTON });
            await flushPromises();

            const notice = card(element).querySelector('.admin-notice.chat-off') as
                | (HTMLElement & { disabledReason?: string })
                | null;
            expect(notice?.disabledReason).toBe('locker');
            expect(text(card(element).querySelector('.status'))).toMatch(
                /These settings are valid/
            );
            // Under Locker the client can't be known: the card says chat is off, as the notice
            // above it does, never "not known yet".
            expect(text(card(element).querySelector('.client-text'))).toBe(
                'Chat is off on this site because Lightning Locker is on, so the site’s chat client can’t be known: IDs are checked for both clients.'
            );
            await expect(element).toBeAccessible();

            document.body.removeChild(element);
            expect(unsubscribe).toHaveBeenCalledTimes(1);
        });

        it('shows no chat-off note while chat works', async () => {
            subscribeMock.mockImplementation((listener) => {
                listener(LEGACY_READY);
                return () => undefined;
            });
            const element = createSettings({ buttonId: BUTTON });
            await flushPromises();

            const notice = card(element).querySelector('.admin-notice.chat-off') as
                | (HTMLElement & { disabledReason?: string | null })
                | null;
            expect(notice?.disabledReason).toBeNull();
        });

        it('shows the routing in plain words on a green card when all is valid', async () => {
            const element = createSettings({
                buttonId: BUTTON,
                agentUserId: AGENT,
                fallbackToButton: true,
                fallbackRules: `${AGENT_2}, ${AGENT}_${BUTTON_2}, ${BUTTON}`
            });
            await flushPromises();

            const status = card(element).querySelector('.status')!;
            expect(status.classList).toContain('slds-theme_success');
            expect(text(status)).toBe(
                'These settings are valid. Every chat started from this site uses them, unless a Start Chat button sets its own routing.'
            );
            expect(text(card(element).querySelector('.routing-text'))).toBe(
                `Route to agent ${AGENT} through ${BUTTON}, then fall back to ${BUTTON}.`
            );
            expect(text(card(element).querySelector('.rules-heading'))).toBe(
                'If unavailable, try:'
            );
            expect(Array.from(card(element).querySelectorAll('.rules li')).map(text)).toEqual([
                `Agent ${AGENT_2}`,
                `Agent ${AGENT} on button ${BUTTON_2}`,
                `Button ${BUTTON}`
            ]);
            expect(card(element).querySelectorAll('.issue')).toHaveLength(0);
        });

        it('says when the chat does not fall back to the button queue', async () => {
            const element = createSettings({ buttonId: BUTTON, agentUserId: AGENT });
            await flushPromises();

            expect(text(card(element).querySelector('.routing-text'))).toBe(
                `Route to agent ${AGENT} through ${BUTTON}. If the agent is unavailable, the chat is not routed to ${BUTTON}.`
            );
            expect(card(element).querySelector('.rules')).toBeNull();
        });

        it('describes routing to a button alone', async () => {
            const element = createSettings({ buttonId: BUTTON });
            await flushPromises();

            expect(text(card(element).querySelector('.routing-text'))).toBe(
                `Route chats to ${BUTTON}.`
            );
        });

        it('says that empty settings keep the site’s own routing, in a neutral state (not a green "valid, in use")', async () => {
            const element = createSettings();
            await flushPromises();

            const status = card(element).querySelector('.status')!;
            expect(status.classList).not.toContain('slds-theme_success');
            expect(status.classList).toContain('slds-scoped-notification_light');
            // Said once: the status says where chats go, no routing line repeats it.
            expect(text(status)).toBe(
                "No routing is set here: chats use the routing of the site's own chat deployment."
            );
            expect(
                text(card(element).querySelector('lightning-card')).match(
                    /No routing|Nothing is set/g
                )
            ).toHaveLength(1);
            expect(
                status.querySelector<HTMLElement & { iconName?: string }>('lightning-icon')!
                    .iconName
            ).toBe('utility:info');
            expect(card(element).querySelector('.routing-text')).toBeNull();
            expect(fieldValue(element, 'buttonId')).toBe('Not set');
            expect(fieldValue(element, 'fallbackRules')).toBe('Not set');
        });

        it('says where chats go first when only fallback rules are set', async () => {
            const element = createSettings({ fallbackRules: BUTTON });
            await flushPromises();

            expect(text(card(element).querySelector('.routing-text'))).toBe(
                "Chats first go where the site's own chat deployment routes them (its chat button, or its Omni-Channel flow under Enhanced Chat)."
            );
        });

        it('shows each property with its value', async () => {
            siteRuns(null); // not known yet: the Enhanced Chat rows too (a legacy card has none)
            const element = createSettings({
                buttonId: BUTTON,
                fallbackToButton: 'false',
                fallbackRules: `${BUTTON_2} ;${AGENT}`
            });
            await flushPromises();

            const labels = Array.from(card(element).querySelectorAll('.field-label')).map(text);
            expect(labels).toEqual([
                'Chat button or queue ID',
                'Agent user ID',
                'Fall back to the queue',
                'Fallback routing rules',
                'Pre-fill pre-chat from the logged-in user',
                'Pre-chat field for first name',
                'Pre-chat field for last name',
                'Pre-chat field for email',
                'Enhanced Chat: hidden field for the agent ID',
                'Enhanced Chat: hidden field for the target ID',
                'Enhanced Chat: hidden field for the fallback flag',
                'Enhanced Chat: hidden field for the fallback rules',
                "Hide Salesforce's chat button"
            ]);
            expect(fieldValue(element, 'hideClientButton')).toBe('No');
            expect(fieldValue(element, 'buttonId')).toBe(BUTTON);
            expect(fieldValue(element, 'agentUserId')).toBe('Not set');
            expect(fieldValue(element, 'fallbackToButton')).toBe('No');
            expect(fieldValue(element, 'fallbackRules')).toBe(`${BUTTON_2}, ${AGENT}`);
            expect(fieldValue(element, 'prefillFromUser')).toBe('Yes');
            expect(fieldValue(element, 'firstNameField')).toBe('FirstName');
            expect(fieldValue(element, 'targetIdField')).toBe('Chat_Target_Id');
        });

        it('shortens a long value to fit the card, with the whole value a click or a key away', async () => {
            const long = `573${'x'.repeat(9997)}`;
            const element = createSettings({ buttonId: long, fallbackRules: long });
            await flushPromises();

            const field = card(element).querySelector('[data-field="buttonId"]')!;
            const value = field.querySelector('.field-value')!;
            expect(text(value)).toBe(`${long.slice(0, 60)}…`);
            expect(value.getAttribute('title')).toBe(long);
            // Not only on hover: a disclosure (keyboard and screen readers) holds the whole value.
            const whole = field.querySelector('details.whole-value')!;
            expect(text(whole.querySelector('summary'))).toBe('Show the whole value');
            expect(text(whole.querySelector('.whole-value-text'))).toBe(long);
            // A value that fits has no disclosure.
            expect(card(element).querySelector('[data-field="agentUserId"] details')).toBeNull();
            await expect(element).toBeAccessible();
            // Every issue quotes the value shortened too.
            const issues = Array.from(card(element).querySelectorAll('.issue')).map(text);
            expect(issues.length).toBeGreaterThan(0);
            issues.forEach((issue) => expect(issue.length).toBeLessThan(300));
        });

        it('shows each error next to its field and says the settings are not used', async () => {
            const element = createSettings({ buttonId: '573abc', agentUserId: BUTTON_2 });
            await flushPromises();

            const status = card(element).querySelector('.status')!;
            expect(status.classList).toContain('slds-theme_error');
            expect(text(status)).toBe(
                "These settings have errors, so they are not used: until you fix them, the chat components on this site can't start chats."
            );
            expect(fieldIssues(element, 'buttonId')).toEqual([
                '“573abc” has 6 characters; a chat button ID has 15 or 18.'
            ]);
            expect(fieldIssues(element, 'agentUserId')).toEqual([
                `“${BUTTON_2}” is not a user ID: a user ID starts with 005.`
            ]);
            expect(card(element).querySelector('.routing')).toBeNull();
            expect(lastConfig()).toEqual({
                directToAgentRouting: { buttonId: '573abc', userId: BUTTON_2, fallback: false }
            });
        });

        it('asks for a chat button when only an agent is set', async () => {
            const element = createSettings({ agentUserId: AGENT });
            await flushPromises();

            expect(fieldIssues(element, 'buttonId')).toEqual([
                'Enter a chat button ID (it starts with 573).'
            ]);
        });

        it('shows problems of the rules by rule number, next to the rules', async () => {
            const element = createSettings({
                fallbackRules: `${BUTTON}, ${AGENT}_, 573abc, hello, ${BUTTON_2}_${AGENT}`
            });
            await flushPromises();

            expect(fieldIssues(element, 'fallbackRules')).toEqual([
                'Rule 2: Enter a chat button ID (it starts with 573).',
                'Rule 3: “573abc” has 6 characters; a chat button ID has 15 or 18.',
                'Rule 4: “hello” is not a rule: use a chat button ID (573…), an agent’s user ID (005…), or both joined by _ (005…_573…).',
                `Rule 5: “${BUTTON_2}_${AGENT}” has its two IDs the wrong way round: put the agent’s ID first (005…_573…).`
            ]);
            expect(fieldIssues(element, 'buttonId')).toEqual([]);
        });

        it('shows warnings next to their fields on a warning card', async () => {
            const element = createSettings({
                buttonId: BUTTON,
                agentUserId: AGENT,
                fallbackRules: `${AGENT_2}, ${AGENT_2}`
            });
            await flushPromises();

            const status = card(element).querySelector('.status')!;
            expect(status.classList).toContain('slds-theme_warning');
            expect(text(status)).toBe(
                'These settings are valid and in use, but check the warnings below.'
            );
            expect(fieldIssues(element, 'fallbackRules')).toEqual([
                'Rule 2 repeats rule 1; the repeat is never used.',
                `If no rule can take the chat, it is not routed to button ${BUTTON} unless that button is the last rule. Add ${BUTTON} as the last rule.`
            ]);
            expect(card(element).querySelector('.routing')).not.toBeNull();
        });

        it('warns that falling back to the queue needs a button and an agent', async () => {
            const element = createSettings({ fallbackToButton: true });
            await flushPromises();

            expect(fieldIssues(element, 'fallbackToButton')).toEqual([
                'This has no effect until you set a chat button or queue ID and an agent user ID.'
            ]);
        });

        it('explains a Boolean property it could not read', async () => {
            const element = createSettings({ fallbackToButton: 'maybe' });
            await flushPromises();

            expect(fieldIssues(element, 'fallbackToButton')).toEqual([
                'Fall back to the queue: “maybe” is not true or false; using false.'
            ]);
        });

        it('warns about a bad pre-chat field name next to its field, before any user data', async () => {
            const element = createSettings({ emailField: 'E-mail' });
            await flushPromises();

            expect(fieldIssues(element, 'emailField')).toEqual([
                "“E-mail” can't be used as a pre-chat field API name (use letters, digits and _, starting with a letter, up to 80 characters), so this field is not pre-filled."
            ]);
            expect(fieldValue(element, 'emailField')).toBe('E-mail');
            const status = card(element).querySelector('.status')!;
            expect(status.classList).toContain('slds-theme_warning');
            expect(text(status)).toBe(
                'These settings are valid and in use, but check the warnings below.'
            );
            // One consistent sentence: what is pre-filled, then what is not (never both).
            expect(text(card(element).querySelector('.prefill-text'))).toBe(
                'For logged-in visitors, these pre-chat fields are pre-filled: FirstName (their first name), LastName (their last name). Guests get no pre-fill. Not pre-filled: email.'
            );
        });

        it('keeps the routing valid and in use with a bad pre-chat field name once the user record arrives', async () => {
            const element = createSettings({ buttonId: BUTTON, emailField: 'E-mail' });
            getRecordAdapter.emit(USER_RECORD);
            await flushPromises();

            expect(site.valid).toBe(true);
            expect(card(element).querySelector('.status')!.classList).toContain(
                'slds-theme_warning'
            );
            expect(card(element).querySelector('.routing')).not.toBeNull();
            expect(fieldIssues(element, 'emailField')).toHaveLength(1);
            expect(fieldIssues(element, 'prefillFromUser')).toEqual([]);
        });

        it('says nothing about pre-chat field names while pre-fill is off', async () => {
            const element = createSettings({
                buttonId: BUTTON,
                prefillFromUser: false,
                emailField: 'E-mail'
            });
            await flushPromises();

            expect(fieldIssues(element, 'emailField')).toEqual([]);
            expect(card(element).querySelector('.status')!.classList).toContain(
                'slds-theme_success'
            );
        });

        it('says when a cleared field name takes its default, and how to leave the field out', async () => {
            const element = createSettings({ emailField: '', lastNameField: 'none' });
            await flushPromises();

            expect(fieldIssues(element, 'emailField')).toEqual([
                'Empty, so the default Email is used. Enter none to leave this field out.'
            ]);
            expect(fieldValue(element, 'lastNameField')).toBe('Left out (none)');
            expect(fieldIssues(element, 'lastNameField')).toEqual([]);
            expect(text(card(element).querySelector('.prefill-text'))).toBe(
                'For logged-in visitors, these pre-chat fields are pre-filled: FirstName (their first name), Email (their email). Guests get no pre-fill. Not pre-filled: last name.'
            );
        });

        it('describes the pre-fill, or says it is off', async () => {
            const element = createSettings({ firstNameField: 'Given__c' });
            await flushPromises();
            expect(text(card(element).querySelector('.prefill-text'))).toBe(
                'For logged-in visitors, these pre-chat fields are pre-filled: Given__c (their first name), LastName (their last name), Email (their email). Guests get no pre-fill.'
            );

            element.prefillFromUser = false;
            await flushPromises();
            expect(text(card(element).querySelector('.prefill-text'))).toBe(
                'The pre-chat form is not pre-filled.'
            );
        });

        it('never shows the user data it pre-fills', async () => {
            const element = createSettings();
            getRecordAdapter.emit(USER_RECORD);
            await flushPromises();

            expect(lastConfig().prepopulatedPrechatFields).toBeDefined();
            expect(card(element).textContent).not.toMatch(/Ada|Lovelace|ada@example\.com/);
        });

        it('warns when the user record cannot be read', async () => {
            const element = createSettings();
            getRecordAdapter.error();
            await flushPromises();

            expect(fieldIssues(element, 'prefillFromUser')).toEqual([
                "The logged-in user's name and email couldn't be read, so chats start without pre-fill."
            ]);
        });

        it('updates the summary as the admin edits a property', async () => {
            const element = createSettings({ buttonId: '573' });
            await flushPromises();
            expect(card(element).querySelector('.status')!.classList).toContain('slds-theme_error');

            element.buttonId = BUTTON;
            await flushPromises();
            expect(card(element).querySelector('.status')!.classList).toContain(
                'slds-theme_success'
            );
        });

        it('shows a routing icon on the card, not the hollow offline circle', async () => {
            const element = createSettings();
            await flushPromises();

            const cardElement = card(element).querySelector<HTMLElement & { iconName?: string }>(
                'lightning-card'
            )!;
            expect(cardElement.iconName).toBe('standard:queue');
        });

        it('names the client the site runs and checks the routing for it as the client becomes known', async () => {
            let tell: ((client: 'legacy' | 'enhanced' | null) => void) | undefined;
            subscribeMock.mockImplementation((listener) => {
                tell = (client) =>
                    listener({
                        status: client ? 'ready' : 'loading',
                        client,
                        agentsAvailable: null,
                        queuePosition: null,
                        disabledReason: null,
                        siteRoutingValid: true
                    });
                tell(null);
                return () => undefined;
            });
            const element = createSettings({ buttonId: QUEUE, agentUserId: AGENT });
            await flushPromises();
            expect(text(card(element).querySelector('.client-text'))).toBe(
                'The site’s chat client is not known yet, so IDs are checked for both clients.'
            );
            expect(card(element).querySelector('.status')!.classList).toContain(
                'slds-theme_success'
            );

            tell!('legacy');
            await flushPromises();
            expect(text(card(element).querySelector('.client-text'))).toBe(
                'This site runs the legacy Embedded Chat client (chat buttons, 573…).'
            );
            expect(fieldIssues(element, 'buttonId')).toEqual([
                `“${QUEUE}” is not a chat button ID: a chat button ID starts with 573.`
            ]);

            tell!('enhanced');
            await flushPromises();
            expect(text(card(element).querySelector('.client-text'))).toBe(
                'This site runs Enhanced Chat (Messaging for In-App and Web).'
            );
            expect(fieldIssues(element, 'buttonId')).toEqual([]);
            expect(text(card(element).querySelector('.setup-heading'))).toBe(
                'For Enhanced Chat, set this up in Salesforce:'
            );
            expect(Array.from(card(element).querySelectorAll('.setup-steps li')).map(text)).toEqual(
                [
                    'On the messaging channel, add the custom parameters Chat_Agent_Id (Maximum Length 18 or more), Chat_Target_Id (18 or more), Chat_Fallback (5 or more), Chat_Fallback_Routing (255 or more), and add them to the deployment as hidden pre-chat fields.',
                    'In the channel’s Parameter Mappings, map each parameter to a Text variable of the flow.',
                    'Route the channel with an Omni-Channel flow whose Route Work sends the chat to the agent and falls back to the queue.',
                    "Before Route Work, have the flow check the IDs: hidden fields come from the visitor's browser, where anyone can set any agent or queue. Route only to a queue you allow and an agent who is an active member of it; otherwise to your default queue."
                ]
            );
            await expect(element).toBeAccessible();
        });

        it('shows no Enhanced Chat setup on a legacy site', async () => {
            const element = createSettings({ buttonId: BUTTON });
            await flushPromises();

            expect(card(element).querySelector('.setup')).toBeNull();
        });

        it('names the icons of errors and warnings for screen readers', async () => {
            const element = createSettings({ buttonId: '573', fallbackToButton: true });
            await flushPromises();

            const icons = Array.from(
                card(element).querySelectorAll<HTMLElement & { alternativeText: string }>(
                    '.issue lightning-icon'
                )
            ).map((icon) => icon.alternativeText);
            expect(icons).toEqual(['Error', 'Warning']);
        });

        it('is accessible when valid', async () => {
            const element = createSettings({
                buttonId: BUTTON,
                agentUserId: AGENT,
                fallbackRules: `${AGENT_2}, ${BUTTON}`
            });
            await flushPromises();

            await expect(element).toBeAccessible();
        });

        it('is accessible with errors and warnings', async () => {
            const element = createSettings({
                buttonId: '573',
                fallbackToButton: 'maybe',
                fallbackRules: `hello, ${AGENT}`,
                emailField: 'E-mail'
            });
            await flushPromises();

            await expect(element).toBeAccessible();
        });
    });
});
