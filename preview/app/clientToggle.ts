/**
 * The toolbar's chat client choice: the site runs legacy Embedded Chat (`embedded_svc`) or
 * Enhanced Chat (`embeddedservice_bootstrap`). The choice lives in the URL (`client=enhanced`),
 * so it survives reloads; changing it reloads the page, as a site only gets one client per load,
 * and keeps the property-sheet edits.
 */
/// <reference lib="dom" />
import { parseEnhancedFlags, withClient, type PreviewClient } from '../simulator/enhancedFlags.mts';
import { reloadPreview } from '../simulator/pageReload.mts';

/** The label and select to place in the toolbar. */
export function clientToggle(): HTMLElement[] {
    const label = document.createElement('label');
    label.className = 'preview-user-label';
    label.htmlFor = 'preview-client';
    label.textContent = 'Chat client';
    const select = document.createElement('select');
    select.id = 'preview-client';
    select.className = 'slds-select';
    const current = parseEnhancedFlags(window.location.search).client;
    for (const [value, text] of [
        ['legacy', 'Legacy Embedded Chat (embedded_svc)'],
        ['enhanced', 'Enhanced Chat (embeddedservice_bootstrap)']
    ] as [PreviewClient, string][]) {
        const option = document.createElement('option');
        option.value = value;
        option.textContent = text;
        option.selected = value === current;
        select.append(option);
    }
    select.addEventListener('change', () => {
        // A preview reload: the property-sheet edits go with it (preview/simulator/pageReload.mts).
        reloadPreview(withClient(window.location.search, select.value as PreviewClient));
    });
    return [label, select];
}
