import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { packagePath } from '../../src/paths.js';
import { runCli as runCliInProcess } from '../../src/run-cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** `runBuiltCli` only: the executable to start instead of `node dist/src/cli.js`, e.g. an installed package's bin link. */
  bin?: string;
}

const CLI = packagePath('dist', 'src', 'cli.js');

/** The environment a test run sees: nothing of the developer's (no PINGONE_* leaks in), no colour. */
function testEnv(options: CliRunOptions): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...options.env };
}

/**
 * Runs the CLI in-process through `runCli`, with stdout and stderr captured (not a terminal), the
 * test's environment and working folder: the same arguments, output and exit code as the binary,
 * without starting a process.
 */
export async function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCliInProcess(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: testEnv(options),
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}

/**
 * Runs the built CLI as a user would, asynchronously so that a simulator started by the test keeps
 * serving: for what only a process shows (the bin's exit code, signals). `npm test` builds first;
 * run `npm run build` before running such a test alone.
 */
export function runBuiltCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
  const [file, argv] = options.bin === undefined ? [process.execPath, [CLI, ...args]] : [options.bin, args];
  return new Promise((resolve) => {
    execFile(file, argv, { env: testEnv(options), cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}
