/**
 * Builds the benchmark page (bench/page) into a work folder: the components' tsc output (see
 * sizes.mts: compiled into the work folder, never beside the sources) staged as `c/<name>` modules
 * and bundled with open-source LWC, the preview's platform stand-ins
 * (preview/platform/platformModules.mts) and the preview's chat client simulator
 * (preview/simulator/boot.mts) as the page's snippet. Nothing is written under preview/.
 */
import fs from 'node:fs';
import path from 'node:path';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { rollup, type RollupLog } from 'rollup';
import { platformModules } from '../../preview/platform/platformModules.mts';
import { typescriptPreview, writeSimulatedScripts } from '../../preview/server/bundle.mts';

export interface BenchPage {
    /** The folder to serve: index.html, bench.js, simulator.js, simulated/*.js. */
    wwwDir: string;
    durationMs: number;
    warnings: string[];
}

/** Copies each bundle's compiled .js and its templates/styles into `stagingDir/c/<name>`. */
function stage(projectRoot: string, compiledLwcRoot: string, stagingDir: string): void {
    const sourceRoot = path.join(projectRoot, 'force-app', 'main', 'default', 'lwc');
    fs.rmSync(stagingDir, { recursive: true, force: true });
    for (const entry of fs.readdirSync(sourceRoot, { withFileTypes: true })) {
        if (!entry.isDirectory()) {
            continue;
        }
        const to = path.join(stagingDir, 'c', entry.name);
        fs.mkdirSync(to, { recursive: true });
        const compiled = path.join(compiledLwcRoot, entry.name);
        for (const file of fs.existsSync(compiled) ? fs.readdirSync(compiled) : []) {
            if (file.endsWith('.js')) {
                fs.copyFileSync(path.join(compiled, file), path.join(to, file));
            }
        }
        for (const file of fs.readdirSync(path.join(sourceRoot, entry.name))) {
            if (/\.(html|css|svg)$/.test(file)) {
                fs.copyFileSync(path.join(sourceRoot, entry.name, file), path.join(to, file));
            }
        }
    }
}

export async function buildBenchPage(
    projectRoot: string,
    workDir: string,
    compiledLwcRoot: string
): Promise<BenchPage> {
    const started = Date.now();
    const warnings: string[] = [];
    const onLog = (level: string, log: RollupLog): void => {
        if (level === 'warn' && !`${log.id ?? ''} ${log.message}`.includes('node_modules')) {
            warnings.push(log.message);
        }
    };
    const pageDir = path.join(projectRoot, 'bench', 'page');
    const previewDir = path.join(projectRoot, 'preview');
    const stagingDir = path.join(workDir, 'modules');
    const wwwDir = path.join(workDir, 'www');
    stage(projectRoot, compiledLwcRoot, stagingDir);
    // The LWC module resolver looks for a package root above the importing module.
    fs.writeFileSync(
        path.join(workDir, 'package.json'),
        `${JSON.stringify({ name: 'embedded-chat-bench-work', private: true }, null, 2)}\n`
    );
    fs.rmSync(wwwDir, { recursive: true, force: true });
    fs.mkdirSync(wwwDir, { recursive: true });

    const page = await rollup({
        input: { bench: path.join(pageDir, 'bench.mts') },
        plugins: [
            platformModules({
                projectRoot,
                iconSourceDirs: [path.join(projectRoot, 'force-app', 'main', 'default', 'lwc')]
            }),
            typescriptPreview(),
            replace({
                preventAssignment: true,
                values: {
                    'process.env.NODE_ENV': JSON.stringify('production'),
                    'import.meta.env.SSR': 'false'
                }
            }),
            lwc({
                rootDir: stagingDir,
                modules: [{ npm: 'lightning-base-components' }],
                // As on the platform for bundles with lightning__dynamicComponent.
                enableDynamicComponents: true,
                exclude: [path.join(pageDir, '**'), path.join(previewDir, '**')]
            })
        ],
        onLog
    });
    await page.write({ dir: wwwDir, format: 'es', entryFileNames: '[name].js' });
    await page.close();

    const simulator = await rollup({
        input: path.join(previewDir, 'simulator', 'boot.mts'),
        plugins: [typescriptPreview()],
        onLog
    });
    await simulator.write({
        file: path.join(wwwDir, 'simulator.js'),
        format: 'iife',
        name: 'chatSimulatorBundle'
    });
    await simulator.close();

    writeSimulatedScripts(wwwDir);
    fs.copyFileSync(path.join(pageDir, 'index.html'), path.join(wwwDir, 'index.html'));
    return { wwwDir, durationMs: Date.now() - started, warnings };
}
