import type { Snapshot } from '../snapshot/model.js';
import { missingRoleReason } from './missing-role.js';

/**
 * The snapshot with every 403 collection entry naming the role and scope it lacked, in `whoami`'s
 * words, and whose roles count (from the token the collection used).
 */
export function withMissingRoles(snapshot: Snapshot): Snapshot {
  const model = snapshot.manifest.collectedBy?.authorizationModel ?? 'unknown';
  const entries = snapshot.manifest.collection.entries.map((entry) =>
    entry.httpStatus === 403 ? { ...entry, error: `${entry.error ?? '403'}; ${missingRoleReason(entry.kind, entry.environmentId, model)}` } : entry,
  );
  return { ...snapshot, manifest: { ...snapshot.manifest, collection: { ...snapshot.manifest.collection, entries } } };
}
