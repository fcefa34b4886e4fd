// The accessibility matcher registered by force-app/test/jest-setup.ts.
declare namespace jest {
    interface Matchers<R> {
        toBeAccessible(): Promise<R>;
    }
}
