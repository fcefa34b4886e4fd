/**
 * The simulator panel in the preview's Enhanced Chat mode: the simulated client's state (API
 * objects, Ready count, button, windows, the hidden fields it holds and the ones each
 * conversation carried), the agent's and visitor's controls, page-load choices, and the log of
 * every call the components made and every event the client fired. Plain DOM, text only.
 */
/// <reference lib="dom" />
import type { EnhancedChatControls } from './enhancedBoot.mts';
import type { EnhancedCall, EnhancedEvent, EnhancedNote } from './enhancedClient.mts';

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
        if (child !== null && child !== undefined && child !== false) {
            node.append(child);
        }
    }
    return node;
}

function button(label: string, action: string, onClick: () => void, title = ''): HTMLElement {
    const node = el(
        'button',
        {
            type: 'button',
            class: 'slds-button slds-button_neutral sim-button',
            'data-sim-action': action,
            ...(title ? { title } : {})
        },
        label
    );
    node.addEventListener('click', onClick);
    return node;
}

function json(value: unknown): string {
    return JSON.stringify(value, null, 2) ?? 'undefined';
}

type Entry =
    | { kind: 'call'; at: number; call: EnhancedCall }
    | { kind: 'event'; at: number; event: EnhancedEvent }
    | { kind: 'note'; at: number; note: EnhancedNote };

function entries(controls: EnhancedChatControls): Entry[] {
    const all: Entry[] = [
        ...controls.calls.map((call) => ({ kind: 'call' as const, at: call.at, call })),
        ...controls.events.map((event) => ({ kind: 'event' as const, at: event.at, event })),
        ...controls.notes.map((note) => ({ kind: 'note' as const, at: note.at, note }))
    ];
    return all
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index)
        .map(({ entry }) => entry);
}

function renderEntry(entry: Entry): HTMLElement {
    const time = el('span', { class: 'sim-log-time' }, `${(entry.at / 1000).toFixed(2)} s`);
    if (entry.kind === 'call') {
        const { call } = entry;
        return el(
            'li',
            {
                class: 'sim-log-entry sim-log-call',
                'data-kind': 'call',
                'data-method': call.method
            },
            time,
            el('span', { class: 'sim-log-badge' }, 'call'),
            el('code', { class: 'sim-log-title' }, `${call.method}(`),
            call.args.length
                ? el('pre', { class: 'sim-log-data' }, call.args.map(json).join(', '))
                : null,
            el('code', { class: 'sim-log-title' }, ')'),
            call.answer
                ? el('div', { class: 'sim-log-outcome sim-log-answer' }, `⇒ ${call.answer}`)
                : null
        );
    }
    if (entry.kind === 'event') {
        const { event } = entry;
        const empty =
            event.detail &&
            typeof event.detail === 'object' &&
            Object.keys(event.detail).length === 0;
        return el(
            'li',
            {
                class: 'sim-log-entry sim-log-event',
                'data-kind': 'event',
                'data-event': event.name
            },
            time,
            el('span', { class: 'sim-log-badge' }, 'event'),
            el('code', { class: 'sim-log-title' }, event.name),
            empty ? null : el('pre', { class: 'sim-log-data' }, json(event.detail))
        );
    }
    return el(
        'li',
        { class: 'sim-log-entry sim-log-note', 'data-kind': 'note' },
        time,
        el('span', { class: 'sim-log-badge' }, 'note'),
        el('span', { class: 'sim-log-title' }, entry.note.text)
    );
}

function fields(value: Record<string, string>): string {
    const keys = Object.keys(value);
    return keys.length ? keys.map((key) => `${key}=${value[key]}`).join(', ') : 'none';
}

/** Renders the panel into `host` and keeps it up to date. */
export function renderEnhancedPanel(host: HTMLElement, controls: EnhancedChatControls): void {
    const { flags, enhanced } = controls;
    const stateList = el('dl', { class: 'sim-state', 'data-sim': 'state' });
    const logList = el('ol', { class: 'sim-log', 'data-sim': 'log', 'aria-live': 'polite' });
    const mute = el('input', { type: 'checkbox', id: 'enh-mute-iframe' }) as HTMLInputElement;
    mute.addEventListener('change', () => controls.setIframeResponsive(!mute.checked));
    const noFrame = el('input', { type: 'checkbox', id: 'enh-no-frame' }) as HTMLInputElement;
    noFrame.addEventListener('change', () => controls.setFrameMissing(noFrame.checked));
    const maximizeMs = el('input', {
        type: 'number',
        min: '0',
        max: '5000',
        value: String(enhanced.maximizeDelayMs ?? 600),
        class: 'slds-input sim-late-seconds',
        style: 'width: 5rem',
        'aria-label': 'Milliseconds from the launch answer to the window opening'
    }) as HTMLInputElement;
    const checking = enhanced.agentCheck !== 'off';
    const v2 = enhanced.version === 'v2';
    const lateSeconds = el('input', {
        type: 'number',
        min: '1',
        max: '60',
        value: '5',
        class: 'slds-input sim-late-seconds',
        'aria-label': 'Seconds until the chat script loads'
    }) as HTMLInputElement;
    const pageFlags = [`Enhanced Chat ${enhanced.version}`];
    if (enhanced.prechatForm) pageFlags.push('pre-chat form');
    if (checking) pageFlags.push(`agent-availability check (${enhanced.agentCheck})`);
    if (enhanced.hideButtonOnLoad) pageFlags.push('hide chat button on load');
    if (enhanced.siteLogin) pageFlags.push('site login required');
    if (v2 && enhanced.maximizeDelayMs !== null)
        pageFlags.push(`window opens ${enhanced.maximizeDelayMs} ms after the launch answer`);
    if (flags.locker) pageFlags.push('Lightning Locker');
    if (flags.noScript) pageFlags.push('no chat script');
    if (!flags.noScript && flags.scriptDelaySeconds >= 1)
        pageFlags.push(`script late (${flags.scriptDelaySeconds} s)`);

    host.replaceChildren(
        el(
            'section',
            { class: 'sim-panel', 'aria-labelledby': 'sim-title', 'data-client': 'enhanced' },
            el(
                'header',
                { class: 'sim-header' },
                el(
                    'h2',
                    { id: 'sim-title', class: 'sim-title' },
                    'Chat client simulator: Enhanced Chat'
                ),
                el(
                    'p',
                    { class: 'sim-subtitle' },
                    "Stands in for Salesforce's Enhanced Chat client (window.embeddedservice_bootstrap). Preview only: never deployed."
                ),
                el(
                    'p',
                    { class: 'sim-flags', 'data-sim': 'flags' },
                    `This page load: ${pageFlags.join(', ')}`
                )
            ),
            stateList,
            el(
                'fieldset',
                { class: 'sim-group' },
                el('legend', {}, 'Agent and visitor'),
                button('Agent accepts chat', 'acceptChat', () => controls.agentAccepts()),
                button('Agent ends chat', 'agentEndsChat', () => controls.agentEnds()),
                button('Visitor closes window', 'visitorCloses', () => controls.visitorCloses()),
                button('Business hours end', 'hoursEnd', () => controls.setBusinessHours(false)),
                button('Business hours start', 'hoursStart', () => controls.setBusinessHours(true)),
                checking &&
                    button(
                        'An agent comes online',
                        'agentOnline',
                        () => controls.setAgentsOnline(true),
                        'The client learns it at its next availability request'
                    ),
                checking &&
                    button(
                        'Agents go offline',
                        'agentsOffline',
                        () => controls.setAgentsOnline(false),
                        'The client learns it at its next availability request'
                    ),
                el(
                    'label',
                    { class: 'sim-check', for: 'enh-mute-iframe' },
                    mute,
                    ' Chat iframe stops answering'
                ),
                v2 &&
                    el(
                        'label',
                        { class: 'sim-check', for: 'enh-no-frame' },
                        noFrame,
                        ' Remove the chat frame'
                    )
            ),
            el(
                'fieldset',
                { class: 'sim-group' },
                el('legend', {}, 'Page load (reloads the page)'),
                button(
                    'Reload page',
                    'reload',
                    () => controls.reload(),
                    'A reload during a chat: the client reopens its window from web storage'
                ),
                button(
                    enhanced.version === 'v2'
                        ? 'Switch to client v1 (bootstrap.js)'
                        : 'Switch to client v2 (Proxy)',
                    'toggleVersion',
                    () => controls.setVersion(enhanced.version === 'v2' ? 'v1' : 'v2')
                ),
                button(
                    enhanced.prechatForm ? 'Turn pre-chat form off' : 'Turn pre-chat form on',
                    'togglePrechat',
                    () => controls.setPrechatForm(!enhanced.prechatForm)
                ),
                ...(checking
                    ? [
                          button('Turn availability check off', 'agentCheckOff', () =>
                              controls.setAgentCheck('off')
                          )
                      ]
                    : [
                          button(
                              'Check agent availability, no agent online',
                              'agentCheckOffline',
                              () => controls.setAgentCheck('offline'),
                              "The channel's agent-availability check, with no agent online: Ready waits"
                          ),
                          button(
                              'Check agent availability, agent leaves',
                              'agentCheckUnavailable',
                              () => controls.setAgentCheck('unavailable'),
                              'An agent is online at load and gone by the launch: launchChat rejects'
                          )
                      ]),
                button(
                    enhanced.hideButtonOnLoad
                        ? 'Show chat button on load'
                        : 'Hide chat button on load',
                    'toggleHideOnLoad',
                    () => controls.setHideButtonOnLoad(!enhanced.hideButtonOnLoad),
                    "The site component's setting; it also switches the availability check off"
                ),
                button(
                    enhanced.siteLogin ? 'Turn site login off' : 'Require site login',
                    'toggleSiteLogin',
                    () => controls.setSiteLogin(!enhanced.siteLogin),
                    "The site component's login mode: guests (Signed in as: Guest) get no chat button"
                ),
                v2 &&
                    el(
                        'span',
                        { class: 'sim-inline' },
                        button(
                            'Open the window late',
                            'maximizeLate',
                            () => controls.setMaximizeDelay(Number(maximizeMs.value) || 0),
                            "The frame's maximize reaches the page after launchChat resolved"
                        ),
                        maximizeMs,
                        ' ms'
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
                button('Reset', 'reset', () => controls.reset(), 'Plain page load, no chat session')
            ),
            el(
                'div',
                { class: 'sim-log-header' },
                el('h3', { class: 'sim-log-heading' }, 'Client calls and events (newest first)')
            ),
            logList
        )
    );

    let scheduled = false;
    function update(): void {
        scheduled = false;
        const state = controls.state();
        const last = state.conversations[state.conversations.length - 1];
        const listening = Object.values(controls.listeners().current).reduce((a, b) => a + b, 0);
        const rows: [string, string, string][] = [
            [
                'script',
                'Chat script',
                flags.noScript ? 'removed' : controls.scriptLoaded() ? 'loaded' : 'not loaded yet'
            ],
            ['config', 'Configuration', state.configLoaded ? 'loaded' : 'not yet'],
            [
                'auth',
                'Auth mode',
                state.authMode
                    ? `${state.authMode}${state.authMode === 'ExperienceSiteAuth' ? (state.guest ? ', guest' : ', logged in') : ''}`
                    : '—'
            ],
            ['api', 'API objects', state.apiObjects ? 'present' : 'not yet (before Ready)'],
            ['ready', 'Ready events', String(state.readyCount)],
            [
                'agents',
                'Agents',
                `${state.agentsOnline ? 'online' : 'offline'}${state.waitingForAgent ? ', client waiting for one' : ''} (${state.availabilityChecks} checks)`
            ],
            [
                'button',
                'Chat button',
                state.button === null ? 'not created' : state.button === 'Show' ? 'shown' : 'hidden'
            ],
            ['windows', 'Chat windows', String(state.windows.length)],
            [
                'status',
                'Conversation',
                last ? `${last.status} (${state.conversations.length} in all)` : 'none'
            ],
            ['hidden', 'Hidden fields held', fields(state.hiddenFields)],
            ['sent', 'Sent with the last chat', last ? fields(last.hiddenFields) : '—'],
            ['hours', 'Business hours', state.withinBusinessHours ? 'open' : 'closed'],
            ['listeners', 'Page listeners', String(listening)]
        ];
        stateList.replaceChildren(
            ...rows.flatMap(([key, term, value]) => [
                el('dt', {}, term),
                el('dd', { 'data-sim-state': key }, value)
            ])
        );
        mute.checked = !state.iframeResponsive;
        noFrame.checked = state.frameMissing;
        logList.replaceChildren(...entries(controls).reverse().map(renderEntry));
    }
    controls.subscribe(() => {
        if (!scheduled) {
            scheduled = true;
            queueMicrotask(update);
        }
    });
    update();
}
