/**
 * The URL flags that choose the preview's chat client: the legacy Embedded Chat simulator
 * (`embedded_svc`, the default) or the Enhanced Chat one (`embeddedservice_bootstrap`), its
 * version and whether its deployment shows a pre-chat form. Kept in the URL, like the other
 * simulator flags, so the choice survives reloads.
 */

export type PreviewClient = 'legacy' | 'enhanced';

export interface EnhancedFlags {
    /** `client=enhanced`: the page runs Enhanced Chat. */
    client: PreviewClient;
    /** `clientVersion=v2`: the Proxy-based v2 client (default v1, bootstrap.js). */
    version: 'v1' | 'v2';
    /** `prechat=1`: the deployment shows a visible pre-chat form. */
    prechatForm: boolean;
}

export function parseEnhancedFlags(search: string): EnhancedFlags {
    const params = new URLSearchParams(search);
    const prechat = params.get('prechat');
    return {
        client: params.get('client') === 'enhanced' ? 'enhanced' : 'legacy',
        version: params.get('clientVersion') === 'v2' ? 'v2' : 'v1',
        prechatForm: prechat !== null && prechat !== '0' && prechat.toLowerCase() !== 'false'
    };
}

/** The page's search string for another client (the Enhanced-only flags go with legacy). */
export function withClient(search: string, client: PreviewClient): string {
    const params = new URLSearchParams(search);
    if (client === 'enhanced') {
        params.set('client', 'enhanced');
    } else {
        for (const name of ['client', 'clientVersion', 'prechat']) {
            params.delete(name);
        }
    }
    const text = params.toString();
    return text ? `?${text}` : '';
}
