/**
 * The admin-only part of the components (the notice and the admin wording) loads with a dynamic
 * import, only in Experience Builder. Each test starts from a fresh module registry, so nothing
 * is loaded in advance (unlike the component tests, which load the kit once per file). Only one
 * test renders the notice: under Jest its tag is the same for every engine instance.
 */
import type { LightningElement, createElement } from 'lwc';
import type * as Support from '../builderKit';
import type * as Double from 'test/jest-mocks/chatServiceDouble';
import LOCKER_PROBLEM from '@salesforce/label/c.Chat_Admin_Locker_Problem';
import LOCKER_FIX from '@salesforce/label/c.Chat_Admin_Locker_Fix';
import HTML_SHOWN from '@salesforce/label/c.Chat_Admin_Markup';
import START_BASIC from '@salesforce/label/c.Chat_Builder_Basic_Start';
import END_BASIC from '@salesforce/label/c.Chat_Builder_Note_End_During_Chat';
import CLEAR_BASIC from '@salesforce/label/c.Chat_Builder_Basic_Clear';
import STATUS_BASIC from '@salesforce/label/c.Chat_Builder_Basic_Status';
import ROUTING_BASIC from '@salesforce/label/c.Chat_Builder_Basic_Routing';
import NEED_LWS from '@salesforce/label/c.Chat_Builder_Checks_Need_LWS';
import LOCKER_BRIEF from '@salesforce/label/c.Chat_Admin_Locker_Brief';

// Chat Routing Settings also hands its routing to the service: a verdict is all it needs here.
jest.mock('c/embeddedChatService', () => {
    const double = jest.requireActual<typeof Double>('test/jest-mocks/chatServiceDouble');
    return {
        ...double,
        configureRouting: (config: unknown) => double.validateRouting(config),
        getRoutingValidation: () => double.validateRouting({})
    };
});

interface Fresh {
    lwc: { createElement: typeof createElement };
    support: typeof Support;
    double: typeof Double;
    ChatStatus: typeof LightningElement;
    /** Every placed component, by the tag stem Experience Builder gives it. */
    components: Record<string, typeof LightningElement>;
}

/** The modules as a newly loaded page has them: no kit loaded yet. */
async function freshPage(): Promise<Fresh> {
    jest.resetModules();
    return {
        lwc: await import('lwc'),
        support: await import('../builderKit'),
        double: await import('test/jest-mocks/chatServiceDouble'),
        ChatStatus: (await import('c/chatStatus')).default,
        components: {
            'chat-start-button': (await import('c/chatStartButton')).default,
            'chat-end-button': (await import('c/chatEndButton')).default,
            'chat-clear-session': (await import('c/chatClearSession')).default,
            'chat-status': (await import('c/chatStatus')).default,
            'chat-routing-settings': (await import('c/chatRoutingSettings')).default
        }
    };
}

let pages = 0;

function mountStatus(page: Fresh, props: Record<string, unknown> = {}): HTMLElement {
    // Each fresh engine needs its own tag: the browser's custom element registry outlives it.
    pages += 1;
    const element = page.lwc.createElement(`c-chat-status-${pages}`, { is: page.ChatStatus });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function mount(page: Fresh, stem: string, props: Record<string, unknown> = {}): HTMLElement {
    pages += 1;
    const element = page.lwc.createElement(`c-${stem}-${pages}`, {
        is: page.components[stem]
    });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

/** The platform cannot load any admin-only bundle (no Lightning Web Security, any failure). */
function kitFails(): void {
    for (const name of ['c/chatAdminNotice', 'c/chatRoutingSummary']) {
        jest.doMock(name, () => {
            throw new Error('dynamic components need Lightning Web Security');
        });
    }
}

/** The placeholder's lines (split at its line break); [] when there is none. */
const fallbackOf = (element: HTMLElement): string[] =>
    Array.from(element.shadowRoot!.querySelector('.admin-notice-fallback')?.childNodes ?? [])
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent?.trim() ?? '')
        .filter(Boolean);

function settle(): Promise<void> {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- waits for the import and a render
    return new Promise((resolve) => setTimeout(resolve, 0));
}

const noticeOf = (element: HTMLElement): HTMLElement | null =>
    element.shadowRoot!.querySelector('.admin-notice');

afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    jest.dontMock('c/chatAdminNotice');
    jest.dontMock('c/chatRoutingSummary');
});

describe('the builder kit', () => {
    it('is not loaded for visitors, even when a property is wrong', async () => {
        const page = await freshPage();
        page.support.setBuilderContextOverride(false);
        const element = mountStatus(page, { heading: '<em>Help</em>' });
        await settle();

        expect(page.support.loadedBuilderKit()).toBeNull();
        expect(noticeOf(element)).toBeNull();
    });

    it('loads in Experience Builder and then shows the notice with the property problem', async () => {
        const page = await freshPage();
        page.support.setBuilderContextOverride(true);
        page.double.setMockChatState({ status: 'ready' });
        const element = mountStatus(page, { heading: '<em>Help</em>' });

        expect(page.support.loadedBuilderKit()).toBeNull();
        expect(noticeOf(element)).toBeNull();

        await settle();

        expect(page.support.loadedBuilderKit()).not.toBeNull();
        const expected = HTML_SHOWN.replace('{0}', 'Heading').split('{')[0];
        expect(noticeOf(element)?.shadowRoot?.textContent).toContain(expected.trim());
        await expect(element).toBeAccessible();

        // Loaded once: a component mounted later shows its notice in the same render.
        const kit = page.support.loadedBuilderKit();
        expect(await page.support.loadBuilderKit()).toBe(kit);
        page.double.setMockChatState({ status: 'disabled', disabledReason: 'no-chat-client' });
        const later = mountStatus(page);
        await Promise.resolve();
        expect(noticeOf(later)).not.toBeNull();
    });

    it('leaves a placeholder and the Locker explanation when the platform cannot load it under Locker', async () => {
        const page = await freshPage();
        kitFails();
        page.support.setBuilderContextOverride(true);
        page.double.setMockChatState({ status: 'disabled', disabledReason: 'locker' });
        const element = mountStatus(page);
        await settle();

        expect(await page.support.loadBuilderKit()).toBeNull();
        expect(noticeOf(element)).toBeNull();
        expect(fallbackOf(element)).toEqual([STATUS_BASIC, `${LOCKER_PROBLEM} ${LOCKER_FIX}`]);
        await expect(element).toBeAccessible();
    });

    it('under Locker, explains Locker in full on one placeholder per page and refers to it on the others', async () => {
        const page = await freshPage();
        kitFails();
        page.support.setBuilderContextOverride(true);
        page.double.setMockChatState({ status: 'disabled', disabledReason: 'locker' });
        const placed: [string, string][] = [
            ['chat-start-button', START_BASIC],
            ['chat-end-button', END_BASIC],
            ['chat-clear-session', CLEAR_BASIC],
            ['chat-status', STATUS_BASIC]
        ];
        const elements = placed.map(([stem]) => mount(page, stem));
        await settle();

        const full = `${LOCKER_PROBLEM} ${LOCKER_FIX}`;
        expect(elements.map(fallbackOf)).toEqual(
            placed.map(([, summary], i) => [summary, i === 0 ? full : LOCKER_BRIEF])
        );

        // The one that explains it leaves: the next one explains it.
        document.body.removeChild(elements[0]);
        await settle();
        expect(elements.slice(1).map(fallbackOf)).toEqual(
            placed.slice(1).map(([, summary], i) => [summary, i === 0 ? full : LOCKER_BRIEF])
        );
        await expect(document.body).toBeAccessible();
    });

    it('without it (no Lightning Web Security), every component still names itself, says what visitors see and that the checks need LWS', async () => {
        const page = await freshPage();
        kitFails();
        page.support.setBuilderContextOverride(true);
        // Offline, Start hidden, bare Status: components that show visitors nothing right now.
        page.double.setMockChatState({ status: 'ready', agentsAvailable: false });
        const placed: [string, Record<string, unknown>, string][] = [
            ['chat-start-button', { whenOffline: 'Hide the button' }, START_BASIC],
            ['chat-end-button', {}, END_BASIC],
            ['chat-clear-session', { hideButton: true }, CLEAR_BASIC],
            ['chat-status', { heading: '', showAvailability: false }, STATUS_BASIC],
            ['chat-routing-settings', {}, ROUTING_BASIC]
        ];
        const elements = placed.map(([stem, props]) => mount(page, stem, props));
        await settle();
        await settle();

        placed.forEach(([stem, , summary], i) => {
            expect({ stem, lines: fallbackOf(elements[i]) }).toEqual({
                stem,
                lines: [summary, NEED_LWS]
            });
        });
        await expect(document.body).toBeAccessible();
    });

    it('shows no placeholder once it has loaded', async () => {
        const page = await freshPage();
        page.support.setBuilderContextOverride(true);
        page.double.setMockChatState({ status: 'ready' });
        const element = mountStatus(page);
        await settle();

        expect(page.support.loadedBuilderKit()).not.toBeNull();
        expect(fallbackOf(element)).toEqual([]);
    });

    it('shows visitors no Locker explanation when it cannot load', async () => {
        const page = await freshPage();
        kitFails();
        page.support.setBuilderContextOverride(false);
        page.double.setMockChatState({ status: 'disabled', disabledReason: 'locker' });
        const element = mountStatus(page);
        await settle();

        expect(element.shadowRoot!.textContent).toBe('');
    });
});
