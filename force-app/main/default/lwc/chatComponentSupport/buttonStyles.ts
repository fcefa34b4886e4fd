/**
 * The button styles an admin can choose for a chat button (the `variant` builder property): the
 * text Experience Builder shows for each (the js-meta.xml datasource), and the lightning-button
 * variant each one shows as.
 */
import type { Choices, PropertySpec } from './builderProperties';

export type ButtonStyle = 'brand' | 'neutral' | 'outline' | 'destructive' | 'success';

/** Each style and its Builder text; the old saved values are the lower-case codes. */
export const BUTTON_STYLES: Choices<ButtonStyle> = {
    brand: 'Brand',
    neutral: 'Neutral',
    outline: 'Outline',
    destructive: 'Destructive',
    success: 'Success'
};

/** The style property: one of BUTTON_STYLES (text or code, any case), else `fallback`. */
export function buttonStyle(fallback: ButtonStyle): PropertySpec<ButtonStyle> {
    return { fallback, choices: BUTTON_STYLES };
}

/** The lightning-button variant of a style: "outline" is the brand outline. */
export function buttonVariantOf(style: ButtonStyle): string {
    return style === 'outline' ? 'brand-outline' : style;
}
