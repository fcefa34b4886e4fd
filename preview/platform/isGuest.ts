/** Preview stand-in for `@salesforce/user/isGuest`. */
import { previewIsGuest } from './previewUser.ts';

const isGuest: boolean = previewIsGuest();
export default isGuest;
