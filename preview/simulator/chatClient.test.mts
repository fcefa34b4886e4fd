/**
 * Unit tests of the chat client simulator: it must behave as docs/legacy-chat-client.md says the
 * real Embedded Chat 5.0 script does. Run: node --test "preview/simulator/*.test.mts"
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    ChatClientSimulator,
    DEFAULT_DELAYS,
    DEMO_BUTTON_ID,
    DELETED_ALL_MESSAGE,
    IFRAME_MISSING_MESSAGE,
    RESTRICTED_MESSAGE,
    type Scheduler,
    type SimulatorOptions
} from './chatClient.mts';

/** A manual clock: timers run only when the test advances time. */
class ManualClock implements Scheduler {
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

    advance(ms: number): void {
        const end = this.time + ms;
        for (;;) {
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
    }
}

interface Setup {
    clock: ManualClock;
    sim: ChatClientSimulator;
    errors: string[];
    seen: { name: string; data: unknown }[];
    /** What the storage frame posted to the page. */
    posted: unknown[];
}

function setup(options: Partial<SimulatorOptions> = {}, register = true): Setup {
    const { delays, ...rest } = options;
    const clock = new ManualClock();
    const errors: string[] = [];
    const posted: unknown[] = [];
    const sim = new ChatClientSimulator({
        scheduler: clock,
        delays: {
            liveAgentApiMs: 100,
            sessionDataMs: 0,
            settingsMs: 50,
            openMs: 5,
            requestMs: 15,
            availabilityIntervalMs: 0,
            ...delays
        },
        postFromStorageFrame: (data) => posted.push(data),
        logError: (message, error) => errors.push(`${message}: ${(error as Error)?.message}`),
        ...rest
    });
    const seen: { name: string; data: unknown }[] = [];
    if (register) {
        for (const name of [
            'onSettingsCallCompleted',
            'onAvailability',
            'onChatRequestSuccess',
            'onQueueUpdate',
            'onChatEstablished',
            'onChatEndedByChasitor',
            'onChatEndedByAgent',
            'onIdleTimeoutOccurred'
        ]) {
            sim.embeddedSvc.addEventHandler(name, (data) => seen.push({ name, data }));
        }
    }
    return { clock, sim, errors, seen, posted };
}

/** Whether `promise` settles within 20 ms of real time (client promises that hang never do). */
async function settlesSoon(promise: Promise<unknown>): Promise<boolean> {
    const outcome = await Promise.race([
        promise.then(() => 'settled'),
        new Promise((resolve) => setTimeout(() => resolve('pending'), 20))
    ]);
    return outcome === 'settled';
}

function api(sim: ChatClientSimulator) {
    const liveAgentApi = sim.embeddedSvc.liveAgentAPI;
    assert.ok(liveAgentApi, 'liveAgentAPI should exist');
    return liveAgentApi;
}

/** Starts a chat and lets the pre-chat form be submitted; returns startChat's answer. */
async function start(s: Setup, attributes: unknown = {}): Promise<unknown> {
    const pending = api(s.sim).startChat(attributes);
    s.clock.advance(20);
    return pending;
}

/** Loads the script and lets liveAgentAPI and the settings call complete. */
function ready(s: Setup): void {
    s.sim.load();
    s.clock.advance(200);
}

describe('chat client simulator: page load', () => {
    it('adds liveAgentAPI only after the LiveAgent feature loads, then fires featureLoaded', () => {
        const s = setup();
        const loaded: unknown[] = [];
        s.sim.embeddedSvc.addEventHandler('featureLoaded', (name) => {
            loaded.push([name, s.sim.embeddedSvc.liveAgentAPI !== undefined]);
        });
        s.sim.load();
        assert.equal(s.sim.embeddedSvc.liveAgentAPI, undefined);
        s.clock.advance(100);
        assert.ok(s.sim.embeddedSvc.liveAgentAPI);
        assert.deepEqual(loaded, [['LiveAgent', true]]);
    });

    it('runs the feature setup through the loader it is given (the browser: the script onload)', () => {
        let install: (() => void) | null = null;
        const s = setup({ loadFeature: (fn) => (install = fn) });
        s.sim.load();
        s.clock.advance(100);
        assert.equal(s.sim.embeddedSvc.liveAgentAPI, undefined);
        (install as unknown as () => void)();
        assert.ok(s.sim.embeddedSvc.liveAgentAPI);
    });

    it('fires sessionDataRetrieved once the storage frame answers, then marks the data loaded', () => {
        const s = setup({
            delays: {
                liveAgentApiMs: 100,
                sessionDataMs: 250,
                settingsMs: 50,
                openMs: 5,
                requestMs: 20,
                availabilityIntervalMs: 0
            }
        });
        const data: unknown[] = [];
        s.sim.embeddedSvc.addEventHandler('sessionDataRetrieved', (d) => {
            data.push(d);
        });
        s.sim.load();
        s.clock.advance(100);
        assert.equal(s.sim.embeddedSvc.hasSessionDataLoaded, false);
        s.clock.advance(250);
        assert.deepEqual(data, [{}]);
        assert.equal(s.sim.embeddedSvc.hasSessionDataLoaded, true);
    });

    it('by default answers the session data well after liveAgentAPI exists (a window a page must not read as ready)', () => {
        const s = setup({ delays: { ...DEFAULT_DELAYS, availabilityIntervalMs: 0 } });
        const data: unknown[] = [];
        s.sim.embeddedSvc.addEventHandler('sessionDataRetrieved', (d) => {
            data.push(d);
        });
        s.sim.load();
        s.clock.advance(DEFAULT_DELAYS.liveAgentApiMs);
        assert.ok(s.sim.embeddedSvc.liveAgentAPI);
        assert.ok(DEFAULT_DELAYS.sessionDataMs >= 100);
        s.clock.advance(DEFAULT_DELAYS.sessionDataMs - 1);
        assert.equal(s.sim.embeddedSvc.hasSessionDataLoaded, false);
        assert.deepEqual(data, []);
        s.clock.advance(1);
        assert.deepEqual(data, [{}]);
        assert.equal(s.sim.embeddedSvc.hasSessionDataLoaded, true);
    });

    it('tells the log when a sessionDataRetrieved handler returns true', () => {
        const s = setup();
        s.sim.embeddedSvc.addEventHandler('sessionDataRetrieved', () => true);
        ready(s);
        assert.ok(s.sim.notes.some((n) => n.text.includes('returned true')));
    });

    it('fires onSettingsCallCompleted once on page load, then onAvailability', () => {
        const s = setup();
        ready(s);
        assert.deepEqual(
            s.seen.map((e) => e.name),
            ['onSettingsCallCompleted', 'onAvailability']
        );
        assert.deepEqual(s.seen[0].data, { isAgentAvailable: true });
        assert.deepEqual(s.seen[1].data, { isAgentAvailable: true, id: DEMO_BUTTON_ID });
        assert.equal(s.sim.embeddedSvc.settings.agentAvailableOnButtonClick, true);
    });

    it('skips onSettingsCallCompleted on a page that continues a chat', () => {
        const s = setup({
            continuedSession: true,
            restoredChat: { phase: 'waiting', sessionKey: 'sim-session-2', queuePosition: 2 }
        });
        ready(s);
        assert.deepEqual(
            s.seen.map((e) => e.name),
            ['onAvailability']
        );
    });

    it('repeats onAvailability periodically', () => {
        const s = setup({
            delays: { liveAgentApiMs: 0, settingsMs: 0, requestMs: 0, availabilityIntervalMs: 1000 }
        });
        ready(s);
        s.clock.advance(3000);
        assert.equal(s.seen.filter((e) => e.name === 'onAvailability').length, 4);
        s.sim.dispose();
    });

    it('matches handler names case-insensitively and never replays for late handlers', () => {
        const s = setup({}, false);
        const early: string[] = [];
        s.sim.embeddedSvc.addEventHandler('ONSETTINGSCALLCOMPLETED', () => early.push('upper'));
        ready(s);
        const late: string[] = [];
        s.sim.embeddedSvc.addEventHandler('onSettingsCallCompleted', () => late.push('late'));
        assert.deepEqual(early, ['upper']);
        assert.deepEqual(late, []);
        assert.equal(s.sim.events.find((e) => e.name === 'onSettingsCallCompleted')?.handlers, 1);
    });

    it('offers no way to remove a handler', () => {
        const s = setup();
        assert.equal('removeEventHandler' in s.sim.embeddedSvc, false);
    });

    it('holds the snippet pre-chat settings', () => {
        const s = setup();
        const settings = s.sim.embeddedSvc.settings;
        assert.equal(typeof settings.prepopulatedPrechatFields, 'object');
        assert.ok(Array.isArray(settings.extraPrechatInfo));
        assert.ok(Array.isArray(settings.extraPrechatFormDetails));
        assert.equal(settings.buttonId, DEMO_BUTTON_ID);
    });
});

describe('chat client simulator: the feature script task', () => {
    it('does the rest of its onload work after featureLoaded, in the same task, and records it', () => {
        const order: string[] = [];
        let install: (() => void) | null = null;
        const s = setup({
            loadFeature: (fn) => (install = fn),
            featureTaskWork: () => order.push('the loader callback and pending messages')
        });
        s.sim.embeddedSvc.addEventHandler('featureLoaded', () => order.push('featureLoaded'));
        s.sim.load();
        s.clock.advance(100);
        assert.equal(s.sim.snapshot().featureTask, null);
        (install as unknown as () => void)();
        assert.deepEqual(order, ['featureLoaded', 'the loader callback and pending messages']);
        const task = s.sim.snapshot().featureTask;
        assert.ok(task);
        assert.ok(task.endedAt >= task.firedAt);
    });
});

describe('chat client simulator: an unreachable storage frame', () => {
    it('never returns the session data: no sessionDataRetrieved, no settings call, availability unset', () => {
        const s = setup({ storageFrameUnreachable: true });
        const retrieved: unknown[] = [];
        s.sim.embeddedSvc.addEventHandler('sessionDataRetrieved', (data) => retrieved.push(data));
        s.sim.load();
        s.clock.advance(60_000);
        assert.ok(s.sim.embeddedSvc.liveAgentAPI);
        assert.equal(s.sim.embeddedSvc.hasSessionDataLoaded, false);
        assert.deepEqual(retrieved, []);
        assert.deepEqual(
            s.seen.filter((e) => e.name === 'onSettingsCallCompleted'),
            []
        );
        assert.equal(s.sim.embeddedSvc.settings.agentAvailableOnButtonClick, undefined);
        assert.equal(s.sim.snapshot().storageFrameUnreachable, true);
    });

    it('still starts a chat through the API (startChat does not wait for session data)', async () => {
        const s = setup({ storageFrameUnreachable: true });
        ready(s);
        assert.equal(await start(s), undefined);
        assert.equal(s.sim.snapshot().phase, 'waiting');
        assert.ok(s.seen.some((e) => e.name === 'onChatRequestSuccess'));
    });

    it('clearSession never settles and posts nothing', async () => {
        const s = setup({ storageFrameUnreachable: true });
        ready(s);
        assert.equal(await settlesSoon(api(s.sim).clearSession()), false);
        assert.deepEqual(s.posted, []);
    });
});

describe('chat client simulator: startChat', () => {
    it('logs a deep copy taken before it mutates the attributes', async () => {
        const s = setup();
        ready(s);
        const attrs: Record<string, unknown> = {
            buttonId: '5735g000000XyZa',
            userId: '0055g00000AbCdE',
            fallback: true,
            directToAgentRouting: { buttonId: 'nested-is-ignored' },
            prepopulatedPrechatFields: { FirstName: 'Ada' }
        };
        const result = await start(s, attrs);
        assert.equal(result, undefined);
        const call = s.sim.calls.find((c) => c.method === 'startChat');
        assert.ok(call);
        assert.deepEqual(call.args[0], {
            buttonId: '5735g000000XyZa',
            userId: '0055g00000AbCdE',
            fallback: true,
            directToAgentRouting: { buttonId: 'nested-is-ignored' },
            prepopulatedPrechatFields: { FirstName: 'Ada' }
        });
        // The caller's own object was mutated, as the real script does.
        assert.deepEqual(attrs.directToAgentRouting, {
            buttonId: '5735g000000XyZa',
            userId: '0055g00000AbCdE',
            fallback: true
        });
        assert.deepEqual(call.effective, attrs);
    });

    it('opens the widget (afterMaximize), then settles only when the pre-chat form is submitted', async () => {
        const s = setup();
        ready(s);
        const maximized: number[] = [];
        s.sim.embeddedSvc.addEventHandler('afterMaximize', () => maximized.push(1));
        let settled = false;
        const pending = api(s.sim)
            .startChat({})
            .then(() => (settled = true));
        s.clock.advance(5);
        await Promise.resolve();
        assert.deepEqual(maximized, [1]);
        assert.equal(settled, false);
        assert.match(s.sim.calls.at(-1)?.answer ?? '', /^pending/);
        s.clock.advance(15);
        await pending;
        assert.equal(s.sim.calls.at(-1)?.answer, 'resolved undefined');
    });

    it('fires onChatRequestSuccess then onQueueUpdate', async () => {
        const s = setup();
        ready(s);
        const pending = api(s.sim).startChat({});
        assert.equal(s.sim.snapshot().phase, 'requesting');
        s.clock.advance(20);
        assert.equal(await pending, undefined);
        const names = s.seen.map((e) => e.name).slice(2);
        assert.deepEqual(names, ['onChatRequestSuccess', 'onQueueUpdate']);
        const queue = s.seen[3].data as { queuePosition: number; liveAgentSessionKey: string };
        assert.equal(queue.queuePosition, 3);
        assert.match(queue.liveAgentSessionKey, /^sim-session-/);
        assert.equal(s.sim.snapshot().phase, 'waiting');
    });

    it('resolves undefined and only logs "Restricted" while a chat is waiting or active', async () => {
        const s = setup();
        ready(s);
        const first = api(s.sim).startChat({});
        const second = api(s.sim).startChat({});
        s.clock.advance(20);
        assert.deepEqual(await Promise.all([first, second]), [undefined, undefined]);
        assert.equal(await api(s.sim).startChat({}), undefined);
        s.sim.acceptChat();
        assert.equal(await api(s.sim).startChat({}), undefined);
        assert.equal(s.seen.filter((e) => e.name === 'onChatRequestSuccess').length, 1);
        const outcomes = s.sim.calls.filter((c) => c.method === 'startChat').map((c) => c.outcome);
        assert.equal(outcomes.filter((o) => o?.startsWith(RESTRICTED_MESSAGE)).length, 2);
    });

    it('only logs (never rejects) a blank or non-string top-level buttonId with directToAgentRouting', async () => {
        for (const buttonId of ['', '   ', 42, undefined]) {
            const s = setup();
            ready(s);
            const result = await api(s.sim).startChat({
                buttonId,
                directToAgentRouting: { buttonId: '5735g000000XyZa' }
            });
            assert.equal(result, undefined);
            assert.equal(s.errors.length, 1, `buttonId ${String(buttonId)}`);
            assert.equal(s.sim.snapshot().phase, 'none');
            s.clock.advance(100);
            assert.equal(s.seen.filter((e) => e.name === 'onChatRequestSuccess').length, 0);
        }
    });

    it('ignores a top-level buttonId without directToAgentRouting', async () => {
        const s = setup();
        ready(s);
        const attrs: Record<string, unknown> = { buttonId: '' };
        await start(s, attrs);
        assert.equal(s.errors.length, 0);
        assert.equal('directToAgentRouting' in attrs, false);
    });

    it('errors on wrong kinds of pre-chat and fallback attributes', async () => {
        const wrong: Record<string, unknown>[] = [
            { prepopulatedPrechatFields: ['a'] },
            { prepopulatedPrechatFields: 'FirstName=Ada' },
            { extraPrechatInfo: {} },
            { extraPrechatFormDetails: 'x' },
            { fallbackRouting: '5735g000000XyZa' }
        ];
        for (const attrs of wrong) {
            const s = setup();
            ready(s);
            assert.equal(await api(s.sim).startChat(attrs), undefined);
            assert.equal(s.errors.length, 1, JSON.stringify(attrs));
            assert.equal(s.sim.snapshot().phase, 'none');
        }
    });

    it('shows the offline form and fires no chat event when agents are offline', async () => {
        const s = setup({ agentsAvailable: false });
        ready(s);
        const pending = api(s.sim)
            .startChat({})
            .then(() => 'settled');
        s.clock.advance(100);
        assert.equal(
            await settlesSoon(pending),
            false,
            'no liveagent.initialized for an offline form'
        );
        assert.equal(s.sim.snapshot().widget, 'offline-form');
        assert.equal(s.seen.filter((e) => e.name === 'onChatRequestSuccess').length, 0);
    });

    it('can leave its promises unsettled', async () => {
        const s = setup();
        ready(s);
        s.sim.setPromisesHang(true);
        assert.equal(await settlesSoon(api(s.sim).startChat({})), false);
    });
});

describe('chat client simulator: a chat life', () => {
    it('queue, accept, agent ends, new chat', async () => {
        const s = setup();
        ready(s);
        await start(s);
        assert.equal(s.sim.advanceQueue(), true);
        assert.deepEqual((s.seen.at(-1)?.data as { queuePosition: number }).queuePosition, 2);
        assert.equal(s.sim.acceptChat(), true);
        assert.equal(s.sim.snapshot().phase, 'active');
        assert.equal(s.sim.agentEndsChat(), true);
        assert.equal(s.seen.at(-1)?.name, 'onChatEndedByAgent');
        void api(s.sim).startChat({});
        assert.equal(s.sim.snapshot().phase, 'requesting');
    });

    it('endChat fires onChatEndedByChasitor only when a chat was under way', async () => {
        const s = setup();
        ready(s);
        await api(s.sim).endChat();
        assert.equal(s.seen.filter((e) => e.name === 'onChatEndedByChasitor').length, 0);
        await start(s);
        s.sim.acceptChat();
        await api(s.sim).endChat();
        assert.equal(s.seen.filter((e) => e.name === 'onChatEndedByChasitor').length, 1);
        assert.equal(s.sim.snapshot().widget, 'help-button');
    });

    it('idle timeout ends an active chat', async () => {
        const s = setup();
        ready(s);
        assert.equal(s.sim.idleTimeout(), false);
        await start(s);
        s.sim.acceptChat();
        assert.equal(s.sim.idleTimeout(), true);
        assert.equal(s.seen.at(-1)?.name, 'onIdleTimeoutOccurred');
    });

    it('restores a chat on a continued session', async () => {
        const s = setup({
            continuedSession: true,
            restoredChat: { phase: 'active', sessionKey: 'sim-session-9', queuePosition: null }
        });
        const data: unknown[] = [];
        s.sim.embeddedSvc.addEventHandler('sessionDataRetrieved', (d) => {
            data.push(d);
        });
        s.sim.load();
        s.clock.advance(99);
        // Restored only once the storage frame returns the session data.
        assert.equal(s.sim.snapshot().phase, 'none');
        s.clock.advance(101);
        assert.equal(s.sim.snapshot().phase, 'active');
        assert.equal(s.sim.snapshot().widget, 'chat');
        const serialized = (data[0] as { CHASITOR_SERIALIZED_KEY: string }).CHASITOR_SERIALIZED_KEY;
        assert.deepEqual(JSON.parse(serialized), {
            chasitorData: { chatKey: 'sim-session-9', isChatEstablished: true }
        });
        assert.equal(await api(s.sim).startChat({}), undefined);
        assert.match(s.sim.calls.at(-1)?.outcome ?? '', /^Restricted/);
    });

    it('agents going offline fire onAvailability and update the settings', () => {
        const s = setup();
        ready(s);
        s.sim.setAgentsAvailable(false);
        assert.deepEqual(s.seen.at(-1), {
            name: 'onAvailability',
            data: { isAgentAvailable: false, id: DEMO_BUTTON_ID }
        });
        assert.equal(s.sim.embeddedSvc.settings.agentAvailableOnButtonClick, false);
    });
});

describe('chat client simulator: clearSession', () => {
    /** The methods the components called (addEventHandler left out). */
    const methods = (sim: ChatClientSimulator) =>
        sim.calls.filter((c) => c.method !== 'addEventHandler').map((c) => c.method);

    /** Starts a chat and lets it reach the queue. */
    async function waiting(s: Setup): Promise<string> {
        await start(s);
        const key = s.sim.snapshot().sessionKey;
        assert.ok(key);
        return key;
    }

    it('ends the chat (endChat first), clears the session, and the storage frame answers', async () => {
        const s = setup();
        ready(s);
        const key = await waiting(s);
        assert.equal(await api(s.sim).clearSession(), undefined);
        assert.deepEqual(s.seen.at(-1), {
            name: 'onChatEndedByChasitor',
            data: { liveAgentSessionKey: key }
        });
        assert.equal(s.sim.snapshot().phase, 'none');
        assert.equal(s.sim.snapshot().widget, 'help-button');
        assert.equal(s.sim.snapshot().sessionKey, null);
        // endChat runs inside clearSession: the log holds only the components' own calls.
        assert.deepEqual(methods(s.sim), ['startChat', 'clearSession']);
        const call = s.sim.calls.at(-1);
        assert.equal(
            call?.outcome,
            'endChat first: chat ended by the visitor; session data cleared'
        );
        assert.equal(call?.answer, 'resolved undefined');
        assert.deepEqual(s.posted, [DELETED_ALL_MESSAGE]);
        assert.deepEqual(DELETED_ALL_MESSAGE, { method: 'session.deletedAllSessionData' });
    });

    it('with no chat closes the widget, fires no event and clears', async () => {
        const s = setup();
        ready(s);
        const before = s.seen.length;
        assert.equal(await api(s.sim).clearSession(), undefined);
        assert.equal(s.seen.length, before);
        assert.equal(
            s.sim.calls.at(-1)?.outcome,
            'endChat first: no chat: widget closed, no event; session data cleared'
        );
    });

    it('with the storage frame missing and no widget: settles, clears nothing, only logs "iframe not present"', async () => {
        const s = setup({ storageFrameMissing: true });
        ready(s);
        assert.equal(s.sim.snapshot().storageFrameMissing, true);
        assert.equal(await api(s.sim).clearSession(), undefined);
        const call = s.sim.calls.at(-1);
        assert.match(call?.outcome ?? '', /session data NOT cleared/);
        assert.ok(call?.outcome?.includes(IFRAME_MISSING_MESSAGE));
        assert.equal(call?.answer, 'resolved undefined');
        assert.deepEqual(s.posted, []);
    });

    it('with the storage frame missing and a chat open: ends the chat, never settles', async () => {
        const s = setup();
        ready(s);
        const key = await waiting(s);
        s.sim.setStorageFrameMissing(true);
        assert.equal(await settlesSoon(api(s.sim).clearSession()), false);
        assert.equal(s.seen.at(-1)?.name, 'onChatEndedByChasitor');
        assert.equal(s.sim.snapshot().phase, 'none');
        assert.equal(s.sim.snapshot().sessionKey, key);
        assert.equal(s.sim.calls.at(-1)?.answer, 'never settles');
        assert.deepEqual(s.posted, []);
        assert.deepEqual(
            s.sim.notes.map((n) => n.text).filter((t) => t.includes('storage frame')),
            ['Control: session storage frame missing']
        );
    });

    it('with a silent storage frame: never settles and posts nothing', async () => {
        const s = setup({ storageFrameSilent: true });
        ready(s);
        assert.equal(s.sim.snapshot().storageFrameSilent, true);
        assert.equal(await settlesSoon(api(s.sim).clearSession()), false);
        assert.deepEqual(s.posted, []);
        s.sim.setStorageFrameSilent(false);
        assert.equal(await api(s.sim).clearSession(), undefined);
        assert.deepEqual(s.posted, [DELETED_ALL_MESSAGE]);
    });

    it('ends the chat but clears nothing (error logged only) when LiveAgent is not in enabledFeatures', async () => {
        const s = setup();
        ready(s);
        const key = await waiting(s);
        s.sim.embeddedSvc.settings.enabledFeatures = ['FieldService'];
        assert.equal(await api(s.sim).clearSession(), undefined);
        assert.equal(s.sim.snapshot().phase, 'none');
        assert.equal(s.sim.snapshot().sessionKey, key);
        assert.match(s.sim.calls.at(-1)?.outcome ?? '', /enabledFeatures/);
        assert.deepEqual(s.posted, []);
    });

    it('never settles while client promises hang, but still ends the chat', async () => {
        const s = setup();
        ready(s);
        await waiting(s);
        s.sim.setPromisesHang(true);
        assert.equal(await settlesSoon(api(s.sim).clearSession()), false);
        assert.equal(s.sim.snapshot().phase, 'none');
        assert.equal(s.sim.calls.at(-1)?.answer, 'never settles');
    });
});

describe('chat client simulator: call answers in the log', () => {
    it('records how each promise settled', async () => {
        const s = setup();
        ready(s);
        await start(s);
        await api(s.sim).startChat({});
        void api(s.sim).endChat();
        s.sim.setStorageFrameSilent(true);
        void api(s.sim).startChat({});
        void api(s.sim).endChat();
        assert.deepEqual(
            s.sim.calls.filter((c) => c.method !== 'addEventHandler').map((c) => c.answer),
            [
                'resolved undefined',
                'resolved undefined',
                'resolved undefined',
                'pending until the pre-chat form is submitted',
                'never settles'
            ]
        );
    });
});

describe("chat client simulator: the tab's chat marker (esw.js session.updatePrimary)", () => {
    function pageStorage(): Map<string, string> &
        Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
        const map = new Map<string, string>();
        return Object.assign(map, {
            getItem: (key: string) => map.get(key) ?? null,
            setItem: (key: string, value: string) => void map.set(key, value),
            removeItem: (key: string) => void map.delete(key)
        });
    }
    const KEY = 'site.example.comMASTER_DEPLOYMENT_ID';

    it('is set once the chat is requested, and removed when endChat settles', async () => {
        const storage = pageStorage();
        const s = setup({ pageStorage: storage, storageDomain: 'site.example.com' });
        ready(s);
        await start(s);
        assert.equal(storage.getItem(KEY), s.sim.embeddedSvc.settings.deploymentId);
        await api(s.sim).endChat();
        assert.equal(storage.getItem(KEY), null);
    });

    it('is set again when a continued chat is restored, and removed by clearSession', async () => {
        const storage = pageStorage();
        const s = setup({
            pageStorage: storage,
            storageDomain: 'site.example.com',
            continuedSession: true,
            restoredChat: { phase: 'active', sessionKey: 'sim-session-4', queuePosition: null }
        });
        ready(s);
        assert.equal(storage.getItem(KEY), s.sim.embeddedSvc.settings.deploymentId);
        void api(s.sim).clearSession();
        assert.equal(storage.getItem(KEY), null);
    });
});
