import { loadSnapshot } from '../snapshot/load-snapshot.js';
import type { Snapshot } from '../snapshot/model.js';
import { resolvePath, type CommandContext } from './context.js';

/** Loads a snapshot folder named on the command line (relative to the run's working folder). */
export function loadSnapshotFolder({ io }: CommandContext, folder: string): Promise<Snapshot> {
  return loadSnapshot(resolvePath(io, folder));
}
