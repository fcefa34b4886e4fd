/**
 * Lets every pending promise callback run and the components re-render: waits for a macrotask,
 * after which the microtask queue is empty. The one `flushPromises` of the tests.
 */
export function flushPromises(): Promise<void> {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- a test waits for promise callbacks
    return new Promise((resolve) => setTimeout(resolve, 0));
}
