/**
 * Runs the project's Salesforce CLI with telemetry and update checks off:
 * `node scripts/sf.mts <sf arguments>` (used by `npm run sf` and `npm run deploy`).
 */
import { run } from './lib/run.mts';
import { sfBin, sfEnv } from './lib/sfEnv.mts';

process.exit(await run(sfBin, process.argv.slice(2), { env: sfEnv() }));
