/**
 * One problem or caution as the admin UIs show it (the rules editor and the routing summary): its
 * text, with an icon that says how serious it is. One view, so that both show an issue alike.
 */
import ERROR_ALT from '@salesforce/label/c.Chat_Routing_Error';
import WARNING_ALT from '@salesforce/label/c.Chat_Routing_Warning';

/** A problem (the routing is refused) or a caution. */
export type Severity = 'error' | 'warning';

export interface IssueView {
    key: string;
    text: string;
    /** Also the icon's variant. */
    severity: Severity;
    className: string;
    iconName: string;
    iconAlt: string;
}

/** The view of an issue with `text`, keyed `key` in its list. */
export function issueView(key: string, severity: Severity, text: string): IssueView {
    const error = severity === 'error';
    return {
        key,
        text,
        severity,
        className: `issue issue_${severity} slds-text-body_small${error ? ' slds-text-color_error' : ''}`,
        iconName: `utility:${severity}`,
        iconAlt: error ? ERROR_ALT : WARNING_ALT
    };
}
