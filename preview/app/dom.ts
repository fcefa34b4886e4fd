/// <reference lib="dom" />
/** An element with attributes and, optionally, its text (the preview page never sets HTML). */
export function el(
    tag: string,
    attributes: Record<string, string> = {},
    text?: string
): HTMLElement {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        node.setAttribute(name, value);
    }
    if (text !== undefined) {
        node.textContent = text;
    }
    return node;
}
