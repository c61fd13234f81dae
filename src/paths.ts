import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root: compiled files live in dist/src, sources in src, both two levels down. */
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', existsUp() ? '..' : '.');

function existsUp(): boolean {
  return path.basename(path.dirname(path.dirname(fileURLToPath(import.meta.url)))) === 'dist';
}

/** A path inside the package, from its root: `packagePath('schemas', 'config.schema.json')`. */
export function packagePath(...segments: string[]): string {
  return path.join(packageRoot, ...segments);
}

/** pingone-audit's version, from its package.json. */
export const toolVersion: string = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
