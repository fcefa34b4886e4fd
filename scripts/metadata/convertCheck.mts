/**
 * Converts force-app to the metadata API format with the Salesforce CLI, in a temporary folder,
 * and checks that the generated package.xml lists every component bundle (a bundle missing there
 * would silently not deploy).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { listBundles, listMessageChannels } from './checkMetadata.mts';
import { projectRoot } from '../lib/paths.mts';
import { run } from '../lib/run.mts';
import { sfBin, sfEnv } from '../lib/sfEnv.mts';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-chat-convert-'));
const target = path.join(outDir, 'mdapi');
try {
    const code = await run(
        sfBin,
        ['project', 'convert', 'source', '--root-dir', 'force-app', '--output-dir', target],
        { cwd: projectRoot, env: sfEnv() }
    );
    if (code !== 0) {
        console.error(`convert: sf project convert source failed (exit ${code}).`);
        process.exit(1);
    }
    const manifest = path.join(target, 'package.xml');
    const parsed = new XMLParser({
        isArray: (name) => name === 'types' || name === 'members'
    }).parse(fs.readFileSync(manifest, 'utf8')) as {
        Package?: { types?: { name: string; members?: string[] }[] };
    };
    const types = parsed.Package?.types ?? [];
    const listed = new Set(types.find((t) => t.name === 'LightningComponentBundle')?.members ?? []);
    const missing = listBundles(projectRoot).filter((b) => !listed.has(b));
    if (missing.length > 0) {
        console.error(
            `convert: package.xml does not list these bundles: ${missing.join(', ')}. Check .forceignore and that each bundle has its .js and .js-meta.xml.`
        );
        process.exit(1);
    }
    const channels = new Set(
        types.find((t) => t.name === 'LightningMessageChannel')?.members ?? []
    );
    const missingChannels = listMessageChannels(projectRoot).filter((c) => !channels.has(c));
    if (missingChannels.length > 0) {
        console.error(
            `convert: package.xml does not list these message channels: ${missingChannels.join(', ')}. Check .forceignore.`
        );
        process.exit(1);
    }
    const labelsListed = types.some((t) => t.name === 'CustomLabels' || t.name === 'CustomLabel');
    console.log(
        `convert: package.xml lists all ${listed.size} component bundles, ${channels.size} message channel(s)${labelsListed ? ' and the Custom Labels' : ''}.`
    );
} finally {
    fs.rmSync(outDir, { recursive: true, force: true });
}
