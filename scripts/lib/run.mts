/** Runs a command, streaming its output; resolves with its exit code. */
import { spawn } from 'node:child_process';

export function run(
    command: string,
    args: readonly string[],
    options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}
): Promise<number> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            stdio: 'inherit',
            shell: process.platform === 'win32'
        });
        child.on('error', reject);
        child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
}
