import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A fresh folder under the system's temporary folder, named `prefix` and a random suffix, removed with all it holds when
 * the calling test finishes. Call it from inside a test: the removal is the test's own hook, so it holds when test files
 * share a worker (a module-level `afterEach` in a helper runs only for the first file that imports it).
 */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Runs `task` with the system's temporary folder (`os.tmpdir()`, from TMPDIR) pointed at `folder`, restored afterwards. */
export async function withSystemTemporaryFolder<T>(folder: string, task: () => Promise<T>): Promise<T> {
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  try {
    return await task();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}
