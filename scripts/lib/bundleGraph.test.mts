/**
 * Tests of the bundle graph the bench uses to size a visitor's page: each way a bundle loads
 * another is found, type-only imports and comments count for nothing, and the real project's
 * pages are not empty. Run with `node --test` (npm run test:scripts).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
    bundleDependencies,
    bundleOfTag,
    pageBundles,
    projectDependencies,
    scriptDependencies,
    templateDependencies,
    type BundleDependencies
} from './bundleGraph.mts';
import { lwcRoot } from './paths.mts';

describe('scriptDependencies', () => {
    it('finds static imports, re-exports and side-effect imports of c/ bundles', () => {
        const deps = scriptDependencies(
            [
                "import { LightningElement } from 'lwc';",
                "import { startChat } from 'c/embeddedChatService';",
                "import Thing, { other } from 'c/thing';",
                "export { helper } from 'c/helpers';",
                "import 'c/sideEffect';",
                "import LABEL from '@salesforce/label/c.Some_Label';"
            ].join('\n'),
            'a.ts'
        );
        assert.deepEqual(deps.static, ['embeddedChatService', 'helpers', 'sideEffect', 'thing']);
        assert.deepEqual(deps.dynamic, []);
    });

    it('leaves out type-only imports and exports, which load nothing', () => {
        const deps = scriptDependencies(
            [
                "import type { ChatState } from 'c/embeddedChatService';",
                "import { type RoutingIssue } from 'c/routing';",
                "export type { ButtonStyle } from 'c/styles';",
                "type Later = typeof import('c/later');",
                "import { type A, b } from 'c/mixed';"
            ].join('\n'),
            'a.ts'
        );
        assert.deepEqual(deps.static, ['mixed']);
        assert.deepEqual(deps.dynamic, []);
    });

    it('lists import() calls as dynamic and counts a computed specifier as unresolved', () => {
        const deps = scriptDependencies(
            [
                'async function load(name: string) {',
                "    const notice = await import('c/chatAdminNotice');",
                '    return [notice, await import(name)];',
                '}'
            ].join('\n'),
            'a.ts'
        );
        assert.deepEqual(deps.static, []);
        assert.deepEqual(deps.dynamic, ['chatAdminNotice']);
        assert.equal(deps.unresolved, 1);
    });

    it('ignores imports written in comments and strings', () => {
        const deps = scriptDependencies(
            [
                '/**',
                " *     import { subscribeToChat } from 'c/embeddedChatService';",
                ' */',
                'const text = "import(\'c/notLoaded\')";'
            ].join('\n'),
            'a.ts'
        );
        assert.deepEqual(deps, { static: [], dynamic: [], unresolved: 0 });
    });
});

describe('templateDependencies', () => {
    it('maps c- child tags to bundle names and skips base components and comments', () => {
        const html = `<template>
    <c-chat-admin-notice problems={problems}></c-chat-admin-notice>
    <lightning-button label="x"></lightning-button>
    <!-- <c-commented-out></c-commented-out> -->
    <c-status/>
</template>`;
        assert.deepEqual(templateDependencies(html), ['chatAdminNotice', 'status']);
    });

    it('names bundles the way LWC maps tags', () => {
        assert.equal(bundleOfTag('c-chat-start-button'), 'chatStartButton');
        assert.equal(bundleOfTag('c-x2-y'), 'x2Y');
        assert.equal(bundleOfTag('lightning-button'), null);
    });
});

describe('pageBundles', () => {
    const graph: Record<string, BundleDependencies> = {
        start: { static: ['service', 'support'], dynamic: ['notice'] },
        support: { static: ['service'], dynamic: [] },
        service: { static: [], dynamic: [] },
        notice: { static: ['adminText'], dynamic: [] },
        adminText: { static: [], dynamic: [] }
    };
    const lookup = (name: string): BundleDependencies | null => graph[name] ?? null;

    it('follows static imports transitively and leaves out dynamic ones for visitors', () => {
        assert.deepEqual(pageBundles(['start'], lookup, false), ['service', 'start', 'support']);
    });

    it('follows dynamic imports too for Experience Builder', () => {
        assert.deepEqual(pageBundles(['start'], lookup, true), [
            'adminText',
            'notice',
            'service',
            'start',
            'support'
        ]);
    });

    it('fails on an unknown bundle instead of counting nothing', () => {
        assert.throws(() => pageBundles(['strat'], lookup, false), /unknown bundle "strat"/);
    });
});

describe('the project', () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-graph-'));
    after(() => fs.rmSync(temp, { recursive: true, force: true }));

    it('reads a bundle folder: scripts and templates, not itself', () => {
        const dir = path.join(temp, 'chatThing');
        fs.mkdirSync(dir);
        fs.writeFileSync(
            path.join(dir, 'chatThing.ts'),
            "import { a } from 'c/chatThing';\nimport { b } from 'c/support';\nconst n = () => import('c/notice');\n"
        );
        fs.writeFileSync(path.join(dir, 'helper.ts'), "export { c } from 'c/service';\n");
        fs.writeFileSync(
            path.join(dir, 'chatThing.html'),
            '<template><c-status></c-status></template>'
        );
        assert.deepEqual(bundleDependencies(dir), {
            static: ['service', 'status', 'support'],
            dynamic: ['notice']
        });
    });

    it("keeps admin-only bundles out of a visitor's page and loads them in Experience Builder", () => {
        const dependencies = projectDependencies(lwcRoot);
        const buttons = ['chatStartButton', 'chatEndButton', 'chatClearSession', 'chatStatus'];
        const visitor = pageBundles(buttons, dependencies, false);
        const adminBundles = ['chatAdminNotice', 'chatAdminChecks'];
        for (const adminOnly of [...adminBundles, 'chatFallbackRulesEditor']) {
            assert.ok(!visitor.includes(adminOnly), `${adminOnly} in ${visitor.join(', ')}`);
        }
        const withSettings = pageBundles([...buttons, 'chatRoutingSettings'], dependencies, false);
        for (const adminOnly of [...adminBundles, 'chatRoutingSummary']) {
            assert.ok(
                !withSettings.includes(adminOnly),
                `${adminOnly} in ${withSettings.join(', ')}`
            );
        }
        const settingsInBuilder = pageBundles(['chatRoutingSettings'], dependencies, true);
        assert.ok(settingsInBuilder.includes('chatRoutingSummary'), settingsInBuilder.join(', '));
        const builder = pageBundles(buttons, dependencies, true);
        assert.ok(builder.includes('chatAdminNotice'), builder.join(', '));
        assert.ok(builder.includes('chatAdminChecks'), builder.join(', '));
    });

    it("loads the service and the shared support on a visitor's page with the Start button", () => {
        const page = pageBundles(['chatStartButton'], projectDependencies(lwcRoot), false);
        for (const bundle of ['chatStartButton', 'embeddedChatService', 'chatComponentSupport']) {
            assert.ok(page.includes(bundle), `${bundle} missing from ${page.join(', ')}`);
        }
    });
});
