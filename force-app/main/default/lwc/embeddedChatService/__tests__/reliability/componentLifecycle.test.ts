/**
 * 1000 mount/unmount cycles of every component, with the REAL service and the embedded_svc
 * double: one client registration per event, no subscriber and no timer left behind.
 *
 * Subscribers are observed through behaviour, not through the service's internals: while the
 * chat client is still loading, the service keeps a back-off timer exactly as long as somebody
 * is subscribed (clientReadiness.ts), so `jest.getTimerCount()` reads 0 only when no component
 * is still subscribed; and the components get the real service through a see-through wrapper
 * (test/reliability/countingService.ts) that counts open subscriptions and any state delivered
 * after a component unsubscribed.
 *
 * The tests of this file run in order on one page: the service module is loaded once, before
 * the chat client exists (as on a real page, where the snippet loads after the components).
 */
import type { LightningElement } from 'lwc';
import {
    dispatchScriptLoad,
    fireEvent,
    getCalls,
    handlerCount,
    installEmbeddedSvc,
    registrationCount,
    showLiveAgentApi
} from 'test/jest-mocks/embeddedSvc';
import { flushMicrotasks } from 'test/reliability/serviceHarness';
import { counters } from 'test/reliability/countingService';
import { BUTTON } from 'test/fixtures/ids';
import type * as ServiceModule from 'c/embeddedChatService';

jest.mock('c/embeddedChatService', () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories must require
    require('test/reliability/countingService').withCounters(
        jest.requireActual('c/embeddedChatService')
    )
);

type ComponentClass = typeof LightningElement;
type CreateElement = (tag: string, options: { is: ComponentClass }) => HTMLElement;

interface Subject {
    tag: string;
    module: string;
    props: Record<string, unknown>;
    /** Whether the component follows the chat state (subscribes). */
    subscribes: boolean;
}

const CYCLES = 1000;

const SUBJECTS: Subject[] = [
    { tag: 'c-chat-start-button', module: 'c/chatStartButton', props: {}, subscribes: true },
    {
        tag: 'c-chat-start-button',
        module: 'c/chatStartButton',
        props: { routingButtonId: BUTTON, hideDuringChat: 'true', whenOffline: 'hide' },
        subscribes: true
    },
    {
        tag: 'c-chat-end-button',
        module: 'c/chatEndButton',
        props: { showOnlyDuringChat: false },
        subscribes: true
    },
    {
        tag: 'c-chat-clear-session',
        module: 'c/chatClearSession',
        props: { clearOnPageLoad: true },
        subscribes: true
    },
    { tag: 'c-chat-status', module: 'c/chatStatus', props: { heading: 'Chat' }, subscribes: true },
    {
        tag: 'c-chat-routing-settings',
        module: 'c/chatRoutingSettings',
        props: { buttonId: BUTTON },
        subscribes: false
    },
    {
        tag: 'c-chat-fallback-rules-editor',
        module: 'c/chatFallbackRulesEditor',
        props: { label: 'Fallback rules', value: BUTTON },
        // It checks targets for the client the page runs, when it is known there.
        subscribes: true
    },
    {
        tag: 'c-chat-admin-notice',
        module: 'c/chatAdminNotice',
        props: { disabledReason: 'no-chat-client', propertyProblems: ['x'] },
        subscribes: false
    }
];

const CLIENT_EVENTS_MODULE = '../../embeddedSvcClient';

let createElement: CreateElement;
let service: typeof ServiceModule;
let clientEvents: readonly string[];
const classes = new Map<string, ComponentClass>();
function mount(subject: Subject): HTMLElement {
    const element = createElement(subject.tag, { is: classes.get(subject.module)! });
    Object.assign(element, subject.props);
    document.body.appendChild(element);
    return element;
}

function cycle(subject: Subject, times: number): void {
    for (let i = 0; i < times; i++) {
        const element = mount(subject);
        document.body.removeChild(element);
    }
}

function name(subject: Subject): string {
    return `${subject.tag}${Object.keys(subject.props).length ? ` (${Object.keys(subject.props).join(', ')})` : ''}`;
}

describe('1000 mount/unmount cycles of every component with the real service', () => {
    beforeAll(() => {
        jest.useFakeTimers();
        // Loaded here rather than imported, so that the whole file shares one page (one service).
        /* eslint-disable @typescript-eslint/no-require-imports -- modules loaded in order, on purpose */
        createElement = (require('lwc') as { createElement: CreateElement }).createElement;
        for (const { module } of SUBJECTS) {
            classes.set(module, (require(module) as { default: ComponentClass }).default);
        }
        service = require('c/embeddedChatService') as typeof ServiceModule;
        clientEvents = (require(CLIENT_EVENTS_MODULE) as { CLIENT_EVENTS: readonly string[] })
            .CLIENT_EVENTS;
        /* eslint-enable @typescript-eslint/no-require-imports */
    });

    afterAll(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllTimers();
        jest.useRealTimers();
    });

    it('finds every component bundle and a chat state field on each that subscribes', () => {
        for (const subject of SUBJECTS) {
            expect(classes.get(subject.module)).toEqual(expect.any(Function));
            const opened = counters.opened;
            const element = mount(subject);
            expect(counters.opened - opened).toBe(subject.subscribes ? 1 : 0);
            document.body.removeChild(element);
            expect(counters.open).toBe(0);
        }
        expect(service.getChatState().status).toBe('loading');
    });

    describe('while the chat client is still loading', () => {
        // The components that follow the chat (and the routing settings, which configure it);
        // the property editor and the notice never touch the service.
        const serviceUsers = SUBJECTS.filter(
            (s) => s.subscribes || s.module === 'c/chatRoutingSettings'
        );

        it.each(serviceUsers.map((s) => [name(s), s] as const))(
            'leaves no subscriber and no timer after 1000 cycles of %s',
            (_name, subject) => {
                const kept = mount(subject);
                // The method can see a subscriber: one mounted component keeps the wait going.
                expect(jest.getTimerCount()).toBe(subject.subscribes ? 1 : 0);
                cycle(subject, CYCLES);
                document.body.removeChild(kept);
                expect(jest.getTimerCount()).toBe(0);
                expect(counters.open).toBe(0);
                expect(getCalls()).toHaveLength(0);
            }
        );

        it('leaves no subscriber and no timer after 100 cycles of all components mounted together', () => {
            for (let i = 0; i < 100; i++) {
                const elements = SUBJECTS.map(mount);
                elements.forEach((element) => document.body.removeChild(element));
            }
            expect(jest.getTimerCount()).toBe(0);
            expect(service.getChatState().status).toBe('loading');
        });
    });

    describe('once the chat client is ready', () => {
        beforeAll(() => {
            installEmbeddedSvc({ liveAgent: false });
            dispatchScriptLoad();
            showLiveAgentApi();
        });

        it('is ready and has registered every client event exactly once', () => {
            expect(service.getChatState().status).toBe('ready');
            for (const event of clientEvents) {
                expect(handlerCount(event)).toBe(1);
            }
        });

        it.each(SUBJECTS.map((s) => [name(s), s] as const))(
            'keeps one registration per event, no timer, and no state delivery to removed instances after 1000 cycles of %s',
            async (_name, subject) => {
                cycle(subject, CYCLES);
                await flushMicrotasks();
                for (const event of clientEvents) {
                    expect(handlerCount(event)).toBe(1);
                }
                expect(registrationCount()).toBe(clientEvents.length);
                expect(counters.open).toBe(0);
                const delivered = counters.delivered;
                fireEvent('onAvailability', { isAgentAvailable: true });
                fireEvent('onAvailability', { isAgentAvailable: false });
                fireEvent('onAvailability', {});
                expect(counters.delivered).toBe(delivered);
                expect(counters.deliveredAfterClose).toBe(0);
                // A component mounted now still gets the state, at once and on each change.
                const element = mount(subject);
                fireEvent('onAvailability', { isAgentAvailable: true });
                expect(counters.delivered - delivered).toBe(subject.subscribes ? 2 : 0);
                document.body.removeChild(element);
                await flushMicrotasks();
                expect(jest.getTimerCount()).toBe(0);
            }
        );

        it('runs the page-load clear once however many Clear Session components mount', () => {
            expect(getCalls('clearSession')).toHaveLength(1);
        });

        it('makes exactly one client call when 1000 mounted Start buttons are clicked in the same tick', async () => {
            fireEvent('onAvailability', { isAgentAvailable: true });
            const subject = SUBJECTS[0];
            const elements = Array.from({ length: CYCLES }, () => mount(subject));
            await flushMicrotasks();
            const buttons = elements.map(
                (e) => e.shadowRoot!.querySelector('lightning-button') as HTMLElement
            );
            expect(
                buttons.every(
                    (b) => b !== null && !(b as unknown as { disabled: boolean }).disabled
                )
            ).toBe(true);
            buttons.forEach((b) => b.click());
            await flushMicrotasks();
            expect(getCalls('startChat')).toHaveLength(1);
            expect(service.getChatState().status).toBe('requesting');
            elements.forEach((element) => document.body.removeChild(element));
            await flushMicrotasks();
            expect(jest.getTimerCount()).toBe(0);
            await service.clearSession();
        });

        it('settles a click whose component is removed before the client answers, leaving no timer', async () => {
            const element = mount(SUBJECTS[0]);
            await flushMicrotasks();
            (element.shadowRoot!.querySelector('lightning-button') as HTMLElement).click();
            document.body.removeChild(element);
            await flushMicrotasks();
            expect(getCalls('startChat')).toHaveLength(2);
            expect(jest.getTimerCount()).toBe(0);
            for (const event of clientEvents) {
                expect(handlerCount(event)).toBe(1);
            }
        });

        it('gives the site routing back to the snippet once the last routing component is removed', () => {
            const element = mount(SUBJECTS.find((s) => s.module === 'c/chatRoutingSettings')!);
            expect(service.getRoutingValidation().config).toMatchObject({
                directToAgentRouting: { buttonId: BUTTON }
            });
            document.body.removeChild(element);
            expect(service.getRoutingValidation().config).toEqual({});
        });
    });
});
