import { UserFacingError } from '../errors.js';
import { assertCreatable } from '../file-targets.js';
import { MANIFEST_FILE, parseLayoutPath } from './layout.js';
import { inspectFolder, listTree } from './snapshot-folder.js';

/** What writing a snapshot to a folder will do: create it, or replace what is there (only hidden entries, or a snapshot of ours). */
export type SnapshotTarget = 'create' | 'replace';

const CHOOSE = 'Choose a new or empty folder, or the folder of an earlier pingone-audit snapshot, which is then replaced.';
const LISTED = 5;

/**
 * Checks, before anything is collected, that a snapshot may be written to `dir`: it is missing, an
 * empty folder (hidden entries aside) or a pingone-audit snapshot holding nothing but its own
 * files, and no link or special file is in the way. Links are never followed: a link at `dir` or
 * anywhere in the folder is refused, since replacing the folder would write or delete through it.
 * Throws a {@link UserFacingError} naming the path otherwise.
 */
export async function checkSnapshotTarget(dir: string): Promise<SnapshotTarget> {
  const state = await inspectFolder(dir, { followLink: false });
  switch (state) {
    case 'symlink':
      throw new UserFacingError('snapshot-unwritable', `Will not write a snapshot to ${dir}: it is a symbolic link, and pingone-audit never writes through links.`, {
        hint: 'Pass the path of the real folder, or a new one.',
      });
    case 'not-a-folder':
      throw new UserFacingError('snapshot-unwritable', `Cannot write a snapshot to ${dir}: it is a file, not a folder.`, { hint: CHOOSE });
    case 'foreign':
      throw new UserFacingError(
        'snapshot-unwritable',
        `Will not write a snapshot into ${dir}: the folder is not empty and holds no pingone-audit snapshot (no ${MANIFEST_FILE} written by pingone-audit).`,
        {
          hint: CHOOSE,
        },
      );
    case 'snapshot':
      await assertOnlySnapshotFiles(dir);
      break;
    case 'missing':
    case 'empty':
      break;
  }
  // Written beside `dir` first, then renamed into place: the folder that holds it must be writable.
  await assertCreatable(dir, `a snapshot to ${dir}`);
  return state === 'missing' ? 'create' : 'replace';
}

/** Replacing a snapshot removes its files: refuse when anything else (a README, a link) would go with them. */
async function assertOnlySnapshotFiles(dir: string): Promise<void> {
  const { files, others } = await listTree(dir);
  if (others.length > 0) {
    throw new UserFacingError(
      'snapshot-unwritable',
      `Will not replace the snapshot in ${dir}: it holds ${listed(others)}, which ${others.length === 1 ? 'is' : 'are'} not regular files (a link planted there would be written or deleted through).`,
      {
        hint: `Remove ${others.length === 1 ? 'it' : 'them'}, or write the snapshot to another folder.`,
      },
    );
  }
  const foreign = files.filter((file) => parseLayoutPath(file) === undefined);
  if (foreign.length > 0) {
    throw new UserFacingError(
      'snapshot-unwritable',
      `Will not replace the snapshot in ${dir}: it holds ${listed(foreign)}, which ${foreign.length === 1 ? 'is' : 'are'} not part of a snapshot and would be lost.`,
      {
        hint: `Move ${foreign.length === 1 ? 'it' : 'them'} elsewhere, or write the snapshot to another folder.`,
      },
    );
  }
}

function listed(files: readonly string[]): string {
  const shown = files.slice(0, LISTED).join(', ');
  return files.length > LISTED ? `${shown} and ${files.length - LISTED} more` : shown;
}
