/** `@salesforce/community/basePath` in unit tests: an Aura site's base path. */
export default '/s';
