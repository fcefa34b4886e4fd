/**
 * The project's own metadata check. `sf project convert source` accepts almost anything (a
 * malformed js-meta.xml, a bogus target, a bundle without its .js), so this checks what an org
 * would reject at deploy time, or what Experience Builder would silently get wrong.
 *
 * Every problem names the file, what is wrong and how to fix it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ts from 'typescript';
import { transformSync } from '@lwc/compiler';
import { scriptDependencies } from '../lib/bundleGraph.mts';

export interface MetadataProblem {
    /** Stable rule id, e.g. `unknown-target`. */
    rule: string;
    /** Path of the offending file, relative to the project root, with forward slashes. */
    file: string;
    /** What is wrong and how to fix it. */
    message: string;
}

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

/** Targets a LightningComponentBundle may declare. */
export const KNOWN_TARGETS: ReadonlySet<string> = new Set([
    'analytics__Dashboard',
    'lightning__AppPage',
    'lightning__FlowAction',
    'lightning__FlowScreen',
    'lightning__GlobalAction',
    'lightning__HomePage',
    'lightning__Inbox',
    'lightning__PropertyEditor',
    'lightning__RecordAction',
    'lightning__RecordPage',
    'lightning__UrlAddressable',
    'lightning__UtilityBar',
    'lightning__Tab',
    'lightning__Dashboard',
    'lightningCommunity__Default',
    'lightningCommunity__Page',
    'lightningCommunity__Page_Layout',
    'lightningCommunity__Theme_Layout',
    'lightningSnapin__ChatHeader',
    'lightningSnapin__ChatMessage',
    'lightningSnapin__Minimized',
    'lightningSnapin__PreChat',
    'lightningStatic__Email'
]);

/** Property types Experience Builder accepts on lightningCommunity__Default. */
const COMMUNITY_PROPERTY_TYPES: ReadonlySet<string> = new Set([
    'String',
    'Integer',
    'Boolean',
    'Color',
    'ContentReference'
]);
/** Property types the Lightning App Builder accepts on its page targets. */
const APP_BUILDER_PROPERTY_TYPES: ReadonlySet<string> = new Set(['String', 'Integer', 'Boolean']);

const KNOWN_CAPABILITIES: ReadonlySet<string> = new Set([
    'lightningCommunity__RelaxedCSP',
    'lightning__dynamicComponent',
    'lightning__ServiceCloudVoiceToolkitApi'
]);

/**
 * A targetConfig property. The optional attributes hold their raw value, or null when absent
 * (`placeholder=""` is present, with the value "").
 */
interface Property {
    name: string;
    type: string;
    editor: string | null;
    label: string | null;
    default: string | null;
    datasource: string | null;
    min: string | null;
    max: string | null;
    placeholder: string | null;
}

interface TargetConfig {
    targets: string[];
    properties: Property[];
}

interface BundleMeta {
    apiVersion: string | null;
    isExposed: boolean;
    masterLabel: string | null;
    description: string | null;
    targets: string[];
    capabilities: string[];
    targetConfigs: TargetConfig[];
}

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: true,
    isArray: (name) =>
        [
            'target',
            'targetConfig',
            'property',
            'capability',
            'labels',
            'lightningMessageFields'
        ].includes(name)
});

function relative(root: string, file: string): string {
    return path.relative(root, file).split(path.sep).join('/');
}

function listFiles(dir: string, predicate: (name: string) => boolean): string[] {
    if (!fs.existsSync(dir)) {
        return [];
    }
    const found: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== 'node_modules' && entry.name !== '__tests__') {
                found.push(...listFiles(full, predicate));
            }
        } else if (predicate(entry.name)) {
            found.push(full);
        }
    }
    return found.sort();
}

type XmlNode = Record<string, unknown>;

function asNode(value: unknown): XmlNode {
    return value && typeof value === 'object' ? (value as XmlNode) : {};
}

function asText(value: unknown): string | null {
    if (typeof value === 'string') {
        return value.trim() === '' ? null : value.trim();
    }
    return null;
}

function parseBundleMeta(xml: string): BundleMeta {
    const doc = asNode(asNode(parser.parse(xml)).LightningComponentBundle);
    const targets = (asNode(doc.targets).target as unknown[] | undefined) ?? [];
    const capabilities = (asNode(doc.capabilities).capability as unknown[] | undefined) ?? [];
    const configs = (asNode(doc.targetConfigs).targetConfig as unknown[] | undefined) ?? [];
    return {
        apiVersion: asText(doc.apiVersion),
        isExposed: asText(doc.isExposed) === 'true',
        masterLabel: asText(doc.masterLabel),
        description: asText(doc.description),
        targets: targets.map((t) => String(t).trim()),
        capabilities: capabilities.map((c) => String(c).trim()),
        targetConfigs: configs.map((raw) => {
            const config = asNode(raw);
            const targetList = String(config['@targets'] ?? '')
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean);
            const properties = ((config.property as unknown[] | undefined) ?? []).map((p) => {
                const property = asNode(p);
                const attribute = (attr: string): string | null => {
                    const value = property[`@${attr}`];
                    return typeof value === 'string' ? value : null;
                };
                return {
                    name: String(property['@name'] ?? ''),
                    type: String(property['@type'] ?? ''),
                    editor: attribute('editor'),
                    label: attribute('label'),
                    default: attribute('default'),
                    datasource: attribute('datasource'),
                    min: attribute('min'),
                    max: attribute('max'),
                    placeholder: attribute('placeholder')
                };
            });
            return { targets: targetList, properties };
        })
    };
}

/** Names of the `@api` members (fields, getters, setters, methods) of a component's source. */
export function apiMembers(source: string, fileName: string): Set<string> {
    const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ESNext, true);
    const names = new Set<string>();
    const visit = (node: ts.Node): void => {
        if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
            for (const member of node.members) {
                const decorators = ts.canHaveDecorators(member) ? ts.getDecorators(member) : [];
                const isApi = (decorators ?? []).some(
                    (d) => ts.isIdentifier(d.expression) && d.expression.text === 'api'
                );
                if (isApi && member.name && ts.isIdentifier(member.name)) {
                    names.add(member.name.text);
                }
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(file);
    return names;
}

function checkXmlFiles(root: string, problems: MetadataProblem[]): Set<string> {
    const malformed = new Set<string>();
    for (const file of listFiles(path.join(root, 'force-app'), (n) => n.endsWith('-meta.xml'))) {
        const rel = relative(root, file);
        const xml = fs.readFileSync(file, 'utf8');
        const validation = XMLValidator.validate(xml);
        if (validation !== true) {
            malformed.add(file);
            problems.push({
                rule: 'xml-well-formed',
                file: rel,
                message: `${rel}: not well-formed XML (line ${validation.err.line}: ${validation.err.msg}). Fix the XML syntax so that the file parses.`
            });
            continue;
        }
        const doc = asNode(parser.parse(xml));
        const rootName = Object.keys(doc).find((k) => !k.startsWith('?'));
        const xmlns = rootName ? asNode(doc[rootName])['@xmlns'] : undefined;
        if (xmlns !== METADATA_NAMESPACE) {
            problems.push({
                rule: 'xml-namespace',
                file: rel,
                message: `${rel}: the root element <${rootName ?? '?'}> is not in the metadata namespace. Add xmlns="${METADATA_NAMESPACE}" to it.`
            });
        }
    }
    return malformed;
}

/** Limits an org enforces on Custom Labels at deploy time. */
export const LABEL_LIMITS = { shortDescription: 80, value: 1000 } as const;

function checkLabels(root: string, malformed: Set<string>, problems: MetadataProblem[]): void {
    for (const file of listFiles(path.join(root, 'force-app'), (n) =>
        n.endsWith('.labels-meta.xml')
    )) {
        if (malformed.has(file)) {
            continue;
        }
        const rel = relative(root, file);
        const labels = asNode(asNode(parser.parse(fs.readFileSync(file, 'utf8'))).CustomLabels)
            .labels as unknown[] | undefined;
        const seen = new Set<string>();
        for (const raw of labels ?? []) {
            const label = asNode(raw);
            const name = asText(label.fullName) ?? '?';
            const description =
                typeof label.shortDescription === 'string' ? label.shortDescription : '';
            const value = typeof label.value === 'string' ? label.value : '';
            const say = (rule: string, message: string): void => {
                problems.push({ rule, file: rel, message: `${rel}: label ${name}: ${message}` });
            };
            if (seen.has(name)) {
                say('custom-label', 'defined twice. Remove one of the two definitions.');
            }
            seen.add(name);
            if (
                !/^[A-Za-z][A-Za-z0-9_]*$/.test(name) ||
                name.includes('__') ||
                name.endsWith('_')
            ) {
                say(
                    'custom-label',
                    'the name must be letters, digits and single underscores, starting with a letter. Rename it.'
                );
            }
            if (description.trim() === '' || description.length > LABEL_LIMITS.shortDescription) {
                say(
                    'custom-label',
                    `<shortDescription> must have 1 to ${LABEL_LIMITS.shortDescription} characters (it has ${description.length}). Shorten it.`
                );
            }
            if (value.trim() === '' || value.length > LABEL_LIMITS.value) {
                say(
                    'custom-label',
                    `<value> must have 1 to ${LABEL_LIMITS.value} characters (it has ${value.length}). Fix the text.`
                );
            }
        }
    }
}

function loadLabelNames(root: string): Set<string> {
    const names = new Set<string>();
    for (const file of listFiles(path.join(root, 'force-app'), (n) =>
        n.endsWith('.labels-meta.xml')
    )) {
        const xml = fs.readFileSync(file, 'utf8');
        if (XMLValidator.validate(xml) !== true) {
            continue;
        }
        const labels = asNode(asNode(parser.parse(xml)).CustomLabels).labels as
            | unknown[]
            | undefined;
        for (const label of labels ?? []) {
            const name = asText(asNode(label).fullName);
            if (name) {
                names.add(name);
            }
        }
    }
    return names;
}

const MESSAGE_CHANNEL_SUFFIX = '.messageChannel-meta.xml';
const API_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;

/** The API names of the project's message channels (file name without the suffix). */
function messageChannelFiles(root: string): string[] {
    return listFiles(path.join(root, 'force-app'), (n) => n.endsWith(MESSAGE_CHANNEL_SUFFIX));
}

/**
 * LightningMessageChannel metadata: what an org refuses (a name it cannot take, a missing
 * masterLabel, an isExposed that is not a Boolean) and what subscribers need to read the channel
 * (a description of it and of every field, each field named once).
 */
function checkMessageChannels(
    root: string,
    malformed: Set<string>,
    problems: MetadataProblem[]
): void {
    for (const file of messageChannelFiles(root)) {
        if (malformed.has(file)) {
            continue;
        }
        const rel = relative(root, file);
        const name = path.basename(file).slice(0, -MESSAGE_CHANNEL_SUFFIX.length);
        const say = (message: string): void => {
            problems.push({ rule: 'message-channel', file: rel, message: `${rel}: ${message}` });
        };
        if (path.basename(path.dirname(file)) !== 'messageChannels') {
            say('a message channel must be in a messageChannels folder. Move it.');
        }
        if (!API_NAME.test(name) || name.endsWith('_')) {
            say(
                `"${name}" cannot be a message channel's API name: letters, digits and single underscores, starting with a letter. Rename the file.`
            );
        }
        const doc = asNode(parser.parse(fs.readFileSync(file, 'utf8')));
        if (!('LightningMessageChannel' in doc)) {
            say('the root element must be <LightningMessageChannel>. Fix the file.');
            continue;
        }
        const channel = asNode(doc.LightningMessageChannel);
        if (!asText(channel.masterLabel)) {
            say('<masterLabel> is missing. Add the name admins see.');
        }
        if (!['true', 'false'].includes(asText(channel.isExposed) ?? '')) {
            say(
                '<isExposed> must be true or false (true lets components of other namespaces use the channel). Set it.'
            );
        }
        if (!asText(channel.description)) {
            say('<description> is missing. Say what the channel carries.');
        }
        const seen = new Set<string>();
        for (const raw of (channel.lightningMessageFields as unknown[] | undefined) ?? []) {
            const field = asNode(raw);
            const fieldName = asText(field.fieldName);
            if (!fieldName || !/^[A-Za-z][A-Za-z0-9_]*$/.test(fieldName)) {
                say(
                    `a <lightningMessageFields> entry has the fieldName "${fieldName ?? ''}": use a name of letters, digits and underscores.`
                );
                continue;
            }
            if (seen.has(fieldName)) {
                say(`the field "${fieldName}" is listed twice. Remove one entry.`);
            }
            seen.add(fieldName);
            if (!asText(field.description)) {
                say(`the field "${fieldName}" has no <description>. Say what it carries.`);
            }
        }
    }
}

/** The capability the platform requires of a bundle that imports or renders components dynamically. */
export const DYNAMIC_COMPONENT_CAPABILITY = 'lightning__dynamicComponent';
/** The oldest apiVersion that may declare it. */
const DYNAMIC_COMPONENT_MIN_API = 55;

/**
 * Where the bundle loads or renders a component dynamically: `import()` in a script (the .ts
 * sources, or the .js when there are none) and `<lwc:component>` in a template. Salesforce:
 * "Dynamically Instantiate Components" in the LWC developer guide.
 */
export function dynamicComponentUses(bundleDir: string): string[] {
    const names = fs.readdirSync(bundleDir).sort();
    const hasTs = names.some((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    const uses: string[] = [];
    for (const f of names) {
        const full = path.join(bundleDir, f);
        if (f.endsWith(hasTs ? '.ts' : '.js') && !f.endsWith('.d.ts')) {
            const deps = scriptDependencies(fs.readFileSync(full, 'utf8'), full);
            if (deps.dynamic.length > 0 || deps.unresolved > 0) {
                uses.push(`${f} (import())`);
            }
        } else if (f.endsWith('.html')) {
            const html = fs.readFileSync(full, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
            if (/<lwc:component[\s>]/.test(html)) {
                uses.push(`${f} (<lwc:component>)`);
            }
        }
    }
    return uses;
}

function checkCompiles(
    root: string,
    bundleDir: string,
    name: string,
    problems: MetadataProblem[],
    enableDynamicComponents: boolean
): void {
    const files = fs
        .readdirSync(bundleDir)
        .filter((f) => /\.(js|html|css)$/.test(f))
        .sort();
    for (const f of files) {
        const full = path.join(bundleDir, f);
        try {
            // The platform compiles `<lwc:component>` only for bundles with the capability.
            transformSync(fs.readFileSync(full, 'utf8'), f, {
                name,
                namespace: 'c',
                enableDynamicComponents
            });
        } catch (error) {
            const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
            problems.push({
                rule: 'lwc-compiles',
                file: relative(root, full),
                message: `${relative(root, full)}: the LWC compiler rejects this file (${reason}). Fix the source${f.endsWith('.js') ? ' (.ts) and run npm run build' : ''}.`
            });
        }
    }
}

/** What the check of one bundle needs to know about the rest of the project. */
interface ProjectContext {
    root: string;
    labelNames: Set<string>;
    /** The API names of the project's message channels, without __c. */
    channelNames: Set<string>;
    /** Every bundle of the project by name: its folder and parsed js-meta.xml (null: missing or malformed). */
    bundles: Map<string, { dir: string; meta: BundleMeta | null }>;
    malformed: Set<string>;
    /** sfdx-project.json's sourceApiVersion, or null when the file or the field is absent. */
    sourceApiVersion: string | null;
}

const PROPERTY_EDITOR_TARGET = 'lightning__PropertyEditor';
/** Attributes Experience Builder rejects on a property that has a custom `editor`. */
const EDITOR_EXCLUSIVE_ATTRIBUTES = ['datasource', 'min', 'max', 'placeholder'] as const;
const INTEGER = /^-?\d+$/;

function readBundleMeta(bundleDir: string, malformed: Set<string>): BundleMeta | null {
    const metaFile = path.join(bundleDir, `${path.basename(bundleDir)}.js-meta.xml`);
    if (!fs.existsSync(metaFile) || malformed.has(metaFile)) {
        return null;
    }
    return parseBundleMeta(fs.readFileSync(metaFile, 'utf8'));
}

/**
 * sfdx-project.json's sourceApiVersion: null when the file is absent or names no version (the
 * apiVersion rule is then skipped); a problem when the file is not valid JSON.
 */
function readSourceApiVersion(root: string, problems: MetadataProblem[]): string | null {
    const file = path.join(root, 'sfdx-project.json');
    if (!fs.existsSync(file)) {
        return null;
    }
    try {
        const version = asNode(JSON.parse(fs.readFileSync(file, 'utf8'))).sourceApiVersion;
        return typeof version === 'string' && version.trim() !== '' ? version.trim() : null;
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        problems.push({
            rule: 'api-version-matches-project',
            file: 'sfdx-project.json',
            message: `sfdx-project.json: not valid JSON (${reason}). Fix the JSON syntax so that the bundles' <apiVersion> can be checked against its sourceApiVersion.`
        });
        return null;
    }
}

/** The rules on one targetConfig property's attributes (Experience Builder property contract). */
function checkPropertyAttributes(
    metaRel: string,
    meta: BundleMeta,
    config: TargetConfig,
    property: Property,
    ctx: ProjectContext,
    problems: MetadataProblem[]
): void {
    const say = (rule: string, message: string): void => {
        problems.push({
            rule,
            file: metaRel,
            message: `${metaRel}: property "${property.name}" ${message}`
        });
    };

    if (property.editor) {
        const editorName = property.editor.replace(/^c\//, '');
        if (!property.editor.startsWith('c/') || !ctx.bundles.has(editorName)) {
            say(
                'property-editor',
                `names the editor "${property.editor}", which is not a component of this project. Use c/<bundleName> of an existing ${PROPERTY_EDITOR_TARGET} component.`
            );
        } else {
            const editor = ctx.bundles.get(editorName);
            // A missing or malformed editor js-meta.xml is reported on the editor bundle itself.
            if (editor?.meta && !editor.meta.targets.includes(PROPERTY_EDITOR_TARGET)) {
                const editorMetaRel = relative(
                    ctx.root,
                    path.join(editor.dir, `${editorName}.js-meta.xml`)
                );
                say(
                    'property-editor-target',
                    `names the editor "${property.editor}", but ${editorMetaRel} does not declare the target ${PROPERTY_EDITOR_TARGET}, so Experience Builder will not load it. Add <target>${PROPERTY_EDITOR_TARGET}</target> to its <targets>.`
                );
            }
        }
        const clashing = EDITOR_EXCLUSIVE_ATTRIBUTES.filter((a) => property[a] !== null);
        if (clashing.length > 0) {
            say(
                'property-editor-attributes',
                `has a custom editor and also ${clashing.map((a) => `"${a}"`).join(', ')}, a combination Experience Builder rejects. Remove ${clashing.length === 1 ? 'that attribute' : 'those attributes'} (the editor owns the input), or remove the editor.`
            );
        }
    }

    if (property.datasource !== null && property.type !== 'String') {
        say(
            'property-attribute-type',
            `has a datasource but type "${property.type}": a datasource (static picklist) is only allowed on String properties. Make the property a String, or remove the datasource.`
        );
    }
    for (const bound of ['min', 'max'] as const) {
        if (property[bound] !== null && property.type !== 'Integer') {
            say(
                'property-attribute-type',
                `has "${bound}" but type "${property.type}": min and max are only allowed on Integer properties. Make the property an Integer, or remove "${bound}".`
            );
        }
    }

    const min = property.type === 'Integer' ? property.min : null;
    const max = property.type === 'Integer' ? property.max : null;
    for (const [bound, value] of [
        ['min', min],
        ['max', max]
    ] as const) {
        if (value !== null && !INTEGER.test(value)) {
            say(
                'property-range',
                `has ${bound}="${value}", which is not an integer. Set ${bound} to a whole number, or remove it.`
            );
        }
    }
    const minValue = min !== null && INTEGER.test(min) ? Number(min) : null;
    const maxValue = max !== null && INTEGER.test(max) ? Number(max) : null;
    const boundsInverted = minValue !== null && maxValue !== null && minValue > maxValue;
    if (boundsInverted) {
        say(
            'property-range',
            `has min="${min}" greater than max="${max}", so no value is valid. Swap or fix the bounds.`
        );
    }

    if (property.default !== null) {
        if (
            property.type === 'Boolean' &&
            property.default !== 'true' &&
            property.default !== 'false'
        ) {
            say(
                'property-default',
                `is a Boolean with default="${property.default}". Set default="true" or default="false".`
            );
        }
        if (property.type === 'Integer') {
            if (!INTEGER.test(property.default)) {
                say(
                    'property-default',
                    `is an Integer with default="${property.default}", which is not an integer. Set the default to a whole number${min !== null || max !== null ? ' within min/max' : ''}.`
                );
            } else {
                const value = Number(property.default);
                // With inverted bounds no default fits: property-range already reports them.
                if (
                    !boundsInverted &&
                    ((minValue !== null && value < minValue) ||
                        (maxValue !== null && value > maxValue))
                ) {
                    say(
                        'property-default',
                        `has default="${property.default}", outside its range (${min !== null ? `min ${min}` : 'no min'}, ${max !== null ? `max ${max}` : 'no max'}). Set a default within min/max, or widen the range.`
                    );
                }
            }
        }
    }

    if (
        meta.isExposed &&
        config.targets.includes('lightningCommunity__Default') &&
        (property.label === null || property.label.trim() === '')
    ) {
        say(
            'property-label',
            'has no label, so admins see no name for it in Experience Builder\'s property panel. Add label="…" (a short name for the setting).'
        );
    }
}

function checkBundle(bundleDir: string, ctx: ProjectContext, problems: MetadataProblem[]): void {
    const { root, labelNames, malformed } = ctx;
    const name = path.basename(bundleDir);
    const relDir = relative(root, bundleDir);
    const jsFile = path.join(bundleDir, `${name}.js`);
    const tsFile = path.join(bundleDir, `${name}.ts`);
    const metaFile = path.join(bundleDir, `${name}.js-meta.xml`);
    const metaRel = relative(root, metaFile);

    if (!fs.existsSync(jsFile)) {
        problems.push({
            rule: 'bundle-js',
            file: `${relDir}/${name}.js`,
            message: fs.existsSync(tsFile)
                ? `${relDir}/${name}.js is missing: the platform deploys only .js. Run npm run build to compile ${name}.ts.`
                : `${relDir}/${name}.js is missing and there is no ${name}.ts to build it from. Add ${name}.ts (the component's module).`
        });
    }
    if (!fs.existsSync(metaFile)) {
        problems.push({
            rule: 'bundle-meta',
            file: metaRel,
            message: `${metaRel} is missing. Add a js-meta.xml with <apiVersion> and <isExposed> for the ${name} bundle.`
        });
        return;
    }
    if (malformed.has(metaFile)) {
        return;
    }
    const meta = parseBundleMeta(fs.readFileSync(metaFile, 'utf8'));
    if (!meta.apiVersion || !/^\d+\.0$/.test(meta.apiVersion)) {
        problems.push({
            rule: 'api-version',
            file: metaRel,
            message: `${metaRel}: <apiVersion> is ${meta.apiVersion ? `"${meta.apiVersion}", not a version` : 'missing'}. Add <apiVersion>NN.0</apiVersion> (the sourceApiVersion of sfdx-project.json).`
        });
    } else if (ctx.sourceApiVersion !== null && meta.apiVersion !== ctx.sourceApiVersion) {
        problems.push({
            rule: 'api-version-matches-project',
            file: metaRel,
            message: `${metaRel}: <apiVersion> is ${meta.apiVersion}, but sfdx-project.json's sourceApiVersion is ${ctx.sourceApiVersion}. Set <apiVersion>${ctx.sourceApiVersion}</apiVersion> so that every bundle is compiled and deployed at the project's API version.`
        });
    }
    for (const target of meta.targets) {
        if (!KNOWN_TARGETS.has(target)) {
            problems.push({
                rule: 'known-target',
                file: metaRel,
                message: `${metaRel}: unknown target "${target}". Use one of the documented targets, e.g. lightningCommunity__Page or lightningCommunity__Default.`
            });
        }
    }
    for (const capability of meta.capabilities) {
        if (!KNOWN_CAPABILITIES.has(capability)) {
            problems.push({
                rule: 'known-capability',
                file: metaRel,
                message: `${metaRel}: unknown capability "${capability}". Use lightningCommunity__RelaxedCSP for components that must run on sites with Lightning Locker turned off.`
            });
        }
    }
    if (meta.isExposed) {
        if (!meta.masterLabel) {
            problems.push({
                rule: 'exposed-master-label',
                file: metaRel,
                message: `${metaRel}: an exposed component needs a <masterLabel> (the name admins see in the builder). Add one.`
            });
        }
        if (!meta.description) {
            problems.push({
                rule: 'exposed-description',
                file: metaRel,
                message: `${metaRel}: an exposed component needs a <description> (shown to admins in the builder). Add one.`
            });
        }
        const onSites = meta.targets.some((t) => t.startsWith('lightningCommunity__'));
        if (onSites && !meta.capabilities.includes('lightningCommunity__RelaxedCSP')) {
            problems.push({
                rule: 'relaxed-csp-capability',
                file: metaRel,
                message: `${metaRel}: a component exposed to Experience Cloud must declare <capabilities><capability>lightningCommunity__RelaxedCSP</capability></capabilities>, or Experience Builder disables it on sites with Lightning Locker turned off.`
            });
        }
    }

    const source = fs.existsSync(tsFile)
        ? { text: fs.readFileSync(tsFile, 'utf8'), file: tsFile }
        : fs.existsSync(jsFile)
          ? { text: fs.readFileSync(jsFile, 'utf8'), file: jsFile }
          : null;
    const publicMembers = source ? apiMembers(source.text, source.file) : new Set<string>();
    for (const config of meta.targetConfigs) {
        for (const target of config.targets) {
            if (!meta.targets.includes(target)) {
                problems.push({
                    rule: 'target-config-declared',
                    file: metaRel,
                    message: `${metaRel}: <targetConfig targets="${target}"> configures a target the bundle does not declare. Add <target>${target}</target> to <targets>, or remove the targetConfig.`
                });
            }
        }
        const legalTypes = config.targets.every((t) => t.startsWith('lightningCommunity__'))
            ? COMMUNITY_PROPERTY_TYPES
            : APP_BUILDER_PROPERTY_TYPES;
        for (const property of config.properties) {
            if (!legalTypes.has(property.type)) {
                problems.push({
                    rule: 'property-type',
                    file: metaRel,
                    message: `${metaRel}: property "${property.name}" has type "${property.type}", which the builder does not accept here. Use one of: ${[...legalTypes].join(', ')}.`
                });
            }
            if (source && !publicMembers.has(property.name)) {
                problems.push({
                    rule: 'property-is-api',
                    file: metaRel,
                    message: `${metaRel}: property "${property.name}" is not an @api member of ${relative(root, source.file)}. Add "@api ${property.name}" to the component, or fix the property name.`
                });
            }
            checkPropertyAttributes(metaRel, meta, config, property, ctx, problems);
        }
    }

    for (const file of fs.readdirSync(bundleDir).filter((f) => /\.ts$/.test(f))) {
        const text = fs.readFileSync(path.join(bundleDir, file), 'utf8');
        for (const match of text.matchAll(/@salesforce\/label\/c\.([A-Za-z0-9_]+)/g)) {
            if (!labelNames.has(match[1])) {
                problems.push({
                    rule: 'custom-label-exists',
                    file: relative(root, path.join(bundleDir, file)),
                    message: `${relative(root, path.join(bundleDir, file))}: imports the Custom Label c.${match[1]}, which force-app/main/default/labels does not define. Add it to CustomLabels.labels-meta.xml.`
                });
            }
        }
    }

    for (const file of fs.readdirSync(bundleDir).filter((f) => /\.ts$/.test(f))) {
        const text = fs.readFileSync(path.join(bundleDir, file), 'utf8');
        for (const match of text.matchAll(/@salesforce\/messageChannel\/([A-Za-z0-9_]+)__c/g)) {
            if (!ctx.channelNames.has(match[1])) {
                problems.push({
                    rule: 'message-channel-exists',
                    file: relative(root, path.join(bundleDir, file)),
                    message: `${relative(root, path.join(bundleDir, file))}: imports the message channel ${match[1]}__c, which the project does not define. Add messageChannels/${match[1]}${MESSAGE_CHANNEL_SUFFIX}.`
                });
            }
        }
    }

    const dynamicUses = dynamicComponentUses(bundleDir);
    const declaresDynamic = meta.capabilities.includes(DYNAMIC_COMPONENT_CAPABILITY);
    if (dynamicUses.length > 0 && !declaresDynamic) {
        problems.push({
            rule: 'dynamic-component-capability',
            file: metaRel,
            message: `${metaRel}: ${dynamicUses.join(', ')} loads or renders a component dynamically, which the platform allows only with <capabilities><capability>${DYNAMIC_COMPONENT_CAPABILITY}</capability></capabilities>. Declare it.`
        });
    }
    if (
        declaresDynamic &&
        meta.apiVersion &&
        Number.parseFloat(meta.apiVersion) < DYNAMIC_COMPONENT_MIN_API
    ) {
        problems.push({
            rule: 'dynamic-component-api-version',
            file: metaRel,
            message: `${metaRel}: ${DYNAMIC_COMPONENT_CAPABILITY} needs <apiVersion>${DYNAMIC_COMPONENT_MIN_API}.0</apiVersion> or later; this bundle has ${meta.apiVersion}. Raise it.`
        });
    }

    checkCompiles(root, bundleDir, name, problems, declaresDynamic);
}

/** Checks the metadata of the project at `root`; returns every problem found (empty when clean). */
export function checkMetadata(root: string): MetadataProblem[] {
    const problems: MetadataProblem[] = [];
    const malformed = checkXmlFiles(root, problems);
    checkLabels(root, malformed, problems);
    checkMessageChannels(root, malformed, problems);
    const labelNames = loadLabelNames(root);
    const channelNames = new Set(
        messageChannelFiles(root).map((f) =>
            path.basename(f).slice(0, -MESSAGE_CHANNEL_SUFFIX.length)
        )
    );
    const sourceApiVersion = readSourceApiVersion(root, problems);
    const bundleDirs: string[] = [];
    const findLwcDirs = (dir: string): void => {
        if (!fs.existsSync(dir)) {
            return;
        }
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (!entry.isDirectory() || entry.name === 'node_modules') {
                continue;
            }
            const full = path.join(dir, entry.name);
            if (entry.name === 'lwc') {
                for (const bundle of fs.readdirSync(full, { withFileTypes: true })) {
                    if (bundle.isDirectory() && !bundle.name.startsWith('.')) {
                        bundleDirs.push(path.join(full, bundle.name));
                    }
                }
            } else if (entry.name !== 'test') {
                findLwcDirs(full);
            }
        }
    };
    findLwcDirs(path.join(root, 'force-app'));
    const bundles = new Map(
        bundleDirs.map((dir) => [path.basename(dir), { dir, meta: readBundleMeta(dir, malformed) }])
    );
    const ctx: ProjectContext = {
        root,
        labelNames,
        channelNames,
        bundles,
        malformed,
        sourceApiVersion
    };
    for (const bundleDir of bundleDirs.sort()) {
        checkBundle(bundleDir, ctx, problems);
    }
    return problems;
}

/** The message channels' API names (without __c) under force-app (for the convert-source check). */
export function listMessageChannels(root: string): string[] {
    return messageChannelFiles(root)
        .map((f) => path.basename(f).slice(0, -MESSAGE_CHANNEL_SUFFIX.length))
        .sort();
}

/** The LWC bundle names found under force-app (for the convert-source check). */
export function listBundles(root: string): string[] {
    const lwcDir = path.join(root, 'force-app', 'main', 'default', 'lwc');
    if (!fs.existsSync(lwcDir)) {
        return [];
    }
    return fs
        .readdirSync(lwcDir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort();
}
