import { stderrLines } from '../output/stderr-line.js';
import { COUNT_MISMATCH_NOTE } from '../snapshot/count-mismatch-note.js';
import { loadSnapshot, loadSnapshotWithFiles, type LoadedSnapshot } from '../snapshot/load-snapshot.js';
import type { Snapshot } from '../snapshot/model.js';
import { resolvePath, type CommandContext } from './context.js';

/** How a command that reads a snapshot tells of its lists that ended short of their own count. */
export interface ShortListsOption {
  /**
   * True when the command audits the snapshot: the result then carries each as a `list-count-mismatch` warning,
   * which every report and its stderr warning lines show, so no line is printed here. Default false: said on stderr.
   */
  reported?: boolean;
}

/** Loads a snapshot folder named on the command line (relative to the run's working folder). */
export async function loadSnapshotFolder({ io }: CommandContext, folder: string): Promise<Snapshot> {
  const snapshot = await loadSnapshot(resolvePath(io, folder));
  warnOfShortLists(io, folder, snapshot);
  return snapshot;
}

/** {@link loadSnapshotFolder} with the texts of its files, for commands that point findings at their lines. */
export async function loadSnapshotFolderWithFiles({ io }: CommandContext, folder: string, { reported = false }: ShortListsOption = {}): Promise<LoadedSnapshot> {
  const loaded = await loadSnapshotWithFiles(resolvePath(io, folder));
  if (!reported) warnOfShortLists(io, folder, loaded.snapshot);
  return loaded;
}

/**
 * A list the collection kept though it ended short of its own count may lack items, yet the run counts as complete:
 * said on stderr whenever a command that makes no audit report (diff, check, terraform's live snapshot) reads it.
 */
function warnOfShortLists(io: CommandContext['io'], folder: string, snapshot: Snapshot): void {
  const notes = (snapshot.manifest.collection.notes ?? []).filter((note) => note.startsWith(COUNT_MISMATCH_NOTE));
  if (notes.length > 0) io.stderr.write(stderrLines(notes.map((note) => `warning: snapshot ${folder}: ${note}`)));
}
