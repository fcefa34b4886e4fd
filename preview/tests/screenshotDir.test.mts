/**
 * `npm test` leaves the working tree clean: the browser scenarios write their screenshots to a
 * git-ignored folder, and only `npm run screenshots` writes the README's images in docs/images/.
 * (A preview unit test: no browser starts.)
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { screenshotDir } from './harness.mts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function gitIgnores(file: string): boolean {
    try {
        execFileSync('git', ['check-ignore', '--quiet', '--no-index', file], { cwd: projectRoot });
        return true;
    } catch {
        return false;
    }
}

describe('where screenshots go', () => {
    it('writes the test runs’ screenshots to a git-ignored folder, not to docs/', () => {
        assert.equal(process.env.PREVIEW_SCREENSHOT_DIR, undefined, 'run without the override');
        const relative = path.relative(projectRoot, screenshotDir);
        assert.ok(!relative.startsWith('docs'), `screenshots go to ${relative}`);
        assert.ok(gitIgnores(path.join(relative, 'preview.png')), `${relative} is not ignored`);
    });

    it('has an explicit script that updates the README images', () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
            scripts: Record<string, string>;
        };
        assert.match(pkg.scripts.screenshots, /preview\/tests\/run\.mts --update-images/);
        assert.doesNotMatch(pkg.scripts['test:browser'], /--update-images/);
        const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
        for (const image of readme.match(/docs\/images\/[\w-]+\.png/g) ?? []) {
            assert.ok(fs.existsSync(path.join(projectRoot, image)), `${image} exists`);
        }
    });
});
