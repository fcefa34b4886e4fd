/**
 * The admin's summary of Chat Routing Settings, free of any template (shown by the
 * c/chatRoutingSummary card): what the settings mean, for the client the site runs, with each problem next to its property.
 * Problems come from the chat service's `validateRouting` (placed by their structured location,
 * worded by their Custom Labels) and from reading the properties (c/chatRoutingModel; worded by
 * c/chatAdminChecks). The texts of the routing and of each value are in summaryTexts.ts.
 */
import {
    shorten,
    type ChatClientKind,
    type ChatDisabledReason,
    type RoutingIssue,
    type RoutingValidation
} from 'c/embeddedChatService';
import { formatLabel } from 'c/chatComponentSupport';
import {
    FIELD_LABELS,
    FIELD_NAMES,
    issueNamesItsRule,
    issueView,
    parseFallbackRules,
    routingIssueText,
    routingSettingsProblems,
    type IssueView,
    type Severity
} from 'c/chatAdminChecks';
import {
    HIDDEN_FIELDS,
    type BuiltRouting,
    type FieldName,
    type HiddenField,
    type RoutingSettings
} from 'c/chatRoutingModel';
import {
    ruleText,
    routingText,
    rulesHeading,
    fieldValue,
    prefillText,
    setupSteps,
    clientText
} from './summaryTexts';
import STATUS_VALID from '@salesforce/label/c.Chat_Routing_Status_Valid';
import STATUS_WARNINGS from '@salesforce/label/c.Chat_Routing_Status_Warnings';
import STATUS_INVALID from '@salesforce/label/c.Chat_Routing_Status_Invalid';
import SNIPPET_ROUTING from '@salesforce/label/c.Chat_Routing_Snippet';
import RULE_ISSUE from '@salesforce/label/c.Chat_Routing_Rule_Issue';
import PREFILL_UNAVAILABLE from '@salesforce/label/c.Chat_Routing_Prefill_Unavailable';
import FALLBACK_UNUSED from '@salesforce/label/c.Chat_Routing_Fallback_Unused';
import ENHANCED_HEADING from '@salesforce/label/c.Chat_Routing_Enhanced_Heading';
import SHOW_WHOLE_VALUE from '@salesforce/label/c.Chat_Routing_Show_Whole_Value';

/**
 * How much of a property's value the summary prints; the whole value is its title and, for
 * keyboards and screen readers, behind a disclosure ("Show the whole value").
 */
const VALUE_LENGTH = 60;

export interface FieldView {
    name: FieldName;
    label: string;
    /** The value, shortened to fit the card. */
    value: string;
    /** The whole value (the title of the shortened one). */
    fullValue: string;
    /** True when `value` is shortened: the card then offers the whole value. */
    shortened: boolean;
    showWholeLabel: string;
    issues: IssueView[];
    hasIssues: boolean;
}

export interface SummaryView {
    /** 'empty': no routing is set here, so there is nothing to judge (a neutral state). */
    state: 'empty' | 'valid' | 'warning' | 'invalid';
    statusText: string;
    statusClass: string;
    statusIcon: string;
    statusIconVariant: string;
    /** Which chat client the site runs, in words. */
    clientText: string;
    /** The routing in plain words; shown only when the configuration is in use. */
    showRouting: boolean;
    routingText: string;
    rulesHeading: string;
    rules: { key: string; text: string }[];
    hasRules: boolean;
    prefillText: string;
    /** Enhanced Chat: what the admin sets up in Salesforce for this routing. */
    setupHeading: string;
    setupSteps: { key: string; text: string }[];
    hasSetupSteps: boolean;
    /** Problems that belong to no single field. */
    generalIssues: IssueView[];
    hasGeneralIssues: boolean;
    fields: FieldView[];
}

class IssueBoard {
    readonly byField = new Map<FieldName | null, IssueView[]>();
    errors = 0;
    warnings = 0;
    private count = 0;

    add(field: FieldName | null, severity: Severity, text: string): void {
        const issue = issueView(`${this.count++}`, severity, text);
        this.byField.set(field, [...(this.byField.get(field) ?? []), issue]);
        if (severity === 'error') {
            this.errors += 1;
        } else {
            this.warnings += 1;
        }
    }

    of(field: FieldName | null): IssueView[] {
        return this.byField.get(field) ?? [];
    }
}

const DIRECT_PARTS: Readonly<Record<string, FieldName>> = {
    userId: 'agentUserId',
    fallback: 'fallbackToButton'
};

/** The property a service issue belongs to, from its structured location. */
function propertyOf(issue: RoutingIssue): FieldName | null {
    const { key, part } = issue.location ?? { key: '' };
    switch (key) {
        case 'directToAgentRouting':
            return (part !== undefined && DIRECT_PARTS[part]) || 'buttonId';
        case 'fallbackRouting':
            return 'fallbackRules';
        case 'prepopulatedPrechatFields':
        case 'visiblePrechatFields':
            // Field names are checked when the settings are read; what is left is the values.
            return 'prefillFromUser';
        case 'hiddenRoutingFields': {
            const field = (Object.keys(HIDDEN_FIELDS) as HiddenField[]).find(
                (name) => HIDDEN_FIELDS[name] === part
            );
            return field ?? null;
        }
        default:
            return null;
    }
}

const STATUS = {
    // Nothing set: the status says where chats go, once (no routing line repeats it).
    empty: { text: SNIPPET_ROUTING, theme: 'slds-scoped-notification_light', icon: 'utility:info' },
    valid: { text: STATUS_VALID, theme: 'slds-theme_success', icon: 'utility:success' },
    warning: { text: STATUS_WARNINGS, theme: 'slds-theme_warning', icon: 'utility:warning' },
    invalid: { text: STATUS_INVALID, theme: 'slds-theme_error', icon: 'utility:error' }
} as const;

/**
 * The admin's summary: the client the site runs, the routing in plain words, each problem next
 * to its property, and an overall state: nothing set (neutral), valid, valid with warnings, or
 * refused. `validation` is the service's verdict on `built.config` for that client.
 */
export function summarize(
    settings: RoutingSettings,
    built: BuiltRouting,
    validation: RoutingValidation,
    options: {
        userUnavailable: boolean;
        client: ChatClientKind | null;
        /** Why chat is off on the page, if it is (the client is then not known). */
        chatOff?: ChatDisabledReason | null;
    }
): SummaryView {
    const board = new IssueBoard();
    const problems = routingSettingsProblems(settings);
    // The hidden fields are Enhanced Chat's: a legacy site's card has no rows for them.
    const shown = FIELD_NAMES.filter(
        (name) => options.client !== 'legacy' || !(name in HIDDEN_FIELDS)
    );
    for (const name of shown) {
        for (const problem of problems[name] ?? []) {
            board.add(name, 'warning', problem);
        }
    }
    const place = (issue: RoutingIssue, severity: Severity): void => {
        const property = propertyOf(issue);
        const field = property && shown.includes(property) ? property : null;
        const index = issue.location?.index;
        const text = routingIssueText(issue);
        // A rule's problem is numbered by its rule, once (some texts already name the rule).
        const numbered =
            field === 'fallbackRules' && index !== undefined && !issueNamesItsRule(issue.code)
                ? formatLabel(RULE_ISSUE, index + 1, text)
                : text;
        board.add(field, severity, numbered);
    };
    validation.errors.forEach((issue) => place(issue, 'error'));
    validation.warnings.forEach((issue) => place(issue, 'warning'));
    const { config } = built;
    if (settings.fallbackToButton && !config.directToAgentRouting) {
        board.add('fallbackToButton', 'warning', FALLBACK_UNUSED);
    }
    if (settings.prefillFromUser && options.userUnavailable) {
        board.add('prefillFromUser', 'warning', PREFILL_UNAVAILABLE);
    }

    const routed = Boolean(config.directToAgentRouting || config.fallbackRouting);
    const state =
        board.errors > 0 || !validation.valid
            ? 'invalid'
            : board.warnings > 0
              ? 'warning'
              : routed
                ? 'valid'
                : 'empty';
    const status = STATUS[state];
    const generalIssues = board.of(null);
    const steps = setupSteps(settings, config, options.client);
    const { rules } = parseFallbackRules(settings.fallbackRules);
    return {
        state,
        statusText: status.text,
        statusClass: `slds-scoped-notification slds-media slds-media_center ${status.theme} status`,
        statusIcon: status.icon,
        statusIconVariant: state === 'warning' ? 'warning' : state === 'empty' ? '' : 'inverse',
        clientText: clientText(options.client, options.chatOff ?? null),
        showRouting: state !== 'invalid',
        routingText: state === 'empty' ? '' : routingText(settings, config, options.client),
        rulesHeading: rulesHeading(settings, options.client),
        rules: rules.map((rule, i) => ({ key: `${i}`, text: ruleText(rule) })),
        hasRules: rules.length > 0,
        prefillText: prefillText(settings, options.client),
        setupHeading: ENHANCED_HEADING,
        setupSteps: steps.map((text, i) => ({ key: `${i}`, text })),
        hasSetupSteps: steps.length > 0,
        generalIssues,
        hasGeneralIssues: generalIssues.length > 0,
        fields: shown.map((name) => {
            const issues = board.of(name);
            const fullValue = fieldValue(settings, name, rules);
            const value = shorten(fullValue, VALUE_LENGTH);
            return {
                name,
                label: FIELD_LABELS[name],
                value,
                fullValue,
                shortened: value !== fullValue,
                showWholeLabel: SHOW_WHOLE_VALUE,
                issues,
                hasIssues: issues.length > 0
            };
        })
    };
}
