import { createElement } from 'lwc';
import ChatAdminNotice from 'c/chatAdminNotice';

// The notes, as c/chatAdminChecks words them (its tests and the components' check which note when).
const END_DURING_CHAT =
    'End Chat Button: visitors see it only while a chat is being requested, is queued or is in progress.';
const START_OFFLINE_FORM =
    'While no agent is online, visitors see the button “Leave a message”, which opens the offline support form.';
const START_HIDDEN_IN_CHAT = 'Start Chat Button: hidden from visitors during a chat.';
const STATUS_CHAT_ONLY =
    'Chat Status: visitors see nothing here until they start a chat; then it shows how their chat is going.';

function mount(props: Record<string, unknown>): HTMLElement {
    const element = createElement('c-chat-admin-notice', { is: ChatAdminNotice });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function texts(element: HTMLElement, selector: string): string[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector)).map(
        (n) => n.textContent ?? ''
    );
}

describe('c-chat-admin-notice', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('renders nothing when there is nothing to say', async () => {
        const element = mount({});
        expect(element.shadowRoot!.querySelector('.slds-scoped-notification')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('explains Lightning Locker and how to switch to Lightning Web Security', async () => {
        const element = mount({ disabledReason: 'locker' });
        expect(texts(element, '.title')).toEqual(['Only admins see this message']);
        expect(texts(element, '.reason-problem')[0]).toMatch(/Lightning Locker is on/);
        expect(texts(element, '.reason-fix')[0]).toMatch(/turn on Lightning Web Security/);
        await expect(element).toBeAccessible();
    });

    it('explains a missing chat client and how to add one: Enhanced Chat first, then the legacy component', async () => {
        const element = mount({ disabledReason: 'no-chat-client' });
        const problem = texts(element, '.reason-problem')[0];
        expect(problem).toMatch(/no chat client loaded/);
        expect(problem).toMatch(/Enhanced Chat/);
        // Legacy Chat was retired in February 2026: the client is unknown when none loaded, so
        // the fix names Enhanced Chat's component first, and the legacy one for sites still on it.
        const fix = texts(element, '.reason-fix')[0];
        expect(fix).toMatch(/^To fix: add the Embedded Messaging component to the site/);
        expect(fix).toMatch(/still on legacy Chat: the Embedded Service Chat component/);
        expect(fix.indexOf('Embedded Messaging')).toBeLessThan(fix.indexOf('Embedded Service'));
        await expect(element).toBeAccessible();
    });

    it('lists property problems as plain text, markup included', async () => {
        const element = mount({
            propertyProblems: ['Label: <b>x</b> is shown as text', 'Variant: bad']
        });
        expect(texts(element, '.property-problems li')).toEqual([
            'Label: <b>x</b> is shown as text',
            'Variant: bad'
        ]);
        expect(element.shadowRoot!.querySelector('.property-problems b')).toBeNull();
        expect(element.shadowRoot!.querySelector('.reason-problem')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('warns of a problem to fix elsewhere on the page, apart from the component’s properties', async () => {
        const routing = 'The site routing has errors. Fix them on Chat Routing Settings.';
        const element = mount({ pageProblems: [routing, ''], notes: [START_HIDDEN_IN_CHAT] });
        expect(texts(element, '.page-problem')).toEqual([routing]);
        expect(element.shadowRoot!.querySelector('.property-heading')).toBeNull();
        const notice = element.shadowRoot!.querySelector('.notice')!;
        expect(notice.classList).toContain('slds-theme_warning');
        await expect(element).toBeAccessible();
    });

    it('says what visitors see and when, as information rather than a warning', async () => {
        const element = mount({ notes: [END_DURING_CHAT, START_OFFLINE_FORM] });
        expect(texts(element, '.note')).toEqual([END_DURING_CHAT, START_OFFLINE_FORM]);
        const notice = element.shadowRoot!.querySelector('.notice')!;
        expect(notice.classList).toContain('slds-scoped-notification_light');
        expect(notice.classList).not.toContain('slds-theme_warning');
        await expect(element).toBeAccessible();
    });

    it('shows a problem as a warning, with the notes under it', () => {
        const element = mount({ disabledReason: 'locker', notes: [START_HIDDEN_IN_CHAT] });
        expect(element.shadowRoot!.querySelector('.notice')!.classList).toContain(
            'slds-theme_warning'
        );
        expect(texts(element, '.note')).toEqual([START_HIDDEN_IN_CHAT]);
    });

    it('gives screen readers its title once (no second label, a decorative icon)', () => {
        const element = mount({ notes: [STATUS_CHAT_ONLY], propertyProblems: ['Bad.'] });
        const root = element.shadowRoot!;
        const title = 'Only admins see this message';
        const named = [
            root.textContent ?? '',
            ...Array.from(root.querySelectorAll('[aria-label]')).map((n) =>
                n.getAttribute('aria-label')
            ),
            ...Array.from(root.querySelectorAll('lightning-icon')).map(
                (n) => (n as unknown as { alternativeText?: string }).alternativeText ?? ''
            )
        ].join(' ');
        expect(named.split(title)).toHaveLength(2);
    });

    it('ignores notes that are not a list, and notes that are not text', () => {
        expect(mount({ notes: 'oops' }).shadowRoot!.querySelector('.notice')).toBeNull();
        const element = mount({ notes: [7, null, '  ', STATUS_CHAT_ONLY] });
        expect(texts(element, '.note')).toEqual([STATUS_CHAT_ONLY]);
    });

    it('ignores an unknown reason and a property list that is not a list', () => {
        const element = mount({ disabledReason: 'other', propertyProblems: 'oops' });
        expect(element.shadowRoot!.querySelector('.slds-scoped-notification')).toBeNull();
    });
});
