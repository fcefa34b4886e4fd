/**
 * What the simulated Enhanced Chat client draws on the page: its own chat button (generateMarkup)
 * and one chat window per iframe it created (createIframe), with the pre-chat form or the
 * conversation. Several windows on screen mean a duplicate launch. Plain DOM, text only.
 */
/// <reference lib="dom" />
import type { ChatWindow, EnhancedClientSimulator, EnhancedSnapshot } from './enhancedClient.mts';

const STYLE = `
.enh-container { position: fixed; right: var(--enh-right, 24px); bottom: 24px; z-index: 9000;
  font-size: 0.875rem; }
.enh-fab { width: 56px; height: 56px; border-radius: 50%; border: 0; background: #0b5cab;
  color: #fff; font-weight: 700; box-shadow: 0 2px 8px rgba(0,0,0,.3); cursor: pointer; }
.enh-window { position: absolute; bottom: 72px; width: 320px; background: #fff; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.35); overflow: hidden; }
.enh-window[data-minimized="true"] { display: none; }
.enh-window-header { display: flex; align-items: center; gap: .5rem; background: #0b5cab;
  color: #fff; padding: .5rem .75rem; }
.enh-window-title { flex: 1; font-weight: 700; margin: 0; font-size: .875rem; }
.enh-window-header button { background: transparent; color: #fff; border: 1px solid #fff;
  border-radius: 4px; padding: 0 .5rem; cursor: pointer; }
.enh-window-body { padding: .75rem; min-height: 120px; }
.enh-window-body label { display: block; margin-top: .5rem; }
.enh-window-body input { width: 100%; border: 1px solid #747474; border-radius: 4px; padding: .25rem; }
.enh-line { margin: .25rem 0; padding: .375rem .5rem; border-radius: 6px; background: #f3f3f3; }
.enh-notice { position: absolute; bottom: 64px; right: 0; width: 240px; }
.enh-submit { margin-top: .75rem; background: #0b5cab; color: #fff; border: 0; border-radius: 4px;
  padding: .375rem .75rem; cursor: pointer; }
`;

function el(
    tag: string,
    attributes: Record<string, string> = {},
    ...children: (Node | string)[]
): HTMLElement {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        node.setAttribute(name, value);
    }
    node.append(...children);
    return node;
}

function clickable(
    tag: string,
    attributes: Record<string, string>,
    text: string,
    onClick: () => void
): HTMLElement {
    const node = el(tag, { type: 'button', ...attributes }, text);
    node.addEventListener('click', onClick);
    return node;
}

/** The lines a visitor sees in the conversation, from its status. */
function conversationLines(win: ChatWindow): string[] {
    const status = win.conversation?.status;
    const lines = ['Conversation started.'];
    if (status === 'Waiting' || status === 'Active' || status === 'Ended') {
        lines.push('You are in the queue. An agent will be with you shortly.');
    }
    if (status === 'Active' || status === 'Ended') {
        lines.push('Alex (agent) joined the conversation.');
    }
    if (status === 'Ended') {
        lines.push('The agent ended the conversation.');
    }
    if (status === 'Closed') {
        lines.push('You closed the conversation.');
    }
    return lines;
}

function prechatForm(
    simulator: EnhancedClientSimulator,
    state: EnhancedSnapshot,
    win: ChatWindow
): HTMLElement {
    const form = el('form', { class: 'enh-prechat', 'data-enh': 'prechat' });
    const inputs: [string, HTMLInputElement][] = [];
    for (const field of simulator.visibleFields()) {
        const id = `enh-${win.id}-${field.name}`;
        const input = el('input', {
            id,
            name: field.name,
            maxlength: String(field.maxLength)
        }) as HTMLInputElement;
        input.value = state.visibleValues[field.name] ?? '';
        inputs.push([field.name, input]);
        form.append(el('label', { for: id }, field.label), input);
    }
    form.append(el('button', { type: 'submit', class: 'enh-submit' }, 'Start Conversation'));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        simulator.submitPrechatForm(
            Object.fromEntries(inputs.map(([name, input]) => [name, input.value]))
        );
    });
    return form;
}

function chatWindow(
    simulator: EnhancedClientSimulator,
    state: EnhancedSnapshot,
    win: ChatWindow,
    index: number
): HTMLElement {
    const body = el('div', { class: 'enh-window-body', 'aria-live': 'polite' });
    if (win.view === 'loading') {
        body.append(el('p', { class: 'enh-line' }, 'Connecting…'));
    } else if (win.view === 'prechat') {
        body.append(prechatForm(simulator, state, win));
    } else {
        body.append(...conversationLines(win).map((line) => el('p', { class: 'enh-line' }, line)));
    }
    const node = el(
        'section',
        {
            class: 'enh-window',
            role: 'dialog',
            'aria-label': `Chat window ${win.id} (simulated Enhanced Chat)`,
            'data-enh': 'window',
            'data-window-id': String(win.id),
            'data-view': win.view,
            'data-status': win.conversation?.status ?? 'none',
            'data-minimized': String(state.minimized),
            style: `right: ${index * 28}px`
        },
        el(
            'header',
            { class: 'enh-window-header' },
            el('h2', { class: 'enh-window-title' }, 'Chat with Northwind (simulated)'),
            clickable(
                'button',
                { 'data-enh': 'minimize', 'aria-label': 'Minimize the chat window' },
                '–',
                () => simulator.setMinimized(true)
            ),
            clickable(
                'button',
                { 'data-enh': 'close', 'aria-label': 'Close the chat window' },
                '×',
                () => simulator.visitorCloses()
            )
        ),
        body
    );
    return node;
}

/**
 * Draws the client's button and windows into `host` (the preview's site columns: enhancedBoot.mts),
 * and keeps them up to date.
 */
export function renderChatWindow(host: HTMLElement, simulator: EnhancedClientSimulator): void {
    const style = document.createElement('style');
    style.textContent = STYLE;
    document.head.append(style);
    const container = el('div', {
        id: 'embedded-messaging',
        class: 'enh-container',
        'data-enh': 'container'
    });
    host.append(container);
    // In the bottom corner of the site, not over the preview's side panel; the page keeps a strip
    // free of components there, and in a one-column window puts the button and windows in its
    // flow instead (preview/app/preview.css). Placed again when the site's width changes (a
    // window resize, a scroll bar coming or going).
    const site = document.getElementById('site');
    const place = (): void => {
        const box = site?.getBoundingClientRect();
        const right = box ? Math.max(24, window.innerWidth - box.right + 24) : 24;
        container.style.setProperty('--enh-right', `${right}px`);
    };
    window.addEventListener('resize', place);
    if (site && typeof ResizeObserver === 'function') {
        new ResizeObserver(place).observe(site);
    }
    place();
    let scheduled = false;
    const update = (): void => {
        scheduled = false;
        const state = simulator.snapshot();
        const children: HTMLElement[] = state.windows.map((win, index) =>
            chatWindow(simulator, state, win, index)
        );
        // The client's own button, from its creation until a reset removes it; visible while
        // shown (hideChatButton/showChatButton, the availability timer) and no window is open,
        // or to bring a minimized one back.
        const fab =
            state.button === null
                ? null
                : clickable(
                      'button',
                      {
                          class: 'enh-fab',
                          'data-enh': 'fab',
                          'aria-label': 'Chat with us (simulated Enhanced Chat button)'
                      },
                      'Chat',
                      () =>
                          state.minimized ? simulator.setMinimized(false) : simulator.clickButton()
                  );
        if (fab) {
            fab.hidden = state.button === 'Hide' || (state.windows.length > 0 && !state.minimized);
        }
        if (state.version === 'v2') {
            // init.js createIframe: the chat frame (#embeddedMessagingFrame) is in the page from
            // init on, and the button lives inside it: the page has no
            // #embeddedMessagingConversationButton.
            if (state.initialized && !state.frameMissing) {
                const frame = el('div', { id: 'embeddedMessagingFrame', 'data-enh': 'frame' });
                if (fab) {
                    frame.append(fab);
                }
                children.push(frame);
            }
        } else if (fab) {
            // bootstrap.js generateMarkup: the button's id (it stays in the page while hidden),
            // which a service loaded late looks for to know the button exists.
            fab.id = 'embeddedMessagingConversationButton';
            children.push(fab);
        }
        // handleAgentUnavailableOnButtonClick: a minimized notification by the button.
        if (state.notice) {
            children.push(
                el(
                    'p',
                    { class: 'enh-line enh-notice', role: 'status', 'data-enh': 'notice' },
                    state.notice
                )
            );
        }
        // Keep a half-typed pre-chat form: only redraw when something the visitor sees changed.
        const key = JSON.stringify([
            state.initialized,
            state.frameMissing,
            state.button,
            state.notice,
            state.minimized,
            state.windows,
            state.visibleValues
        ]);
        if (container.dataset.key !== key) {
            container.dataset.key = key;
            container.replaceChildren(...children);
        }
    };
    simulator.subscribe(() => {
        if (!scheduled) {
            scheduled = true;
            queueMicrotask(update);
        }
    });
    update();
}
