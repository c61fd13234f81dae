#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import type { ErrorCode } from './error-codes.js';

// The only place that knows it runs in a process: everything else gets the process through `io`. It imports nothing
// of the program statically: a file missing from the installation (a chunk deleted, an install cut short) would
// otherwise stop Node before any of our code runs, with Node's stack trace instead of what to do.
/** A broken installation is the user's to fix (reinstall), not a bug: exit 2, as every error with a code. */
const INCOMPLETE_INSTALLATION_EXIT_CODE = 2;

let exitCode: number;
try {
  const [{ hideBin }, { runCli, watchOutputs }] = await Promise.all([import('yargs/helpers'), import('./run-cli.js')]);
  const outputs = watchOutputs(process.stdout, process.stderr);
  const verdict = await runCli(hideBin(process.argv), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
  // Exit as soon as stdout and stderr have taken every byte: a process left to wind down first hands back a large
  // audit's heap piece by piece (0.1 s of system time after the realistic snapshot of issue 19), for nothing.
  await Promise.all([process.stdout, process.stderr].map(flushed));
  // A write that failed meanwhile (a full disk) turns the verdict into exit 2: the report is not whole.
  exitCode = outputs.exitCode(verdict);
} catch (error) {
  // runCli rejects only for this (it reports every other error itself), and so does loading the program.
  const missing = missingFile(error);
  if (missing === undefined) throw error;
  process.stderr.write(incompleteInstallation(missing));
  exitCode = INCOMPLETE_INSTALLATION_EXIT_CODE;
}
process.exit(exitCode);

/** Resolves once every write queued on `stream` before has been handed to the system (at once for a closed stream). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) resolve();
    else stream.write('', () => resolve());
  });
}

/**
 * The file or package a failed `import` (ERR_MODULE_NOT_FOUND) or `require` (MODULE_NOT_FOUND) did not find, as a path or
 * package name; undefined for any other error.
 */
function missingFile(error: unknown): string | undefined {
  const { code, url, message } = (error ?? {}) as { code?: unknown; url?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined;
  if (typeof url === 'string' && url.startsWith('file:')) return fileURLToPath(url);
  const named = typeof message === 'string' ? /^Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1] : undefined;
  return named ?? 'a file of pingone-audit';
}

/** What happened, what to do and the error code, as every known error ends (the program's own printer may be what is missing). */
function incompleteInstallation(missing: string): string {
  const code: ErrorCode = 'installation-incomplete';
  // A path may hold anything a file name can: control, format and separator characters are shown as \u escapes.
  const shown = missing.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [
    `pingone-audit: the installation is incomplete: ${shown} is missing.`,
    '  what to do: Reinstall pingone-audit: `npm install -g pingone-audit` (or `npm install` in the project that uses it; `npm ci` in a clone, which builds dist/ again).',
    `  error code: ${code} (README.md#error-codes)`,
    '',
  ].join('\n');
}
