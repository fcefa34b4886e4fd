/**
 * The Enhanced Chat double's page markup: the chat button element the client adds to the page.
 */
import type { ButtonVisibility } from './embeddedServiceBootstrapTypes';

/** The id of the client's chat button element (bootstrap.js generateMarkup). */
export const BUTTON_ELEMENT_ID = 'embeddedMessagingConversationButton';

/**
 * bootstrap.js generateMarkup appends the button element (kept, hidden, when its visibility is
 * Hide); a reset (resetClientToInitialState) removes the markup. `null`: no button.
 */
export function showButtonElement(visibility: ButtonVisibility | null): void {
    document.getElementById(BUTTON_ELEMENT_ID)?.remove();
    if (visibility) {
        const element = document.createElement('button');
        element.id = BUTTON_ELEMENT_ID;
        element.hidden = visibility === 'Hide';
        document.body.appendChild(element);
    }
}
