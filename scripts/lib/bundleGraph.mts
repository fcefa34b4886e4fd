/**
 * Which component bundles a page loads: the import graph of LWC bundles in this project.
 *
 * A bundle depends on another through its scripts (`import … from 'c/x'`, `export … from 'c/x'`,
 * and `import('c/x')`, which the platform loads only when the code runs) and through its templates
 * (a child tag `<c-x-y>` loads bundle `xY`). Type-only imports load nothing and are left out. Used
 * by the bench (what a visitor's page downloads), by the metadata check (a bundle that imports
 * dynamically must declare the capability the platform needs for it) and by the boundary test
 * (bundleBoundary.test.mts, where `scriptReferences` counts type-only imports too).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The bundles one bundle loads: always (`static`) and only when its code asks (`dynamic`). */
export interface BundleDependencies {
    static: string[];
    dynamic: string[];
}

const NAMESPACE_PREFIX = 'c/';

function bundleOfSpecifier(specifier: string): string | null {
    return specifier.startsWith(NAMESPACE_PREFIX)
        ? specifier.slice(NAMESPACE_PREFIX.length) || null
        : null;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
    const clause = node.importClause;
    if (!clause) {
        return false; // `import 'c/x'` runs the module
    }
    if (clause.isTypeOnly) {
        return true;
    }
    const bindings = clause.namedBindings;
    return (
        !clause.name &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((element) => element.isTypeOnly)
    );
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
    const clause = node.exportClause;
    return (
        node.isTypeOnly ||
        (clause !== undefined &&
            ts.isNamedExports(clause) &&
            clause.elements.length > 0 &&
            clause.elements.every((element) => element.isTypeOnly))
    );
}

/** Every `c/` bundle a script names: what it loads, and what it names only for types. */
export interface ScriptReferences extends BundleDependencies {
    /** Bundles named only in type-only imports and exports or `import('c/x')` types: load nothing. */
    types: string[];
    /** `import()` calls with a computed specifier, which cannot be followed. */
    unresolved: number;
}

/**
 * Every `c/` bundle a script names in an import or an export, a type-only one included: for
 * boundary checks, where even a type counts. Reads the syntax tree, so an import written in a
 * comment or a string counts for nothing.
 */
export function scriptReferences(source: string, fileName: string): ScriptReferences {
    const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
    const found = {
        static: new Set<string>(),
        dynamic: new Set<string>(),
        types: new Set<string>()
    };
    let unresolved = 0;
    const add = (kind: keyof typeof found, specifier: ts.Node | undefined): void => {
        if (specifier && ts.isStringLiteralLike(specifier)) {
            const bundle = bundleOfSpecifier(specifier.text);
            if (bundle) {
                found[kind].add(bundle);
            }
        } else if (kind === 'dynamic') {
            unresolved += 1;
        }
    };
    const visit = (node: ts.Node): void => {
        if (ts.isImportDeclaration(node)) {
            add(isTypeOnlyImport(node) ? 'types' : 'static', node.moduleSpecifier);
            return;
        }
        if (ts.isExportDeclaration(node)) {
            add(isTypeOnlyExport(node) ? 'types' : 'static', node.moduleSpecifier);
            return;
        }
        if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
            add('dynamic', node.arguments[0]);
        }
        if (ts.isImportTypeNode(node)) {
            // `typeof import('c/x')` in a type position loads nothing
            const argument = node.argument;
            add('types', ts.isLiteralTypeNode(argument) ? argument.literal : undefined);
            return;
        }
        ts.forEachChild(node, visit);
    };
    visit(file);
    const sorted = (names: Set<string>): string[] => [...names].sort();
    const loaded = new Set([...found.static, ...found.dynamic]);
    return {
        static: sorted(found.static),
        dynamic: sorted(found.dynamic),
        types: sorted(new Set([...found.types].filter((name) => !loaded.has(name)))),
        unresolved
    };
}

/**
 * The `c/` bundles a script imports. Reads the syntax tree, so an import written in a comment or
 * a string counts for nothing. A dynamic import with a computed specifier cannot be followed: it is
 * listed as `c/?` in `unresolved`.
 */
export function scriptDependencies(
    source: string,
    fileName: string
): BundleDependencies & { unresolved: number } {
    const found = scriptReferences(source, fileName);
    return { static: found.static, dynamic: found.dynamic, unresolved: found.unresolved };
}

/** `c-chat-admin-notice` → `chatAdminNotice`. */
export function bundleOfTag(tag: string): string | null {
    const match = /^c-([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(tag);
    if (!match) {
        return null;
    }
    return match[1].replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The `c-` child tags of a template, as bundle names (comments are skipped). */
export function templateDependencies(html: string): string[] {
    const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
    const found = new Set<string>();
    for (const match of withoutComments.matchAll(/<(c-[a-z0-9-]+)[\s/>]/g)) {
        const bundle = bundleOfTag(match[1]);
        if (bundle) {
            found.add(bundle);
        }
    }
    return [...found].sort();
}

/** The files of a bundle folder with `extension` (not its tests, nor `.d.ts` files), sorted. */
export function filesOf(dir: string, extension: string): string[] {
    return fs.existsSync(dir)
        ? fs
              .readdirSync(dir, { withFileTypes: true })
              .filter(
                  (entry) =>
                      entry.isFile() &&
                      entry.name.endsWith(extension) &&
                      !entry.name.endsWith('.d.ts')
              )
              .map((entry) => path.join(dir, entry.name))
              .sort()
        : [];
}

/**
 * The dependencies of the bundle in `bundleDir` (its scripts with `scriptExtension`, `.ts` for
 * the sources or `.js` for the compiled output, and its `.html` templates). Tests are not read.
 */
export function bundleDependencies(
    bundleDir: string,
    scriptExtension: '.ts' | '.js' = '.ts',
    templateDir: string = bundleDir
): BundleDependencies {
    const self = path.basename(bundleDir);
    const staticDeps = new Set<string>();
    const dynamicDeps = new Set<string>();
    for (const file of filesOf(bundleDir, scriptExtension)) {
        const deps = scriptDependencies(fs.readFileSync(file, 'utf8'), file);
        deps.static.forEach((name) => staticDeps.add(name));
        deps.dynamic.forEach((name) => dynamicDeps.add(name));
    }
    for (const file of filesOf(templateDir, '.html')) {
        templateDependencies(fs.readFileSync(file, 'utf8')).forEach((name) => staticDeps.add(name));
    }
    staticDeps.delete(self);
    dynamicDeps.delete(self);
    return {
        static: [...staticDeps].sort(),
        dynamic: [...dynamicDeps].filter((name) => !staticDeps.has(name)).sort()
    };
}

/**
 * Every bundle a page with the `roots` loads: the roots and what they load, transitively. With
 * `followDynamic` false, bundles reached only through `import()` are left out (a visitor's page,
 * where the code that imports them never runs); with true they are in (Experience Builder).
 * Throws on a bundle that `dependenciesOf` does not know, so a typo cannot count nothing.
 */
export function pageBundles(
    roots: readonly string[],
    dependenciesOf: (bundle: string) => BundleDependencies | null,
    followDynamic: boolean
): string[] {
    const seen = new Set<string>();
    const queue = [...roots];
    while (queue.length > 0) {
        const bundle = queue.shift() as string;
        if (seen.has(bundle)) {
            continue;
        }
        const deps = dependenciesOf(bundle);
        if (!deps) {
            throw new Error(`unknown bundle "${bundle}" (no folder c/${bundle})`);
        }
        seen.add(bundle);
        queue.push(...deps.static, ...(followDynamic ? deps.dynamic : []));
    }
    return [...seen].sort();
}

/** `dependenciesOf` for `pageBundles`, reading the bundles under `lwcRoot` (memoised). */
export function projectDependencies(
    lwcRoot: string,
    scriptExtension: '.ts' | '.js' = '.ts',
    templateRoot: string = lwcRoot
): (bundle: string) => BundleDependencies | null {
    const cache = new Map<string, BundleDependencies | null>();
    return (bundle) => {
        if (!cache.has(bundle)) {
            const dir = path.join(lwcRoot, bundle);
            cache.set(
                bundle,
                fs.existsSync(dir)
                    ? bundleDependencies(dir, scriptExtension, path.join(templateRoot, bundle))
                    : null
            );
        }
        return cache.get(bundle) ?? null;
    };
}
