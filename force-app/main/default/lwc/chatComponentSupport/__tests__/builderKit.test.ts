/**
 * The admin-only part of the components (the notice and the admin wording) loads with a dynamic
 * import, only in Experience Builder. Each test starts from a fresh module registry, so nothing
 * is loaded in advance (unlike the component tests, which load the kit once per file). Only one
 * test renders the notice: under Jest its tag is the same for every engine instance.
 */
import type { LightningElement, createElement } from 'lwc';
import type * as Support from 'c/chatComponentSupport';
import type * as Double from 'test/jest-mocks/chatServiceDouble';
import LOCKER_PROBLEM from '@salesforce/label/c.Chat_Admin_Locker_Problem';
import LOCKER_FIX from '@salesforce/label/c.Chat_Admin_Locker_Fix';
import HTML_SHOWN from '@salesforce/label/c.Chat_Admin_Markup';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

interface Fresh {
    lwc: { createElement: typeof createElement };
    support: typeof Support;
    double: typeof Double;
    ChatStatus: typeof LightningElement;
}

/** The modules as a newly loaded page has them: no kit loaded yet. */
async function freshPage(): Promise<Fresh> {
    jest.resetModules();
    return {
        lwc: await import('lwc'),
        support: await import('c/chatComponentSupport'),
        double: await import('test/jest-mocks/chatServiceDouble'),
        ChatStatus: (await import('c/chatStatus')).default
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

    it('leaves a one-line Locker explanation when the platform cannot load it', async () => {
        const page = await freshPage();
        jest.doMock('c/chatAdminNotice', () => {
            throw new Error('dynamic components need Lightning Web Security');
        });
        page.support.setBuilderContextOverride(true);
        page.double.setMockChatState({ status: 'disabled', disabledReason: 'locker' });
        const element = mountStatus(page);
        await settle();

        expect(await page.support.loadBuilderKit()).toBeNull();
        expect(noticeOf(element)).toBeNull();
        const fallback = element.shadowRoot!.querySelector('.admin-notice-fallback');
        expect(fallback?.textContent?.trim()).toBe(`${LOCKER_PROBLEM} ${LOCKER_FIX}`);
        await expect(element).toBeAccessible();
    });

    it('shows visitors no Locker explanation when it cannot load', async () => {
        const page = await freshPage();
        jest.doMock('c/chatAdminNotice', () => {
            throw new Error('dynamic components need Lightning Web Security');
        });
        page.support.setBuilderContextOverride(false);
        page.double.setMockChatState({ status: 'disabled', disabledReason: 'locker' });
        const element = mountStatus(page);
        await settle();

        expect(element.shadowRoot!.textContent).toBe('');
    });
});
