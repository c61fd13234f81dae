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

/**
 * The text of a file the package ships and reads at run time (its package.json, its schemas): package data, not input.
 * @throws Error with code `MODULE_NOT_FOUND`, as Node's for a module it cannot find, when the file is missing: the
 * installation is incomplete, and `runCli` hands the error to `src/cli.ts`, which says so and names the file.
 */
export function readPackageFile(...segments: string[]): string {
  const file = packagePath(...segments);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw Object.assign(new Error(`Cannot find module '${file}'`, { cause: error }), { code: 'MODULE_NOT_FOUND' });
  }
}

/** pingone-audit's version, from its package.json. */
export const toolVersion: string = (JSON.parse(readPackageFile('package.json')) as { version: string }).version;
