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

/** A CLI run in progress whose stderr a test reads while it runs (to play the browser or approve a device). */
export interface RunningCli {
  /** Resolves with the first match of `pattern` in stderr so far or to come; rejects when the run ends without one. */
  waitForStderr(pattern: RegExp): Promise<RegExpExecArray>;
  done: Promise<CliRun>;
}

/**
 * Starts the CLI in-process through `runCli`, with stdout and stderr captured (not a terminal), the
 * test's environment and working folder: the same arguments, output and exit code as the binary,
 * without starting a process. Stderr can be watched while the command runs.
 */
export function startCli(args: string[], options: CliRunOptions = {}): RunningCli {
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ pattern: RegExp; resolve(match: RegExpExecArray): void }> = [];
  const done = runCliInProcess(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: {
      write: (text: string) => {
        stderr += text;
        for (const waiter of waiters.splice(0)) {
          const match = waiter.pattern.exec(stderr);
          if (match === null) waiters.push(waiter);
          else waiter.resolve(match);
        }
      },
    },
    env: testEnv(options),
    cwd: options.cwd ?? process.cwd(),
  }).then((code) => ({ code, stdout, stderr }));
  return {
    waitForStderr: (pattern) =>
      new Promise((resolve, reject) => {
        const match = pattern.exec(stderr);
        if (match !== null) return resolve(match);
        waiters.push({ pattern, resolve });
        void done.then((run) => reject(new Error(`the CLI exited (${run.code}) before printing ${pattern}:\n${run.stderr}`)));
      }),
    done,
  };
}

/** Runs the CLI in-process to the end: {@link startCli} without watching. */
export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  return startCli(args, options).done;
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
