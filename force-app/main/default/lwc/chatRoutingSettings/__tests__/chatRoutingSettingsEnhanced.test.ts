/**
 * Chat Routing Settings' summary card and the fallback rules editor on an Enhanced Chat page,
 * with the REAL c/embeddedChatService and the Enhanced Chat double: what the card says is what
 * the client will do with the hidden fields (issue 21, points 7, 10 and 11).
 */
import { createElement } from 'lwc';
import ChatRoutingSettings from 'c/chatRoutingSettings';
import ChatFallbackRulesEditor from 'c/chatFallbackRulesEditor';
import { configureRouting, startChat } from 'c/embeddedChatService';
import { loadBuilderKit, setBuilderContextOverride } from '../../chatComponentBase/builderKit';
import {
    getCalls,
    getConversations,
    installEmbeddedServiceBootstrap,
    settleClient,
    type DeclaredField
} from 'test/jest-mocks/embeddedServiceBootstrap';
import { flushPromises } from 'test/flushPromises';
import { AGENT } from 'test/fixtures/ids';

const QUEUE = '00G5g000000QuEu';
/** Nine agent-then-queue rules, each its own: 287 characters joined. */
const NINE_RULES = Array.from({ length: 9 }, (_, i) => `0055g00000ABcD${i}_${QUEUE}`).join(', ');

function declaring(rulesMax: number): DeclaredField[] {
    return [
        { name: 'Chat_Agent_Id', maxLength: 18 },
        { name: 'Chat_Target_Id', maxLength: 18 },
        { name: 'Chat_Fallback', maxLength: 5 },
        { name: 'Chat_Fallback_Routing', maxLength: rulesMax }
    ];
}

function text(node: Element | null | undefined): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function create<T extends HTMLElement>(tag: string, is: unknown, props: object): T {
    const element = createElement(tag, { is: is as never }) as unknown as T;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function card(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!.querySelector('.summary-card')!.shadowRoot!;
}

function fieldIssues(element: HTMLElement, name: string): string[] {
    const field = card(element).querySelector(`[data-field="${name}"]`);
    return Array.from(field?.querySelectorAll('.issue') ?? []).map(text);
}

beforeAll(() => loadBuilderKit());

afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    configureRouting({});
    setBuilderContextOverride(null);
});

describe('Chat Routing Settings on an Enhanced Chat page, in Experience Builder', () => {
    beforeEach(() => setBuilderContextOverride(true));

    it('flags rules too long for the deployment’s field on the card and in the editor, in the same words', async () => {
        installEmbeddedServiceBootstrap({ hiddenFields: declaring(255) });
        const settings = create('c-chat-routing-settings', ChatRoutingSettings, {
            fallbackRules: NINE_RULES
        });
        const editor = create('c-chat-fallback-rules-editor', ChatFallbackRulesEditor, {
            value: NINE_RULES
        });
        await flushPromises();

        const expected =
            'This value has 287 characters, but the deployment’s hidden field Chat_Fallback_Routing takes at most 255: the chat client would drop it. Shorten it, or raise the custom parameter’s Maximum Length in Setup.';
        expect(card(settings).querySelector('.status')!.classList).toContain('slds-theme_error');
        expect(fieldIssues(settings, 'fallbackRules')).toEqual([expected]);
        expect(
            Array.from(editor.shadowRoot!.querySelectorAll('.list-messages li')).map(text)
        ).toEqual([expected]);
        // Visitors are refused at once, as for any invalid site routing: the client is not called.
        await expect(startChat()).resolves.toMatchObject({ code: 'INVALID_ROUTING' });
        expect(getCalls('launchChat')).toHaveLength(0);
    });

    it('is green for the same rules when the deployment’s field takes them', async () => {
        installEmbeddedServiceBootstrap({ hiddenFields: declaring(1000) });
        const settings = create('c-chat-routing-settings', ChatRoutingSettings, {
            fallbackRules: NINE_RULES,
            buttonId: QUEUE,
            agentUserId: AGENT
        });
        const editor = create('c-chat-fallback-rules-editor', ChatFallbackRulesEditor, {
            value: NINE_RULES
        });
        await flushPromises();

        expect(card(settings).querySelector('.status')!.classList).toContain('slds-theme_success');
        expect(editor.shadowRoot!.querySelector('.list-messages')).toBeNull();
    });

    it('says what a chat sends when the target’s field is a standard visible field, and sends no such field', async () => {
        installEmbeddedServiceBootstrap({ hiddenFields: declaring(255) });
        const settings = create('c-chat-routing-settings', ChatRoutingSettings, {
            buttonId: QUEUE,
            targetIdField: '_firstName'
        });
        await flushPromises();

        expect(card(settings).querySelector('.status')!.classList).toContain('slds-theme_warning');
        expect(fieldIssues(settings, 'targetIdField')).toEqual([
            '“_firstName” is a standard visible pre-chat field, never a hidden one: a hidden field is a custom parameter, whose name starts with a letter. This value is not sent.'
        ]);
        expect(fieldIssues(settings, 'buttonId')).toEqual([
            'Under Enhanced Chat this value is not sent: its hidden field is left out (none), so your flow never gets it.'
        ]);
        expect(text(card(settings).querySelector('.routing-text'))).toBe(
            'Chats send your Omni-Channel flow Chat_Fallback = false in hidden pre-chat fields; the flow decides where each chat goes.'
        );
        await expect(startChat()).resolves.toEqual({ ok: true });
        await settleClient();
        expect(getConversations()[0].hiddenFields).toEqual({ Chat_Fallback: 'false' });
    });
});
