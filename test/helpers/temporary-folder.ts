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
