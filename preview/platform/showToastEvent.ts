/** Preview stand-in for `lightning/platformShowToastEvent` (the page logs the toasts it sees). */
export interface ShowToastEventDetail {
    title?: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
}

export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
    constructor(detail: ShowToastEventDetail) {
        super('lightning__showtoast', { detail, bubbles: true, composed: true });
    }
}
