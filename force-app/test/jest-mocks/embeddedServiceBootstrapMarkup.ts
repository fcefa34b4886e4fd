/**
 * The Enhanced Chat double's page markup: the chat button element the client adds to the page.
 */
import type { ButtonVisibility } from './embeddedServiceBootstrapTypes';

/** The id of the client's chat button element (bootstrap.js generateMarkup). */
export const BUTTON_ELEMENT_ID = 'embeddedMessagingConversationButton';

/** v2: the chat frame's id (init.js getIframe); it holds the chat button. */
export const FRAME_ELEMENT_ID = 'embeddedMessagingFrame';

/** v2: init.js createIframe puts the chat frame in the page at init; `false` removes it. */
export function showFrameElement(present: boolean): void {
    document.getElementById(FRAME_ELEMENT_ID)?.remove();
    if (present) {
        const frame = document.createElement('iframe');
        frame.id = FRAME_ELEMENT_ID;
        document.body.appendChild(frame);
    }
}

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
