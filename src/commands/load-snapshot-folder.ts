import { loadSnapshot, loadSnapshotWithFiles, type LoadedSnapshot } from '../snapshot/load-snapshot.js';
import type { Snapshot } from '../snapshot/model.js';
import { resolvePath, type CommandContext } from './context.js';

/** Loads a snapshot folder named on the command line (relative to the run's working folder). */
export function loadSnapshotFolder({ io }: CommandContext, folder: string): Promise<Snapshot> {
  return loadSnapshot(resolvePath(io, folder));
}

/** {@link loadSnapshotFolder} with the texts of its files, for commands that point findings at their lines. */
export function loadSnapshotFolderWithFiles({ io }: CommandContext, folder: string): Promise<LoadedSnapshot> {
  return loadSnapshotWithFiles(resolvePath(io, folder));
}
