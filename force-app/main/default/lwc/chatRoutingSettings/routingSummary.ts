/**
 * The Chat Routing Settings model, free of any template: builder properties in, the routing
 * configuration for the chat service out, and the admin's summary of what it means.
 */
import {
    formatFallbackRules,
    formatLabel,
    parseFallbackRules,
    problemsOf,
    readBoolean,
    readOptionalText,
    readText,
    routingIssueText,
    type FallbackRule,
    type ParsedFallbackRules
} from 'c/chatComponentSupport';
import type { RoutingConfig, RoutingIssue, RoutingValidation } from 'c/embeddedChatService';
import FIELD_BUTTON from '@salesforce/label/c.Chat_Routing_Field_Button';
import FIELD_AGENT from '@salesforce/label/c.Chat_Routing_Field_Agent';
import FIELD_FALLBACK from '@salesforce/label/c.Chat_Routing_Field_Fallback';
import FIELD_RULES from '@salesforce/label/c.Chat_Routing_Field_Rules';
import FIELD_PREFILL from '@salesforce/label/c.Chat_Routing_Field_Prefill';
import FIELD_FIRST_NAME from '@salesforce/label/c.Chat_Routing_Field_First_Name';
import FIELD_LAST_NAME from '@salesforce/label/c.Chat_Routing_Field_Last_Name';
import FIELD_EMAIL from '@salesforce/label/c.Chat_Routing_Field_Email';
import STATUS_VALID from '@salesforce/label/c.Chat_Routing_Status_Valid';
import STATUS_WARNINGS from '@salesforce/label/c.Chat_Routing_Status_Warnings';
import STATUS_INVALID from '@salesforce/label/c.Chat_Routing_Status_Invalid';
import SNIPPET_ROUTING from '@salesforce/label/c.Chat_Routing_Snippet';
import DIRECT_NONE from '@salesforce/label/c.Chat_Routing_Direct_None';
import DIRECT_BUTTON from '@salesforce/label/c.Chat_Routing_Direct_Button';
import DIRECT_AGENT from '@salesforce/label/c.Chat_Routing_Direct_Agent';
import DIRECT_AGENT_FALLBACK from '@salesforce/label/c.Chat_Routing_Direct_Agent_Fallback';
import RULES_HEADING from '@salesforce/label/c.Chat_Routing_Rules_Heading';
import RULE_BUTTON from '@salesforce/label/c.Chat_Routing_Rule_Button';
import RULE_AGENT from '@salesforce/label/c.Chat_Routing_Rule_Agent';
import RULE_AGENT_BUTTON from '@salesforce/label/c.Chat_Routing_Rule_Agent_Button';
import RULE_ISSUE from '@salesforce/label/c.Chat_Routing_Rule_Issue';
import PREFILL_ON from '@salesforce/label/c.Chat_Routing_Prefill_On';
import PREFILL_OFF from '@salesforce/label/c.Chat_Routing_Prefill_Off';
import PREFILL_UNAVAILABLE from '@salesforce/label/c.Chat_Routing_Prefill_Unavailable';
import PREFILL_SKIPPED from '@salesforce/label/c.Chat_Routing_Prefill_Skipped';
import BAD_PRECHAT_FIELD from '@salesforce/label/c.Chat_Routing_Bad_Prechat_Field';
import FALLBACK_UNUSED from '@salesforce/label/c.Chat_Routing_Fallback_Unused';
import NOT_SET from '@salesforce/label/c.Chat_Routing_Not_Set';
import YES from '@salesforce/label/c.Chat_Routing_Yes';
import NO from '@salesforce/label/c.Chat_Routing_No';
import ERROR_ALT from '@salesforce/label/c.Chat_Routing_Error';
import WARNING_ALT from '@salesforce/label/c.Chat_Routing_Warning';

/** The builder properties of Chat Routing Settings, in display order. */
export const FIELD_NAMES = [
    'buttonId',
    'agentUserId',
    'fallbackToButton',
    'fallbackRules',
    'prefillFromUser',
    'firstNameField',
    'lastNameField',
    'emailField'
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];

/** Property values as the builder hands them over (untrusted). */
export type RawSettings = Partial<Record<FieldName, unknown>>;

const FIELD_LABELS: Record<FieldName, string> = {
    buttonId: FIELD_BUTTON,
    agentUserId: FIELD_AGENT,
    fallbackToButton: FIELD_FALLBACK,
    fallbackRules: FIELD_RULES,
    prefillFromUser: FIELD_PREFILL,
    firstNameField: FIELD_FIRST_NAME,
    lastNameField: FIELD_LAST_NAME,
    emailField: FIELD_EMAIL
};

/** Default pre-chat field API names (the standard Contact fields of a pre-chat form). */
export const DEFAULT_PRECHAT_FIELDS = {
    firstNameField: 'FirstName',
    lastNameField: 'LastName',
    emailField: 'Email'
} as const;

type NameField = keyof typeof DEFAULT_PRECHAT_FIELDS;
const NAME_FIELDS: readonly NameField[] = ['firstNameField', 'lastNameField', 'emailField'];

/**
 * The chat service's rule for a pre-chat field API name (validateRouting refuses the whole
 * routing for a name that breaks it): letters, digits and _, starting with a letter, at most 80
 * characters, and not a name that would reach an object's prototype.
 */
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const API_NAME_LENGTH = 80;
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export function isPrechatFieldName(name: string): boolean {
    return name.length <= API_NAME_LENGTH && API_NAME.test(name) && !RESERVED_NAMES.has(name);
}

function quote(text: string): string {
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Reads a pre-chat field name property. A name the service would refuse is not used (`usable`
 * false, with the reason) rather than handed over: it would make the whole routing invalid as
 * soon as a logged-in user's values arrive, blocking their chats while guests can chat.
 */
function readPrechatField(
    raw: unknown,
    name: NameField
): { value: string; usable: boolean; problem: string | null } {
    // Read well past the limit, so that a long name is reported as unusable, never cut to size.
    const read = readText(raw, DEFAULT_PRECHAT_FIELDS[name], FIELD_LABELS[name], 255);
    if (!isPrechatFieldName(read.value)) {
        return {
            value: read.value,
            usable: false,
            problem: formatLabel(BAD_PRECHAT_FIELD, quote(read.value))
        };
    }
    return { value: read.value, usable: true, problem: read.problem };
}

/** The properties, normalised once; `problems` holds what was wrong with the raw values. */
export interface RoutingSettings {
    buttonId: string;
    agentUserId: string;
    fallbackToButton: boolean;
    fallbackRules: string;
    prefillFromUser: boolean;
    firstNameField: string;
    lastNameField: string;
    emailField: string;
    /** The pre-chat field name properties whose names can't be used: they are not pre-filled. */
    unusableFields: NameField[];
    problems: Partial<Record<FieldName, string[]>>;
}

/** The logged-in user's values for pre-fill (any of them may be missing). */
export interface UserValues {
    firstName?: string;
    lastName?: string;
    email?: string;
}

/** What the settings produce: the configuration for the service and the parsed rules. */
export interface BuiltRouting {
    config: RoutingConfig;
    rules: ParsedFallbackRules;
}

export function readSettings(raw: RawSettings): RoutingSettings {
    const fallback = readBoolean(raw.fallbackToButton, false, FIELD_FALLBACK);
    const prefill = readBoolean(raw.prefillFromUser, true, FIELD_PREFILL);
    const names = NAME_FIELDS.map((name) => readPrechatField(raw[name], name));
    const problems: Partial<Record<FieldName, string[]>> = {
        fallbackToButton: problemsOf(fallback),
        prefillFromUser: problemsOf(prefill)
    };
    NAME_FIELDS.forEach((name, i) => {
        const { usable, problem } = names[i];
        // An unusable name only matters while pre-fill is on.
        problems[name] = problem !== null && (usable || prefill.value) ? [problem] : [];
    });
    return {
        buttonId: readOptionalText(raw.buttonId),
        agentUserId: readOptionalText(raw.agentUserId),
        fallbackToButton: fallback.value,
        fallbackRules: typeof raw.fallbackRules === 'string' ? raw.fallbackRules : '',
        prefillFromUser: prefill.value,
        firstNameField: names[0].value,
        lastNameField: names[1].value,
        emailField: names[2].value,
        unusableFields: NAME_FIELDS.filter((_name, i) => !names[i].usable),
        problems
    };
}

/**
 * The routing configuration the settings describe, as is: invalid settings give an invalid
 * configuration, which the service refuses (so that it never reaches the chat client).
 * Direct-to-agent routing is set when a button or an agent is; pre-fill only with user values,
 * into the pre-chat fields whose names can be used.
 */
export function buildRouting(settings: RoutingSettings, user: UserValues | null): BuiltRouting {
    const config: RoutingConfig = {};
    if (settings.buttonId !== '' || settings.agentUserId !== '') {
        config.directToAgentRouting = {
            buttonId: settings.buttonId,
            ...(settings.agentUserId !== '' ? { userId: settings.agentUserId } : {}),
            fallback: settings.fallbackToButton
        };
    }
    const rules = parseFallbackRules(settings.fallbackRules);
    if (rules.rules.length > 0) {
        config.fallbackRouting = rules.rules.map((rule) => rule.text);
    }
    if (settings.prefillFromUser && user) {
        const fields: Record<string, string> = {};
        const values: [NameField, string | undefined][] = [
            ['firstNameField', user.firstName],
            ['lastNameField', user.lastName],
            ['emailField', user.email]
        ];
        for (const [field, value] of values) {
            if (
                typeof value === 'string' &&
                value !== '' &&
                !settings.unusableFields.includes(field)
            ) {
                fields[settings[field]] = value;
            }
        }
        if (Object.keys(fields).length > 0) {
            config.prepopulatedPrechatFields = fields;
        }
    }
    return { config, rules };
}

export interface IssueView {
    key: string;
    text: string;
    className: string;
    iconName: string;
    iconVariant: string;
    iconAlt: string;
}

export interface FieldView {
    name: FieldName;
    label: string;
    value: string;
    issues: IssueView[];
    hasIssues: boolean;
}

export interface SummaryView {
    state: 'valid' | 'warning' | 'invalid';
    statusText: string;
    statusClass: string;
    statusIcon: string;
    statusIconVariant: string;
    /** The routing in plain words; shown only when the configuration is in use. */
    showRouting: boolean;
    routingText: string;
    rulesHeading: string;
    rules: { key: string; text: string }[];
    hasRules: boolean;
    prefillText: string;
    /** Problems that belong to no single field. */
    generalIssues: IssueView[];
    hasGeneralIssues: boolean;
    fields: FieldView[];
}

type Severity = 'error' | 'warning';

class IssueBoard {
    readonly byField = new Map<FieldName | null, IssueView[]>();
    errors = 0;
    warnings = 0;
    private count = 0;

    add(field: FieldName | null, severity: Severity, text: string): void {
        const issue: IssueView = {
            key: `${this.count++}`,
            text,
            className: `issue issue_${severity} slds-text-body_small ${
                severity === 'error' ? 'slds-text-color_error' : ''
            }`.trim(),
            iconName: severity === 'error' ? 'utility:error' : 'utility:warning',
            iconVariant: severity,
            iconAlt: severity === 'error' ? ERROR_ALT : WARNING_ALT
        };
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

/** The property a service issue belongs to, and the rule number for rule issues. */
function locate(path: string): { field: FieldName | null; rule: number | null } {
    if (path === 'directToAgentRouting' || path === 'directToAgentRouting.buttonId') {
        return { field: 'buttonId', rule: null };
    }
    if (path === 'directToAgentRouting.userId') {
        return { field: 'agentUserId', rule: null };
    }
    if (path === 'directToAgentRouting.fallback') {
        return { field: 'fallbackToButton', rule: null };
    }
    const rule = /^fallbackRouting\[(\d+)\]$/.exec(path);
    if (rule) {
        return { field: 'fallbackRules', rule: Number(rule[1]) + 1 };
    }
    if (path === 'fallbackRouting') {
        return { field: 'fallbackRules', rule: null };
    }
    if (path.startsWith('prepopulatedPrechatFields')) {
        // Field names are checked when the settings are read; what is left is about the values.
        return { field: 'prefillFromUser', rule: null };
    }
    return { field: null, rule: null };
}

function ruleText(rule: FallbackRule): string {
    if (rule.kind === 'button') {
        return formatLabel(RULE_BUTTON, rule.buttonId);
    }
    if (rule.kind === 'agent') {
        return formatLabel(RULE_AGENT, rule.userId);
    }
    return formatLabel(RULE_AGENT_BUTTON, rule.userId, rule.buttonId);
}

function routingText(settings: RoutingSettings, config: RoutingConfig): string {
    const direct = config.directToAgentRouting;
    if (!direct) {
        return config.fallbackRouting ? DIRECT_NONE : SNIPPET_ROUTING;
    }
    if (!direct.userId) {
        return formatLabel(DIRECT_BUTTON, direct.buttonId);
    }
    return formatLabel(
        settings.fallbackToButton ? DIRECT_AGENT_FALLBACK : DIRECT_AGENT,
        direct.userId,
        direct.buttonId
    );
}

function fieldValue(
    settings: RoutingSettings,
    name: FieldName,
    rules: ParsedFallbackRules
): string {
    switch (name) {
        case 'fallbackToButton':
        case 'prefillFromUser':
            return settings[name] ? YES : NO;
        case 'fallbackRules':
            return formatFallbackRules(rules.rules) || NOT_SET;
        default:
            return settings[name] || NOT_SET;
    }
}

function prefillText(settings: RoutingSettings): string {
    if (!settings.prefillFromUser) {
        return PREFILL_OFF;
    }
    const text = formatLabel(
        PREFILL_ON,
        settings.firstNameField,
        settings.lastNameField,
        settings.emailField
    );
    if (settings.unusableFields.length === 0) {
        return text;
    }
    const skipped = settings.unusableFields.map((name) => quote(settings[name])).join(', ');
    return `${text} ${formatLabel(PREFILL_SKIPPED, skipped)}`;
}

/**
 * The admin's summary: the routing in plain words, each problem next to its property, and an
 * overall state (valid, valid with warnings, or refused). Issues from the service are worded by
 * their codes' Custom Labels (routingIssueText); parsing problems of the rules come first, by
 * rule number.
 */
export function summarize(
    settings: RoutingSettings,
    built: BuiltRouting,
    validation: RoutingValidation,
    options: { userUnavailable: boolean }
): SummaryView {
    const board = new IssueBoard();
    for (const name of FIELD_NAMES) {
        for (const problem of settings.problems[name] ?? []) {
            board.add(name, 'warning', problem);
        }
    }
    const parsedRules = new Set<number>();
    const place = (issue: RoutingIssue, severity: Severity): void => {
        const where = locate(issue.field);
        if (where.rule !== null) {
            if (!parsedRules.has(where.rule)) {
                board.add(
                    where.field,
                    severity,
                    formatLabel(RULE_ISSUE, where.rule, routingIssueText(issue))
                );
            }
            return;
        }
        board.add(where.field, severity, routingIssueText(issue));
    };
    validation.errors.forEach((issue) => place(issue, 'error'));
    validation.warnings.forEach((issue) => place(issue, 'warning'));
    if (settings.fallbackToButton && !built.config.directToAgentRouting) {
        board.add('fallbackToButton', 'warning', FALLBACK_UNUSED);
    }
    if (settings.prefillFromUser && options.userUnavailable) {
        board.add('prefillFromUser', 'warning', PREFILL_UNAVAILABLE);
    }

    const state =
        board.errors > 0 || !validation.valid
            ? 'invalid'
            : board.warnings > 0
              ? 'warning'
              : 'valid';
    const theme = state === 'invalid' ? 'error' : state === 'warning' ? 'warning' : 'success';
    const generalIssues = board.of(null);
    return {
        state,
        statusText:
            state === 'invalid'
                ? STATUS_INVALID
                : state === 'warning'
                  ? STATUS_WARNINGS
                  : STATUS_VALID,
        statusClass: `slds-scoped-notification slds-media slds-media_center slds-theme_${theme} status`,
        statusIcon: `utility:${theme}`,
        statusIconVariant: theme === 'warning' ? 'warning' : 'inverse',
        showRouting: state !== 'invalid',
        routingText: routingText(settings, built.config),
        rulesHeading: RULES_HEADING,
        rules: built.rules.rules.map((rule, i) => ({ key: `${i}`, text: ruleText(rule) })),
        hasRules: built.rules.rules.length > 0,
        prefillText: prefillText(settings),
        generalIssues,
        hasGeneralIssues: generalIssues.length > 0,
        fields: FIELD_NAMES.map((name) => {
            const issues = board.of(name);
            return {
                name,
                label: FIELD_LABELS[name],
                value: fieldValue(settings, name, built.rules),
                issues,
                hasIssues: issues.length > 0
            };
        })
    };
}
