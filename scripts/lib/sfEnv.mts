/**
 * The environment for running the Salesforce CLI from this project: no telemetry, no update
 * checks, no auto-update (an npm-installed sf otherwise spawns a detached updater that waits for
 * an hour), and the project's Node 22 (the `node` dev dependency) first on PATH, because sf
 * needs Node 22 for real commands.
 */
import path from 'node:path';
import { binDir } from './paths.mts';

export function sfEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
    return {
        ...base,
        PATH: `${binDir}${path.delimiter}${base.PATH ?? ''}`,
        SF_DISABLE_TELEMETRY: 'true',
        SFDX_DISABLE_TELEMETRY: 'true',
        SF_SKIP_NEW_VERSION_CHECK: 'true',
        SF_DISABLE_AUTOUPDATE: 'true',
        SF_AUTOUPDATE_DISABLE: 'true',
        SFDX_AUTOUPDATE_DISABLE: 'true',
        SF_HIDE_RELEASE_NOTES: 'true'
    };
}

export const sfBin = path.join(binDir, process.platform === 'win32' ? 'sf.cmd' : 'sf');
