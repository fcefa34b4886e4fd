/**
 * Rollup plugin: resolves the platform-only imports of the components for the local preview.
 *
 * - `@salesforce/label/c.<Name>`  -> the label's real text (CustomLabels.labels-meta.xml)
 * - `@salesforce/user/Id|isGuest` -> preview/platform/userId.ts, isGuest.ts (the user toggle)
 * - `@salesforce/community/basePath` -> preview/platform/basePath.ts (the site at the root)
 * - `@salesforce/schema/<Object>.<Field>` -> `{ objectApiName, fieldApiName }`
 * - `lightning/uiRecordApi`       -> preview/platform/uiRecordApi.ts (getRecord for the demo users)
 * - `lightning/platformShowToastEvent` -> preview/platform/showToastEvent.ts
 * - `lightning/messageService`   -> preview/platform/messageService.ts (one bus for the page)
 * - `@salesforce/messageChannel/<Name>__c` -> one object per channel: what subscribers and
 *   publishers pass to the message service (the bus matches channels by identity)
 * - `lightning/iconSvgTemplates*` -> only the icons the sources name (the full sets are ~20 MB of
 *   templates that would take minutes to compile)
 *
 * Everything else (`lightning/*`, the base components' own `@salesforce/*` imports) is left to
 * the LWC plugin's `{ npm: 'lightning-base-components' }` module record.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'rollup';
import { LABELS_FILE, loadCustomLabels } from '../../scripts/lib/customLabels.mts';

const require = createRequire(import.meta.url);

const platformDir = path.dirname(fileURLToPath(import.meta.url));

const STAND_INS: Record<string, string> = {
    '@salesforce/user/Id': path.join(platformDir, 'userId.ts'),
    '@salesforce/user/isGuest': path.join(platformDir, 'isGuest.ts'),
    '@salesforce/community/basePath': path.join(platformDir, 'basePath.ts'),
    'lightning/uiRecordApi': path.join(platformDir, 'uiRecordApi.ts'),
    'lightning/platformShowToastEvent': path.join(platformDir, 'showToastEvent.ts'),
    'lightning/messageService': path.join(platformDir, 'messageService.ts')
};

/**
 * lightning-base-components' gate stub opens every gate. These need native shadow DOM (element
 * internals), which synthetic shadow (required by the package) lacks: closed in the preview.
 */
const CLOSED_GATES = new Set(['@salesforce/gate/bc.260.enableComboboxElementInternals']);

const LABEL_PREFIX = '@salesforce/label/c.';
const SCHEMA_PREFIX = '@salesforce/schema/';
const CHANNEL_PREFIX = '@salesforce/messageChannel/';
const ICONS_PATTERN = /^lightning\/iconSvgTemplates(Utility|Action|Standard|Doctype|Custom)(Rtl)?$/;
const VIRTUAL = '\0preview-platform:';

export interface PlatformModulesOptions {
    projectRoot: string;
    /** Source folders scanned for icon names such as 'utility:warning'. */
    iconSourceDirs: string[];
}

function walk(dir: string, visit: (file: string) => void): void {
    if (!fs.existsSync(dir)) {
        return;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== 'node_modules' && entry.name !== 'dist') {
                walk(full, visit);
            }
        } else if (/\.(html|js|ts|mts)$/.test(entry.name)) {
            visit(full);
        }
    }
}

const ICON_NAME = /\b(utility|standard|action|doctype|custom):([a-z][a-z0-9_]*)\b/g;

/** The icon names (category -> names) written literally in the given folders. */
export function collectIconNames(dirs: string[]): Map<string, Set<string>> {
    const found = new Map<string, Set<string>>();
    for (const dir of dirs) {
        walk(dir, (file) => {
            const text = fs.readFileSync(file, 'utf8');
            for (const match of text.matchAll(ICON_NAME)) {
                const set = found.get(match[1]) ?? new Set<string>();
                set.add(match[2]);
                found.set(match[1], set);
            }
        });
    }
    return found;
}

export function platformModules(options: PlatformModulesOptions): Plugin {
    const lbcRoot = path.dirname(require.resolve('lightning-base-components/package.json'));
    const lightningSrc = path.join(lbcRoot, 'src', 'lightning');
    let labels = new Map<string, string>();
    let icons = new Map<string, Set<string>>();

    return {
        name: 'preview-platform-modules',
        buildStart() {
            labels = loadCustomLabels(options.projectRoot);
            this.addWatchFile(path.join(options.projectRoot, LABELS_FILE));
            icons = collectIconNames([...options.iconSourceDirs, lightningSrc]);
        },
        resolveId(source) {
            if (STAND_INS[source]) {
                return STAND_INS[source];
            }
            if (
                source.startsWith(LABEL_PREFIX) ||
                source.startsWith(SCHEMA_PREFIX) ||
                source.startsWith(CHANNEL_PREFIX) ||
                CLOSED_GATES.has(source)
            ) {
                return VIRTUAL + source;
            }
            const icon = ICONS_PATTERN.exec(source);
            if (icon) {
                return `${VIRTUAL}icons/${icon[1].toLowerCase()}`;
            }
            return null;
        },
        load(id) {
            if (!id.startsWith(VIRTUAL)) {
                return null;
            }
            const source = id.slice(VIRTUAL.length);
            if (source.startsWith(LABEL_PREFIX)) {
                const name = source.slice(LABEL_PREFIX.length);
                const text = labels.get(name);
                if (text === undefined) {
                    // The platform would refuse the deploy; the preview shows a marker instead
                    // of failing the whole page (the metadata check reports it).
                    this.warn(
                        `Custom Label c.${name} is not defined in CustomLabels.labels-meta.xml`
                    );
                    return `export default ${JSON.stringify(`[missing label c.${name}]`)};\n`;
                }
                return `export default ${JSON.stringify(text)};\n`;
            }
            if (source.startsWith(CHANNEL_PREFIX)) {
                const name = JSON.stringify(source.slice(CHANNEL_PREFIX.length));
                return `export default Object.freeze({ messageChannel: ${name} });\n`;
            }
            if (CLOSED_GATES.has(source)) {
                return 'export default { isOpen: () => false };\n';
            }
            if (source.startsWith(SCHEMA_PREFIX)) {
                const reference = source.slice(SCHEMA_PREFIX.length);
                const dot = reference.indexOf('.');
                const value =
                    dot < 0
                        ? { objectApiName: reference }
                        : {
                              objectApiName: reference.slice(0, dot),
                              fieldApiName: reference.slice(dot + 1)
                          };
                return `export default ${JSON.stringify(value)};\n`;
            }
            if (source.startsWith('icons/')) {
                const category = source.slice('icons/'.length);
                const folder = `iconSvgTemplates${category[0].toUpperCase()}${category.slice(1)}`;
                const dir = path.join(lightningSrc, folder, 'buildTemplates', category);
                const names = [...(icons.get(category) ?? [])]
                    .filter((name) => fs.existsSync(path.join(dir, `${name}.html`)))
                    .sort();
                const imports = names.map(
                    (name, index) =>
                        `import icon${index} from ${JSON.stringify(path.join(dir, `${name}.html`))};`
                );
                const entries = names.map(
                    (name, index) => `    ${JSON.stringify(`${category}_${name}`)}: icon${index}`
                );
                return `${imports.join('\n')}\nexport default {\n${entries.join(',\n')}\n};\n`;
            }
            return null;
        }
    };
}
