import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm test` after the build: the type check of everything (`test/tsconfig.json` covers src/, rules/,
 * bench/ and the tests with the build's own flags), the linters and vitest, side by side. Many CLI
 * tests wait (Retry-After, back-off, a spawned binary) and the type check and knip fill those waits
 * on a 2-core machine. They run at a lower priority: the unit tests share one worker thread, the
 * longest chain of the run, and the checks should take the CPU it leaves idle rather than slow it.
 * Vitest writes as it goes; the others' output is shown when they end. Exits with the first failing
 * step's code, after all have ended.
 */

interface Step {
  name: string;
  command: string;
  args: string[];
  /** Show output as it comes (one step only, so that lines do not interleave). */
  live?: boolean;
  /** Run below normal priority, in the CPU time vitest leaves idle. */
  background?: boolean;
}

// vitest first: it is the longest chain, and its workers should be loading while the checks start.
const steps: Step[] = [
  { name: 'vitest', command: 'vitest', args: ['run', '--config', 'test/vitest.config.ts', ...process.argv.slice(2)], live: true },
  { name: 'type check', command: 'tsc', args: ['-p', 'test/tsconfig.json'], background: true },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'], background: true },
];

/** The package root (this file runs from dist/scripts/), whose node_modules/.bin holds tsc, vitest, biome and knip. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, PATH: [path.join(root, 'node_modules', '.bin'), process.env.PATH].join(path.delimiter) };

function run(step: Step): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    // A shell on Windows only, where npm and the tools in node_modules/.bin are .cmd files.
    const child = spawn(step.command, step.args, { cwd: root, env, stdio: step.live ? 'inherit' : 'pipe', shell: process.platform === 'win32' });
    if (step.background === true && child.pid !== undefined) lowerPriority(child.pid);
    let output = '';
    let ended = false;
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const end = (code: number) => {
      if (ended) return;
      ended = true;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const command = [step.command, ...step.args].join(' ');
      process.stderr.write(`${output}── ${step.name} (${command}): ${code === 0 ? 'passed' : `failed, exit ${code}`} in ${seconds} s\n`);
      resolve(code);
    };
    child.on('error', (error) => {
      output += `${error.message}\n`;
      end(1);
    });
    child.on('close', (code, signal) => end(code ?? (signal === null ? 1 : 128)));
  });
}

/** Nice 10 for a child and the processes it starts from now on; where the system refuses, it runs at normal priority. */
function lowerPriority(pid: number): void {
  try {
    os.setPriority(pid, 10);
  } catch {
    // Only a matter of speed: the step runs all the same.
  }
}

const codes = await Promise.all(steps.map(run));
process.exitCode = codes.find((code) => code !== 0) ?? 0;
