/**
 * What an admin still sees in Experience Builder when the builder kit cannot load, whatever the
 * reason (docs/admin-guide.md: dynamic components need Lightning Web Security, which an Aura site
 * with Lightning Locker turned off does not run): a placeholder naming the component and saying
 * what visitors see, and one line on the missing checks. It keeps every component visible and
 * selectable in the builder, never a 0 px slot.
 */
import START from '@salesforce/label/c.Chat_Builder_Basic_Start';
import END from '@salesforce/label/c.Chat_Builder_Note_End_During_Chat';
import CLEAR from '@salesforce/label/c.Chat_Builder_Basic_Clear';
import STATUS from '@salesforce/label/c.Chat_Builder_Basic_Status';
import ROUTING from '@salesforce/label/c.Chat_Builder_Basic_Routing';
import NEED_LWS from '@salesforce/label/c.Chat_Builder_Checks_Need_LWS';
import LOCKER_PROBLEM from '@salesforce/label/c.Chat_Admin_Locker_Problem';
import LOCKER_FIX from '@salesforce/label/c.Chat_Admin_Locker_Fix';
import type { CheckedKind } from './builderKit';

export interface BuilderFallback {
    /** The component's name and what visitors see of it. */
    summary: string;
    /** Why the detailed checks are missing (under Lightning Locker: chat is off, and the fix). */
    checks: string;
}

const SUMMARIES: Record<CheckedKind | 'routing', string> = {
    start: START,
    end: END,
    clear: CLEAR,
    status: STATUS,
    routing: ROUTING
};

/** The placeholder of component `kind` without the builder kit. */
export function builderFallback(kind: CheckedKind | 'routing', locker: boolean): BuilderFallback {
    return {
        summary: SUMMARIES[kind],
        checks: locker ? `${LOCKER_PROBLEM} ${LOCKER_FIX}` : NEED_LWS
    };
}
