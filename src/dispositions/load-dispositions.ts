import path from 'node:path';
import type { FromSchema } from 'json-schema-to-ts';
import { UserFacingError } from '../errors.js';
import { assertKnownFormatVersion } from '../engine/format-version.js';
import { invalidJsonAt, jsonPath, jsonPointer, type JsonPathSegment, parseJsonText, refuseRepeatedMembers, schemaProblems } from '../engine/json-errors.js';
import type { dispositionsSchema } from '../json/file-schemas.js';
import { schemaValidator } from '../json/schema-validators.js';
import { readUserFile } from '../read-user-file.js';
import { linesOfPointers } from '../snapshot/pointer-line.js';

/**
 * One entry of a dispositions file, inferred from `definitions.disposition` of its schema: matched by
 * `fingerprint`, or by `ruleId` + `environmentId` + `resourceId`; `expires` (hiding kinds) and `due`
 * (planned fix) are YYYY-MM-DD, the last day (UTC) that applies.
 */
export type Disposition = FromSchema<(typeof dispositionsSchema)['definitions']['disposition']>;

/** A disposition with where it was read, so that warnings can point at it. */
export interface DispositionEntry {
  file: string;
  pointer: string;
  disposition: Disposition;
}

/**
 * Reads and checks `--dispositions FILE` against `schemas/dispositions.schema.json`. Unlike a
 * suppressions file, any problem — missing, unreadable, not JSON, or an entry off the schema — is a
 * usage error (exit 2) naming the file and the JSON path: a remediation plan with a broken entry
 * is fixed, not half-applied. Every bad entry is reported at once, each with its line (the first 20, then a count). Two entries about the same finding (the same fingerprint, or the same rule,
 * environment and resource) are refused too: only the first would apply, and which decision the owner
 * meant cannot be told from the file; so is a member given twice in one entry.
 * @throws UserFacingError `file-unreadable` or `json-invalid`.
 */
export function loadDispositions(file: string, cwd: string = process.cwd()): DispositionEntry[] {
  const text = readUserFile(path.resolve(cwd, file), file, 'Dispositions', 'Check the --dispositions path.');
  const value = parseJsonText(text, file);
  refuseRepeatedMembers(text, file, value);
  assertKnownFormatVersion(value, file, 'version', [1], 'The file is in a newer dispositions format: use the pingone-audit version it was written for (or later).', text);
  const problems = schemaProblems(schemaValidator('dispositions.schema.json'), value, '/dispositions');
  if (problems.length > 0)
    refuseEntries(
      file,
      text,
      problems.map(({ segments, problem, hint }) => ({ segments, problem, hint: hint ?? 'Fix the entry to match schemas/dispositions.schema.json.' })),
    );
  const { dispositions } = value as FromSchema<typeof dispositionsSchema>;
  const entries = dispositions.map((disposition, index) => ({ file, pointer: `/dispositions/${index}`, disposition: disposition as Disposition }));
  const duplicates = duplicateEntries(entries);
  if (duplicates.length > 0) refuseEntries(file, text, duplicates);
  return entries;
}

interface EntryProblem {
  segments: JsonPathSegment[];
  problem: string;
  hint: string;
}

/** The second and later entries about a finding another entry is already about. */
function duplicateEntries(entries: readonly DispositionEntry[]): EntryProblem[] {
  const first = new Map<string, number>();
  const problems: EntryProblem[] = [];
  for (const [index, { disposition: d }] of entries.entries()) {
    const [key, what] =
      d.fingerprint !== undefined ? [d.fingerprint, `fingerprint ${d.fingerprint}`] : [`${d.ruleId}\u0000${d.environmentId}\u0000${d.resourceId}`, `${d.ruleId} on resource ${d.resourceId}`];
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else problems.push({ segments: ['dispositions', index], problem: `is about ${what}, as ${jsonPath(['dispositions', earlier])} is`, hint: DUPLICATE_HINT });
  }
  return problems;
}

const DUPLICATE_HINT = 'Keep one decision per finding: remove one of the two entries (or merge them into one).';
/** Bad entries listed in one error: the rest are counted, so that a long broken file does not flood the terminal. */
const LISTED_PROBLEMS = 20;

/**
 * Throws one error for every bad entry: a single problem as `file:line: path: problem` with its hint; several as
 * a list of `file:line path: problem` (the first {@link LISTED_PROBLEMS}, then how many more).
 */
function refuseEntries(file: string, text: string, problems: readonly EntryProblem[]): never {
  const [only] = problems;
  if (only !== undefined && problems.length === 1) throw invalidJsonAt(file, only.segments, only.problem, only.hint, text);
  const listed = problems.slice(0, LISTED_PROBLEMS);
  const lines = linesOfPointers(
    text,
    listed.map(({ segments }) => jsonPointer(segments)),
  );
  const rows = listed.map(({ segments, problem }, index) => `${file}${lines[index] === undefined ? '' : `:${lines[index]}`} ${jsonPath(segments)}: ${problem}`);
  const more = problems.length > listed.length ? [`and ${problems.length - listed.length} more`] : [];
  const hints = [...new Set(listed.map(({ hint }) => hint))];
  const rowsAndMore = [...rows, ...more];
  throw new UserFacingError('json-invalid', `${file} has ${problems.length} bad entries:\n${rowsAndMore.map((row) => `  ${row}`).join('\n')}`, {
    hint: hints.join(' '),
    listed: rowsAndMore,
  });
}
