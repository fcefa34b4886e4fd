/**
 * Reads the project's Custom Labels (force-app/main/default/labels/CustomLabels.labels-meta.xml).
 * Used by Jest (real label text in unit tests), the local preview build and the metadata check,
 * so that all three see exactly what an org would serve.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface CustomLabel {
    fullName: string;
    value: string;
    shortDescription: string;
}

export const LABELS_FILE = path.join(
    'force-app',
    'main',
    'default',
    'labels',
    'CustomLabels.labels-meta.xml'
);

/** Parses a CustomLabels metadata file; returns its labels in file order. */
export function parseCustomLabels(xml: string): CustomLabel[] {
    const parser = new XMLParser({
        ignoreAttributes: true,
        parseTagValue: false,
        trimValues: false,
        isArray: (name) => name === 'labels'
    });
    const doc = parser.parse(xml) as {
        CustomLabels?: { labels?: Record<string, unknown>[] };
    };
    const entries = doc.CustomLabels?.labels ?? [];
    return entries.map((entry) => ({
        fullName: String(entry.fullName ?? '').trim(),
        value: String(entry.value ?? ''),
        shortDescription: String(entry.shortDescription ?? '')
    }));
}

/** Loads the project's labels as a name-to-text map. */
export function loadCustomLabels(projectRoot: string): Map<string, string> {
    const file = path.join(projectRoot, LABELS_FILE);
    const labels = new Map<string, string>();
    if (!fs.existsSync(file)) {
        return labels;
    }
    for (const label of parseCustomLabels(fs.readFileSync(file, 'utf8'))) {
        labels.set(label.fullName, label.value);
    }
    return labels;
}

/**
 * Writes one CommonJS module per label (`<dir>/<Name>.js`, default export = the label text), the
 * shape Jest's `@salesforce/label/c.<Name>` mapping expects. Stale modules are removed first.
 */
export function writeLabelModules(projectRoot: string, dir: string): number {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const labels = loadCustomLabels(projectRoot);
    for (const [name, value] of labels) {
        const body = `Object.defineProperty(exports, '__esModule', { value: true });\nexports.default = ${JSON.stringify(value)};\n`;
        fs.writeFileSync(path.join(dir, `${name}.js`), body);
    }
    return labels.size;
}
