import { loadSnapshot } from '../snapshot/load-snapshot.js';
import type { Snapshot } from '../snapshot/model.js';
import { resolvePath, type CommandContext } from './context.js';

/** Loads a snapshot folder named on the command line, its warnings on stderr. */
export function loadSnapshotFolder({ io }: CommandContext, folder: string): Promise<Snapshot> {
  return loadSnapshot(resolvePath(io, folder), {
    onWarning: (warning) => io.stderr.write(`warning: ${warning.file}: ${warning.message}\n`),
  });
}
