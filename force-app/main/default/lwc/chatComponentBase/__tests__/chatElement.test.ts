import type { ChatStatus } from 'c/embeddedChatService';
import { isChatActiveStatus } from '../chatElement';

jest.mock('c/embeddedChatService', () => jest.requireActual('test/jest-mocks/chatServiceDouble'));

describe('isChatActiveStatus', () => {
    it.each([
        ['requesting', true],
        ['queued', true],
        ['chatting', true],
        ['loading', false],
        ['ready', false],
        ['ended', false],
        ['disabled', false]
    ] as [ChatStatus, boolean][])('says %s is active: %p', (status, expected) => {
        expect(isChatActiveStatus(status)).toBe(expected);
    });
});
