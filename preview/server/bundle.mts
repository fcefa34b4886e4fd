/**
 * Builds the local preview (preview/dist/www) from the same component code that is deployed:
 *
 * 1. stages the tsc output of force-app/main/default/lwc (the `<name>.js` that `npm run build`
 *    writes beside each `.ts`, plus templates and styles) as `c/<name>` modules, and the
 *    preview-only components of preview/lwc (the probe) as `preview/<name>`;
 * 2. bundles the page (preview/app/main.ts) with open-source LWC (@lwc/rollup-plugin,
 *    lightning-base-components, synthetic shadow) and the platform stand-ins of preview/platform;
 * 3. bundles the chat client simulator (preview/simulator/boot.mts) as a classic script that
 *    runs before the components, as the site's chat snippet would;
 * 4. copies the page's static files.
 *
 * Run `node scripts/build.mts` first: the staged `.js` are its output.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { XMLParser } from 'fast-xml-parser';
import {
    rollup,
    type Plugin,
    type PluginContext,
    type ResolveIdResult,
    type RollupCache,
    type RollupLog,
    type TransformPluginContext,
    type TransformResult
} from 'rollup';
import ts from 'typescript';
import { platformModules } from '../platform/platformModules.mts';

const previewDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const projectRoot = path.resolve(previewDir, '..');
export const lwcRoot = path.join(projectRoot, 'force-app', 'main', 'default', 'lwc');
export const distDir = path.join(previewDir, 'dist');
export const wwwDir = path.join(distDir, 'www');
export const stagingDir = path.join(distDir, 'modules');
/** Preview-only components (under an `lwc` folder so prettier formats their templates as LWC). */
export const previewComponentsDir = path.join(previewDir, 'lwc');
export const sldsAssetsDir = path.join(
    projectRoot,
    'node_modules',
    '@salesforce-ux',
    'design-system',
    'assets'
);

/** The folders whose changes call for a new preview build. */
export const watchedSources = {
    components: lwcRoot,
    labels: path.join(projectRoot, 'force-app', 'main', 'default', 'labels'),
    preview: [
        path.join(previewDir, 'app'),
        path.join(previewDir, 'platform'),
        path.join(previewDir, 'simulator'),
        previewComponentsDir
    ]
};

/** One builder property of a component, from its js-meta.xml (lightningCommunity__Default). */
export interface BuilderProperty {
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

/** A component the preview page can mount. */
export interface StagedComponent {
    namespace: string;
    name: string;
    tag: string;
    properties: BuilderProperty[];
}

export interface BundleResult {
    components: StagedComponent[];
    /** Bundles skipped, with the reason (no build output yet, say). */
    skipped: string[];
    warnings: string[];
    durationMs: number;
}

/** `chatStartButton` -> `chat-start-button`, as LWC names custom elements. */
export function tagName(namespace: string, name: string): string {
    return `${namespace}-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

const metaParser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    isArray: (name) => ['targetConfig', 'property', 'target'].includes(name)
});

function typedDefault(
    type: string,
    value: string | undefined
): string | number | boolean | undefined {
    if (value === undefined) {
        return undefined;
    }
    if (type === 'Boolean') {
        return value.trim().toLowerCase() === 'true';
    }
    if (type === 'Integer') {
        const number = Number(value);
        return Number.isFinite(number) ? number : undefined;
    }
    return value;
}

/** The builder properties (lightningCommunity__Default target config) of a js-meta.xml. */
export function readBuilderProperties(metaXml: string): BuilderProperty[] {
    const doc = metaParser.parse(metaXml) as {
        LightningComponentBundle?: {
            targetConfigs?: {
                targetConfig?: { targets?: string; property?: Record<string, string>[] }[];
            };
        };
    };
    const configs = doc.LightningComponentBundle?.targetConfigs?.targetConfig ?? [];
    const config = configs.find((entry) =>
        String(entry.targets ?? '')
            .split(',')
            .map((target) => target.trim())
            .includes('lightningCommunity__Default')
    );
    return (config?.property ?? []).map((property) => {
        const type = property.type ?? 'String';
        const result: BuilderProperty = { name: property.name, type };
        for (const key of [
            'label',
            'description',
            'datasource',
            'editor',
            'placeholder'
        ] as const) {
            if (property[key] !== undefined) {
                result[key] = String(property[key]);
            }
        }
        const fallback = typedDefault(type, property.default);
        if (fallback !== undefined) {
            result.default = fallback;
        }
        if (property.required !== undefined) {
            result.required = String(property.required).toLowerCase() === 'true';
        }
        for (const key of ['min', 'max'] as const) {
            if (property[key] !== undefined && Number.isFinite(Number(property[key]))) {
                result[key] = Number(property[key]);
            }
        }
        return result;
    });
}

function copyBundle(from: string, to: string, transpile: boolean): void {
    fs.mkdirSync(to, { recursive: true });
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
        if (!entry.isFile()) {
            continue;
        }
        const source = path.join(from, entry.name);
        if (entry.name.endsWith('.d.ts') || entry.name.endsWith('.js-meta.xml')) {
            continue;
        }
        if (entry.name.endsWith('.ts')) {
            if (transpile) {
                const output = ts.transpileModule(fs.readFileSync(source, 'utf8'), {
                    fileName: source,
                    compilerOptions: {
                        target: ts.ScriptTarget.ESNext,
                        module: ts.ModuleKind.ESNext,
                        experimentalDecorators: false,
                        useDefineForClassFields: true,
                        rewriteRelativeImportExtensions: true
                    }
                }).outputText;
                fs.writeFileSync(path.join(to, entry.name.replace(/\.ts$/, '.js')), output);
            }
            continue;
        }
        fs.copyFileSync(source, path.join(to, entry.name));
    }
}

/**
 * Stages the modules: the deployed components (tsc output, as `c/*`) and the preview-only ones
 * (transpiled here, as `preview/*`).
 */
export function stageModules(): { components: StagedComponent[]; skipped: string[] } {
    fs.rmSync(stagingDir, { recursive: true, force: true });
    const components: StagedComponent[] = [];
    const skipped: string[] = [];
    const sources: { namespace: string; root: string; transpile: boolean }[] = [
        { namespace: 'c', root: lwcRoot, transpile: false },
        { namespace: 'preview', root: previewComponentsDir, transpile: true }
    ];
    for (const { namespace, root, transpile } of sources) {
        if (!fs.existsSync(root)) {
            continue;
        }
        const names = fs
            .readdirSync(root, { withFileTypes: true })
            .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
            .map((entry) => entry.name)
            .sort();
        for (const name of names) {
            const from = path.join(root, name);
            const hasScript =
                fs.existsSync(path.join(from, `${name}.js`)) ||
                (transpile && fs.existsSync(path.join(from, `${name}.ts`)));
            if (!hasScript) {
                skipped.push(
                    `${namespace}/${name} (no ${name}.js: run \`node scripts/build.mts\`, or the bundle is not written yet)`
                );
                continue;
            }
            copyBundle(from, path.join(stagingDir, namespace, name), transpile);
            if (!fs.existsSync(path.join(from, `${name}.html`))) {
                continue; // a library module (the service, shared helpers), not a component
            }
            const metaFile = path.join(from, `${name}.js-meta.xml`);
            const properties = fs.existsSync(metaFile)
                ? readBuilderProperties(fs.readFileSync(metaFile, 'utf8'))
                : [];
            components.push({ namespace, name, tag: tagName(namespace, name), properties });
        }
    }
    return { components, skipped };
}

const REGISTRY_ID = 'virtual:preview-components';

/** The page's component registry: every staged component, its constructor and properties. */
function componentRegistry(components: () => StagedComponent[]): Plugin {
    return {
        name: 'preview-component-registry',
        resolveId(source) {
            return source === REGISTRY_ID ? `\0${REGISTRY_ID}` : null;
        },
        load(id) {
            if (id !== `\0${REGISTRY_ID}`) {
                return null;
            }
            const list = components();
            const imports = list.map(
                (component, index) =>
                    `import C${index} from ${JSON.stringify(path.join(stagingDir, component.namespace, component.name, `${component.name}.js`))};`
            );
            const entries = list.map(
                (component, index) =>
                    `    { tag: ${JSON.stringify(component.tag)}, name: ${JSON.stringify(component.name)}, namespace: ${JSON.stringify(component.namespace)}, ctor: C${index}, properties: ${JSON.stringify(component.properties)} }`
            );
            return `${imports.join('\n')}\nexport const components = [\n${entries.join(',\n')}\n];\n`;
        }
    };
}

/**
 * Strips the types of the preview's own TypeScript (page, simulator, platform stand-ins); the
 * benchmark page (bench/lib/benchPage.mts) builds with it too.
 */
export function typescriptPreview(): Plugin {
    return {
        name: 'preview-typescript',
        transform(code, id) {
            if (id.startsWith('\0') || id.includes('node_modules') || !/\.m?ts$/.test(id)) {
                return null;
            }
            const output = ts.transpileModule(code, {
                fileName: id,
                compilerOptions: {
                    target: ts.ScriptTarget.ES2022,
                    module: ts.ModuleKind.ESNext,
                    sourceMap: true,
                    inlineSources: true,
                    useDefineForClassFields: true
                }
            });
            return { code: output.outputText, map: output.sourceMapText ?? null };
        }
    };
}

/**
 * `?builderKit=off`: the page stands for a site where the platform cannot load the builder-only
 * code (an Aura site running neither Lightning Locker nor Lightning Web Security, where dynamic
 * components are not available). Every `import('c/…')` of the staged component code then
 * rejects, as the platform's failed import would; the modules are still split into chunks.
 */
function builderKitSwitch(): Plugin {
    return {
        name: 'preview-builder-kit-switch',
        transform(code, id) {
            if (!id.startsWith(stagingDir) || !code.includes('import(')) {
                return null;
            }
            const next = code.replace(
                /\bimport\((['"])(c\/\w+)\1\)/g,
                (_match, quote: string, specifier: string) =>
                    `(new URLSearchParams(location.search).get('builderKit') === 'off' ? Promise.reject(new Error('the builder kit cannot load (?builderKit=off)')) : import(${quote}${specifier}${quote}))`
            );
            return next === code ? null : { code: next, map: null };
        }
    };
}

/**
 * Writes the simulated chat client's files into `dir/simulated` (see preview/simulator/boot.mts):
 * the scripts, real <script> files so that their load events reach the page as esw.min.js's
 * would, and the storage frame (#esw_storage_iframe), an empty page the simulator posts its
 * answers for. The benchmark page (bench/lib/benchPage.mts) serves them too.
 */
export function writeSimulatedScripts(dir: string): void {
    fs.mkdirSync(path.join(dir, 'simulated'), { recursive: true });
    for (const [file, hook] of [
        ['esw.min.js', 'esw'],
        ['liveagent.esw.js', 'liveAgent']
    ]) {
        fs.writeFileSync(
            path.join(dir, 'simulated', file),
            `// Simulated chat client script (preview only): installs the simulator's ${hook === 'esw' ? 'embedded_svc' : 'liveAgentAPI'}.\nwindow.__chatSimulatorHooks && window.__chatSimulatorHooks.${hook} && window.__chatSimulatorHooks.${hook}();\n`
        );
    }
    fs.writeFileSync(
        path.join(dir, 'simulated', 'storage.html'),
        '<!doctype html><title>Live Chat Metadata</title>\n'
    );
}

/** One cached LWC compilation. */
interface CachedTransform {
    code: string;
    warnings: string[];
}

const transformCacheFile = path.join(distDir, '.cache', 'lwc-transforms.json');

/**
 * The LWC plugin, made fast enough for a test run: bare specifiers are resolved once per build
 * (the module resolver re-reads lightning-base-components' large package.json on every call),
 * and compilations are kept on disk between runs, keyed by file name and source (the LWC
 * compiler derives the namespace and name from the path).
 */
function cachedLwc(options: Parameters<typeof lwc>[0]): Plugin {
    const base = lwc(options);
    const baseResolve = base.resolveId as (
        this: PluginContext,
        source: string,
        importer: string | undefined,
        extra: unknown
    ) => ResolveIdResult;
    const baseTransform = base.transform as (
        this: TransformPluginContext,
        code: string,
        id: string
    ) => TransformResult;
    const resolved = new Map<string, ResolveIdResult>();
    let stored = new Map<string, CachedTransform>();
    const used = new Map<string, CachedTransform>();
    return {
        ...base,
        name: 'rollup-plugin-lwc-compiler (cached)',
        buildStart(inputOptions) {
            resolved.clear();
            used.clear();
            try {
                stored = new Map(
                    Object.entries(
                        JSON.parse(fs.readFileSync(transformCacheFile, 'utf8')) as Record<
                            string,
                            CachedTransform
                        >
                    )
                );
            } catch {
                stored = new Map();
            }
            return (base.buildStart as (this: PluginContext, o: unknown) => void).call(
                this,
                inputOptions
            );
        },
        resolveId(source, importer, extra) {
            if (
                !importer ||
                source.startsWith('.') ||
                source.startsWith('/') ||
                path.isAbsolute(source)
            ) {
                return baseResolve.call(this, source, importer, extra);
            }
            if (!resolved.has(source)) {
                resolved.set(source, baseResolve.call(this, source, importer, extra));
            }
            return resolved.get(source);
        },
        transform(code, id) {
            const key = createHash('sha256').update(id).update('\0').update(code).digest('hex');
            const hit = stored.get(key) ?? used.get(key);
            if (hit) {
                used.set(key, hit);
                for (const warning of hit.warnings) {
                    this.warn(warning);
                }
                return { code: hit.code, map: null };
            }
            const warnings: string[] = [];
            const context = Object.create(this) as TransformPluginContext;
            context.warn = (warning) => {
                warnings.push(
                    typeof warning === 'string'
                        ? warning
                        : String((warning as RollupLog).message ?? warning)
                );
                this.warn(warning);
            };
            const result = baseTransform.call(context, code, id);
            if (result && typeof result === 'object' && typeof result.code === 'string') {
                used.set(key, { code: result.code, warnings });
                return { code: result.code, map: null };
            }
            return result;
        },
        buildEnd() {
            fs.mkdirSync(path.dirname(transformCacheFile), { recursive: true });
            fs.writeFileSync(transformCacheFile, JSON.stringify(Object.fromEntries(used)));
        }
    };
}

export interface BundleOptions {
    /** Rollup caches of a previous build (watch mode); updated in place. */
    caches?: { app?: RollupCache; simulator?: RollupCache };
    /** Injects a live-reload listener into index.html (npm start). */
    liveReload?: boolean;
    /** Writes source maps (npm start); off for the browser tests (faster). */
    sourcemap?: boolean;
}

/** Stages, bundles and copies everything into preview/dist/www. */
export async function bundlePreview(options: BundleOptions = {}): Promise<BundleResult> {
    const started = Date.now();
    const warnings: string[] = [];
    const onLog = (level: string, log: RollupLog) => {
        // Warnings about lightning-base-components' own templates are not ours to fix.
        const where = `${log.id ?? ''} ${log.message}`;
        if (level === 'warn' && !where.includes('node_modules')) {
            warnings.push(log.message);
        }
    };
    const { components, skipped } = stageModules();
    const caches = options.caches ?? {};
    const sharedPlugins = (): Plugin[] => [
        platformModules({
            projectRoot,
            iconSourceDirs: [lwcRoot, path.join(previewDir, 'app'), previewComponentsDir]
        }),
        componentRegistry(() => components),
        typescriptPreview(),
        builderKitSwitch(),
        replace({
            preventAssignment: true,
            values: {
                'process.env.NODE_ENV': JSON.stringify('development'),
                'import.meta.env.SSR': 'false'
            }
        }),
        cachedLwc({
            rootDir: stagingDir,
            modules: [{ npm: 'lightning-base-components' }],
            // As on the platform for bundles with lightning__dynamicComponent (builder-only code).
            enableDynamicComponents: true,
            exclude: [
                path.join(previewDir, 'app', '**'),
                path.join(previewDir, 'platform', '**'),
                path.join(previewDir, 'simulator', '**')
            ]
        })
    ];

    fs.mkdirSync(wwwDir, { recursive: true });
    fs.rmSync(path.join(wwwDir, 'chunks'), { recursive: true, force: true });

    const app = await rollup({
        input: { app: path.join(previewDir, 'app', 'main.ts') },
        plugins: sharedPlugins(),
        cache: caches.app,
        onLog
    });
    await app.write({
        dir: wwwDir,
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        sourcemap: options.sourcemap === true
    });
    caches.app = app.cache;
    await app.close();

    const simulator = await rollup({
        input: path.join(previewDir, 'simulator', 'boot.mts'),
        plugins: [typescriptPreview()],
        cache: caches.simulator,
        onLog
    });
    await simulator.write({
        file: path.join(wwwDir, 'simulator.js'),
        format: 'iife',
        name: 'chatSimulatorBundle',
        sourcemap: options.sourcemap === true
    });
    caches.simulator = simulator.cache;
    await simulator.close();

    writeSimulatedScripts(wwwDir);

    let html = fs.readFileSync(path.join(previewDir, 'app', 'index.html'), 'utf8');
    if (options.liveReload) {
        html = html.replace(
            '</body>',
            `    <script>new EventSource('/__live-reload').onmessage = () => location.reload();</script>\n</body>`
        );
    }
    fs.writeFileSync(path.join(wwwDir, 'index.html'), html);
    fs.copyFileSync(path.join(previewDir, 'app', 'preview.css'), path.join(wwwDir, 'preview.css'));
    fs.copyFileSync(path.join(previewDir, 'app', 'favicon.svg'), path.join(wwwDir, 'favicon.svg'));
    fs.copyFileSync(
        path.join(previewDir, 'simulator', 'simulator.css'),
        path.join(wwwDir, 'simulator.css')
    );

    return { components, skipped, warnings, durationMs: Date.now() - started };
}
