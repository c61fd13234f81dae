import { spawn } from 'node:child_process';

/**
 * Runs a compiled bench script (next to this file) in a Node process of its own and parses the
 * JSON it prints last. The child's stderr is passed through; a failure carries its exit code.
 */
export function runChild<T>(script: string, args: string[], options: { env?: NodeJS.ProcessEnv; nodeFlags?: string[]; timeoutMs?: number } = {}): Promise<T> {
  const file = new URL(script, import.meta.url).pathname;
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), file, ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'inherit'],
      ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (child.killed) reject(new ChildTimeout(script, options.timeoutMs ?? 0));
      else if (code !== 0) reject(new Error(`${script} exited with ${code}`));
      else {
        try {
          resolve(JSON.parse(last) as T);
        } catch {
          reject(new Error(`${script} printed no JSON result`));
        }
      }
    });
  });
}

/** The child outlived its time limit and was killed. */
export class ChildTimeout extends Error {
  constructor(
    script: string,
    readonly timeoutMs: number,
  ) {
    super(`${script} did not finish within ${timeoutMs / 1000} s`);
  }
}
