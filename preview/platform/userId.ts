/** Preview stand-in for `@salesforce/user/Id`. */
import { previewUser } from './previewUser.ts';

const userId: string = previewUser().Id;
export default userId;
