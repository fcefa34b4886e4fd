/**
 * Unit tests of the Enhanced Chat client simulator: it must keep the real client's sharp edges
 * (docs/enhanced-chat-client.md). Run: node --test "preview/simulator/*.test.mts"
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    AGENT_UNAVAILABLE_MESSAGE,
    DEFAULT_DELAYS,
    EnhancedClientSimulator,
    NO_BUTTON_MESSAGE,
    V2_NOT_READY_MESSAGE,
    V2_NO_BUTTON_MESSAGE,
    memoryStorage,
    type EnhancedScheduler,
    type EnhancedSimulatorOptions
} from './enhancedClient.mts';

/** A manual clock: timers run only when the test advances time. */
class ManualClock implements EnhancedScheduler {
    private time = 1000;
    private nextId = 1;
    private timers = new Map<number, { at: number; fn: () => void }>();

    now(): number {
        return this.time;
    }

    setTimeout(fn: () => void, ms: number): unknown {
        const id = this.nextId++;
        this.timers.set(id, { at: this.time + ms, fn });
        return id;
    }

    clearTimeout(handle: unknown): void {
        this.timers.delete(handle as number);
    }

    /** Runs every timer due by now + ms, letting promise callbacks run between timers. */
    async advance(ms: number): Promise<void> {
        const end = this.time + ms;
        for (;;) {
            await flush();
            const due = [...this.timers.entries()]
                .filter(([, timer]) => timer.at <= end)
                .sort((a, b) => a[1].at - b[1].at)[0];
            if (!due) {
                break;
            }
            this.timers.delete(due[0]);
            this.time = due[1].at;
            due[1].fn();
        }
        this.time = end;
        await flush();
    }
}

async function flush(): Promise<void> {
    for (let i = 0; i < 10; i++) {
        await Promise.resolve();
    }
}

type Api = Record<string, Record<string, (...args: unknown[]) => unknown>>;

interface Setup {
    clock: ManualClock;
    sim: EnhancedClientSimulator;
    api: () => Api;
    seen: { name: string; detail: unknown }[];
    removed: { count: number };
}

const ROUTING = {
    Chat_Agent_Id: '0055g00000ABcDeAAA',
    Chat_Target_Id: '00G5g00000QuEuEAAA',
    Chat_Fallback: 'true',
    Chat_Fallback_Routing: '00G5g00000QuEuEAAA'
};

/** Long enough for any one step of the simulated client (the 30 s availability period aside). */
const STEP =
    Math.max(
        ...Object.entries(DEFAULT_DELAYS)
            .filter(([name]) => name !== 'agentCheckMs')
            .map(([, ms]) => ms)
    ) + 1;

function setup(options: Partial<EnhancedSimulatorOptions> = {}): Setup {
    const clock = new ManualClock();
    const seen: Setup['seen'] = [];
    const removed = { count: 0 };
    const sim = new EnhancedClientSimulator({
        scheduler: clock,
        dispatch: (name, detail) => seen.push({ name, detail }),
        removeGlobal: () => {
            removed.count += 1;
        },
        ...options
    });
    return { clock, sim, api: () => sim.global as unknown as Api, seen, removed };
}

/** init, then Ready and the button. */
async function ready(options: Partial<EnhancedSimulatorOptions> = {}): Promise<Setup> {
    const s = setup(options);
    (s.sim.global.init as () => void)();
    await s.clock.advance(STEP * 2);
    return s;
}

async function rejection(promise: unknown): Promise<unknown> {
    try {
        await (promise as Promise<unknown>);
    } catch (reason) {
        return reason;
    }
    assert.fail('expected a rejection');
}

function names(s: Setup): string[] {
    return s.seen.map((e) => e.name.replace('onEmbeddedMessaging', ''));
}

function statuses(s: Setup): string[] {
    return s.seen
        .filter((e) => e.name === 'onEmbeddedMessagingSessionStatusUpdate')
        .map((e) => {
            const detail = e.detail as { conversationEntry: { entryPayload: string } };
            return (JSON.parse(detail.conversationEntry.entryPayload) as { sessionStatus: string })
                .sessionStatus;
        });
}

describe('Enhanced Chat simulator (v1)', () => {
    it('attaches the API objects just before Ready, then creates the button', async () => {
        const s = setup();
        (s.sim.global.init as () => void)();
        assert.equal(s.api().utilAPI, undefined);
        await s.clock.advance(DEFAULT_DELAYS.readyMs - 1);
        assert.deepEqual(names(s), []);
        await s.clock.advance(1);
        assert.equal(typeof s.api().utilAPI.launchChat, 'function');
        assert.deepEqual(names(s), ['Ready', 'ButtonCreated']);
        assert.deepEqual(s.seen[1].detail, { buttonVisibility: 'Show' });
        (s.sim.global.init as () => void)();
        assert.match(s.sim.notes.at(-1)?.text ?? '', /multiple times/);
    });

    it('rejects launchChat with a string from a Ready listener, at load and after a reset', async () => {
        const launches: unknown[] = [];
        const s = setup({
            dispatch: (name) => {
                if (name === 'onEmbeddedMessagingReady') {
                    launches.push(s.api().utilAPI.launchChat());
                }
            }
        });
        (s.sim.global.init as () => void)();
        await s.clock.advance(DEFAULT_DELAYS.readyMs);
        s.api().userVerificationAPI.clearSession();
        await s.clock.advance(STEP);
        assert.equal(launches.length, 2);
        for (const launch of launches) {
            assert.equal(await rejection(launch), NO_BUTTON_MESSAGE);
        }
    });

    it('sends the hidden fields held at conversation creation and drops invalid ones', async () => {
        const s = await ready();
        s.api().prechatAPI.setHiddenPrechatFields({
            ...ROUTING,
            Unknown: 'x',
            Chat_Fallback: 'far too long'
        });
        const launch = s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        assert.match(String(await launch), /Successfully initialized/);
        const { conversations, windows } = s.sim.snapshot();
        assert.equal(windows.length, 1);
        assert.deepEqual(conversations[0].hiddenFields, {
            Chat_Agent_Id: ROUTING.Chat_Agent_Id,
            Chat_Target_Id: ROUTING.Chat_Target_Id,
            Chat_Fallback_Routing: ROUTING.Chat_Fallback_Routing
        });
        assert.equal(s.sim.notes.filter((n) => /dropped/.test(n.text)).length, 2);
        assert.deepEqual(names(s).slice(2), [
            'InitSuccess',
            'WindowMaximized',
            'ConversationStarted',
            'ConversationOpened',
            'SessionStatusUpdate'
        ]);
        assert.deepEqual(statuses(s), ['Waiting']);
    });

    it('has no duplicate guard: two launches in one tick make two windows and chats', async () => {
        const s = await ready();
        s.api().utilAPI.launchChat();
        s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        assert.equal(s.sim.snapshot().windows.length, 2);
        assert.equal(s.sim.snapshot().conversations.length, 2);
    });

    it('follows the agent; after an end launchChat only re-shows the window', async () => {
        const s = await ready();
        s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        assert.equal(s.sim.agentAccepts(), true);
        assert.equal(s.sim.agentEnds(), true);
        assert.deepEqual(statuses(s), ['Waiting', 'Active', 'Ended']);
        const again = s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        assert.match(String(await again), /already present/);
        assert.equal(s.sim.snapshot().conversations.length, 1);
        assert.equal(s.sim.visitorCloses(), true);
        await s.clock.advance(STEP);
        assert.ok(!names(s).includes('ConversationClosed'));
    });

    it('clearSession resets: Ready again, the button, then it resolves; hidden fields wiped', async () => {
        const s = await ready();
        s.api().prechatAPI.setHiddenPrechatFields(ROUTING);
        s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        let resolved = false;
        (s.api().userVerificationAPI.clearSession() as Promise<void>).then(() => {
            resolved = true;
        });
        const before = s.seen.length;
        await s.clock.advance(DEFAULT_DELAYS.iframeAnswerMs);
        assert.deepEqual(names(s).slice(before), ['Ready']);
        assert.equal(resolved, false);
        await s.clock.advance(DEFAULT_DELAYS.buttonMs);
        assert.deepEqual(names(s).slice(before), ['Ready', 'ButtonCreated']);
        assert.equal(resolved, true);
        const snapshot = s.sim.snapshot();
        assert.deepEqual(snapshot.hiddenFields, {});
        assert.equal(snapshot.windows.length, 0);
        assert.equal(snapshot.conversations[0].status, 'Closed');
        s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        assert.deepEqual(s.sim.snapshot().conversations[1].hiddenFields, {});
    });

    it('fires Ready inside clearSession when no window is open', async () => {
        const s = await ready();
        s.api().userVerificationAPI.clearSession();
        assert.equal(s.sim.snapshot().readyCount, 2);
        assert.equal(s.sim.snapshot().button, null);
        const call = s.sim.calls.find((c) => c.method === 'clearSession');
        const ready2 = s.sim.events.filter((e) => e.name === 'onEmbeddedMessagingReady')[1];
        assert.ok(call && ready2 && call.at <= ready2.at);
    });

    it('keeps clearSession pending while the chat iframe does not answer', async () => {
        const s = await ready();
        s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        s.sim.setIframeResponsive(false);
        let settled = false;
        (s.api().userVerificationAPI.clearSession(true) as Promise<void>).then(() => {
            settled = true;
        });
        await s.clock.advance(STEP * 4);
        assert.equal(settled, false);
        assert.equal(s.sim.snapshot().windows.length, 1);
    });

    it('fires ConversationClosed when the visitor closes a live chat, then resets', async () => {
        const s = await ready();
        s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        assert.equal(s.sim.visitorCloses(), true);
        await s.clock.advance(STEP);
        assert.deepEqual(names(s).slice(-3), ['ConversationClosed', 'Ready', 'ButtonCreated']);
    });

    it('creates the conversation at pre-chat submit, with that moment’s hidden fields', async () => {
        const s = await ready({ prechatForm: true });
        s.api().prechatAPI.setVisiblePrechatFields({ _firstName: { value: 'Ada' } });
        s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        assert.equal(s.sim.snapshot().windows[0].view, 'prechat');
        assert.equal(s.sim.snapshot().conversations.length, 0);
        s.api().prechatAPI.setHiddenPrechatFields({ Chat_Fallback: 'false' });
        assert.equal(
            s.sim.submitPrechatForm({ _firstName: 'Ada', _email: 'ada@example.com' }),
            true
        );
        await s.clock.advance(STEP * 2);
        const [conversation] = s.sim.snapshot().conversations;
        assert.deepEqual(conversation.hiddenFields, { Chat_Fallback: 'false' });
        assert.equal(conversation.visibleFields._email, 'ada@example.com');
    });

    it('throws on a null visible field entry and logs the throw', async () => {
        const s = await ready();
        assert.throws(
            () => s.api().prechatAPI.setVisiblePrechatFields({ _firstName: null }),
            TypeError
        );
        assert.match(s.sim.calls.at(-1)?.answer ?? '', /^threw/);
    });

    it('removeAllComponents fires Ready and removes the global', async () => {
        const s = await ready();
        await s.api().utilAPI.removeAllComponents();
        assert.equal(s.removed.count, 1);
        assert.equal(s.sim.snapshot().readyCount, 2);
    });
});

/** v1's web storage entry for `init()` without an org ID (`${settings.orgId}_WEB_STORAGE`). */
const STORAGE_KEY = 'undefined_WEB_STORAGE';

function stored(storage: ReturnType<typeof memoryStorage>): unknown {
    return JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
}

describe('Enhanced Chat simulator: a page reloaded during a chat', () => {
    it('keeps the token in web storage and reopens the window from it: ConversationOpened only', async () => {
        const storage = memoryStorage();
        const first = await ready({ webStorage: storage });
        assert.deepEqual(stored(storage), {}, 'initializeWebStorage');
        first.api().prechatAPI.setHiddenPrechatFields(ROUTING);
        first.api().utilAPI.launchChat();
        await first.clock.advance(STEP * 4);
        first.sim.agentAccepts();
        const kept = first.sim.sessionToKeep();
        assert.equal(kept?.status, 'Active');
        const token = (stored(storage) as { JWT?: unknown }).JWT;
        assert.equal(typeof token, 'string', 'setAndStoreJwt');

        const s = await ready({ restored: kept, webStorage: storage });
        await s.clock.advance(STEP);
        assert.deepEqual(names(s), ['Ready', 'ButtonCreated', 'ConversationOpened']);
        assert.equal(s.sim.snapshot().windows.length, 1);
        assert.match(String(await s.api().utilAPI.launchChat()), /already present/);
        assert.equal(s.sim.snapshot().conversations.length, 1);
        s.sim.visitorCloses();
        await s.clock.advance(STEP);
        assert.equal(s.sim.sessionToKeep(), null);
        assert.deepEqual(stored(storage), {}, 'clearWebStorage, then initializeWebStorage');
    });

    it('restores nothing without the token in web storage (v1), whatever the server holds', async () => {
        const conversation = {
            conversationId: 'c1',
            hiddenFields: {},
            visibleFields: {},
            status: 'Active' as const
        };
        const s = await ready({ restored: conversation });
        await s.clock.advance(STEP);
        assert.deepEqual(names(s), ['Ready', 'ButtonCreated']);
        assert.equal(s.sim.snapshot().windows.length, 0);
    });

    it('keeps v2’s session in its frame, out of the page’s storage', async () => {
        const storage = memoryStorage();
        const s = await ready({ version: 'v2', webStorage: storage });
        s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        assert.ok(names(s).includes('ConversationStarted'));
        assert.equal(storage.getItem(STORAGE_KEY), null);
    });
});

describe('Enhanced Chat simulator: a page reloaded after the agent ended the chat', () => {
    it('finds no open conversation and resets: Ready and the button twice, nothing else', async () => {
        const storage = memoryStorage();
        const first = await ready({ webStorage: storage });
        first.api().utilAPI.launchChat();
        await first.clock.advance(STEP * 4);
        first.sim.agentAccepts();
        first.sim.agentEnds();
        const kept = first.sim.sessionToKeep();
        assert.equal(kept?.status, 'Ended');

        const s = await ready({ restored: kept, webStorage: storage });
        await s.clock.advance(STEP * 2);
        assert.deepEqual(names(s), ['Ready', 'ButtonCreated', 'Ready', 'ButtonCreated']);
        assert.equal(s.sim.snapshot().windows.length, 0);
        assert.equal(s.sim.sessionToKeep(), null);
        assert.deepEqual(stored(storage), {}, 'the stale token is gone');
        s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        assert.ok(names(s).includes('ConversationStarted'), 'a launch starts a new conversation');
    });
});

describe('Enhanced Chat simulator (v2)', () => {
    it('is a Proxy without a has trap, with API objects that refuse before Ready', async () => {
        const s = setup({ version: 'v2' });
        const util = s.api().utilAPI;
        assert.equal(s.sim.host?.utilAPI, util, 'agentforce_messaging holds the same Proxies');
        assert.equal(setup().sim.host, null, 'v1 has no agentforce_messaging');
        assert.equal('launchChat' in util, false);
        assert.equal(typeof util.launchChat, 'function');
        assert.equal(util.removeAllComponents, undefined);
        assert.match(s.sim.notes.at(-1)?.text ?? '', /removeAllComponents' is not implemented/);
        const early = await rejection(util.launchChat());
        assert.ok(early instanceof Error);
        assert.equal(early.message, V2_NO_BUTTON_MESSAGE);
        const clear = await rejection(s.api().userVerificationAPI.clearSession());
        assert.ok(clear instanceof Error);
        assert.equal(clear.message, V2_NOT_READY_MESSAGE);
        assert.equal(s.api().prechatAPI.setHiddenPrechatFields(ROUTING), false);
        (s.sim.global.init as () => void)();
        await s.clock.advance(STEP * 2);
        assert.equal(s.api().prechatAPI.setHiddenPrechatFields(ROUTING), true);
        const launch = util.launchChat();
        await s.clock.advance(STEP * 4);
        assert.equal(await launch, undefined);
        assert.deepEqual(s.sim.snapshot().conversations[0].hiddenFields, ROUTING);
    });

    it('answers true to setHiddenPrechatFields even when it dropped a field', async () => {
        const s = await ready({ version: 'v2' });
        assert.equal(s.api().prechatAPI.setHiddenPrechatFields({ Nope: 'x' }), true);
        assert.deepEqual(s.sim.snapshot().hiddenFields, {});
        assert.match(s.sim.notes.at(-1)?.text ?? '', /dropped Nope/);
    });

    it('fires ButtonCreated with an empty detail and keeps config and init arguments off settings', async () => {
        const s = setup({ version: 'v2' });
        await initWith(s, {}, { expSiteContext: 'LWR', isExpSiteGuestUser: true });
        const created = s.seen.find((e) => e.name === 'onEmbeddedMessagingButtonCreated');
        assert.deepEqual(created?.detail, {});
        const settings = s.api().settings as unknown as Record<string, unknown>;
        assert.equal(settings.embeddedServiceConfig, undefined);
        assert.equal(settings.snippetConfig, undefined);
    });

    it('resolves launchChat before the window maximized event reaches the page', async () => {
        const maximizeMs = 400;
        const s = await ready({ version: 'v2', delays: { maximizeMs } });
        let resolvedAt = -1;
        (s.api().utilAPI.launchChat() as Promise<unknown>).then(() => {
            resolvedAt = s.clock.now();
        });
        await s.clock.advance(DEFAULT_DELAYS.iframeMs);
        assert.ok(resolvedAt > 0, 'resolved when the frame answered');
        assert.ok(!names(s).includes('WindowMaximized'));
        assert.ok(!names(s).includes('InitSuccess'), 'the v2 host fires no InitSuccess');
        await s.clock.advance(maximizeMs);
        assert.ok(names(s).includes('WindowMaximized'));
        const maximized = s.sim.events.find((e) => e.name === 'onEmbeddedMessagingWindowMaximized');
        const launch = s.sim.calls.find((c) => c.method === 'launchChat');
        assert.equal(
            (maximized?.at ?? 0) - (launch?.at ?? 0),
            DEFAULT_DELAYS.iframeMs + maximizeMs
        );
    });

    it('answers a launch with the window open without a new chat; a reset wipes hidden fields', async () => {
        const s = await ready({ version: 'v2' });
        s.api().prechatAPI.setHiddenPrechatFields(ROUTING);
        s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        const again = s.api().utilAPI.launchChat();
        await s.clock.advance(STEP);
        assert.equal(await again, undefined);
        assert.equal(s.sim.snapshot().conversations.length, 1);
        assert.equal(s.sim.snapshot().windows.length, 1);
        const cleared = s.api().userVerificationAPI.clearSession();
        await s.clock.advance(STEP);
        await cleared;
        assert.deepEqual(s.sim.snapshot().hiddenFields, {});
    });

    it('resolves launchChat having done nothing when the chat frame is missing', async () => {
        const s = await ready({ version: 'v2' });
        s.sim.setFrameMissing(true);
        assert.equal(await s.api().utilAPI.launchChat(), undefined);
        await s.clock.advance(STEP * 4);
        assert.equal(s.sim.snapshot().windows.length, 0);
        assert.equal(s.sim.snapshot().conversations.length, 0);
    });

    it('shows its frame after ButtonCreated, undoing a hide made by a ButtonCreated listener', async () => {
        const answers: unknown[] = [];
        const s = setup({
            version: 'v2',
            dispatch: (name) => {
                if (name === 'onEmbeddedMessagingButtonCreated') {
                    answers.push(s.api().utilAPI.hideChatButton());
                }
            }
        });
        (s.sim.global.init as () => void)();
        await s.clock.advance(STEP * 2);
        assert.deepEqual(answers, [true]);
        assert.equal(s.sim.snapshot().button, 'Show');
    });
});

/** init with the snippet's settings (set before init) and its 4th argument, then wait. */
async function initWith(
    s: Setup,
    settings: Record<string, unknown> = {},
    snippetConfig: Record<string, unknown> = {}
): Promise<void> {
    Object.assign(s.api().settings, settings);
    (s.sim.global.init as (...args: unknown[]) => void)('00D', 'Dev', 'https://site', {
        scrt2URL: 'https://scrt',
        ...snippetConfig
    });
    await s.clock.advance(STEP * 2);
}

function config(s: Setup): Record<string, Record<string, unknown>> | undefined {
    const settings = s.api().settings as unknown as Record<string, unknown>;
    return settings.embeddedServiceConfig as Record<string, Record<string, unknown>> | undefined;
}

const CHECK = { channel: { agentAvailabilityCheck: true } };
const PERIOD = DEFAULT_DELAYS.agentCheckMs;

describe('Enhanced Chat simulator: the agent-availability check (v1)', () => {
    it('holds Ready back while no agent is online, asking every 30 s; config readable', async () => {
        const s = setup({ ...CHECK, agentsOnline: false });
        (s.sim.global.init as () => void)();
        await s.clock.advance(DEFAULT_DELAYS.configMs - 1);
        assert.equal(config(s), undefined);
        await s.clock.advance(1);
        assert.equal(config(s)?.messagingChannel.isAgentAvailabilityCheckEnabled, true);
        assert.equal(s.sim.snapshot().configLoadedAt, DEFAULT_DELAYS.configMs);
        await s.clock.advance(PERIOD * 2 + STEP);
        assert.deepEqual(names(s), []);
        assert.equal(s.api().utilAPI, undefined);
        assert.equal(s.sim.snapshot().availabilityChecks, 3);
        assert.equal(s.sim.snapshot().waitingForAgent, true);
        s.sim.setAgentsOnline(true);
        await s.clock.advance(PERIOD - STEP);
        assert.deepEqual(names(s), [], 'nothing until the next availability request');
        await s.clock.advance(STEP);
        assert.deepEqual(names(s), ['Ready', 'ButtonCreated']);
        assert.equal(typeof s.api().utilAPI.launchChat, 'function');
    });

    it('is switched off by settings.hideChatButtonOnLoad: Ready on time, a hidden button', async () => {
        const s = setup({ ...CHECK, agentsOnline: false });
        await initWith(s, { hideChatButtonOnLoad: true });
        assert.deepEqual(names(s), ['Ready', 'ButtonCreated']);
        assert.deepEqual(s.seen[1].detail, { buttonVisibility: 'Hide' });
        assert.equal(s.sim.snapshot().availabilityChecks, 0);
    });

    it('after Ready, shows and hides the button every 30 s with no event', async () => {
        const s = await ready(CHECK);
        const before = s.seen.length;
        s.sim.setAgentsOnline(false);
        await s.clock.advance(PERIOD);
        assert.equal(s.sim.snapshot().button, 'Hide');
        s.sim.setAgentsOnline(true);
        await s.clock.advance(PERIOD);
        assert.equal(s.sim.snapshot().button, 'Show');
        assert.equal(s.seen.length, before, 'no event');
    });

    it('rejects a launch with no agent online: "Agent Unavailable", after a reset', async () => {
        const s = await ready(CHECK);
        s.api().prechatAPI.setHiddenPrechatFields(ROUTING);
        s.sim.setAgentsOnline(false);
        const before = s.seen.length;
        const launch = rejection(s.api().utilAPI.launchChat());
        await s.clock.advance(1);
        const reason = await launch;
        assert.equal(reason, AGENT_UNAVAILABLE_MESSAGE);
        assert.match(String(reason), /Agent Unavailable$/);
        assert.deepEqual(names(s).slice(before), ['Ready', 'ButtonCreated']);
        const snapshot = s.sim.snapshot();
        assert.equal(snapshot.windows.length, 0);
        assert.deepEqual(snapshot.hiddenFields, {}, 'the reset wiped the hidden fields');
        assert.notEqual(snapshot.notice, null);
        const checks = snapshot.availabilityChecks;
        await s.clock.advance(PERIOD * 3);
        assert.equal(s.sim.snapshot().availabilityChecks, checks, 'no timer after it');
    });

    it('after a reset with no agent online: Ready, but no button and clearSession pending', async () => {
        const s = await ready(CHECK);
        s.sim.setAgentsOnline(false);
        let resolved = false;
        (s.api().userVerificationAPI.clearSession() as Promise<void>).then(() => {
            resolved = true;
        });
        await s.clock.advance(PERIOD);
        assert.deepEqual(names(s).slice(2), ['Ready']);
        assert.equal(resolved, false);
        s.sim.setAgentsOnline(true);
        await s.clock.advance(PERIOD + STEP);
        assert.deepEqual(names(s).slice(2), ['Ready', 'ButtonCreated']);
        assert.equal(resolved, true);
    });

    it('is skipped outside business hours and for a session in web storage', async () => {
        const closed = setup({ ...CHECK, agentsOnline: false });
        closed.sim.setBusinessHours(false);
        await initWith(closed);
        assert.deepEqual(names(closed), ['BusinessHoursEnded', 'Ready', 'ButtonCreated']);
        assert.deepEqual(closed.seen[2].detail, { buttonVisibility: 'Hide' });
        const storage = memoryStorage();
        storage.setItem(STORAGE_KEY, JSON.stringify({ JWT: 'token' }));
        const restored = await ready({
            ...CHECK,
            agentsOnline: false,
            webStorage: storage,
            restored: {
                conversationId: 'c1',
                hiddenFields: {},
                visibleFields: {},
                status: 'Active'
            }
        });
        assert.deepEqual(names(restored).slice(0, 2), ['Ready', 'ButtonCreated']);
    });
});

const LOGIN_SITE = { channel: { authMode: 'Auth' as const } };
const EXP_SITE = { expSiteContext: 'LWR', expSiteUrl: 'https://northwind.my.site.com' };

describe('Enhanced Chat simulator: Experience-site login mode', () => {
    it('gives a guest Ready but no button: every launch rejects', async () => {
        const s = setup(LOGIN_SITE);
        await initWith(s, { expSiteAuthMode: true }, { ...EXP_SITE, isExpSiteGuestUser: true });
        assert.equal(config(s)?.embeddedServiceMessagingChannel.authMode, 'ExperienceSiteAuth');
        assert.deepEqual(names(s), ['Ready']);
        assert.equal(await rejection(s.api().utilAPI.launchChat()), NO_BUTTON_MESSAGE);
        const cleared = s.api().userVerificationAPI.clearSession();
        await s.clock.advance(STEP);
        await cleared;
        assert.deepEqual(names(s), ['Ready', 'Ready']);
        assert.equal(await rejection(s.api().utilAPI.launchChat()), NO_BUTTON_MESSAGE);
    });

    it('gives a logged-in user the button; showChatButton still answers false', async () => {
        const s = setup(LOGIN_SITE);
        await initWith(s, { expSiteAuthMode: true }, { ...EXP_SITE, isExpSiteGuestUser: false });
        assert.deepEqual(names(s), ['Ready', 'ButtonCreated']);
        assert.equal(s.api().utilAPI.hideChatButton(), true);
        assert.equal(s.api().utilAPI.showChatButton(), false);
    });

    it('stays UnAuth off an Experience site or without the page asking for login', async () => {
        const s = setup(LOGIN_SITE);
        await initWith(s, {}, { ...EXP_SITE, isExpSiteGuestUser: true });
        assert.equal(config(s)?.embeddedServiceMessagingChannel.authMode, 'Auth');
        assert.deepEqual(names(s), ['Ready'], 'Auth mode: no button before an identity token');
    });
});

describe('Enhanced Chat simulator: business hours', () => {
    it('v1 names the events after the state its timer was set in: Started when they end', async () => {
        const s = await ready(CHECK);
        s.sim.setBusinessHours(false);
        assert.equal(names(s).at(-1), 'BusinessHoursStarted');
        assert.equal(s.sim.snapshot().button, 'Hide');
        const checks = s.sim.snapshot().availabilityChecks;
        await s.clock.advance(PERIOD * 2);
        assert.equal(s.sim.snapshot().availabilityChecks, checks, 'the availability timer stopped');
        s.sim.setBusinessHours(true);
        assert.equal(names(s).at(-1), 'BusinessHoursEnded');
        assert.equal(s.sim.snapshot().button, 'Show');
    });

    it('v2 names them right', async () => {
        const s = await ready({ version: 'v2' });
        s.sim.setBusinessHours(false);
        assert.equal(names(s).at(-1), 'BusinessHoursEnded');
        assert.equal(s.sim.snapshot().button, 'Hide');
        s.sim.setBusinessHours(true);
        assert.equal(names(s).at(-1), 'BusinessHoursStarted');
        assert.equal(s.sim.snapshot().button, 'Show');
    });
});

describe("Enhanced Chat simulator: the client's own button is not remembered", () => {
    it('comes back after a close and a clearSession; hiding fails once the window shows', async () => {
        const s = await ready();
        assert.equal(s.api().utilAPI.hideChatButton(), true);
        assert.equal(s.sim.snapshot().button, 'Hide');
        s.api().userVerificationAPI.clearSession();
        await s.clock.advance(STEP);
        assert.equal(s.sim.snapshot().button, 'Show');
        assert.deepEqual(s.seen.at(-1), {
            name: 'onEmbeddedMessagingButtonCreated',
            detail: { buttonVisibility: 'Show' }
        });
        s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        assert.equal(s.api().utilAPI.hideChatButton(), false);
        s.sim.visitorCloses();
        await s.clock.advance(STEP);
        assert.equal(s.sim.snapshot().button, 'Show');
        assert.equal(s.sim.snapshot().readyCount, 3);
    });

    it('v2: a launch shows the frame again; hiding fails while a conversation shows', async () => {
        const s = await ready({ version: 'v2' });
        assert.equal(s.api().utilAPI.hideChatButton(), true);
        s.api().utilAPI.launchChat();
        await s.clock.advance(STEP * 4);
        assert.equal(s.sim.snapshot().button, 'Show');
        assert.equal(s.api().utilAPI.hideChatButton(), false);
        s.sim.visitorCloses();
        await s.clock.advance(STEP);
        assert.equal(s.sim.snapshot().button, 'Show');
        assert.deepEqual(names(s).slice(-2), ['Ready', 'ButtonCreated']);
    });
});

describe('Enhanced Chat simulator: hidden field limits from the configuration', () => {
    it('checks each field against its own maxLength and drops undeclared names', async () => {
        const s = await ready();
        const config18 = 'x'.repeat(18);
        s.api().prechatAPI.setHiddenPrechatFields({
            Chat_Agent_Id: config18,
            Chat_Target_Id: `${config18}y`,
            Chat_Fallback: 'false',
            Chat_Fallback_Routing: 'x'.repeat(255),
            Chat_Queue: 'q'
        });
        assert.deepEqual(Object.keys(s.sim.snapshot().hiddenFields).sort(), [
            'Chat_Agent_Id',
            'Chat_Fallback',
            'Chat_Fallback_Routing'
        ]);
        const declared = config(s)?.forms as unknown as { hiddenFormFields: { name: string }[] }[];
        assert.ok(!declared[0].hiddenFormFields.some((f) => f.name === 'Chat_Queue'));
    });

    it('reads the fields from the configuration on settings at each call, as v1 does', async () => {
        const s = await ready();
        const forms = config(s)?.forms as unknown as { hiddenFormFields: unknown[] }[];
        // getHiddenPrechatFieldsFromConfig: settings.embeddedServiceConfig.forms[0], read each time.
        forms[0].hiddenFormFields = [{ name: 'Chat_Fallback_Routing', maxLength: 1000 }];
        s.api().prechatAPI.setHiddenPrechatFields({
            Chat_Fallback_Routing: 'r'.repeat(1000),
            Chat_Target_Id: '00G5g00000QuEuE'
        });
        assert.deepEqual(Object.keys(s.sim.snapshot().hiddenFields), ['Chat_Fallback_Routing']);
    });
});
