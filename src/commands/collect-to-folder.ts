import { collectSnapshot, type ApiClient } from '../fetch/index.js';
import { COUNT_MISMATCH_NOTE } from '../snapshot/count-mismatch-note.js';
import type { Snapshot } from '../snapshot/model.js';
import { checkSnapshotTarget } from '../snapshot/snapshot-target.js';
import { redactPii } from '../snapshot/redact-pii.js';
import { SECRET_FIELDS_NOTE } from '../snapshot/secret-fields.js';
import type { SnapshotFileSource } from '../snapshot/locate-line.js';
import { canonicalSnapshot, snapshotTexts, writeSnapshot } from '../snapshot/write-snapshot.js';
import { withMissingRoles } from '../whoami/index.js';
import type { CollectionLimitArgs } from './connection-options.js';
import { resolvePath, type CommandContext } from './context.js';
import type { ShortListsOption } from './load-snapshot-folder.js';
import { createProgressReporter } from './progress.js';
import { stderrLines, stderrWarnings } from '../output/stderr-line.js';

export interface CollectionArgs extends CollectionLimitArgs {
  environment?: string[] | undefined;
  'all-environments': boolean;
  'redact-pii'?: boolean | undefined;
  out: string;
}

/**
 * Collects, writes the snapshot folder and returns the snapshot as written (canonical form), so
 * that `scan` audits exactly what `audit` would read back. Failed reads are listed on stderr.
 */
export async function collectToFolder(context: CommandContext, client: ApiClient, args: CollectionArgs, shortLists: ShortListsOption = {}): Promise<Snapshot> {
  const out = resolvePath(context.io, args.out);
  // Before any request: a folder that cannot take the snapshot is refused now, not after the whole collection.
  await checkSnapshotTarget(out);
  const snapshot = await collectCanonical(context, client, args, shortLists);
  const { files } = await writeSnapshot(snapshot, out);
  reportCollected(context, snapshot, files, `wrote snapshot to ${args.out}`);
  return snapshot;
}

/**
 * Collects as {@link collectToFolder} does and writes nothing: returns the snapshot (canonical form) and the texts
 * of the files that folder would hold, from which findings get their lines, for a run that keeps no snapshot.
 */
export async function collectInMemory(
  context: CommandContext,
  client: ApiClient,
  args: Omit<CollectionArgs, 'out'>,
  shortLists: ShortListsOption = {},
): Promise<{ snapshot: Snapshot; files: SnapshotFileSource }> {
  const snapshot = await collectCanonical(context, client, args, shortLists);
  const files = snapshotTexts(snapshot);
  reportCollected(context, snapshot, files.files, 'collected');
  return { snapshot, files };
}

async function collectCanonical({ io }: CommandContext, client: ApiClient, args: Omit<CollectionArgs, 'out'>, { reported = false }: ShortListsOption): Promise<Snapshot> {
  const progress = createProgressReporter(io.stderr);
  let collected: Snapshot;
  try {
    collected = await collectSnapshot(client, {
      ...(args.environment === undefined ? {} : { environmentIds: args.environment.map(String) }),
      allEnvironments: args['all-environments'],
      ...(args['max-users'] === undefined ? {} : { maxUsers: args['max-users'] }),
      limits: {
        ...(args['max-page-items'] === undefined ? {} : { maxPageItems: args['max-page-items'] }),
        ...(args['max-pages'] === undefined ? {} : { maxPages: args['max-pages'] }),
        ...(args['max-list-items'] === undefined ? {} : { maxListItems: args['max-list-items'] }),
      },
      progress: progress.report,
    });
  } finally {
    progress.finish();
  }
  const snapshot = canonicalSnapshot(withMissingRoles(args['redact-pii'] === true ? redactPii(collected) : collected));
  // A short list that the run's report will carry as a warning is said there, once, not here as well.
  const warnings = (snapshot.manifest.collection.notes ?? []).filter((note) => note.startsWith(SECRET_FIELDS_NOTE) || (!reported && note.startsWith(COUNT_MISMATCH_NOTE)));
  io.stderr.write(stderrWarnings(warnings));
  return snapshot;
}

/** The line that closes a collection (`what`: where the snapshot went), then every failed read. */
function reportCollected({ io }: CommandContext, snapshot: Snapshot, files: number, what: string): void {
  const { collection } = snapshot.manifest;
  const requests = Object.values(collection.requestsByEndpoint ?? {}).reduce((sum, count) => sum + count, 0);
  io.stderr.write(`${what}: ${snapshot.environments.length} environment(s), ${files} files, ${requests} requests in ${(snapshot.manifest.durationMs ?? 0) / 1000}s\n`);
  const failed = collection.entries.filter((entry) => entry.status === 'failed');
  if (failed.length > 0) {
    io.stderr.write(`collection incomplete: ${failed.length} read(s) failed; the rules that need them are reported as not evaluated:\n`);
    for (const entry of failed) {
      const where = entry.environmentId === undefined ? '' : ` in ${entry.environmentId}`;
      const parts = [entry.httpStatus, entry.path, entry.error].filter((part) => part !== undefined && part !== '');
      io.stderr.write(stderrLines([`  ${entry.kind}${where}: ${parts.join(' ')}`]));
    }
  }
}
