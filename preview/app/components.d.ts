// The component registry the preview build generates (preview/server/bundle.mts): every
// staged component with its constructor and its builder properties (from js-meta.xml).
declare module 'virtual:preview-components' {
    import type { LightningElement } from 'lwc';
    // Non-relative (from tsconfig's baseUrl): an ambient module cannot import a relative path.
    import type { BuilderProperty } from 'preview/server/bundle.mts';

    export type PreviewBuilderProperty = BuilderProperty;

    export interface PreviewComponent {
        tag: string;
        name: string;
        namespace: string;
        ctor: typeof LightningElement;
        properties: PreviewBuilderProperty[];
    }

    export const components: PreviewComponent[];
}
