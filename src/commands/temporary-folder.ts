import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Where a command writes the snapshot it collects: the folder the user named, or a temporary one. */
export interface SnapshotFolder {
  dir: string;
  /** A folder of our own under the system's temporary folder, removed afterwards unless kept. */
  temporary: boolean;
}

/**
 * Runs `use` with `dir` when the user named one, else with a new folder under the system's temporary
 * folder (named `pingone-audit-<purpose>-…`), removed however `use` ends unless `keep` is set. A
 * command that only needs its collection for the run never leaves it behind, nor replaces a
 * `./pingone-snapshot` an earlier scan wrote.
 */
export async function withSnapshotFolder<T>(dir: string | undefined, purpose: string, use: (folder: SnapshotFolder) => Promise<T>, { keep = false } = {}): Promise<T> {
  if (dir !== undefined) return use({ dir, temporary: false });
  const temporary = await mkdtemp(path.join(os.tmpdir(), `pingone-audit-${purpose}-`));
  try {
    return await use({ dir: temporary, temporary: true });
  } finally {
    if (!keep) await rm(temporary, { recursive: true, force: true });
  }
}
