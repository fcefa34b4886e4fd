/**
 * Why chat is off is said in full once per page, by the first chat component that says it; the
 * others refer to it in a short sentence, and another takes over when that one leaves. (The
 * placeholders shown when the builder kit cannot load do the same: builderKit.test.ts.)
 */
import ChatStartButton from 'c/chatStartButton';
import ChatEndButton from 'c/chatEndButton';
import ChatClearSession from 'c/chatClearSession';
import ChatStatus from 'c/chatStatus';
import ChatRoutingSummary from 'c/chatRoutingSummary';
import { buildRouting, readSettings } from 'c/chatRoutingModel';
import type { ChatDisabledReason } from 'c/embeddedChatService';
import { setMockChatState } from 'test/jest-mocks/chatServiceDouble';
import {
    READY,
    chatOff,
    flushPromises,
    noticeText,
    renderer,
    resetPage,
    viewAsVisitor,
    viewInBuilder
} from 'test/componentTestUtils';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

const mounts = [
    renderer('c-chat-start-button', ChatStartButton),
    renderer('c-chat-end-button', ChatEndButton),
    renderer('c-chat-clear-session', ChatClearSession),
    renderer('c-chat-status', ChatStatus)
];

/** Each reason's full explanation (problem and fix, in part) and its short reference. */
const REASONS: [ChatDisabledReason, string, string, string][] = [
    [
        'locker',
        'because Lightning Locker is on. Locker hides the chat client',
        'turn on Lightning Web Security',
        'Chat is off here too because Lightning Locker is on. Another chat component on this page explains how to fix it.'
    ],
    [
        'no-chat-client',
        'neither Enhanced Chat nor legacy Embedded Chat',
        'add the Embedded Messaging component',
        'Chat is off here too because no chat client loaded. Another chat component on this page explains how to fix it.'
    ],
    [
        'login-required',
        'the Embedded Messaging component is in login mode',
        'Show guests a login link',
        'Chat here is for logged-in users as well. Another chat component on this page explains what guests see and how to change it.'
    ]
];

/** The four chat components, mounted in Builder in this order, chat off for `reason`. */
function pageOf(reason: ChatDisabledReason): HTMLElement[] {
    viewInBuilder();
    setMockChatState(chatOff(reason));
    return mounts.map((render) => render());
}

describe('why chat is off, once per page', () => {
    afterEach(resetPage);

    it.each(REASONS)(
        'says it in full on the first component and refers to it on the others (%s)',
        async (reason, problem, fix, brief) => {
            const [first, ...others] = pageOf(reason);

            expect(noticeText(first)).toContain(problem);
            expect(noticeText(first)).toContain(fix);
            expect(noticeText(first)).not.toContain(brief);
            for (const other of others) {
                expect(noticeText(other)).toContain(brief);
                expect(noticeText(other)).not.toContain(problem);
                expect(noticeText(other)).not.toContain(fix);
            }
            await expect(document.body).toBeAccessible();
        }
    );

    it('lets the next component say it in full when the one that did leaves the page', async () => {
        const [first, second, third, fourth] = pageOf('locker');

        document.body.removeChild(first);
        await flushPromises();

        expect(noticeText(second)).toContain('turn on Lightning Web Security');
        for (const other of [third, fourth]) {
            expect(noticeText(other)).toContain('Another chat component on this page explains');
        }

        // One mounted later refers to it too; with all of them gone, a new one says it in full.
        const later = mounts[0]();
        expect(noticeText(later)).toContain('Another chat component on this page explains');
        for (const element of [second, third, fourth, later]) {
            document.body.removeChild(element);
        }
        expect(noticeText(mounts[3]())).toContain('turn on Lightning Web Security');
    });

    it('starts over when chat comes back and goes off again', async () => {
        const [first, second] = pageOf('no-chat-client');

        setMockChatState(READY);
        await flushPromises();
        expect(noticeText(first)).toBeNull();

        // The client leaves again: the first component to hear of it says it in full.
        setMockChatState(chatOff('no-chat-client'));
        await flushPromises();
        expect(noticeText(first)).toContain('add the Embedded Messaging component');
        expect(noticeText(second)).toContain('Another chat component on this page explains');
    });

    it('counts Chat Routing Settings’ summary card among them', () => {
        viewInBuilder();
        setMockChatState(chatOff('locker'));
        const settings = readSettings({});
        const card = renderer(
            'c-chat-routing-summary',
            ChatRoutingSummary
        )({
            input: { settings, built: buildRouting(settings, null), userUnavailable: false }
        } as object);
        const start = mounts[0]();

        expect(noticeText(card)).toContain('turn on Lightning Web Security');
        expect(noticeText(start)).toContain('Another chat component on this page explains');

        // The card leaves (its component was removed): the button says it in full.
        document.body.removeChild(card);
        return flushPromises().then(() => {
            expect(noticeText(start)).toContain('turn on Lightning Web Security');
        });
    });

    it('tells visitors nothing', () => {
        viewAsVisitor();
        setMockChatState(chatOff('locker'));
        const elements = mounts.map((render) => render());

        expect(elements.map((element) => element.shadowRoot!.textContent)).toEqual([
            '',
            '',
            '',
            ''
        ]);
    });
});
