import { COUNT_MISMATCH_NOTE } from '../snapshot/count-mismatch-note.js';
import type { SnapshotIndex } from '../snapshot/lookup.js';
import type { Snapshot } from '../snapshot/model.js';
import { findUnknownValues } from '../snapshot/unknown-values.js';
import type { AuditResult, AuditWarning } from './types.js';
import { plural } from '../wording.js';

/**
 * What the snapshot itself gives a reader of any report to doubt, as the result's warnings (absent when nothing):
 * each list that ended short of its own `count` (`list-count-mismatch`: the collection counts as complete, yet
 * the list may lack items), then each value this version does not know, once (`unknown-value`: rules that depend
 * on one say so per resource).
 */
export function snapshotWarnings(snapshot: Snapshot, index: SnapshotIndex): Pick<AuditResult, 'warnings'> {
  const warnings = [...listCountWarnings(snapshot), ...unknownValueWarnings(snapshot, index)];
  return warnings.length === 0 ? {} : { warnings };
}

function listCountWarnings(snapshot: Snapshot): AuditWarning[] {
  const notes = snapshot.manifest.collection.notes ?? [];
  return notes.filter((note) => note.startsWith(COUNT_MISMATCH_NOTE)).map((message) => ({ code: 'list-count-mismatch', message }));
}

function unknownValueWarnings(snapshot: Snapshot, index: SnapshotIndex): AuditWarning[] {
  return findUnknownValues(snapshot, index).map(({ field, value, count, example }) => ({
    code: 'unknown-value',
    message: `${field} ${JSON.stringify(value)} is not known to this version of pingone-audit (${plural(count, 'resource')}, first ${example}): kept as read; rules that depend on it list those resources as not evaluated. A newer version may know it.`,
  }));
}
