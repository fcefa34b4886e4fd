/**
 * The page-load clear runs once per page load, however many Clear Chat Session components the
 * page holds: the first component to claim it runs it. Module state lives as long as the page.
 */
let claimed = false;

/** True for the first caller on this page load, false for every later one. */
export function claimPageLoadClear(): boolean {
    if (claimed) {
        return false;
    }
    claimed = true;
    return true;
}

/** Forgets the claim, as a new page load would (for tests and the local preview). */
export function resetPageLoadClear(): void {
    claimed = false;
}
