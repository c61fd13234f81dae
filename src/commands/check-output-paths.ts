import path from 'node:path';
import { UserFacingError } from '../errors.js';
import { checkOutputFile } from '../file-targets.js';
import { holdsLoneSurrogate } from '../formatters/sarif-location.js';
import { pathWithin } from '../path-within.js';
import { checkSnapshotTarget } from '../snapshot/snapshot-target.js';
import { resolvePath, type CommandContext } from './context.js';
import { pairOutputs, type OutputTarget } from './output-targets.js';

/** Checks every report file of `targets` (see {@link checkOutputFile}), before any work is done for them. */
export async function checkReportFiles({ io }: CommandContext, targets: readonly OutputTarget[]): Promise<void> {
  refuseSharedFiles(io.cwd, targets);
  for (const { file } of targets) if (file !== undefined) await checkOutputFile(resolvePath(io, file), '--output');
}

/**
 * Two reports sent to one file: the second replaced the first, and both were said to be written.
 * @throws UserFacingError `flag-invalid` naming both formats and the file.
 */
function refuseSharedFiles(cwd: string, targets: readonly OutputTarget[]): void {
  const formatOf = new Map<string, string>();
  for (const { format, file } of targets) {
    if (file === undefined) continue;
    const key = path.resolve(cwd, file);
    const earlier = formatOf.get(key);
    if (earlier !== undefined) {
      throw new UserFacingError('flag-invalid', `-f ${earlier} and -f ${format} would both be written to ${file}: the second would replace the first.`, {
        hint: `Give each format a file of its own: -f ${earlier} -o report.${earlier} -f ${format} -o report.${format}`,
      });
    }
    formatOf.set(key, format);
  }
}

/** The output flags a command may have: a snapshot folder written (`out`) or read (`snapshot`), report files. */
export interface OutputArgs {
  out?: unknown;
  output?: unknown;
  snapshot?: unknown;
}

/**
 * Checks every output path (`--out`'s snapshot folder, each `--output` file) before the command reads or collects
 * anything: a mistake there must not cost a whole collection, or a load of a large snapshot.
 * @throws UserFacingError `flag-invalid` for a report inside the snapshot folder written or read: the next load
 * refuses a snapshot holding a file its manifest does not list (or with its manifest.json replaced); and for a
 * snapshot folder a SARIF report cannot name, `flag-invalid` (`--out`) or `argument-invalid` (`audit <snapshot>`).
 */
export async function checkOutputsFirst(context: CommandContext, args: OutputArgs): Promise<void> {
  if (typeof args.out === 'string') await checkSnapshotTarget(resolvePath(context.io, args.out));
  if (typeof args.out === 'string') refuseFolderSarifCannotName(context, args.out, '--out');
  if (typeof args.snapshot === 'string') refuseFolderSarifCannotName(context, args.snapshot, undefined);
  if (args.output === undefined) return;
  const targets = pairOutputs(context.rawArgv);
  for (const folder of [args.out, args.snapshot]) if (typeof folder === 'string') refuseReportsInside(context.io.cwd, folder, targets);
  await checkReportFiles(context, targets);
}

/** SARIF locations must be relative to the repository; a folder outside the working directory has none. */
export function relativeSnapshotDir(cwd: string, snapshotDir: string): { snapshotDir?: string } {
  const relative = pathWithin(cwd, path.resolve(cwd, snapshotDir));
  if (relative === undefined) return {};
  return { snapshotDir: relative === '' ? '.' : relative };
}

/**
 * Refuses a snapshot folder whose path a SARIF report of this run would have to name and cannot: within the working
 * directory the path starts every result's URI, and a lone UTF-16 surrogate in it (a Windows file name can hold one)
 * has no UTF-8 form to escape. `flag` is the flag that named the folder; undefined, the command's own argument.
 */
function refuseFolderSarifCannotName(context: CommandContext, folder: string, flag: string | undefined): void {
  const { snapshotDir } = relativeSnapshotDir(context.io.cwd, folder);
  if (snapshotDir === undefined || !holdsLoneSurrogate(snapshotDir)) return;
  if (!pairOutputs(context.rawArgv).some((target) => target.format === 'sarif')) return;
  const named = flag === undefined ? `The snapshot folder argument ${JSON.stringify(folder)}` : `${flag} ${JSON.stringify(folder)}`;
  throw new UserFacingError(
    flag === undefined ? 'argument-invalid' : 'flag-invalid',
    `${named} holds a lone UTF-16 surrogate (shown as a \\u escape): the SARIF report names the snapshot's files by URI, and no URI can carry one.`,
    { hint: `Rename the folder so that every character of its path is valid Unicode, and pass the new name${flag === undefined ? '' : ` to ${flag}`}; or write a format other than SARIF.` },
  );
}

function refuseReportsInside(cwd: string, folder: string, targets: readonly OutputTarget[]): void {
  for (const { file, format } of targets) {
    if (file === undefined) continue;
    const inside = pathWithin(path.resolve(cwd, folder), path.resolve(cwd, file));
    if (inside === undefined) continue;
    if (inside === '') {
      throw new UserFacingError('flag-invalid', `--output ${file} is the snapshot folder ${folder} itself: a report is a file, and the folder holds the snapshot.`, {
        hint: `Write the report beside the snapshot, e.g. -o ${path.basename(path.resolve(cwd, file))}.${format}`,
      });
    }
    throw new UserFacingError(
      'flag-invalid',
      `--output ${file} is inside the snapshot folder ${folder}: a snapshot holds only the files pingone-audit lists in its manifest.json, so the next audit of it would refuse it.`,
      { hint: `Write the report beside the snapshot, e.g. -o ${path.basename(file)}` },
    );
  }
}
