/** Paths every script agrees on. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const lwcRoot = path.join(projectRoot, 'force-app', 'main', 'default', 'lwc');
export const binDir = path.join(projectRoot, 'node_modules', '.bin');
