/**
 * What a promise rejects with (the Enhanced Chat client rejects with strings, not Errors); the
 * test fails when it resolves instead.
 */
export async function rejection(promise: unknown): Promise<unknown> {
    try {
        await (promise as Promise<unknown>);
    } catch (reason) {
        return reason;
    }
    throw new Error('expected a rejection');
}
