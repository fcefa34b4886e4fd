/**
 * npm start: the local preview. Builds the components exactly as they deploy (scripts/build.mts:
 * tsc writes each component's .js), bundles that output with open-source LWC for a page laid out
 * like an Experience Cloud site with a chat client simulator (preview/), serves it on 127.0.0.1
 * and rebuilds on change (the open page reloads itself).
 *
 *   node scripts/start.mts [--port 3000] [--no-watch]
 *
 * The port comes from --port, else the PORT environment variable, else 3000; when it is taken the
 * next free one is used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundlePreview, watchedSources, type BundleOptions } from '../preview/server/bundle.mts';
import { startPreviewServer } from '../preview/server/server.mts';
import { projectRoot } from './lib/paths.mts';
import { run } from './lib/run.mts';

const { values } = parseArgs({
    options: {
        port: { type: 'string' },
        'no-watch': { type: 'boolean', default: false }
    }
});

const requestedPort = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    console.error(`start: invalid port "${values.port ?? process.env.PORT}"`);
    process.exit(2);
}
const watch = !values['no-watch'];

/** Runs the component build (tsc); the preview goes on with what it emitted even on errors. */
async function buildComponents(): Promise<void> {
    const code = await run(process.execPath, [path.join(projectRoot, 'scripts', 'build.mts')], {
        cwd: projectRoot
    });
    if (code !== 0) {
        console.warn(
            'start: the component build reported errors (above); previewing what it emitted.'
        );
    }
}

const bundleOptions: BundleOptions = { caches: {}, liveReload: watch, sourcemap: true };

async function bundle(): Promise<boolean> {
    try {
        const result = await bundlePreview(bundleOptions);
        console.log(
            `start: preview bundled in ${(result.durationMs / 1000).toFixed(1)} s: ${result.components.map((c) => `<${c.tag}>`).join(' ')}`
        );
        for (const skipped of result.skipped) {
            console.log(`start: skipped ${skipped}`);
        }
        for (const warning of result.warnings) {
            console.warn(`start: warning: ${warning}`);
        }
        return true;
    } catch (error) {
        console.error(`start: the preview bundle failed: ${(error as Error).message}`);
        return false;
    }
}

await buildComponents();
if (!(await bundle()) && !watch) {
    process.exit(1);
}
const server = await startPreviewServer(requestedPort);
if (server.port !== requestedPort && requestedPort !== 0) {
    console.log(`start: port ${requestedPort} is taken, using ${server.port}`);
}
console.log(`\n  Preview: ${server.url}\n`);

if (watch) {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let running = false;
    let componentsChanged = false;
    let pending = false;

    const rebuild = async (): Promise<void> => {
        if (running) {
            pending = true;
            return;
        }
        running = true;
        const recompile = componentsChanged;
        componentsChanged = false;
        if (recompile) {
            await buildComponents();
        }
        if (await bundle()) {
            server.reload();
        }
        running = false;
        if (pending) {
            pending = false;
            await rebuild();
        }
    };

    const schedule = (components: boolean): void => {
        componentsChanged ||= components;
        if (timer !== null) {
            clearTimeout(timer);
        }
        timer = setTimeout(() => {
            timer = null;
            void rebuild();
        }, 250);
    };

    const watchDir = (dir: string, onChange: (file: string) => void): void => {
        if (!fs.existsSync(dir)) {
            return;
        }
        fs.watch(dir, { recursive: true }, (_event, file) => {
            if (file) {
                onChange(String(file));
            }
        });
    };

    // Component sources: the .js beside each .ts is build output (tsc writes it), not a change.
    watchDir(watchedSources.components, (file) => {
        if (/\.(ts|html|css|svg|xml)$/.test(file) && !file.includes('__tests__')) {
            schedule(true);
        }
    });
    watchDir(watchedSources.labels, () => schedule(false));
    for (const dir of watchedSources.preview) {
        watchDir(dir, (file) => {
            if (!file.endsWith('.test.mts')) {
                schedule(false);
            }
        });
    }
    console.log('start: watching for changes (Ctrl+C to stop)');
}

const stop = (): void => {
    void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
