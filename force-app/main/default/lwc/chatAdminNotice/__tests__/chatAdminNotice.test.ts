import { createElement } from 'lwc';
import ChatAdminNotice from 'c/chatAdminNotice';

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

    it('explains a missing chat client and how to add the Embedded Service Chat component', async () => {
        const element = mount({ disabledReason: 'no-chat-client' });
        expect(texts(element, '.reason-problem')[0]).toMatch(/no Embedded Chat client loaded/);
        expect(texts(element, '.reason-fix')[0]).toMatch(/add the Embedded Service Chat component/);
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

    it('ignores an unknown reason and a property list that is not a list', () => {
        const element = mount({ disabledReason: 'other', propertyProblems: 'oops' });
        expect(element.shadowRoot!.querySelector('.slds-scoped-notification')).toBeNull();
    });
});
