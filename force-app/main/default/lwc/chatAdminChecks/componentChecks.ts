/**
 * The builder kit's check of a chat component (Start, End, Clear, Status): what is wrong with its
 * builder properties, each problem naming the property as Experience Builder shows it, and the
 * notes on what visitors see when, all in the admin's words (c/chatAdminNotice shows them). The
 * components say how their properties read (`settings`); this module holds the admin's side.
 */
import type { ChatState, RoutingIssue } from 'c/embeddedChatService';
import {
    formatLabel,
    readProperty,
    type AdminCheck,
    type Checked,
    type AdminNotice,
    type CheckedKind,
    type NoticeSubject
} from 'c/chatComponentSupport';
import { propertyProblemText } from './propertyProblemText';
import { routingIssueText } from './routingIssueText';
import START_LABEL from '@salesforce/label/c.Chat_Start_Prop_Label';
import START_VARIANT from '@salesforce/label/c.Chat_Start_Prop_Variant';
import START_STRETCH from '@salesforce/label/c.Chat_Start_Prop_Stretch';
import START_WHEN_OFFLINE from '@salesforce/label/c.Chat_Start_Prop_When_Offline';
import START_HIDE_DURING_CHAT from '@salesforce/label/c.Chat_Start_Prop_Hide_During_Chat';
import START_FALLBACK from '@salesforce/label/c.Chat_Start_Prop_Fallback';
import START_GUEST_LOGIN_LINK from '@salesforce/label/c.Chat_Start_Prop_Guest_Login_Link';
import START_BUTTON_ID from '@salesforce/label/c.Chat_Start_Prop_Button_Id';
import START_USER_ID from '@salesforce/label/c.Chat_Start_Prop_User_Id';
import ROUTING_PROBLEM from '@salesforce/label/c.Chat_Start_Routing_Problem';
import ROUTING_CAUTION from '@salesforce/label/c.Chat_Start_Routing_Caution';
import END_LABEL from '@salesforce/label/c.Chat_End_Prop_Label';
import END_VARIANT from '@salesforce/label/c.Chat_End_Prop_Variant';
import END_STRETCH from '@salesforce/label/c.Chat_End_Prop_Stretch';
import END_ONLY_DURING_CHAT from '@salesforce/label/c.Chat_End_Prop_Only_During_Chat';
import CLEAR_LABEL from '@salesforce/label/c.Chat_Clear_Prop_Label';
import CLEAR_VARIANT from '@salesforce/label/c.Chat_Clear_Prop_Variant';
import CLEAR_ON_PAGE_LOAD from '@salesforce/label/c.Chat_Clear_Prop_On_Page_Load';
import CLEAR_HIDE_BUTTON from '@salesforce/label/c.Chat_Clear_Prop_Hide_Button';
import HIDE_NEEDS_PAGE_LOAD from '@salesforce/label/c.Chat_Clear_Hide_Needs_Page_Load';
import STATUS_HEADING from '@salesforce/label/c.Chat_Status_Prop_Heading';
import STATUS_SHOW_AVAILABILITY from '@salesforce/label/c.Chat_Status_Prop_Show_Availability';
import END_DURING_CHAT from '@salesforce/label/c.Chat_Builder_Note_End_During_Chat';
import START_HIDDEN_OFFLINE from '@salesforce/label/c.Chat_Builder_Note_Start_Hidden_Offline';
import START_HIDDEN_IN_CHAT from '@salesforce/label/c.Chat_Builder_Note_Start_Hidden_In_Chat';
import START_OFFLINE_FORM from '@salesforce/label/c.Chat_Builder_Note_Start_Offline_Form';
import START_NO_OFFLINE_FORM from '@salesforce/label/c.Chat_Builder_Note_Start_No_Offline_Form';
import START_REASON_OFFLINE from '@salesforce/label/c.Chat_Start_Reason_Offline';
import ROUTING_INVALID from '@salesforce/label/c.Chat_Builder_Routing_Invalid';
import ROUTING_INVALID_START from '@salesforce/label/c.Chat_Builder_Routing_Invalid_Start';
import ROUTING_INVALID_STATUS from '@salesforce/label/c.Chat_Builder_Routing_Invalid_Status';
import UNAVAILABLE from '@salesforce/label/c.Chat_Error_Invalid_Routing';
import START_OFFLINE_LABEL from '@salesforce/label/c.Chat_Start_Offline_Label';
import STATUS_CHAT_ONLY from '@salesforce/label/c.Chat_Builder_Note_Status_Chat_Only';
import CLEAR_ON_LOAD from '@salesforce/label/c.Chat_Clear_Builder_On_Load';
import CLEAR_HIDDEN from '@salesforce/label/c.Chat_Clear_Builder_Hidden';

/** A component's property values, read. */
type Values = (property: string) => boolean | string;

interface ComponentCheck {
    /** Each builder property's name in Experience Builder. */
    labels: Readonly<Record<string, string>>;
    /** Problems beyond single values (a combination of values, the component's own routing). */
    more?: (value: Values, component: Checked) => string[];
    /**
     * While the site routing is refused (Start, Status): what visitors see here meanwhile, after
     * where to fix it; null: nothing to add.
     */
    refused?: (value: Values) => string | null;
    /**
     * What visitors see here and when, when the settings hide the component at times (the
     * admin should never face an empty, unselectable slot without knowing why), for the chat as
     * it stands (its client, say).
     */
    notes: (value: Values, chat: ChatState | undefined) => string[];
}

/** The Start button's routing properties, by the field of a routing issue. */
function startRoutingProperty(issue: RoutingIssue): string {
    if (issue.field.includes('userId')) {
        return START_USER_ID;
    }
    return issue.field.includes('fallback') ? START_FALLBACK : START_BUTTON_ID;
}

function startRoutingProblems(component: Checked): string[] {
    const verdict = component.routing;
    const word =
        (template: string) =>
        (issue: RoutingIssue): string =>
            formatLabel(template, startRoutingProperty(issue), routingIssueText(issue));
    return verdict
        ? [
              ...verdict.errors.map(word(ROUTING_PROBLEM)),
              ...verdict.warnings.map(word(ROUTING_CAUTION))
          ]
        : [];
}

const CHECKS: Readonly<Record<CheckedKind, ComponentCheck>> = {
    start: {
        labels: {
            buttonLabel: START_LABEL,
            variant: START_VARIANT,
            stretch: START_STRETCH,
            whenOffline: START_WHEN_OFFLINE,
            hideDuringChat: START_HIDE_DURING_CHAT,
            routingFallback: START_FALLBACK,
            guestLoginLink: START_GUEST_LOGIN_LINK
        },
        more: (_value, component) => startRoutingProblems(component),
        refused: () => formatLabel(ROUTING_INVALID_START, UNAVAILABLE),
        notes: (value, chat) => {
            const notes: string[] = [];
            const offline = value('whenOffline');
            if (offline === 'hide') {
                notes.push(START_HIDDEN_OFFLINE);
            } else if (offline === 'offline-form') {
                // Enhanced Chat has no offline form: the button is disabled instead (chatStartButton).
                notes.push(
                    chat?.client === 'enhanced'
                        ? formatLabel(START_NO_OFFLINE_FORM, START_REASON_OFFLINE)
                        : formatLabel(START_OFFLINE_FORM, START_OFFLINE_LABEL)
                );
            }
            if (value('hideDuringChat')) {
                notes.push(START_HIDDEN_IN_CHAT);
            }
            return notes;
        }
    },
    end: {
        labels: {
            buttonLabel: END_LABEL,
            variant: END_VARIANT,
            stretch: END_STRETCH,
            showOnlyDuringChat: END_ONLY_DURING_CHAT
        },
        notes: (value) => (value('showOnlyDuringChat') ? [END_DURING_CHAT] : [])
    },
    clear: {
        labels: {
            buttonLabel: CLEAR_LABEL,
            variant: CLEAR_VARIANT,
            clearOnPageLoad: CLEAR_ON_PAGE_LOAD,
            hideButton: CLEAR_HIDE_BUTTON
        },
        more: (value) => {
            const hiddenForNothing = value('hideButton') && !value('clearOnPageLoad');
            return hiddenForNothing ? [HIDE_NEEDS_PAGE_LOAD] : [];
        },
        notes: (value) => {
            if (!value('clearOnPageLoad')) {
                return [];
            }
            return [value('hideButton') ? CLEAR_HIDDEN : CLEAR_ON_LOAD];
        }
    },
    status: {
        labels: { heading: STATUS_HEADING, showAvailability: STATUS_SHOW_AVAILABILITY },
        refused: (value) => {
            // Without availability, visitors read nothing here meanwhile.
            return value('showAvailability')
                ? formatLabel(ROUTING_INVALID_STATUS, UNAVAILABLE)
                : null;
        },
        notes: (value) => {
            // Without a heading or availability, visitors see nothing until they start a chat.
            const chatOnly = value('heading') === '' && !value('showAvailability');
            return chatOnly ? [STATUS_CHAT_ONLY] : [];
        }
    }
};

/** Checks a chat component for the admin (the builder kit's `check`). */
export function checkComponent(component: Checked): AdminCheck {
    const check = CHECKS[component.kind];
    const values: Record<string, boolean | string> = {};
    const problems: string[] = [];
    // Every property the component reads is read once and checked, in its order (a property
    // without a Builder name here would show its API name: never silently unchecked).
    for (const [property, spec] of Object.entries(component.settings)) {
        const read = readProperty(component.settingValue(property), spec);
        values[property] = read.value;
        for (const problem of read.problems) {
            problems.push(propertyProblemText(check.labels[property] ?? property, spec, problem));
        }
    }
    const value: Values = (property) => values[property];
    problems.push(...(check.more?.(value, component) ?? []));
    // The site routing is fixed elsewhere (Chat Routing Settings): a problem of the page.
    const pageProblems =
        check.refused && component.routingRefused
            ? [[ROUTING_INVALID, check.refused(value)].filter(Boolean).join(' ')]
            : [];
    return { problems, pageProblems, notes: check.notes(value, component.chatState) };
}

/**
 * What the admin notice of a chat component shows (the builder kit's `check`): null when there is
 * nothing to say. While chat is off the notice says why, and leaves out the site routing's
 * problem and the notes on what visitors see (none of it is shown then).
 */
export function componentNotice(component: NoticeSubject): AdminNotice | null {
    const off = component.status === 'disabled';
    const { problems, pageProblems, notes } = checkComponent(component);
    // While chat is off, only why (and the component's own problems): the rest is not shown.
    const page = off ? [] : pageProblems;
    const shown = off ? [] : notes;
    return off || problems.length > 0 || page.length > 0 || shown.length > 0
        ? {
              disabledReason: component.disabledReason,
              reasonElsewhere: !component.explainsChatOff,
              pageProblems: page,
              propertyProblems: problems,
              notes: shown
          }
        : null;
}
