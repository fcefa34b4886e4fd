// Types for the Salesforce platform modules that @salesforce/lightning-types does not cover.
// (No imports here: they would turn these ambient declarations into module augmentations.)

declare module '@salesforce/label/c.*' {
    const label: string;
    export default label;
}

declare module '@salesforce/schema/User.FirstName' {
    const field: { fieldApiName: string; objectApiName: string };
    export default field;
}

declare module '@salesforce/schema/User.LastName' {
    const field: { fieldApiName: string; objectApiName: string };
    export default field;
}

declare module '@salesforce/schema/User.Email' {
    const field: { fieldApiName: string; objectApiName: string };
    export default field;
}

/** The site's base path ("/s" on an Aura site, "/mysite" on an LWR one; "" at the domain root). */
declare module '@salesforce/community/basePath' {
    const basePath: string;
    export default basePath;
}

// Lightning Message Service, as the LWC reference documents it ("Message Service",
// lightning/messageService). Only what the package uses is typed.
declare module 'lightning/messageService' {
    /** What createMessageContext() returns: opaque to the caller. */
    export interface MessageServiceContext {
        readonly [key: string]: unknown;
    }
    /** What subscribe() returns: opaque, handed back to unsubscribe(). */
    export interface MessageSubscription {
        readonly [key: string]: unknown;
    }
    export function createMessageContext(): MessageServiceContext;
    export function releaseMessageContext(context: MessageServiceContext): void;
    export function publish(
        context: MessageServiceContext,
        channel: unknown,
        message?: unknown
    ): void;
    export function subscribe(
        context: MessageServiceContext,
        channel: unknown,
        listener: (message: unknown) => void,
        options?: { scope?: unknown }
    ): MessageSubscription;
    export function unsubscribe(subscription: MessageSubscription): void;
    export const APPLICATION_SCOPE: unknown;
}

/** A message channel (LightningMessageChannel metadata), imported by its API name. */
declare module '@salesforce/messageChannel/*' {
    const channel: unknown;
    export default channel;
}
