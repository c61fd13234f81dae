import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { packagePath } from '../../src/paths.js';
import type { CliRun } from '../helpers/run-cli.js';

const CLI = packagePath('dist', 'src', 'cli.js');

/** The built CLI as a child process whose stderr the test reads while it runs (to play the browser or approve a device). */
export interface RunningCli {
  /** Resolves with the first match of `pattern` in stderr so far or to come. */
  waitForStderr(pattern: RegExp): Promise<RegExpExecArray>;
  done: Promise<CliRun>;
}

/**
 * Runs `node dist/src/cli.js` with only `env` (PATH points at an empty folder: no browser opener
 * can be found, so the CLI prints the URL, as on a headless machine).
 */
export function spawnCli(args: string[], env: Record<string, string>, cwd: string): RunningCli {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: cwd, HOME: cwd, NO_COLOR: '1', ...env }, cwd });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ pattern: RegExp; resolve(match: RegExpExecArray): void }> = [];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters.splice(0)) {
      const match = waiter.pattern.exec(stderr);
      if (match === null) waiters.push(waiter);
      else waiter.resolve(match);
    }
  });
  const done = new Promise<CliRun>((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
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
