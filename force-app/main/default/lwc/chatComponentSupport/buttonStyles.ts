/**
 * The button styles an admin can choose for a chat button (the `variant` builder property), and
 * the lightning-button variant each one shows as.
 */
import { readChoice, type Normalized } from './builderProperties';

export const BUTTON_STYLES = ['brand', 'neutral', 'outline', 'destructive', 'success'] as const;

export type ButtonStyle = (typeof BUTTON_STYLES)[number];

/** Reads the style property: one of BUTTON_STYLES (case-insensitive), else `fallback`. */
export function readButtonStyle(
    value: unknown,
    fallback: ButtonStyle,
    property: string
): Normalized<ButtonStyle> {
    return readChoice(value, BUTTON_STYLES, fallback, property);
}

/** The lightning-button variant of a style: "outline" is the brand outline. */
export function buttonVariantOf(style: ButtonStyle): string {
    return style === 'outline' ? 'brand-outline' : style;
}
