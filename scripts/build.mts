/**
 * npm run build: compiles each component's TypeScript to the .js that the platform deploys,
 * written beside the .ts (tsconfig.build.json). Every .js under lwc/ is build output, so stale
 * ones (from a renamed or deleted .ts) are removed first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { binDir, lwcRoot, projectRoot } from './lib/paths.mts';
import { run } from './lib/run.mts';

function removeBuildOutput(dir: string): number {
    let removed = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            removed += removeBuildOutput(full);
        } else if (entry.name.endsWith('.js')) {
            fs.rmSync(full);
            removed += 1;
        }
    }
    return removed;
}

const removed = fs.existsSync(lwcRoot) ? removeBuildOutput(lwcRoot) : 0;
const code = await run(path.join(binDir, 'tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: projectRoot
});
if (code !== 0) {
    console.error('build: the TypeScript compiler reported errors (see above).');
    process.exit(code);
}
const bundles = fs
    .readdirSync(lwcRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
const emitted = bundles.filter((name) => fs.existsSync(path.join(lwcRoot, name, `${name}.js`)));
console.log(
    `build: ${emitted.length} component bundle(s) compiled (${removed} stale .js removed): ${emitted.join(', ')}`
);
