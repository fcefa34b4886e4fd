/**
 * Shipped size of each bundle under force-app/main/default/lwc: the deployable JavaScript (the
 * tsc output of `node scripts/build.mts`, every .js of the bundle), minified and gzip-compressed,
 * plus the raw size of its templates and styles.
 *
 * The TypeScript is compiled with the project's own tsconfig.build.json into a temporary folder
 * (the same emitted code as the build, without touching the .js files beside the sources that
 * other tools are using). Terser cannot parse the `@api`/`@wire` decorators the tsc output keeps,
 * so each .js first goes through the LWC compiler (@lwc/compiler transformSync: what the platform
 * does before serving a module; decorators become registerDecorators calls), then terser, then
 * gzip (level 9) of the bundle's minified files joined together.
 *
 * The platform serves each template as JavaScript too: `servedGzip` adds the bundle's templates,
 * compiled by the same LWC compiler and minified, to its scripts. A page's size
 * (`visitorPage`, `builderPage`) is the sum of `servedGzip` over the bundles the page loads: its
 * components and what they load through imports and child tags (scripts/lib/bundleGraph.mts).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { transformSync } from '@lwc/compiler';
import { minify } from 'terser';
import ts from 'typescript';
import { pageBundles, projectDependencies } from '../../scripts/lib/bundleGraph.mts';

export interface BundleSize {
    bundle: string;
    /** .js files of the bundle (tsc output). */
    files: number;
    jsRaw: number;
    jsMinified: number;
    jsGzip: number;
    htmlRaw: number;
    cssRaw: number;
    /** Templates compiled to JavaScript (LWC compiler), minified. */
    htmlCompiledMinified: number;
    /** Scripts and compiled templates of the bundle, minified, gzip -9 together: what is served. */
    servedGzip: number;
}

/** What a page loads of the package. */
export interface PageSize {
    /** The components placed on the page. */
    components: string[];
    /** Every bundle the page loads (the components and their import graph). */
    bundles: string[];
    /** Sum of the bundles' `servedGzip`: scripts and compiled templates, minified + gzip. */
    jsGzip: number;
}

export interface ClientScriptSize {
    path: string;
    raw: number;
    gzip: number;
}

export interface SizeReport {
    method: string;
    compileDiagnostics: number;
    bundles: BundleSize[];
    /** Every bundle together. */
    total: Omit<BundleSize, 'bundle'>;
    /** A visitor's page with every chat component: dynamic imports are not followed. */
    visitorPage: PageSize;
    /** The same page in Experience Builder: dynamic imports (builder-only code) followed. */
    builderPage: PageSize;
    /** Salesforce's own chat client (ESW_SCRIPT_PATH), for scale; null when not given. */
    salesforceClient: ClientScriptSize[] | null;
}

export const SIZE_METHOD =
    'tsc (tsconfig.build.json) -> @lwc/compiler transformSync (scripts and templates) -> terser (module, compress, mangle) -> gzip -9 per bundle; pages: sum over the import graph';

/** The components a site page carries: every chat component a visitor can meet. */
export const PAGE_COMPONENTS: readonly string[] = [
    'chatStartButton',
    'chatEndButton',
    'chatClearSession',
    'chatStatus',
    'chatRoutingSettings'
];

const TERSER_OPTIONS = {
    module: true,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false }
} as const;

function gzipSize(text: string | Buffer): number {
    return zlib.gzipSync(text, { level: 9 }).length;
}

/** Compiles the components as scripts/build.mts does, into `outDir`; returns the diagnostics count. */
export function compileComponents(projectRoot: string, outDir: string): number {
    const configPath = path.join(projectRoot, 'tsconfig.build.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(
        configPath,
        { outDir, rootDir: projectRoot, noEmitOnError: false },
        {
            ...ts.sys,
            onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
                throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
            }
        }
    );
    if (!parsed) {
        throw new Error(`cannot read ${configPath}`);
    }
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const result = program.emit();
    return ts.getPreEmitDiagnostics(program).length + result.diagnostics.length;
}

function filesWith(dir: string, extension: string): string[] {
    return fs.existsSync(dir)
        ? fs
              .readdirSync(dir, { withFileTypes: true })
              .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
              .map((entry) => path.join(dir, entry.name))
              .sort()
        : [];
}

async function bundleSize(
    name: string,
    sourceDir: string,
    compiledDir: string
): Promise<BundleSize> {
    const jsFiles = filesWith(compiledDir, '.js');
    let jsRaw = 0;
    let jsMinified = 0;
    const minified: string[] = [];
    for (const file of jsFiles) {
        const source = fs.readFileSync(file, 'utf8');
        jsRaw += Buffer.byteLength(source);
        const compiled = transformSync(source, `${name}/${path.basename(file)}`, {
            name,
            namespace: 'c'
        }).code;
        const result = await minify(compiled, TERSER_OPTIONS);
        const code = result.code ?? '';
        jsMinified += Buffer.byteLength(code);
        minified.push(code);
    }
    const templates: string[] = [];
    for (const file of filesWith(sourceDir, '.html')) {
        const compiled = transformSync(
            fs.readFileSync(file, 'utf8'),
            `${name}/${path.basename(file)}`,
            // The platform enables dynamic components for bundles with lightning__dynamicComponent;
            // the metadata check makes sure a bundle that uses them declares it.
            { name, namespace: 'c', enableDynamicComponents: true }
        ).code;
        templates.push((await minify(compiled, TERSER_OPTIONS)).code ?? '');
    }
    const raw = (extension: string): number =>
        filesWith(sourceDir, extension).reduce((total, file) => total + fs.statSync(file).size, 0);
    const served = [...minified, ...templates];
    return {
        bundle: name,
        files: jsFiles.length,
        jsRaw,
        jsMinified,
        jsGzip: minified.length ? gzipSize(minified.join('\n')) : 0,
        htmlRaw: raw('.html'),
        cssRaw: raw('.css'),
        htmlCompiledMinified: templates.reduce((total, code) => total + Buffer.byteLength(code), 0),
        servedGzip: served.length ? gzipSize(served.join('\n')) : 0
    };
}

/** The size of Salesforce's chat client scripts (ESW_SCRIPT_PATH: paths joined by the OS delimiter). */
export function clientScriptSizes(spec: string | undefined): ClientScriptSize[] | null {
    if (!spec) {
        return null;
    }
    return spec
        .split(path.delimiter)
        .filter((file) => file.trim() !== '')
        .map((file) => {
            const content = fs.readFileSync(file);
            return { path: file, raw: content.length, gzip: gzipSize(content) };
        });
}

/** The page with `components`: the bundles it loads and their served size. */
export function pageSize(
    components: readonly string[],
    bundles: readonly BundleSize[],
    compiledRoot: string,
    sourceRoot: string,
    followDynamic: boolean
): PageSize {
    const loaded = pageBundles(
        components,
        projectDependencies(compiledRoot, '.js', sourceRoot),
        followDynamic
    );
    const byName = new Map(bundles.map((bundle) => [bundle.bundle, bundle]));
    return {
        components: [...components],
        bundles: loaded,
        jsGzip: loaded.reduce((total, name) => total + (byName.get(name)?.servedGzip ?? 0), 0)
    };
}

export async function measureSizes(
    projectRoot: string,
    workDir: string,
    eswScriptPath: string | undefined
): Promise<SizeReport> {
    const outDir = path.join(workDir, 'tsc');
    fs.rmSync(outDir, { recursive: true, force: true });
    const diagnostics = compileComponents(projectRoot, outDir);
    const lwcRelative = path.join('force-app', 'main', 'default', 'lwc');
    const sourceRoot = path.join(projectRoot, lwcRelative);
    const compiledRoot = path.join(outDir, lwcRelative);
    const names = fs
        .readdirSync(sourceRoot, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
        .map((entry) => entry.name)
        .sort();
    const bundles: BundleSize[] = [];
    for (const name of names) {
        bundles.push(
            await bundleSize(name, path.join(sourceRoot, name), path.join(compiledRoot, name))
        );
    }
    const sum = (key: keyof Omit<BundleSize, 'bundle'>): number =>
        bundles.reduce((total, bundle) => total + bundle[key], 0);
    return {
        method: SIZE_METHOD,
        compileDiagnostics: diagnostics,
        bundles,
        total: {
            files: sum('files'),
            jsRaw: sum('jsRaw'),
            jsMinified: sum('jsMinified'),
            jsGzip: sum('jsGzip'),
            htmlRaw: sum('htmlRaw'),
            cssRaw: sum('cssRaw'),
            htmlCompiledMinified: sum('htmlCompiledMinified'),
            servedGzip: sum('servedGzip')
        },
        visitorPage: pageSize(PAGE_COMPONENTS, bundles, compiledRoot, sourceRoot, false),
        builderPage: pageSize(PAGE_COMPONENTS, bundles, compiledRoot, sourceRoot, true),
        salesforceClient: clientScriptSizes(eswScriptPath)
    };
}
