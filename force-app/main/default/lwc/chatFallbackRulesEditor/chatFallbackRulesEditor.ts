import { LightningElement, api } from 'lwc';
import {
    formatFallbackRules,
    formatLabel,
    parseFallbackRules,
    readBoolean,
    type FallbackRuleKind
} from 'c/chatComponentSupport';
import { checkRuleId, checkRuleList } from './ruleChecks';
import KIND_LABEL from '@salesforce/label/c.Chat_Rules_Kind';
import KIND_BUTTON from '@salesforce/label/c.Chat_Rules_Kind_Button';
import KIND_AGENT from '@salesforce/label/c.Chat_Rules_Kind_Agent';
import KIND_AGENT_BUTTON from '@salesforce/label/c.Chat_Rules_Kind_Agent_Button';
import RULE_TITLE from '@salesforce/label/c.Chat_Rules_Rule_Title';
import AGENT_ID from '@salesforce/label/c.Chat_Rules_Agent_Id';
import BUTTON_ID from '@salesforce/label/c.Chat_Rules_Button_Id';
import MOVE_UP from '@salesforce/label/c.Chat_Rules_Move_Up';
import MOVE_DOWN from '@salesforce/label/c.Chat_Rules_Move_Down';
import REMOVE from '@salesforce/label/c.Chat_Rules_Remove';
import ADD from '@salesforce/label/c.Chat_Rules_Add';
import EMPTY from '@salesforce/label/c.Chat_Rules_Empty';
import ADDED from '@salesforce/label/c.Chat_Rules_Added';
import REMOVED from '@salesforce/label/c.Chat_Rules_Removed';
import MOVED from '@salesforce/label/c.Chat_Rules_Moved';
import REQUIRED from '@salesforce/label/c.Chat_Rules_Required';
import DEFAULT_LABEL from '@salesforce/label/c.Chat_Rules_Default_Label';

/** How many sent values may wait for their echo (the oldest is forgotten past that). */
const MAX_UNECHOED = 50;

interface Row {
    key: number;
    kind: FallbackRuleKind;
    userId: string;
    buttonId: string;
    /** Messages for an empty ID wait until the admin has typed in it (or the row was stored). */
    touched: boolean;
}

/** What to focus after the next render: an element of a row, or the Add button. */
interface FocusTarget {
    key: number | null;
    selector: string;
}

function errorTexts(errors: unknown): string[] {
    const list: unknown[] = Array.isArray(errors) ? errors : errors ? [errors] : [];
    return list
        .map((e) => {
            if (typeof e === 'string') {
                return e;
            }
            const message = (e as { message?: unknown } | null)?.message;
            return typeof message === 'string' ? message : '';
        })
        .filter((text) => text.trim() !== '');
}

/**
 * Custom property editor of the fallback routing rules (Experience Builder property sheet).
 * Keeps the rows the admin is editing, shows each rule's problems as they type, and reports
 * every change as the rules' text form in one `valuechange` event, valid or not: the property
 * sheet stores the text, and the Chat Routing Settings component reports what it means.
 */
export default class ChatFallbackRulesEditor extends LightningElement {
    @api label: string | undefined;
    @api description: string | undefined;
    /** Boolean from the property sheet; may arrive as the text 'true' or 'false'. */
    @api required: unknown;
    @api errors: unknown;
    @api schema: unknown;

    rows: Row[] = [];
    announcement = '';
    addLabel = ADD;
    emptyText = EMPTY;
    requiredTitle = REQUIRED;
    kindLabel = KIND_LABEL;
    agentIdLabel = AGENT_ID;
    buttonIdLabel = BUTTON_ID;
    kindOptions = [
        { label: KIND_BUTTON, value: 'button' },
        { label: KIND_AGENT, value: 'agent' },
        { label: KIND_AGENT_BUTTON, value: 'agentThenButton' }
    ];

    /** The rules' text: what the rows hold (or the value last received from the sheet). */
    private text = '';
    /**
     * The values sent to the sheet that it has not handed back as `value` yet, oldest first. The
     * sheet may echo them late, after newer keystrokes: such an echo must not replace the rows.
     */
    private unechoed: string[] = [];
    private nextKey = 1;
    private pendingFocus: FocusTarget | null = null;

    @api
    get value(): string {
        return this.text;
    }
    set value(value: unknown) {
        const text = typeof value === 'string' ? value : '';
        const sent = this.unechoed.indexOf(text);
        if (sent >= 0) {
            // An echo of a value this editor sent: the rows hold it, or newer edits. The sheet
            // hands values back in order, so the values sent before it are settled as well.
            this.unechoed.splice(0, sent + 1);
            return;
        }
        if (text === this.text) {
            // Nothing new (rows still without an ID are kept).
            return;
        }
        // A change from outside, such as an undo: show it.
        this.unechoed = [];
        this.text = text;
        this.rows = parseFallbackRules(text).rules.map((rule) => ({
            key: this.nextKey++,
            kind: rule.kind,
            userId: rule.userId,
            buttonId: rule.buttonId,
            touched: true
        }));
    }

    get labelText(): string {
        return this.label || DEFAULT_LABEL;
    }

    get isRequired(): boolean {
        return readBoolean(this.required, false, 'required').value;
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get sheetErrors(): { key: string; text: string }[] {
        return errorTexts(this.errors).map((text, index) => ({ key: `${index}`, text }));
    }

    get hasSheetErrors(): boolean {
        return this.sheetErrors.length > 0;
    }

    /** Row positions of the rules that reach the text (rows with at least one ID). */
    private get listIssues(): { list: string[]; byRow: Map<number, string[]> } {
        const positions: number[] = [];
        const texts: string[] = [];
        this.rows.forEach((row, index) => {
            const text = formatFallbackRules([row]);
            if (text !== '') {
                positions.push(index);
                texts.push(text);
            }
        });
        const issues = checkRuleList(texts);
        const byRow = new Map<number, string[]>();
        issues.byRule.forEach((messages, ruleIndex) => byRow.set(positions[ruleIndex], messages));
        return { list: issues.list, byRow };
    }

    get listMessages(): { key: string; text: string }[] {
        return this.listIssues.list.map((text, index) => ({ key: `${index}`, text }));
    }

    get hasListMessages(): boolean {
        return this.listMessages.length > 0;
    }

    get ruleViews() {
        const byRow = this.listIssues.byRow;
        const count = this.rows.length;
        return this.rows.map((row, index) => {
            const number = index + 1;
            const showsUser = row.kind !== 'button';
            const showsButton = row.kind !== 'agent';
            const userMessage = showsUser ? this.messageFor(row, row.userId, 'user') : null;
            const buttonMessage = showsButton
                ? this.messageFor(row, row.buttonId, 'chatButton')
                : null;
            const warnings = (byRow.get(index) ?? []).map((text, i) => ({ key: `${i}`, text }));
            return {
                key: row.key,
                index,
                title: formatLabel(RULE_TITLE, number),
                kind: row.kind,
                userId: row.userId,
                buttonId: row.buttonId,
                showsUser,
                showsButton,
                userMessage,
                buttonMessage,
                userMessageId: `user-message-${row.key}`,
                buttonMessageId: `button-message-${row.key}`,
                userFieldClass: userMessage
                    ? 'slds-form-element slds-has-error'
                    : 'slds-form-element',
                buttonFieldClass: buttonMessage
                    ? 'slds-form-element slds-has-error'
                    : 'slds-form-element',
                warnings,
                hasWarnings: warnings.length > 0,
                isFirst: index === 0,
                isLast: index === count - 1,
                moveUpLabel: formatLabel(MOVE_UP, number),
                moveDownLabel: formatLabel(MOVE_DOWN, number),
                removeLabel: formatLabel(REMOVE, number)
            };
        });
    }

    private messageFor(row: Row, id: string, kind: 'user' | 'chatButton'): string | null {
        if (!row.touched && id.trim() === '') {
            return null;
        }
        return checkRuleId(id, kind);
    }

    renderedCallback(): void {
        const target = this.pendingFocus;
        if (!target) {
            return;
        }
        this.pendingFocus = null;
        const scope = target.key === null ? '' : `[data-key="${target.key}"] `;
        const element = this.template?.querySelector<HTMLElement>(`${scope}${target.selector}`);
        element?.focus();
    }

    handleKindChange(event: CustomEvent<{ value: string }>): void {
        const index = this.indexOf(event);
        const kind = event.detail.value as FallbackRuleKind;
        this.update(index, (row) => ({ ...row, kind }));
    }

    handleUserIdChange(event: CustomEvent<{ value: string }>): void {
        const userId = event.detail.value ?? '';
        this.update(this.indexOf(event), (row) => ({ ...row, userId, touched: true }));
    }

    handleButtonIdChange(event: CustomEvent<{ value: string }>): void {
        const buttonId = event.detail.value ?? '';
        this.update(this.indexOf(event), (row) => ({ ...row, buttonId, touched: true }));
    }

    handleAdd(): void {
        const row: Row = {
            key: this.nextKey++,
            kind: 'button',
            userId: '',
            buttonId: '',
            touched: false
        };
        this.rows = [...this.rows, row];
        this.announcement = formatLabel(ADDED, this.rows.length);
        this.pendingFocus = { key: row.key, selector: '.kind' };
        this.emit();
    }

    handleRemove(event: Event): void {
        const index = this.indexOf(event);
        const rows = this.rows.filter((_row, i) => i !== index);
        this.rows = rows;
        this.announcement = formatLabel(REMOVED, index + 1);
        const next = rows[Math.min(index, rows.length - 1)];
        this.pendingFocus = next
            ? { key: next.key, selector: '.remove' }
            : { key: null, selector: '.add' };
        this.emit();
    }

    handleMoveUp(event: Event): void {
        this.move(this.indexOf(event), -1, '.move-up', '.move-down');
    }

    handleMoveDown(event: Event): void {
        this.move(this.indexOf(event), 1, '.move-down', '.move-up');
    }

    private move(index: number, step: -1 | 1, selector: string, edgeSelector: string): void {
        const to = index + step;
        if (index < 0 || to < 0 || to >= this.rows.length) {
            return;
        }
        const rows = [...this.rows];
        const [row] = rows.splice(index, 1);
        rows.splice(to, 0, row);
        this.rows = rows;
        this.announcement = formatLabel(MOVED, to + 1, rows.length);
        // Keep focus on the same control, unless it has just become disabled at the list's edge.
        const atEdge = to === 0 || to === rows.length - 1;
        this.pendingFocus = { key: row.key, selector: atEdge ? edgeSelector : selector };
        this.emit();
    }

    private indexOf(event: Event): number {
        const target = event.currentTarget as HTMLElement | null;
        return Number(target?.dataset.index ?? -1);
    }

    private update(index: number, change: (row: Row) => Row): void {
        if (index < 0 || index >= this.rows.length) {
            return;
        }
        this.rows = this.rows.map((row, i) => (i === index ? change(row) : row));
        this.emit();
    }

    private emit(): void {
        const value = formatFallbackRules(this.rows);
        this.text = value;
        this.unechoed = [...this.unechoed, value].slice(-MAX_UNECHOED);
        this.dispatchEvent(
            new CustomEvent('valuechange', { detail: { value }, bubbles: true, composed: true })
        );
    }
}
