/**
 * The local preview page: mounts the chat components (the same code that is deployed, compiled
 * with open-source LWC) on a page laid out like an Experience Cloud site, with a builder-mode
 * toggle (what admins see in Experience Builder vs what visitors see), a user toggle (guest vs
 * logged-in member) and, in builder mode, a property sheet fed by each component's js-meta.xml.
 *
 * Exposes `window.__preview` for the browser tests.
 */
/// <reference lib="dom" />
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import { setBuilderContextOverride } from 'c/chatComponentBase';
import { configureChatService } from 'c/embeddedChatService';
import {
    components,
    type PreviewBuilderProperty,
    type PreviewComponent
} from 'virtual:preview-components';
import { PREVIEW_RELOAD_EVENT, reloadPreview } from '../simulator/pageReload.mts';
import { mountChannelPanel } from './channelPanel.ts';
import { clientToggle } from './clientToggle.ts';
import { el } from './dom.ts';
import { PAGE, type Placement } from './layout.ts';

// The same module instance the components use: the toggle flips what they all see.
export { setBuilderContextOverride };

export interface PreviewControls {
    builderMode(): boolean;
    setBuilderMode(on: boolean): void;
    /** Sets a builder property of a placed component (as the property sheet does). */
    setProperty(placementId: string, property: string, value: unknown): void;
    propertyValues(placementId: string): Record<string, unknown>;
    remount(): void;
    /** Tags of the components on the page now. */
    mounted(): string[];
    /** Tags of the layout's components that are not built yet. */
    missing(): string[];
    /** Tags of every component the build staged. */
    available(): string[];
    toasts: { title?: string; message?: string; variant?: string }[];
}

declare global {
    interface Window {
        __preview?: PreviewControls;
    }
}

const registry = new Map<string, PreviewComponent>(components.map((c) => [c.tag, c]));
const params = new URLSearchParams(window.location.search);
let builderMode = ['1', 'true'].includes(params.get('builder') ?? '');
const toasts: PreviewControls['toasts'] = [];

function typed(property: PreviewBuilderProperty | undefined, text: string): unknown {
    if (property?.type === 'Boolean' && /^(true|false)$/i.test(text.trim())) {
        return text.trim().toLowerCase() === 'true';
    }
    if (property?.type === 'Integer' && text.trim() !== '' && Number.isFinite(Number(text))) {
        return Number(text);
    }
    return text;
}

function isPlaced(placement: Placement): boolean {
    return !placement.onlyWithFlag || params.has(placement.onlyWithFlag);
}

/**
 * Property-sheet edits carried over a reload the preview itself makes (preview/simulator/
 * pageReload.mts: "Signed in as", the chat client, a simulator panel's page-load buttons): kept in
 * this tab's sessionStorage, not in the URL, which the server limits to about 16 kB and which long
 * values (fallback rules, pre-chat values) would soon fill. Read once, then dropped.
 */
const CARRIED_EDITS_KEY = 'preview.carriedPropertyEdits';

function takeCarriedEdits(): Record<string, Record<string, unknown>> {
    try {
        const text = window.sessionStorage.getItem(CARRIED_EDITS_KEY);
        window.sessionStorage.removeItem(CARRIED_EDITS_KEY);
        const parsed: unknown = text ? JSON.parse(text) : null;
        return parsed && typeof parsed === 'object'
            ? (parsed as Record<string, Record<string, unknown>>)
            : {};
    } catch {
        return {};
    }
}

/** The property-sheet edits of this page, per placement (what a reload would otherwise lose). */
const edits = new Map<string, Record<string, unknown>>(Object.entries(takeCarriedEdits()));

function carryEditsOverReload(): void {
    try {
        window.sessionStorage.setItem(CARRIED_EDITS_KEY, JSON.stringify(Object.fromEntries(edits)));
    } catch {
        // Storage turned off: the reload starts from the defaults and the URL.
    }
}
window.addEventListener(PREVIEW_RELOAD_EVENT, carryEditsOverReload);

/**
 * Property values per placement: js-meta.xml defaults, then the layout, then the URL, then the
 * property-sheet edits carried over a reload.
 */
const values = new Map<string, Record<string, unknown>>();
for (const placement of PAGE) {
    const definition = registry.get(placement.tag);
    const result: Record<string, unknown> = {};
    for (const property of definition?.properties ?? []) {
        if (property.default !== undefined) {
            result[property.name] = property.default;
        }
    }
    Object.assign(result, placement.properties ?? {});
    const prefix = `p.${placement.id}.`;
    for (const [key, text] of params) {
        if (key.startsWith(prefix)) {
            const name = key.slice(prefix.length);
            result[name] = typed(
                definition?.properties.find((p) => p.name === name),
                text
            );
        }
    }
    Object.assign(result, edits.get(placement.id) ?? {});
    values.set(placement.id, result);
}

const mountedElements = new Map<string, HTMLElement>();

function regionOf(placement: Placement): HTMLElement | null {
    return document.querySelector<HTMLElement>(`[data-region="${placement.region}"]`);
}

function mountAll(): void {
    for (const element of document.querySelectorAll<HTMLElement>('[data-region]')) {
        element.replaceChildren();
    }
    mountedElements.clear();
    document.body.classList.toggle('preview-builder-mode', builderMode);
    for (const placement of PAGE.filter(isPlaced)) {
        const region = regionOf(placement);
        if (!region) {
            continue;
        }
        const frame = el('div', {
            class: 'preview-frame',
            'data-placement': placement.id,
            'data-tag': placement.tag
        });
        if (builderMode) {
            frame.append(el('div', { class: 'preview-frame-title' }, placement.title));
        }
        const definition = registry.get(placement.tag);
        if (!definition) {
            if (builderMode) {
                frame.classList.add('preview-frame-missing');
                frame.append(
                    el('p', { class: 'preview-missing' }, `<${placement.tag}> is not built yet`)
                );
                region.append(frame);
            }
            continue;
        }
        try {
            const element = createElement(placement.tag, { is: definition.ctor });
            const props = element as unknown as Record<string, unknown>;
            for (const [name, value] of Object.entries(values.get(placement.id) ?? {})) {
                props[name] = value;
            }
            frame.append(element);
            mountedElements.set(placement.id, element);
        } catch (error) {
            console.error(`preview: could not mount <${placement.tag}>`, error);
            frame.append(
                el('p', { class: 'preview-error' }, `<${placement.tag}> failed: ${String(error)}`)
            );
        }
        region.append(frame);
    }
    renderPropertySheet();
}

function setProperty(placementId: string, property: string, value: unknown): void {
    const current = values.get(placementId) ?? {};
    current[property] = value;
    values.set(placementId, current);
    edits.set(placementId, { ...(edits.get(placementId) ?? {}), [property]: value });
    const element = mountedElements.get(placementId);
    if (element) {
        (element as unknown as Record<string, unknown>)[property] = value;
    }
}

/** What Experience Builder's property sheet checks before it saves an editor's value. */
function typeErrors(property: PreviewBuilderProperty, value: unknown): { message: string }[] {
    if (property.required && (value === undefined || value === null || value === '')) {
        return [{ message: `${property.label ?? property.name} is required.` }];
    }
    if (property.type === 'String' && value !== undefined && typeof value !== 'string') {
        return [{ message: `${property.label ?? property.name} must be text.` }];
    }
    if (property.type === 'Integer' && value !== undefined && !Number.isInteger(Number(value))) {
        return [{ message: `${property.label ?? property.name} must be a whole number.` }];
    }
    return [];
}

function propertyField(placement: Placement, property: PreviewBuilderProperty): HTMLElement {
    const id = `prop-${placement.id}-${property.name}`;
    const value = values.get(placement.id)?.[property.name];
    const field = el('div', {
        class: 'slds-form-element preview-property',
        'data-property': property.name
    });
    const label = el(
        'label',
        { class: 'slds-form-element__label', for: id },
        property.label ?? property.name
    );
    if (property.editor) {
        // A custom property editor, mounted with the property sheet's contract.
        const editorTag = property.editor
            .replace('/', '-')
            .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        const editor = registry.get(editorTag);
        if (!editor) {
            field.append(
                label,
                el('p', { class: 'preview-missing' }, `<${editorTag}> is not built yet`)
            );
            return field;
        }
        const element = createElement(editorTag, { is: editor.ctor });
        const props = element as unknown as Record<string, unknown>;
        props.label = property.label ?? property.name;
        props.description = property.description ?? '';
        props.required = property.required === true;
        props.value = value;
        props.errors = [];
        props.schema = { type: property.type.toLowerCase() };
        element.addEventListener('valuechange', (event) => {
            const next = (event as CustomEvent<{ value: unknown }>).detail?.value;
            const errors = typeErrors(property, next);
            props.errors = errors;
            if (errors.length === 0) {
                props.value = next;
                setProperty(placement.id, property.name, next);
            }
        });
        field.append(element);
        return field;
    }
    let input: HTMLInputElement | HTMLSelectElement;
    if (property.type === 'Boolean') {
        input = el('input', { type: 'checkbox', id }) as HTMLInputElement;
        input.checked = value === true || value === 'true';
        input.addEventListener('change', () =>
            setProperty(placement.id, property.name, (input as HTMLInputElement).checked)
        );
        field.classList.add('preview-property-checkbox');
        field.append(input, label);
    } else if (property.datasource) {
        input = el('select', { id, class: 'slds-select' }) as HTMLSelectElement;
        const choices = property.datasource.split(',').map((c) => c.trim());
        if (typeof value === 'string' && value !== '' && !choices.includes(value)) {
            // A value saved before the current choices (or typed in the URL): shown as it is.
            choices.unshift(value);
        }
        for (const choice of choices) {
            const option = el('option', { value: choice }, choice) as HTMLOptionElement;
            option.selected = choice === value;
            input.append(option);
        }
        input.addEventListener('change', () =>
            setProperty(placement.id, property.name, input.value)
        );
        field.append(label, input);
    } else {
        input = el('input', {
            id,
            class: 'slds-input',
            type: property.type === 'Integer' ? 'number' : 'text',
            ...(property.placeholder ? { placeholder: property.placeholder } : {})
        }) as HTMLInputElement;
        input.value = value === undefined || value === null ? '' : String(value);
        input.addEventListener('change', () =>
            setProperty(placement.id, property.name, typed(property, input.value))
        );
        field.append(label, input);
    }
    if (property.description) {
        field.append(
            el(
                'div',
                { class: 'slds-form-element__help preview-property-help' },
                property.description
            )
        );
    }
    return field;
}

function renderPropertySheet(): void {
    const host = document.getElementById('property-sheet');
    if (!host) {
        return;
    }
    host.replaceChildren();
    host.hidden = !builderMode;
    if (!builderMode) {
        return;
    }
    host.append(el('h2', { class: 'preview-sheet-title' }, 'Property sheet (Experience Builder)'));
    for (const placement of PAGE.filter(isPlaced)) {
        const definition = registry.get(placement.tag);
        if (!definition || definition.properties.length === 0) {
            continue;
        }
        const section = el('details', {
            class: 'preview-sheet-section',
            'data-placement': placement.id
        });
        if (definition.properties.some((property) => property.editor)) {
            section.setAttribute('open', '');
        }
        section.append(el('summary', {}, placement.title));
        for (const property of definition.properties) {
            section.append(propertyField(placement, property));
        }
        host.append(section);
    }
}

function renderToolbar(): void {
    const host = document.getElementById('preview-toolbar');
    if (!host) {
        return;
    }
    const builder = el('input', {
        type: 'checkbox',
        id: 'preview-builder-toggle'
    }) as HTMLInputElement;
    builder.checked = builderMode;
    builder.addEventListener('change', () => controls.setBuilderMode(builder.checked));
    const user = el('select', { id: 'preview-user', class: 'slds-select' }) as HTMLSelectElement;
    const isMember = params.get('user') === 'member';
    for (const [value, text] of [
        ['guest', 'Guest visitor'],
        ['member', 'Logged-in member (Ada Lovelace)']
    ]) {
        const option = el('option', { value }, text) as HTMLOptionElement;
        option.selected = (value === 'member') === isMember;
        user.append(option);
    }
    user.addEventListener('change', () => {
        const next = new URLSearchParams(window.location.search);
        if (user.value === 'member') {
            next.set('user', 'member');
        } else {
            next.delete('user');
        }
        // The user is fixed for a page's life (as on the platform): reload, keeping the edits.
        reloadPreview(next.toString());
    });
    host.replaceChildren(
        el('span', { class: 'preview-badge' }, 'Local preview'),
        el('label', { class: 'preview-toggle', for: 'preview-builder-toggle' }),
        el('label', { class: 'preview-user-label', for: 'preview-user' }, 'Signed in as'),
        user,
        ...clientToggle()
    );
    const toggleLabel = host.querySelector('.preview-toggle');
    toggleLabel?.append(builder, ' Experience Builder view (what admins see)');
}

function updateBuilderUrl(): void {
    const next = new URLSearchParams(window.location.search);
    if (builderMode) {
        next.set('builder', '1');
    } else {
        next.delete('builder');
    }
    const search = next.toString();
    window.history.replaceState(
        null,
        '',
        `${window.location.pathname}${search ? `?${search}` : ''}`
    );
}

const controls: PreviewControls = {
    builderMode: () => builderMode,
    setBuilderMode(on: boolean) {
        builderMode = on;
        setBuilderContextOverride(on);
        updateBuilderUrl();
        const toggle = document.getElementById('preview-builder-toggle') as HTMLInputElement | null;
        if (toggle) {
            toggle.checked = on;
        }
        mountAll();
    },
    setProperty,
    propertyValues: (placementId) => ({ ...(values.get(placementId) ?? {}) }),
    remount: mountAll,
    mounted: () => [...mountedElements.values()].map((element) => element.tagName.toLowerCase()),
    missing: () =>
        PAGE.filter(isPlaced)
            .filter((p) => !registry.has(p.tag))
            .map((p) => p.tag),
    available: () => [...registry.keys()],
    toasts
};
window.__preview = controls;

document.addEventListener('lightning__showtoast', (event) => {
    const detail = (event as CustomEvent<PreviewControls['toasts'][number]>).detail ?? {};
    toasts.push(detail);
    const host = document.getElementById('preview-toasts');
    if (host) {
        const toast = el('div', {
            class: `preview-toast preview-toast-${detail.variant ?? 'info'}`,
            role: 'status'
        });
        toast.append(el('strong', {}, detail.title ?? ''), ' ', detail.message ?? '');
        host.append(toast);
        window.setTimeout(() => toast.remove(), 5000);
    }
});

/** Service tuning from the URL (the browser tests shorten the waits): ?clientWait=ms&callTimeout=ms&debug=1 */
function configureServiceFromUrl(): void {
    const number = (name: string): number | undefined => {
        const value = params.get(name);
        return value !== null && Number.isFinite(Number(value)) ? Number(value) : undefined;
    };
    configureChatService({
        clientWaitMs: number('clientWait'),
        callTimeoutMs: number('callTimeout'),
        ...(params.has('debug') ? { debug: params.get('debug') !== '0' } : {})
    });
}

configureServiceFromUrl();
setBuilderContextOverride(builderMode);
renderToolbar();
mountChannelPanel(document.getElementById('channel-panel'));
mountAll();
document.body.dataset.previewReady = 'true';
