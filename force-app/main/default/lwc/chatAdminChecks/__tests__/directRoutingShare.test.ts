import {
    shareDirectRouting,
    watchDirectRouting,
    withdrawDirectRouting,
    type DirectRoutingSeen
} from '../directRoutingShare';
import { BUTTON, BUTTON_2 } from 'test/fixtures/ids';

describe('the direct routing that summary cards share with the rules editor', () => {
    const first = {};
    const second = {};
    let heard: DirectRoutingSeen[];
    let stop: () => void;

    beforeEach(() => {
        heard = [];
        stop = watchDirectRouting((seen) => heard.push(seen));
    });

    afterEach(() => {
        stop();
        withdrawDirectRouting(first);
        withdrawDirectRouting(second);
    });

    it('tells a watcher at once, then each change of the one card on the page', () => {
        shareDirectRouting(first, { buttonId: BUTTON, fallback: false });
        shareDirectRouting(first, undefined);
        withdrawDirectRouting(first);

        expect(heard).toEqual([
            { seen: false },
            { seen: true, direct: { buttonId: BUTTON, fallback: false } },
            { seen: true, direct: undefined },
            { seen: false }
        ]);
    });

    it('sees nothing while two cards share: the editor could not tell which one it edits', () => {
        shareDirectRouting(first, { buttonId: BUTTON, fallback: false });
        shareDirectRouting(second, { buttonId: BUTTON_2, fallback: false });
        expect(heard[heard.length - 1]).toEqual({ seen: false });

        withdrawDirectRouting(first);
        expect(heard[heard.length - 1]).toEqual({
            seen: true,
            direct: { buttonId: BUTTON_2, fallback: false }
        });
    });

    it('stops telling a watcher that stopped', () => {
        stop();
        shareDirectRouting(first, undefined);
        expect(heard).toEqual([{ seen: false }]);
    });
});
