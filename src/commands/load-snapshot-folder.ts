import { stderrLines } from '../output/stderr-line.js';
import { COUNT_MISMATCH_NOTE } from '../snapshot/count-mismatch-note.js';
import { loadSnapshot, loadSnapshotWithFiles, type LoadedSnapshot } from '../snapshot/load-snapshot.js';
import type { Snapshot } from '../snapshot/model.js';
import { resolvePath, type CommandContext } from './context.js';

/** Loads a snapshot folder named on the command line (relative to the run's working folder). */
export async function loadSnapshotFolder({ io }: CommandContext, folder: string): Promise<Snapshot> {
  const snapshot = await loadSnapshot(resolvePath(io, folder));
  warnOfShortLists(io, folder, snapshot);
  return snapshot;
}

/** {@link loadSnapshotFolder} with the texts of its files, for commands that point findings at their lines. */
export async function loadSnapshotFolderWithFiles({ io }: CommandContext, folder: string): Promise<LoadedSnapshot> {
  const loaded = await loadSnapshotWithFiles(resolvePath(io, folder));
  warnOfShortLists(io, folder, loaded.snapshot);
  return loaded;
}

/**
 * A list the collection kept though it ended short of its own count may lack items, yet the run counts as complete:
 * said on stderr whenever the snapshot is read, as when it was collected, since only the JSON and HTML reports show notes.
 */
function warnOfShortLists(io: CommandContext['io'], folder: string, snapshot: Snapshot): void {
  const notes = (snapshot.manifest.collection.notes ?? []).filter((note) => note.startsWith(COUNT_MISMATCH_NOTE));
  if (notes.length > 0) io.stderr.write(stderrLines(notes.map((note) => `warning: snapshot ${folder}: ${note}`)));
}
