// The component registry the preview build generates (preview/server/bundle.mts): every
// staged component with its constructor and its builder properties (from js-meta.xml).
declare module 'virtual:preview-components' {
    import type { LightningElement } from 'lwc';

    export interface PreviewBuilderProperty {
        name: string;
        type: string;
        label?: string;
        description?: string;
        default?: string | number | boolean;
        required?: boolean;
        datasource?: string;
        editor?: string;
        min?: number;
        max?: number;
        placeholder?: string;
    }

    export interface PreviewComponent {
        tag: string;
        name: string;
        namespace: string;
        ctor: typeof LightningElement;
        properties: PreviewBuilderProperty[];
    }

    export const components: PreviewComponent[];
}
