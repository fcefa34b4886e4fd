/**
 * The page-load clear runs once per visit of a page, however many Clear Chat Session components
 * (in page-load mode) the page holds: the first one to claim it runs it. Experience Cloud moves
 * between pages without loading the document again, so "a visit" is counted by the components
 * themselves: it lasts while at least one of them is on the page, and the next one inserted
 * after all have left starts a new visit (and claims a new clear).
 *
 * A clear still running when the last component leaves (the visitor left within moments) belongs
 * to that visit: the claim is given back when the last component of a later visit leaves, so
 * components removed and inserted in quick succession never clear more than once.
 */
let members = 0;
let claim: 'free' | 'running' | 'done' = 'free';
/** Counts claims, so that a late "finished" of an old visit cannot end a newer one. */
let generation = 0;

/** Counts a component in page-load mode as on the page; call the returned function when it leaves. */
export function joinPageLoadClear(): () => void {
    members += 1;
    let joined = true;
    return () => {
        if (!joined) {
            return;
        }
        joined = false;
        members = Math.max(0, members - 1);
        if (members === 0 && claim === 'done') {
            claim = 'free';
        }
    };
}

/**
 * For the first caller of this visit (it runs the clear): the function to call once the clear
 * has finished (succeeded, failed or stopped). Null for every later caller.
 */
export function claimPageLoadClear(): (() => void) | null {
    if (claim !== 'free') {
        return null;
    }
    claim = 'running';
    const claimed = ++generation;
    return () => {
        if (generation === claimed && claim === 'running') {
            claim = 'done';
        }
    };
}

/** Forgets the visit, as a new page load would (for tests and the local preview). */
export function resetPageLoadClear(): void {
    members = 0;
    claim = 'free';
    generation += 1;
}
