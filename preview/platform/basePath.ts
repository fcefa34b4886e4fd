/** `@salesforce/community/basePath` in the preview: the site is served at the domain root. */
export default '';
