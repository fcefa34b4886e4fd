import { LightningElement, api } from 'lwc';
import {
    ruleText,
    subscribeToChat,
    type ChatClientKind,
    type RuleKind
} from 'c/embeddedChatService';
import { formatLabel, readProperty } from 'c/chatComponentSupport';
import {
    formatFallbackRules,
    parseFallbackRules,
    watchDirectRouting,
    type DirectRoutingSeen,
    type FallbackRule
} from 'c/chatAdminChecks';
import { KIND_OPTIONS, editorView, type EditorView, type IdSide, type Row } from './ruleViews';
import KIND_LABEL from '@salesforce/label/c.Chat_Rules_Kind';
import ADD from '@salesforce/label/c.Chat_Rules_Add';
import EMPTY from '@salesforce/label/c.Chat_Rules_Empty';
import ADDED from '@salesforce/label/c.Chat_Rules_Added';
import REMOVED from '@salesforce/label/c.Chat_Rules_Removed';
import MOVED from '@salesforce/label/c.Chat_Rules_Moved';
import REQUIRED from '@salesforce/label/c.Chat_Rules_Required';
import DEFAULT_LABEL from '@salesforce/label/c.Chat_Rules_Default_Label';
import SPLIT from '@salesforce/label/c.Chat_Rules_Split';
import SPLIT_LEFT from '@salesforce/label/c.Chat_Rules_Split_Left';
import KIND_CHANGED from '@salesforce/label/c.Chat_Rules_Kind_Changed';

/** How many sent values may wait for their echo (the oldest is forgotten past that). */
const MAX_UNECHOED = 50;

/** A whole ID (15 or 18 letters and digits): complete enough to decide a rule's kind by. */
const WHOLE_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;

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

/** The value of the input or select an event came from ('' if none). */
function fieldValue(event: Event): string {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement | null)?.value;
    return typeof value === 'string' ? value : '';
}

/**
 * How an ID field changed: `typed` (a keystroke, or anything the browser does not call a paste),
 * `pasted` (`input` with an inputType insertFromPaste, insertFromDrop… from the clipboard or a
 * drop) or `left` (`change`: the admin left the field, or pressed Enter, after changing it).
 */
type IdChange = 'typed' | 'pasted' | 'left';

/** Which ID of its rule the field of an event holds (`data-side`). */
function sideOf(event: Event): IdSide {
    const side = (event.currentTarget as HTMLElement | null)?.dataset.side;
    return side === 'userId' ? 'userId' : 'buttonId';
}

function inputKind(event: Event): IdChange {
    const { inputType } = event as InputEvent;
    return typeof inputType === 'string' && inputType.startsWith('insertFrom') ? 'pasted' : 'typed';
}

/**
 * The last view of each editor and what it was made of: one validation per change, not one per
 * read (kept outside the component, so that caching during render is not a change of state).
 */
const viewCache = new WeakMap<
    object,
    {
        rows: readonly Row[];
        client: ChatClientKind | null;
        direct: DirectRoutingSeen;
        view: EditorView;
    }
>();

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
    /** The client the page runs, when known here (it decides what a target may be). */
    client: ChatClientKind | null = null;
    /** The direct-to-agent routing of the settings, when the summary card on the page shares it. */
    direct: DirectRoutingSeen = { seen: false };

    /** The rules' text: what the rows hold (or the value last received from the sheet). */
    private text = '';
    /**
     * The values sent to the sheet that it has not handed back as `value` yet, oldest first. The
     * sheet may echo them late, after newer keystrokes: such an echo must not replace the rows.
     */
    private unechoed: string[] = [];
    private nextKey = 1;
    private pendingFocus: FocusTarget | null = null;
    private unsubscribe?: () => void;
    private unwatch?: () => void;

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
        this.rows = parseFallbackRules(text).rules.map((rule) => this.rowOf(rule));
    }

    get labelText(): string {
        return this.label || DEFAULT_LABEL;
    }

    get isRequired(): boolean {
        return readProperty(this.required, { fallback: false }).value;
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

    /** The rules and their problems, as the chat service judges the stored text. */
    get view(): EditorView {
        const { rows, client, direct } = this;
        const cached = viewCache.get(this);
        if (
            cached &&
            cached.rows === rows &&
            cached.client === client &&
            cached.direct === direct
        ) {
            return cached.view;
        }
        const view = editorView(rows, client, direct);
        viewCache.set(this, { rows, client, direct, view });
        return view;
    }

    connectedCallback(): void {
        this.unsubscribe = subscribeToChat((state) => {
            this.client = state.client;
        });
        this.unwatch = watchDirectRouting((direct) => {
            this.direct = direct;
        });
    }

    disconnectedCallback(): void {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
        this.unwatch?.();
        this.unwatch = undefined;
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

    handleKindChange(event: Event): void {
        const index = this.indexOf(event);
        const kind = KIND_OPTIONS.find((option) => option.value === fieldValue(event))?.value;
        if (kind) {
            this.update(index, (row) => ({ ...row, kind }));
        }
    }

    handleIdInput(event: Event): void {
        this.changeId(this.indexOf(event), sideOf(event), fieldValue(event), inputKind(event));
    }

    handleIdLeft(event: Event): void {
        this.changeId(this.indexOf(event), sideOf(event), fieldValue(event), 'left');
    }

    /**
     * An ID typed, pasted or left in a field. Text that holds several rules becomes one row per
     * rule, so that every row stands for one rule of the stored text, when it is pasted or when
     * the admin leaves the field: never on a keystroke, for a space typed inside an ID is a typo
     * to fix, not a new rule (the field keeps it, and its message names it). A pair typed into a
     * one-ID field, or a whole ID of the other kind, turns its row into that kind at once. Empty
     * entries (a trailing, leading or doubled separator) are no rule and get no row, as the
     * stored text and the summary have none.
     */
    private changeId(index: number, side: IdSide, value: string, how: IdChange): void {
        const row = this.rows[index];
        // A field left holding what its row no longer holds was rewritten already (a paste split
        // it, and the browser fires its change event late, even on the removed field).
        if (!row || (how === 'left' && row[side] !== value)) {
            return;
        }
        let changed: Row = { ...row, [side]: value, touched: true };
        const typed =
            row.kind === 'agentThenButton' ? `${changed.userId}_${changed.buttonId}` : value;
        const parsed = parseFallbackRules(typed).rules;
        if (parsed.length === 0) {
            // Only separators: the field is empty (the row stays, asking for its ID).
            changed = { ...changed, userId: row.kind === 'button' ? row.userId : '' };
            changed = { ...changed, buttonId: row.kind === 'agent' ? row.buttonId : '' };
        }
        const one = parsed.length === 1 ? parsed[0] : null;
        const pair = (kind: RuleKind): boolean => kind === 'agentThenButton';
        const sameRule =
            one !== null && one.text === ruleText(changed) && pair(one.kind) === pair(row.kind);
        if (how === 'left' && parsed.length < 2) {
            // Keystrokes already made the field one rule: leaving it changes nothing.
            return;
        }
        if (how === 'typed' && parsed.length > 1) {
            this.update(index, () => changed);
            return;
        }
        if (parsed.length === 0 || sameRule) {
            if (one && one.kind !== row.kind && WHOLE_ID.test(value.trim())) {
                this.replaceRow(index, [{ ...this.rowOf(one), key: row.key }]);
                this.announcement = formatLabel(KIND_CHANGED, index + 1, this.kindName(one.kind));
            } else {
                this.update(index, () => changed);
            }
            return;
        }
        // The first rule keeps the row (and its element: focus, if it is there, stays).
        const rows = parsed.map((rule, i) => ({
            ...this.rowOf(rule),
            ...(i ? {} : { key: row.key })
        }));
        // Leaving the field moved focus where the admin wanted it: it stays there.
        this.replaceRow(index, rows, how !== 'left');
        const split =
            how === 'pasted'
                ? formatLabel(SPLIT, parsed.length)
                : formatLabel(SPLIT_LEFT, index + 1, parsed.length);
        const { listMessages, notShownText } = this.view;
        const said =
            parsed.length > 1
                ? [split, ...listMessages.map((m) => m.text), notShownText]
                : parsed[0].kind === row.kind
                  ? []
                  : [formatLabel(KIND_CHANGED, index + 1, this.kindName(parsed[0].kind))];
        this.announcement = said.filter((text) => text !== '').join(' ');
    }

    /** Puts `rows` in place of row `index`, focusing the ID field to fill in next if `focus`. */
    private replaceRow(index: number, rows: Row[], focus = true): void {
        this.rows = [...this.rows.slice(0, index), ...rows, ...this.rows.slice(index + 1)];
        const last = rows[rows.length - 1];
        const userFirst =
            last.kind === 'agent' || (last.kind === 'agentThenButton' && last.userId === '');
        if (focus) {
            this.pendingFocus = { key: last.key, selector: userFirst ? '.user-id' : '.button-id' };
        }
        this.emit();
    }

    private kindName(kind: RuleKind): string {
        return KIND_OPTIONS.find((option) => option.value === kind)?.label ?? kind;
    }

    private rowOf(rule: FallbackRule): Row {
        return {
            key: this.nextKey++,
            kind: rule.kind,
            userId: rule.userId,
            buttonId: rule.buttonId,
            touched: true
        };
    }

    private emptyRow(): Row {
        return { key: this.nextKey++, kind: 'button', userId: '', buttonId: '', touched: false };
    }

    handleAdd(): void {
        const row = this.emptyRow();
        this.rows = [...this.rows, row];
        this.announcement = formatLabel(ADDED, this.rows.length);
        this.pendingFocus = { key: row.key, selector: '.kind' };
        this.emit();
    }

    handleRemove(event: Event): void {
        const index = this.indexOf(event);
        const rows = this.rows.filter((_row, i) => i !== index);
        this.rows = rows;
        this.announcement = formatLabel(REMOVED, index + 1, rows.length);
        // Focus goes to the title of the rule now in that place (never to a button that another
        // Enter would press: repeated Enter must not remove every rule), or to Add.
        const next = rows[Math.min(index, rows.length - 1)];
        this.pendingFocus = next
            ? { key: next.key, selector: '.rule-title' }
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
