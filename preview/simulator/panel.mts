/**
 * The "Chat client simulator" panel of the preview page: the simulated client's state, the
 * viewer's controls (agents, queue, page-load situations) and the log of every call the
 * components made and every event the client fired. Plain DOM, text only (no innerHTML).
 */
/// <reference lib="dom" />
import type { ChatSimulatorControls } from './boot.mts';
import type { SimulatorCall, SimulatorEvent, SimulatorNote } from './chatClient.mts';

type Child = Node | string | null | undefined | false;

function el(
    tag: string,
    attributes: Record<string, string> = {},
    ...children: Child[]
): HTMLElement {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        node.setAttribute(name, value);
    }
    for (const child of children) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        node.append(child);
    }
    return node;
}

function button(label: string, action: string, onClick: () => void, title = ''): HTMLElement {
    const node = el('button', {
        type: 'button',
        class: 'slds-button slds-button_neutral sim-button',
        'data-sim-action': action,
        ...(title ? { title } : {})
    });
    node.textContent = label;
    node.addEventListener('click', onClick);
    return node;
}

function seconds(ms: number): string {
    return `${(ms / 1000).toFixed(2)} s`;
}

function json(value: unknown): string {
    return JSON.stringify(value, null, 2) ?? 'undefined';
}

type LogEntry =
    | { kind: 'call'; at: number; call: SimulatorCall }
    | { kind: 'event'; at: number; event: SimulatorEvent }
    | { kind: 'note'; at: number; note: SimulatorNote };

function logEntries(controls: ChatSimulatorControls, showHandlers: boolean): LogEntry[] {
    const entries: LogEntry[] = [
        ...controls.calls
            .filter((call) => showHandlers || call.method !== 'addEventHandler')
            .map((call) => ({ kind: 'call' as const, at: call.at, call })),
        ...controls.events.map((event) => ({ kind: 'event' as const, at: event.at, event })),
        ...controls.notes.map((note) => ({ kind: 'note' as const, at: note.at, note }))
    ];
    // Stable: same-time entries keep their kind order (call before the events it caused).
    return entries
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index)
        .map(({ entry }) => entry);
}

function renderEntry(entry: LogEntry): HTMLElement {
    if (entry.kind === 'call') {
        const { call } = entry;
        const args = call.args.length === 0 ? '' : call.args.map((arg) => json(arg)).join(', ');
        return el(
            'li',
            {
                class: 'sim-log-entry sim-log-call',
                'data-kind': 'call',
                'data-method': call.method
            },
            el('span', { class: 'sim-log-time' }, seconds(call.at)),
            el('span', { class: 'sim-log-badge' }, 'call'),
            el('code', { class: 'sim-log-title' }, `${call.method}(`),
            args ? el('pre', { class: 'sim-log-data' }, args) : null,
            el('code', { class: 'sim-log-title' }, ')'),
            call.outcome ? el('div', { class: 'sim-log-outcome' }, `→ ${call.outcome}`) : null,
            call.answer
                ? el('div', { class: 'sim-log-outcome sim-log-answer' }, `⇒ ${call.answer}`)
                : null
        );
    }
    if (entry.kind === 'event') {
        const { event } = entry;
        return el(
            'li',
            {
                class: 'sim-log-entry sim-log-event',
                'data-kind': 'event',
                'data-event': event.name
            },
            el('span', { class: 'sim-log-time' }, seconds(event.at)),
            el('span', { class: 'sim-log-badge' }, 'event'),
            el('code', { class: 'sim-log-title' }, event.name),
            event.data === undefined
                ? null
                : el('pre', { class: 'sim-log-data' }, json(event.data)),
            el(
                'div',
                { class: 'sim-log-outcome' },
                `${event.handlers} handler${event.handlers === 1 ? '' : 's'}`
            )
        );
    }
    return el(
        'li',
        { class: 'sim-log-entry sim-log-note', 'data-kind': 'note' },
        el('span', { class: 'sim-log-time' }, seconds(entry.note.at)),
        el('span', { class: 'sim-log-badge' }, 'note'),
        el('span', { class: 'sim-log-title' }, entry.note.text)
    );
}

function describeAgents(value: boolean | undefined): string {
    return value === undefined ? 'unknown (no button matched)' : value ? 'online' : 'offline';
}

/** Renders the panel into `host` and keeps it up to date. */
export function renderPanel(host: HTMLElement, controls: ChatSimulatorControls): void {
    const flags = controls.flags;
    const stateList = el('dl', { class: 'sim-state', 'data-sim': 'state' });
    const logList = el('ol', { class: 'sim-log', 'data-sim': 'log', 'aria-live': 'polite' });
    const showHandlers = el('input', {
        type: 'checkbox',
        id: 'sim-show-handlers'
    }) as HTMLInputElement;
    const hang = el('input', { type: 'checkbox', id: 'sim-hang' }) as HTMLInputElement;
    hang.addEventListener('change', () => controls.setPromisesHang(hang.checked));
    const noFrame = el('input', {
        type: 'checkbox',
        id: 'sim-no-storage-frame'
    }) as HTMLInputElement;
    noFrame.addEventListener('change', () => controls.setStorageFrameMissing(noFrame.checked));
    const silentFrame = el('input', {
        type: 'checkbox',
        id: 'sim-silent-storage-frame'
    }) as HTMLInputElement;
    silentFrame.addEventListener('change', () =>
        controls.setStorageFrameSilent(silentFrame.checked)
    );
    showHandlers.addEventListener('change', () => update());
    const lateSeconds = el('input', {
        type: 'number',
        min: '1',
        max: '60',
        value: '5',
        class: 'slds-input sim-late-seconds',
        'aria-label': 'Seconds until the chat script loads'
    }) as HTMLInputElement;

    const pageFlags: string[] = [];
    if (flags.locker) pageFlags.push('Lightning Locker');
    if (flags.noScript) pageFlags.push('no chat script');
    if (!flags.noScript && flags.scriptDelaySeconds >= 1) {
        pageFlags.push(`script late (${flags.scriptDelaySeconds} s)`);
    }
    if (flags.continued) pageFlags.push('continued session');
    if (flags.agents !== 'online') pageFlags.push(`agents ${flags.agents} at load`);
    if (!flags.offlineSupport) pageFlags.push('no Offline Support');
    if (flags.noStorageFrame) pageFlags.push('session storage frame missing at load');
    if (flags.unreachableStorageFrame) pageFlags.push('session storage frame unreachable');

    host.replaceChildren(
        el(
            'section',
            { class: 'sim-panel', 'aria-labelledby': 'sim-title' },
            el(
                'header',
                { class: 'sim-header' },
                el('h2', { id: 'sim-title', class: 'sim-title' }, 'Chat client simulator'),
                el(
                    'p',
                    { class: 'sim-subtitle' },
                    "Stands in for Salesforce's Embedded Chat script (window.embedded_svc). Preview only: never deployed."
                ),
                el(
                    'p',
                    { class: 'sim-flags', 'data-sim': 'flags' },
                    `This page load: ${pageFlags.length ? pageFlags.join(', ') : 'normal site page'}`
                )
            ),
            stateList,
            el(
                'fieldset',
                { class: 'sim-group' },
                el('legend', {}, 'Agents and chat'),
                button('Agents online', 'agentsOnline', () => controls.setAgentsAvailable(true)),
                button('Agents offline', 'agentsOffline', () => controls.setAgentsAvailable(false)),
                button('Availability unknown', 'agentsUnknown', () =>
                    controls.setAgentsAvailable(undefined)
                ),
                button('Agent accepts chat', 'acceptChat', () => controls.acceptChat()),
                button('Move queue', 'advanceQueue', () => controls.advanceQueue()),
                button('Agent ends chat', 'agentEndsChat', () => controls.agentEndsChat()),
                button('Idle timeout', 'idleTimeout', () => controls.idleTimeout()),
                el(
                    'label',
                    { class: 'sim-check', for: 'sim-hang' },
                    hang,
                    ' Client promises never settle'
                ),
                el(
                    'label',
                    {
                        class: 'sim-check',
                        for: 'sim-no-storage-frame',
                        title: 'clearSession ends the chat, then settles without clearing anything (the client only logs "iframe not present")'
                    },
                    noFrame,
                    ' Session storage frame missing'
                ),
                el(
                    'label',
                    {
                        class: 'sim-check',
                        for: 'sim-silent-storage-frame',
                        title: 'The frame is on the page but never answers (third-party storage blocked): endChat and clearSession never settle'
                    },
                    silentFrame,
                    ' Session storage frame silent'
                )
            ),
            el(
                'fieldset',
                { class: 'sim-group' },
                el('legend', {}, 'Page load (reloads the page)'),
                button(
                    'Reload: continued session',
                    'reloadContinued',
                    () => controls.reloadContinued(),
                    'Navigation inside the site: the client skips onSettingsCallCompleted'
                ),
                button(
                    flags.unreachableStorageFrame
                        ? 'Load with the storage frame answering'
                        : 'Load with the storage frame unreachable',
                    'toggleUnreachableFrame',
                    () => controls.setStorageFrameUnreachable(!flags.unreachableStorageFrame),
                    'The frame loads but never posts: no session data, no settings call'
                ),
                button(
                    flags.locker ? 'Turn Lightning Locker off' : 'Turn Lightning Locker on',
                    'toggleLocker',
                    () => controls.setLocker(!flags.locker)
                ),
                button(
                    flags.noScript ? 'Restore chat script' : 'Remove chat script',
                    'toggleScript',
                    () => controls.removeScript(!flags.noScript)
                ),
                el(
                    'span',
                    { class: 'sim-inline' },
                    button('Script late', 'scriptLate', () =>
                        controls.scriptLate(Number(lateSeconds.value) || 5)
                    ),
                    lateSeconds,
                    ' s'
                ),
                button(
                    flags.agents === 'offline'
                        ? 'Load with agents online'
                        : 'Load with agents offline',
                    'toggleAgentsAtLoad',
                    () =>
                        controls.setAgentsAtLoad(flags.agents === 'offline' ? 'online' : 'offline')
                ),
                button('Reset', 'reset', () => controls.reset(), 'Plain page load, no chat session')
            ),
            el(
                'div',
                { class: 'sim-log-header' },
                el('h3', { class: 'sim-log-heading' }, 'Client calls and events (newest first)'),
                el(
                    'label',
                    { class: 'sim-check', for: 'sim-show-handlers' },
                    showHandlers,
                    ' show addEventHandler'
                )
            ),
            logList
        )
    );

    let scheduled = false;
    function update(): void {
        scheduled = false;
        const state = controls.state();
        const handlers = Object.values(controls.registeredHandlers()).reduce((a, b) => a + b, 0);
        const rows: [string, string, string][] = [
            [
                'script',
                'Chat script',
                flags.noScript ? 'removed' : controls.scriptLoaded() ? 'loaded' : 'not loaded yet'
            ],
            ['api', 'liveAgentAPI', state.liveAgentApiReady ? 'ready' : 'not yet'],
            ['agents', 'Agents', describeAgents(state.agentsAvailable)],
            ['phase', 'Chat', state.phase],
            ['widget', 'Widget', state.widget],
            [
                'queue',
                'Queue position',
                state.queuePosition === null ? '—' : String(state.queuePosition)
            ],
            ['handlers', 'Handlers registered', String(handlers)],
            [
                'storageFrame',
                'Session storage frame',
                state.storageFrameMissing
                    ? 'missing'
                    : state.storageFrameUnreachable
                      ? 'present, unreachable (no session data)'
                      : state.storageFrameSilent
                        ? 'present, never answers'
                        : 'present, answering'
            ]
        ];
        stateList.replaceChildren(
            ...rows.flatMap(([key, term, value]) => [
                el('dt', {}, term),
                el('dd', { 'data-sim-state': key }, value)
            ])
        );
        hang.checked = state.promisesHang;
        noFrame.checked = state.storageFrameMissing;
        silentFrame.checked = state.storageFrameSilent;
        // Newest first: the call just made is at the top.
        logList.replaceChildren(
            ...logEntries(controls, showHandlers.checked).reverse().map(renderEntry)
        );
    }
    controls.subscribe(() => {
        if (!scheduled) {
            scheduled = true;
            queueMicrotask(update);
        }
    });
    update();
}
