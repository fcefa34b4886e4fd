/**
 * The visitor/Builder boundary, as docs/architecture.md states it once ("Visitor and Builder
 * bundles"), held to the code: the table names every bundle, whether it is UI (it has a template)
 * or a library, and whether a visitor's page loads it (the import graph from the components a
 * site page carries) or only Experience Builder. No file of a visitor bundle names a Builder-only
 * bundle, not even for a type, except the one loader's `import()`s; and the graph of every name,
 * types and `import()`s included, has no circle. Run with `node --test` (npm run test:scripts).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
    filesOf,
    pageBundles,
    projectDependencies,
    scriptReferences,
    templateDependencies
} from './bundleGraph.mts';
import { lwcRoot, projectRoot } from './paths.mts';

/** The one file that may reach a Builder-only bundle: through `import()`, run only in Builder. */
const LOADER = 'chatComponentBase/builderKit.ts';
const HEADING = '## Visitor and Builder bundles';

interface Row {
    bundle: string;
    kind: string;
    loadedFor: string;
}

/** The rows of the first table under HEADING in docs/architecture.md. */
function documentedBundles(): Row[] {
    const doc = fs.readFileSync(path.join(projectRoot, 'docs', 'architecture.md'), 'utf8');
    const start = doc.indexOf(`\n${HEADING}\n`);
    assert.ok(start >= 0, `docs/architecture.md has no section "${HEADING}"`);
    const lines = doc.slice(start).split('\n');
    const first = lines.findIndex((line) => line.startsWith('|'));
    const table: string[] = [];
    for (const line of lines.slice(first)) {
        if (!line.startsWith('|')) {
            break;
        }
        table.push(line);
    }
    return table.slice(2).map((line) => {
        const [bundle, kind, loadedFor] = line
            .split('|')
            .slice(1, 4)
            .map((cell) => cell.trim().replace(/`/g, ''));
        return { bundle, kind, loadedFor };
    });
}

/** Every bundle folder of the project (a folder with a js-meta.xml). */
function projectBundles(): string[] {
    return fs
        .readdirSync(lwcRoot, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .filter((name) => fs.existsSync(path.join(lwcRoot, name, `${name}.js-meta.xml`)))
        .sort();
}

/** The components an admin places on a site page (a js-meta.xml target of a community page). */
function siteComponents(): string[] {
    return projectBundles().filter((name) =>
        /<target>lightningCommunity__(Page|Default)<\/target>/.test(
            fs.readFileSync(path.join(lwcRoot, name, `${name}.js-meta.xml`), 'utf8')
        )
    );
}

interface FileReferences {
    /** The file, relative to the lwc folder. */
    file: string;
    bundle: string;
    /** Bundles it loads or names for a type (its templates' child tags included). */
    named: string[];
    /** Bundles it loads with `import()`. */
    dynamic: string[];
}

/** What each script and template of each bundle names. */
function fileReferences(): FileReferences[] {
    return projectBundles().flatMap((bundle) => {
        const dir = path.join(lwcRoot, bundle);
        const scripts = filesOf(dir, '.ts').map((file) => {
            const found = scriptReferences(fs.readFileSync(file, 'utf8'), file);
            return { file, named: [...found.static, ...found.types], dynamic: found.dynamic };
        });
        const templates = filesOf(dir, '.html').map((file) => ({
            file,
            named: templateDependencies(fs.readFileSync(file, 'utf8')),
            dynamic: []
        }));
        return [...scripts, ...templates].map((found) => ({
            ...found,
            file: path.relative(lwcRoot, found.file).split(path.sep).join('/'),
            bundle,
            named: found.named.filter((name) => name !== bundle),
            dynamic: found.dynamic.filter((name) => name !== bundle)
        }));
    });
}

/** A circle in the graph (the bundles on it, the first repeated at the end), or null. */
function findCircle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (bundle: string): string[] | null => {
        if (state.get(bundle) === 'done') {
            return null;
        }
        if (state.get(bundle) === 'open') {
            return [...stack.slice(stack.indexOf(bundle)), bundle];
        }
        state.set(bundle, 'open');
        stack.push(bundle);
        for (const next of graph.get(bundle) ?? []) {
            const circle = visit(next);
            if (circle) {
                return circle;
            }
        }
        stack.pop();
        state.set(bundle, 'done');
        return null;
    };
    for (const bundle of graph.keys()) {
        const circle = visit(bundle);
        if (circle) {
            return circle;
        }
    }
    return null;
}

describe('the visitor/Builder boundary', () => {
    const rows = documentedBundles();
    const visitor = new Set(pageBundles(siteComponents(), projectDependencies(lwcRoot), false));
    const references = fileReferences();

    it('is documented once, with a row for every bundle', () => {
        assert.deepEqual(rows.map((row) => row.bundle).sort(), projectBundles());
        assert.ok(visitor.has('embeddedChatService') && visitor.size >= 5, [...visitor].join());
    });

    it('says of each bundle whether it is UI or a library, and who loads it', () => {
        const wrong = rows.filter((row) => {
            const ui = filesOf(path.join(lwcRoot, row.bundle), '.html').length > 0;
            const loadedFor = visitor.has(row.bundle) ? 'visitors' : 'Builder';
            return row.kind !== (ui ? 'UI' : 'library') || row.loadedFor !== loadedFor;
        });
        assert.deepEqual(wrong, []);
    });

    it('has no arrow from a visitor bundle into a Builder-only bundle, not even for a type, but the loader', () => {
        const crossing = references
            .filter((found) => visitor.has(found.bundle))
            .flatMap((found) => [
                ...found.named
                    .filter((name) => !visitor.has(name))
                    .map((name) => `${found.file} -> ${name}`),
                ...(found.file === LOADER
                    ? []
                    : found.dynamic.map((name) => `${found.file} -> import('c/${name}')`))
            ]);
        assert.deepEqual(crossing, []);
    });

    it('loads every Builder-only part of the components through the one loader', () => {
        const loaders = references.filter((found) => found.dynamic.length > 0);
        assert.deepEqual(
            loaders.map((found) => found.file),
            [LOADER]
        );
        assert.ok(
            loaders[0].dynamic.every((name) => !visitor.has(name)),
            loaders[0].dynamic.join()
        );
    });

    it('has no circle, counting types and import()s', () => {
        const graph = new Map<string, string[]>();
        for (const found of references) {
            graph.set(found.bundle, [
                ...(graph.get(found.bundle) ?? []),
                ...found.named,
                ...found.dynamic
            ]);
        }
        assert.equal(findCircle(graph)?.join(' -> ') ?? null, null);
    });

    it('finds a circle and a crossing when there is one', () => {
        const circle = new Map([
            ['a', ['b']],
            ['b', ['c']],
            ['c', ['a']],
            ['d', []]
        ]);
        assert.deepEqual(findCircle(circle), ['a', 'b', 'c', 'a']);
        assert.equal(
            findCircle(
                new Map([
                    ['a', ['b']],
                    ['b', []]
                ])
            ),
            null
        );
        const found = scriptReferences(
            "import type { X } from 'c/chatAdminChecks';\nconst y: typeof import('c/chatRoutingSummary') = z;",
            'a.ts'
        );
        assert.deepEqual(found.types, ['chatAdminChecks', 'chatRoutingSummary']);
    });
});
