import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Makes a new folder under the system's temporary folder, named `pingone-audit-<purpose>-…`, and returns its path.
 * It is kept: only a user who asked for the snapshot (`demo --keep`) gets one. A command that needs its collection
 * for the run alone keeps it in memory instead, so an interrupted run (Ctrl-C, kill) has nothing to leave behind.
 */
export function keptTemporaryFolder(purpose: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `pingone-audit-${purpose}-`));
}
