/**
 * Fills the `{0}`, `{1}`… placeholders of a Custom Label. Arguments are inserted as text (the
 * templates render it escaped); a placeholder without an argument is left empty.
 */
export function formatLabel(template: string, ...args: readonly (string | number)[]): string {
    return template.replace(/\{(\d+)\}/g, (_match, index: string) => {
        const arg = args[Number(index)];
        return arg === undefined ? '' : String(arg);
    });
}
