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
