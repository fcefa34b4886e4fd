import { createElement } from 'lwc';
import ChatFallbackRulesEditor from 'c/chatFallbackRulesEditor';
import { resetChatServiceDouble, setMockChatState } from 'test/jest-mocks/chatServiceDouble';
import { summarize } from '../../chatRoutingSummary/routingSummary';
import { buildRouting, readSettings } from 'c/chatRoutingModel';
import { validateRouting } from '../../embeddedChatService/routingRules';
import { shareDirectRouting, withdrawDirectRouting } from 'c/chatAdminChecks';
import { flushPromises } from 'test/flushPromises';
import { AGENT, BUTTON, BUTTON_2, QUEUE } from 'test/fixtures/ids';

// The editor words its checks with the service's own validateRouting (the double uses the real,
// pure one) and learns the client from the chat state (the double's: the legacy client).
jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

type EditorElement = HTMLElement & {
    value?: string;
    label?: string;
    description?: string;
    required?: boolean | string;
    errors?: unknown;
};

function createEditor(props: Partial<EditorElement> = {}): {
    element: EditorElement;
    values: string[];
    events: CustomEvent[];
} {
    const element = createElement('c-chat-fallback-rules-editor', {
        is: ChatFallbackRulesEditor
    }) as EditorElement;
    Object.assign(element, props);
    const values: string[] = [];
    const events: CustomEvent[] = [];
    element.addEventListener('valuechange', (event) => {
        const custom = event as CustomEvent<{ value: string }>;
        events.push(custom);
        values.push(custom.detail.value);
    });
    document.body.appendChild(element);
    return { element, values, events };
}

function root(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!;
}

function rules(element: HTMLElement): HTMLElement[] {
    return Array.from(root(element).querySelectorAll<HTMLElement>('li.rule'));
}

function field<T = HTMLElement>(rule: HTMLElement, selector: string): T & HTMLElement {
    return rule.querySelector(selector) as T & HTMLElement;
}

function text(node: Element | null): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** What a screen reader reads of a message: its icon's alternative text, then its text. */
function spoken(node: Element | null): string {
    const parts = Array.from(node?.childNodes ?? []).map((child) => {
        const icon = child instanceof HTMLElement && child.tagName === 'LIGHTNING-ICON';
        const alt = (child as Node & { alternativeText?: string }).alternativeText;
        return icon ? String(alt ?? '') : (child.textContent ?? '');
    });
    return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Types `value` into a field: the browser sets it, then fires `input` (as for a keystroke). */
function type(rule: HTMLElement, selector: string, value: string): void {
    const input = field<HTMLInputElement>(rule, selector);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
}

/** Pastes `value` into a field: the browser's `input` says it came from the clipboard. */
function paste(rule: HTMLElement, selector: string, value: string): void {
    const input = field<HTMLInputElement>(rule, selector);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
}

/** Leaves a field whose value changed: the browser fires `change` (blur, or Enter). */
function leave(rule: HTMLElement, selector: string): void {
    field(rule, selector).dispatchEvent(new CustomEvent('change', { bubbles: true }));
}

function pickKind(rule: HTMLElement, value: string): void {
    const select = field<HTMLSelectElement>(rule, '.kind');
    select.value = value;
    select.dispatchEvent(new CustomEvent('change', { bubbles: true }));
}

/** The text of the label that names a field (`label for`, in the same shadow root). */
function labelOf(element: HTMLElement, control: Element): string {
    return text(root(element).querySelector(`label[for="${control.id}"]`));
}

function click(rule: HTMLElement | ShadowRoot, selector: string): void {
    (rule.querySelector(selector) as HTMLElement).click();
}

/** A summary card of Chat Routing Settings on the page (it shares the routing it judges). */
const card = {};

describe('c-chat-fallback-rules-editor', () => {
    afterEach(() => {
        resetChatServiceDouble();
        withdrawDirectRouting(card);
        // The DOM is shared between the tests of a file: start each test from an empty body.
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows one rule per entry of the stored value, with its kind and IDs', () => {
        const { element } = createEditor({ value: `${BUTTON}, ${AGENT}, ${AGENT}_${BUTTON_2}` });

        const [first, second, third] = rules(element);
        expect(rules(element)).toHaveLength(3);
        expect(text(field(first, '.rule-title'))).toBe('Rule 1');
        expect(field<{ value: string }>(first, '.kind').value).toBe('button');
        expect(field<{ value: string }>(first, '.button-id').value).toBe(BUTTON);
        expect(field(first, '.user-id')).toBeNull();
        expect(field<{ value: string }>(second, '.kind').value).toBe('agent');
        expect(field<{ value: string }>(second, '.user-id').value).toBe(AGENT);
        expect(field(second, '.button-id')).toBeNull();
        expect(field<{ value: string }>(third, '.kind').value).toBe('agentThenButton');
        expect(field<{ value: string }>(third, '.user-id').value).toBe(AGENT);
        expect(field<{ value: string }>(third, '.button-id').value).toBe(BUTTON_2);
    });

    it('offers the three kinds of rule by name', () => {
        const { element } = createEditor({ value: BUTTON });

        const kind = field<HTMLSelectElement>(rules(element)[0], '.kind');
        expect(labelOf(element, kind)).toBe('Route to');
        expect(Array.from(kind.options).map((o) => ({ label: text(o), value: o.value }))).toEqual([
            { label: 'Chat button or queue', value: 'button' },
            { label: 'Agent', value: 'agent' },
            { label: 'Agent, then chat button or queue', value: 'agentThenButton' }
        ]);
        expect(kind.value).toBe('button');
    });

    it('shows the property label, description and required marker from the property sheet', () => {
        const { element } = createEditor({
            label: 'Fallback routing rules',
            description: 'Tried in order.',
            required: true
        });

        expect(text(root(element).querySelector('.editor-label'))).toBe('*Fallback routing rules');
        expect(root(element).querySelector('abbr')!.getAttribute('title')).toBe('required');
        expect(text(root(element).querySelector('.description'))).toBe('Tried in order.');
    });

    it.each([
        ['true', true],
        [' TRUE ', true],
        [true, true],
        ['false', false],
        [false, false],
        [undefined, false],
        ['maybe', false]
    ])('reads required given as %p (marker shown: %p)', (required, shown) => {
        const { element } = createEditor({ label: 'Fallback routing rules', required });

        expect(root(element).querySelector('abbr.slds-required') !== null).toBe(shown);
        expect(text(root(element).querySelector('.editor-label'))).toBe(
            `${shown ? '*' : ''}Fallback routing rules`
        );
    });

    it('follows required as the sheet changes it', async () => {
        const { element } = createEditor({ required: 'false' });
        expect(root(element).querySelector('abbr')).toBeNull();

        element.required = 'true';
        await flushPromises();

        expect(root(element).querySelector('abbr')).not.toBeNull();
    });

    it('says there are no rules when the value is empty', () => {
        const { element } = createEditor({ value: '' });

        expect(rules(element)).toHaveLength(0);
        expect(text(root(element).querySelector('.empty'))).toBe(
            'No fallback rules. Add one to say who takes the chat when the first choice is unavailable.'
        );
        expect(text(root(element).querySelector('.editor-label'))).toBe('Fallback routing rules');
    });

    it('adds an empty chat button rule, focuses it and announces it', async () => {
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        const { element, values } = createEditor({ value: BUTTON });

        click(root(element), '.add');
        await flushPromises();

        const added = rules(element)[1];
        expect(rules(element)).toHaveLength(2);
        expect(field<{ value: string }>(added, '.kind').value).toBe('button');
        expect(field<{ value: string }>(added, '.button-id').value).toBe('');
        // An empty rule is not part of the text until it has an ID.
        expect(values).toEqual([BUTTON]);
        expect(focus.mock.contexts).toContain(field(added, '.kind'));
        expect(text(root(element).querySelector('.announcement'))).toBe('Rule 2 added.');
    });

    it('reports the text of the rules on every keystroke', async () => {
        const { element, values } = createEditor({ value: BUTTON });
        click(root(element), '.add');
        await flushPromises();
        const added = rules(element)[1];

        type(added, '.button-id', '573');
        type(added, '.button-id', BUTTON_2);

        expect(values).toEqual([BUTTON, `${BUTTON}, 573`, `${BUTTON}, ${BUTTON_2}`]);
    });

    it('sends valuechange as a bubbling, composed event with the value in its detail', () => {
        const { element } = createEditor({ value: BUTTON });
        const heard = jest.fn();
        document.body.addEventListener('valuechange', heard);

        type(rules(element)[0], '.button-id', BUTTON_2);

        document.body.removeEventListener('valuechange', heard);
        expect(heard).toHaveBeenCalledTimes(1);
        const event = heard.mock.calls[0][0] as CustomEvent;
        expect(event.detail).toEqual({ value: BUTTON_2 });
        expect(event.bubbles).toBe(true);
        expect(event.composed).toBe(true);
    });

    it('shows the problem under an ID as it is typed, and clears it once the ID is right', async () => {
        const { element, values } = createEditor({ value: BUTTON });
        const rule = rules(element)[0];

        type(rule, '.button-id', '573abc');
        await flushPromises();
        expect(text(field(rule, '.button-message'))).toBe(
            '“573abc” has 6 characters; a chat button ID has 15 or 18.'
        );
        expect(field(rule, '.button-message').parentElement!.classList).toContain('slds-has-error');

        type(rule, '.button-id', BUTTON_2);
        await flushPromises();
        expect(text(field(rule, '.button-message'))).toBe('');
        // Every change is reported, valid or not: the property sheet stores the text.
        expect(values).toEqual(['573abc', BUTTON_2]);
    });

    it('starts each field error with the word Error, as every other error of the package', async () => {
        const { element } = createEditor({ value: `573abc, ${AGENT}_, hello` });

        const [first, second, third] = rules(element);
        const message = field(first, '.button-message');
        expect(spoken(message)).toBe(
            'Error “573abc” has 6 characters; a chat button ID has 15 or 18.'
        );
        const icon = message.querySelector<HTMLElement & { iconName?: string; variant?: string }>(
            'lightning-icon'
        )!;
        expect([icon.iconName, icon.variant]).toEqual(['utility:error', 'error']);
        expect(spoken(field(second, '.button-message'))).toBe(
            'Error Enter a chat button ID (it starts with 573).'
        );
        // The rule's own errors read the same way.
        expect(spoken(field(third, '.rule-messages li'))).toMatch(/^Error “hello” is not a rule/);
        // A field without an error says nothing.
        expect(spoken(field(second, '.user-message'))).toBe('');
    });

    it('names an invisible character pasted inside an ID, and where it is', async () => {
        const { element } = createEditor({ value: BUTTON });

        // Copied from a web page: a zero-width space after the key prefix.
        paste(rules(element)[0], '.button-id', `573\u200b${BUTTON.slice(3)}`);
        await flushPromises();

        expect(spoken(field(rules(element)[0], '.button-message'))).toBe(
            `Error “573\u200b${BUTTON.slice(3)}” has an invisible character (U+200B) at position 4, which can't be in a chat button ID: use only letters and digits.`
        );
    });

    it('checks each ID as the kind the admin chose', async () => {
        const { element } = createEditor({ value: `${AGENT}_${BUTTON}` });
        const rule = rules(element)[0];

        type(rule, '.user-id', BUTTON_2);
        await flushPromises();

        expect(text(field(rule, '.user-message'))).toBe(
            `“${BUTTON_2}” is not a user ID: a user ID starts with 005.`
        );
        expect(text(field(rule, '.button-message'))).toBe('');
    });

    it('says "put the agent’s ID first" for a swapped pair, as an error of the rule', async () => {
        const { element } = createEditor({ value: `${AGENT}_${BUTTON}` });
        const rule = rules(element)[0];

        type(rule, '.user-id', BUTTON_2);
        type(rule, '.button-id', AGENT);
        await flushPromises();

        const messages = field(rule, '.rule-messages');
        expect(text(messages)).toBe(
            `“${BUTTON_2}_${AGENT}” has its two IDs the wrong way round: put the agent’s ID first (005…_573…).`
        );
        expect(messages.querySelector('li')!.classList).toContain('slds-text-color_error');
        expect(
            messages.querySelector<HTMLElement & { iconName?: string }>('lightning-icon')!.iconName
        ).toBe('utility:error');
    });

    it('splits a list pasted into one field into one rule per entry, whatever separates them', async () => {
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        const { element, values } = createEditor({ value: '' });
        click(root(element), '.add');
        await flushPromises();

        paste(
            rules(element)[0],
            '.button-id',
            `${BUTTON}, ${AGENT};\n${AGENT}_${BUTTON_2} ${BUTTON_2}`
        );
        await flushPromises();

        const rows = rules(element);
        expect(rows.map((r) => field<{ value: string }>(r, '.kind').value)).toEqual([
            'button',
            'agent',
            'agentThenButton',
            'button'
        ]);
        expect(values[values.length - 1]).toBe(
            `${BUTTON}, ${AGENT}, ${AGENT}_${BUTTON_2}, ${BUTTON_2}`
        );
        expect(root(element).querySelectorAll('.slds-has-error, .rule-messages')).toHaveLength(0);
        expect(text(root(element).querySelector('.announcement'))).toBe(
            'The pasted text became 4 rules.'
        );
        expect(focus.mock.contexts).toContain(field(rows[3], '.button-id'));
    });

    it('keeps a space typed inside an ID in its one field: no new rule, no announcement', async () => {
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        const { element, values } = createEditor({ value: BUTTON });
        const rule = rules(element)[0];

        // The admin types a space between two characters of the ID.
        type(rule, '.button-id', '5735g000 000XyZa');
        await flushPromises();

        expect(rules(element)).toHaveLength(1);
        expect(field<{ value: string }>(rules(element)[0], '.button-id').value).toBe(
            '5735g000 000XyZa'
        );
        expect(text(root(element).querySelector('.announcement'))).toBe('');
        expect(field(rules(element)[0], '.button-message').parentElement!.classList).toContain(
            'slds-has-error'
        );
        expect(focus).not.toHaveBeenCalled();
        // The stored text is what the field holds (the summary reads it as it will be split).
        expect(values).toEqual(['5735g000 000XyZa']);
    });

    it('splits a field holding several rules when the admin leaves it, saying so without claiming a paste', async () => {
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        const { element, values } = createEditor({ value: BUTTON });
        const rule = rules(element)[0];

        type(rule, '.button-id', `${BUTTON}, ${AGENT}`);
        await flushPromises();
        expect(rules(element)).toHaveLength(1);

        leave(rule, '.button-id');
        await flushPromises();

        expect(rules(element).map((r) => field<{ value: string }>(r, '.kind').value)).toEqual([
            'button',
            'agent'
        ]);
        expect(values[values.length - 1]).toBe(`${BUTTON}, ${AGENT}`);
        expect(text(root(element).querySelector('.announcement'))).toBe('Rule 1 became 2 rules.');
        // Focus stays where the admin moved it; the row they left is still the first rule's.
        expect(focus).not.toHaveBeenCalled();
        expect(rules(element)[0]).toBe(rule);
    });

    it('does not split again when the field a paste split is left (its change event comes late)', async () => {
        const { element, values } = createEditor({ value: BUTTON });
        const input = field<HTMLInputElement>(rules(element)[0], '.button-id');

        paste(rules(element)[0], '.button-id', `${AGENT}, ${BUTTON_2}`);
        await flushPromises();
        // The first rule is now an agent's: its chat button field is gone, then the browser
        // fires `change` on it as focus leaves.
        expect(input.isConnected).toBe(false);
        input.dispatchEvent(new CustomEvent('change', { bubbles: true }));
        await flushPromises();

        expect(rules(element)).toHaveLength(2);
        expect(values).toEqual([`${AGENT}, ${BUTTON_2}`]);
    });

    it('leaves a field holding one rule as it is', async () => {
        const { element, values } = createEditor({ value: BUTTON });

        leave(rules(element)[0], '.button-id');
        await flushPromises();

        expect(rules(element)).toHaveLength(1);
        expect(values).toEqual([]);
        expect(text(root(element).querySelector('.announcement'))).toBe('');
    });

    it('states the 25-rule limit at once when 30 pasted IDs become rules, as the summary does', async () => {
        const ids = Array.from(
            { length: 30 },
            (_, i) => `5735g000000X${String(i).padStart(3, 'y')}`
        );
        const { element, values } = createEditor({ value: BUTTON });

        // A text field takes a pasted column of IDs with spaces for its line breaks.
        paste(rules(element)[0], '.button-id', ids.join(' '));
        await flushPromises();

        expect(rules(element)).toHaveLength(30);
        const limit = 'Use at most 25 fallback rules (there are 30).';
        const list = root(element).querySelector('.list-messages')!;
        expect(text(list)).toBe(limit);
        expect(list.querySelector('li')!.classList).toContain('slds-text-color_error');
        expect(text(root(element).querySelector('.announcement'))).toBe(
            `The pasted text became 30 rules. ${limit}`
        );
        // The summary of Chat Routing Settings reads the same text and says the same.
        const settings = readSettings({ fallbackRules: values[values.length - 1] });
        const built = buildRouting(settings, null);
        const summary = summarize(settings, built, validateRouting(built.config, 'legacy'), {
            userUnavailable: false,
            client: 'legacy'
        });
        expect(summary.state).toBe('invalid');
        const rulesField = summary.fields.find((f) => f.name === 'fallbackRules')!;
        expect(rulesField.issues.map((i) => i.text)).toEqual([limit]);
    });

    it('shows at most 50 rows of a long paste and says which rules are not shown', async () => {
        const ids = Array.from(
            { length: 2000 },
            (_, i) => `5735g0000${String(i).padStart(6, '0')}`
        );
        const { element, values } = createEditor({ value: BUTTON });

        paste(rules(element)[0], '.button-id', ids.join(' '));
        await flushPromises();

        expect(rules(element)).toHaveLength(50);
        const notShown = 'Rules 51 to 2000 are not shown: remove rules above to see them.';
        expect(text(root(element).querySelector('.rules-not-shown'))).toBe(notShown);
        expect(values[values.length - 1]).toBe(ids.join(', '));
        expect(text(root(element).querySelector('.announcement'))).toBe(
            `The pasted text became 2000 rules. Use at most 25 fallback rules (there are 2000). ${notShown}`
        );

        // Removing a shown rule brings the next one in.
        click(rules(element)[0], '.remove');
        await flushPromises();
        expect(rules(element)).toHaveLength(50);
        expect(field<{ value: string }>(rules(element)[49], '.button-id').value).toBe(ids[50]);
        expect(text(root(element).querySelector('.rules-not-shown'))).toBe(
            'Rules 51 to 1999 are not shown: remove rules above to see them.'
        );
    });

    it('turns a rule into the kind of the whole ID typed in it, so that it means what the summary says', async () => {
        const { element, values } = createEditor({ value: BUTTON });
        const rule = rules(element)[0];

        type(rule, '.button-id', AGENT);
        await flushPromises();

        expect(field<{ value: string }>(rules(element)[0], '.kind').value).toBe('agent');
        expect(field<{ value: string }>(rules(element)[0], '.user-id').value).toBe(AGENT);
        expect(root(element).querySelectorAll('.slds-has-error')).toHaveLength(0);
        expect(text(root(element).querySelector('.announcement'))).toBe('Rule 1 is now: Agent.');
        expect(values).toEqual([AGENT]);
    });

    it('turns a pair typed into a chat button rule into an agent-then-button rule', async () => {
        const { element, values } = createEditor({ value: BUTTON });

        type(rules(element)[0], '.button-id', `${AGENT}_${BUTTON_2}`);
        await flushPromises();

        const rule = rules(element)[0];
        expect(field<{ value: string }>(rule, '.kind').value).toBe('agentThenButton');
        expect(field<{ value: string }>(rule, '.user-id').value).toBe(AGENT);
        expect(field<{ value: string }>(rule, '.button-id').value).toBe(BUTTON_2);
        expect(root(element).querySelectorAll('.slds-has-error')).toHaveLength(0);
        expect(values).toEqual([`${AGENT}_${BUTTON_2}`]);
        expect(text(root(element).querySelector('.announcement'))).toBe(
            'Rule 1 is now: Agent, then chat button or queue.'
        );
    });

    it.each([
        ['a trailing comma', `${BUTTON},`, [BUTTON]],
        ['a leading separator', `;${BUTTON}`, [BUTTON]],
        ['double separators', `${BUTTON},, ${AGENT};;\n`, [BUTTON, AGENT]],
        ['separators only', ' , ;', []]
    ])(
        'ignores the empty entries of a paste (%s): one row per rule the summary lists',
        async (_case, pasted, expected) => {
            const { element, values } = createEditor({ value: '' });
            click(root(element), '.add');
            await flushPromises();

            paste(rules(element)[0], '.button-id', pasted);
            await flushPromises();

            const stored = values[values.length - 1];
            expect(stored).toBe(expected.join(', '));
            const rows = rules(element);
            // A row for each rule, never a blank row that the stored text (and so the summary)
            // does not hold.
            expect(rows).toHaveLength(Math.max(expected.length, 1));
            const ids = rows.map((r) =>
                [r.querySelector('.user-id'), r.querySelector('.button-id')]
                    .map((f) => (f as { value?: string } | null)?.value ?? '')
                    .join('')
            );
            expect(ids).toEqual(expected.length > 0 ? expected : ['']);
            const settings = readSettings({ fallbackRules: stored });
            const built = buildRouting(settings, null);
            const summary = summarize(settings, built, validateRouting(built.config, 'legacy'), {
                userUnavailable: false,
                client: 'legacy'
            });
            expect(summary.rules.map((r) => r.key)).toHaveLength(expected.length);
            expect(text(root(element).querySelector('.announcement'))).not.toContain(
                `Rule ${Math.max(expected.length, 1) + 1} added`
            );
        }
    );

    it('takes queues as targets when the site runs Enhanced Chat', async () => {
        setMockChatState({ client: 'enhanced' });
        const { element } = createEditor({ value: `${QUEUE}, ${AGENT}_${QUEUE}, ${BUTTON}` });
        await flushPromises();

        const [queue, pair, button] = rules(element);
        expect(text(field(queue, '.button-message'))).toBe('');
        expect(text(field(pair, '.button-message'))).toBe('');
        expect(text(field(button, '.button-message'))).toBe(
            `“${BUTTON}” is not a queue or user ID: a queue or user ID starts with 00G/005.`
        );
    });

    it('waits for the first keystroke before asking for the ID of a new rule', async () => {
        const { element } = createEditor({ value: '' });
        click(root(element), '.add');
        await flushPromises();
        const rule = rules(element)[0];

        expect(text(field(rule, '.button-message'))).toBe('');

        type(rule, '.button-id', '');
        await flushPromises();
        expect(text(field(rule, '.button-message'))).toBe(
            'Enter a chat button ID (it starts with 573).'
        );
    });

    it('shows both IDs when the kind changes to agent-then-button, keeping what was typed', async () => {
        const { element, values } = createEditor({ value: BUTTON });
        const rule = rules(element)[0];

        pickKind(rule, 'agentThenButton');
        await flushPromises();
        expect(field(rule, '.user-id')).not.toBeNull();
        expect(field<{ value: string }>(rule, '.button-id').value).toBe(BUTTON);

        type(rule, '.user-id', AGENT);
        pickKind(rule, 'agent');
        await flushPromises();
        expect(field(rule, '.button-id')).toBeNull();

        expect(values).toEqual([`_${BUTTON}`, `${AGENT}_${BUTTON}`, AGENT]);
    });

    it('removes a rule, moves focus to the title of the rule in its place (not a Remove button) and announces it', async () => {
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        const { element, values } = createEditor({ value: `${BUTTON}, ${AGENT}, ${BUTTON_2}` });

        click(rules(element)[1], '.remove');
        await flushPromises();

        expect(values).toEqual([`${BUTTON}, ${BUTTON_2}`]);
        expect(rules(element)).toHaveLength(2);
        const title = field(rules(element)[1], '.rule-title');
        expect(focus.mock.contexts).toContain(title);
        expect(focus.mock.contexts).not.toContain(field(rules(element)[1], '.remove'));
        expect(title.getAttribute('tabindex')).toBe('-1');
        expect(text(root(element).querySelector('.announcement'))).toBe(
            'Rule 2 removed. Rules left: 2.'
        );
    });

    it('focuses the rule before when the last one in the list is removed', async () => {
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        const { element } = createEditor({ value: `${BUTTON}, ${AGENT}` });

        click(rules(element)[1], '.remove');
        await flushPromises();

        expect(focus.mock.contexts).toContain(field(rules(element)[0], '.rule-title'));
    });

    it('moves focus to the Add button when the last rule is removed', async () => {
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        const { element, values } = createEditor({ value: BUTTON });

        click(rules(element)[0], '.remove');
        await flushPromises();

        expect(values).toEqual(['']);
        expect(focus.mock.contexts).toContain(root(element).querySelector('.add'));
    });

    it('moves rules up and down, and cannot move past either end', async () => {
        const { element, values } = createEditor({ value: `${BUTTON}, ${AGENT}, ${BUTTON_2}` });

        const [first, , last] = rules(element);
        expect(field<{ disabled: boolean }>(first, '.move-up').disabled).toBe(true);
        expect(field<{ disabled: boolean }>(first, '.move-down').disabled).toBe(false);
        expect(field<{ disabled: boolean }>(last, '.move-down').disabled).toBe(true);

        click(rules(element)[2], '.move-up');
        await flushPromises();
        click(rules(element)[0], '.move-down');
        await flushPromises();

        expect(values).toEqual([
            `${BUTTON}, ${BUTTON_2}, ${AGENT}`,
            `${BUTTON_2}, ${BUTTON}, ${AGENT}`
        ]);
        expect(text(root(element).querySelector('.announcement'))).toBe(
            'Rule moved to position 2 of 3.'
        );
    });

    it('keeps focus on the move button that was used, or its twin at the end of the list', async () => {
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        const { element } = createEditor({ value: `${BUTTON}, ${AGENT}, ${BUTTON_2}` });

        click(rules(element)[2], '.move-up');
        await flushPromises();
        expect(focus.mock.contexts.at(-1)).toBe(field(rules(element)[1], '.move-up'));

        click(rules(element)[1], '.move-up');
        await flushPromises();
        expect(focus.mock.contexts.at(-1)).toBe(field(rules(element)[0], '.move-down'));
    });

    it('names each rule in the labels of its buttons', () => {
        const { element } = createEditor({ value: `${BUTTON}, ${AGENT}` });

        const second = rules(element)[1];
        expect(field<{ alternativeText: string }>(second, '.move-up').alternativeText).toBe(
            'Move rule 2 up'
        );
        expect(field<{ alternativeText: string }>(second, '.move-down').alternativeText).toBe(
            'Move rule 2 down'
        );
        expect(field<{ alternativeText: string }>(second, '.remove').alternativeText).toBe(
            'Remove rule 2'
        );
    });

    it('keeps an empty rule being edited when the sheet hands the reported value back', async () => {
        const { element, values } = createEditor({ value: BUTTON });
        click(root(element), '.add');
        await flushPromises();

        element.value = values[values.length - 1];
        await flushPromises();

        expect(rules(element)).toHaveLength(2);
    });

    it('keeps newer keystrokes when the sheet echoes older values late', async () => {
        const { element, values } = createEditor({ value: BUTTON });
        const rule = rules(element)[0];
        type(rule, '.button-id', '5');
        type(rule, '.button-id', '573');
        type(rule, '.button-id', BUTTON_2);
        expect(values).toEqual(['5', '573', BUTTON_2]);

        // The sheet hands each value back after the admin has typed on.
        const shown = async (echo: string): Promise<string[]> => {
            element.value = echo;
            await flushPromises();
            return rules(element).map((row) => field<{ value: string }>(row, '.button-id').value);
        };
        expect(await shown('5')).toEqual([BUTTON_2]);
        expect(await shown('573')).toEqual([BUTTON_2]);
        expect(await shown(BUTTON_2)).toEqual([BUTTON_2]);
        expect(element.value).toBe(BUTTON_2);
    });

    it('keeps a rule being added when an echo of an earlier value arrives', async () => {
        const { element, values } = createEditor({ value: '' });
        click(root(element), '.add');
        await flushPromises();
        type(rules(element)[0], '.button-id', BUTTON);
        click(root(element), '.add');
        await flushPromises();
        type(rules(element)[1], '.button-id', '573');
        expect(values).toEqual(['', BUTTON, BUTTON, `${BUTTON}, 573`]);

        element.value = '';
        element.value = BUTTON;
        await flushPromises();

        expect(rules(element)).toHaveLength(2);
        expect(field<{ value: string }>(rules(element)[1], '.button-id').value).toBe('573');
    });

    it('still shows an outside change once the sheet has echoed only the latest value', async () => {
        const { element } = createEditor({ value: BUTTON });
        const rule = rules(element)[0];
        type(rule, '.button-id', '573');
        type(rule, '.button-id', BUTTON_2);

        // The sheet coalesces the echoes, then the admin undoes back to '573'.
        element.value = BUTTON_2;
        element.value = '573';
        await flushPromises();

        expect(field<{ value: string }>(rules(element)[0], '.button-id').value).toBe('573');
        expect(element.value).toBe('573');
    });

    it('shows an outside change that arrives while its own values await their echo', async () => {
        const { element, values } = createEditor({ value: BUTTON });
        type(rules(element)[0], '.button-id', BUTTON_2);

        element.value = AGENT;
        await flushPromises();
        expect(field<{ value: string }>(rules(element)[0], '.user-id').value).toBe(AGENT);

        // A late echo of the value sent before the outside change is an outside change too.
        element.value = values[0];
        await flushPromises();
        expect(field<{ value: string }>(rules(element)[0], '.button-id').value).toBe(BUTTON_2);
    });

    it('shows a new value from the sheet, such as an undo', async () => {
        const { element } = createEditor({ value: BUTTON });
        type(rules(element)[0], '.button-id', BUTTON_2);

        element.value = `${AGENT}, ${BUTTON}`;
        await flushPromises();

        expect(rules(element)).toHaveLength(2);
        expect(field<{ value: string }>(rules(element)[0], '.user-id').value).toBe(AGENT);
    });

    it('shows the problems of a stored value typed by hand, under the right field', () => {
        const { element } = createEditor({ value: `${AGENT}_, hello` });

        const [first, second] = rules(element);
        expect(text(field(first, '.button-message'))).toBe(
            'Enter a chat button ID (it starts with 573).'
        );
        expect(text(field(second, '.rule-messages'))).toBe(
            '“hello” is not a rule: use a chat button ID (573…), an agent’s user ID (005…), or both joined by _ (005…_573…).'
        );
    });

    it('warns about a repeated rule, styled as a warning', () => {
        shareDirectRouting(card, { buttonId: BUTTON, fallback: false });
        const { element } = createEditor({ value: `${AGENT}, ${AGENT}, ${BUTTON}` });

        const messages = field(rules(element)[1], '.rule-messages');
        expect(text(messages)).toBe('Rule 2 repeats rule 1; the repeat is never used.');
        expect(
            messages.querySelector<HTMLElement & { iconName?: string }>('lightning-icon')!.iconName
        ).toBe('utility:warning');
        expect(root(element).querySelector('.list-messages')).toBeNull();
    });

    it('gives the card’s caution about the last rule, in its words, and follows the card', async () => {
        shareDirectRouting(card, { buttonId: BUTTON, fallback: false });
        const { element } = createEditor({ value: `${AGENT}, ${BUTTON_2}` });

        const list = () => text(root(element).querySelector('.list-messages'));
        const notLast = `If no rule can take the chat, it is not routed to button ${BUTTON} unless that button is the last rule. Add ${BUTTON} as the last rule.`;
        expect(list()).toBe(notLast);
        // The summary card says the same of the same settings.
        const settings = readSettings({ buttonId: BUTTON, fallbackRules: `${AGENT}, ${BUTTON_2}` });
        const built = buildRouting(settings, null);
        const summary = summarize(settings, built, validateRouting(built.config, 'legacy'), {
            userUnavailable: false,
            client: 'legacy'
        });
        expect(summary.fields.find((f) => f.name === 'fallbackRules')!.issues[0].text).toBe(
            notLast
        );
        expect(root(element).querySelector('.last-rule-note')).toBeNull();

        // The admin makes the second button the direct one: its rule is last, nothing to say.
        shareDirectRouting(card, { buttonId: BUTTON_2, fallback: false });
        await flushPromises();
        expect(root(element).querySelector('.list-messages')).toBeNull();

        // The card leaves: the editor no longer knows the button, and says where to look.
        withdrawDirectRouting(card);
        await flushPromises();
        expect(root(element).querySelector('.list-messages')).toBeNull();
        expect(text(root(element).querySelector('.last-rule-note'))).toBe(
            'The Chat Routing Settings summary card checks whether the chat button is the last rule.'
        );
    });

    it.each([
        ['HTML in a rule', '<b>5735g000000XyZa</b>'],
        ['a 10,000-character rule', `573${'x'.repeat(9997)}`],
        ['a swapped pair', `5735g000000XyZa_0055g00000ABcDe`],
        ['a user ID where a button goes', `0055g00000ABcDe_0055g00000ABcDe`],
        ['a list with a bad entry', `5735g000000XyZa; 573abc, 0055g00000ABcDe`]
    ])('gives %s the same messages as the Chat Routing Settings summary', (_name, value) => {
        const settings = readSettings({ fallbackRules: value, buttonId: BUTTON });
        const built = buildRouting(settings, null);
        shareDirectRouting(card, built.config.directToAgentRouting);
        const { element } = createEditor({ value });
        const shown = root(element).querySelectorAll(
            '.user-message, .button-message, .rule-messages li, .list-messages li'
        );
        // As a screen reader reads them: "Error …", "Warning …", as the card's.
        const inEditor = Array.from(shown)
            .map(spoken)
            .filter((t) => t !== '');
        const summary = summarize(settings, built, validateRouting(built.config, 'legacy'), {
            userUnavailable: false,
            client: 'legacy'
        });
        const inSummary = summary.fields
            .find((f) => f.name === 'fallbackRules')!
            .issues.map((i) => `${i.iconAlt} ${i.text.replace(/^Rule \d+: /, '')}`);

        expect(inEditor.length).toBeGreaterThan(0);
        expect(inEditor.sort()).toEqual(inSummary.sort());
    });

    it('shows the errors the property sheet injects', async () => {
        const { element } = createEditor({ value: BUTTON });
        expect(root(element).querySelector('.sheet-errors')).toBeNull();

        element.errors = ['Text is too long.', { message: 'Value is required.' }, { code: 1 }];
        await flushPromises();

        const items = root(element).querySelectorAll('.sheet-errors li');
        expect(Array.from(items).map(text)).toEqual(['Text is too long.', 'Value is required.']);
        expect(root(element).querySelector('.sheet-errors')!.getAttribute('role')).toBe('alert');
    });

    it('links each ID field to its label and its message for screen readers', async () => {
        const { element } = createEditor({ value: `573abc, ${AGENT}_${BUTTON}` });
        await flushPromises();

        const [rule, pair] = rules(element);
        const input = field(rule, '.button-id');
        const describedBy = input.getAttribute('aria-describedby');
        expect(describedBy).toBeTruthy();
        expect(field(rule, '.button-message').id).toBe(describedBy);
        expect(text(field(rule, '.button-message'))).not.toBe('');
        expect(input.getAttribute('aria-invalid')).toBe('true');
        expect(labelOf(element, input)).toBe('Chat button or queue ID');
        expect(labelOf(element, field(pair, '.user-id'))).toBe('Agent user ID');
        expect(field(pair, '.user-id').getAttribute('aria-invalid')).toBeNull();
    });

    it('references no element across a shadow root (every id reference holds under native shadow DOM)', async () => {
        const { element } = createEditor({
            value: `${BUTTON}, hello, ${AGENT}, ${AGENT}_${BUTTON_2}`,
            errors: ['Text is too long.']
        });
        await flushPromises();

        const ID_REFERENCES = [
            'for',
            'aria-describedby',
            'aria-labelledby',
            'aria-errormessage',
            'aria-controls',
            'aria-owns',
            'aria-activedescendant',
            'aria-details',
            'aria-flowto'
        ];
        const selector = ID_REFERENCES.map((name) => `[${name}]`).join(', ');
        const sources = Array.from(root(element).querySelectorAll(selector));
        for (const source of sources) {
            // A base component (a custom element) passes such attributes on into its own shadow
            // root: the reference would cross it.
            expect(source.tagName).not.toContain('-');
            for (const name of ID_REFERENCES) {
                for (const id of (source.getAttribute(name) ?? '').split(/\s+/).filter(Boolean)) {
                    const target = root(element).querySelector(`[id="${id}"]`);
                    expect({ name, id, found: target !== null }).toEqual({ name, id, found: true });
                    expect(target!.getRootNode()).toBe(source.getRootNode());
                }
            }
        }
        expect(sources.length).toBeGreaterThanOrEqual(9);
        // Every field the admin fills has a label in the same root.
        const controls = root(element).querySelectorAll('input, select');
        expect(controls.length).toBe(9);
        controls.forEach((control) => expect(labelOf(element, control)).not.toBe(''));
    });

    it('is accessible with rules, problems and sheet errors', async () => {
        const { element } = createEditor({
            label: 'Fallback routing rules',
            value: `${BUTTON}, hello, ${AGENT}_${BUTTON_2}`,
            errors: ['Text is too long.']
        });
        await flushPromises();

        await expect(element).toBeAccessible();
    });

    it('is accessible with no rules', async () => {
        const { element } = createEditor({ label: 'Fallback routing rules', required: true });

        await expect(element).toBeAccessible();
    });
});
