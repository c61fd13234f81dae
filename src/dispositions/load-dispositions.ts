import path from 'node:path';
import type { FromSchema } from 'json-schema-to-ts';
import { UserFacingError } from '../errors.js';
import { assertKnownFormatVersion } from '../engine/format-version.js';
import { assertMatchesSchema, parseJsonText } from '../engine/json-errors.js';
import type { dispositionsSchema } from '../json/file-schemas.js';
import { schemaValidator } from '../json/schema-validators.js';
import { readUserFile } from '../read-user-file.js';

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
 * usage error (exit 2) naming the file and the JSON pointer: a remediation plan with a broken entry
 * is fixed, not half-applied. Two entries about the same finding (the same fingerprint, or the same rule,
 * environment and resource) are refused too: only the first would apply, and which decision the owner
 * meant cannot be told from the file.
 * @throws UserFacingError `file-unreadable` or `json-invalid`.
 */
export function loadDispositions(file: string, cwd: string = process.cwd()): DispositionEntry[] {
  const text = readUserFile(path.resolve(cwd, file), file, 'Dispositions', 'Check the --dispositions path.');
  const value = parseJsonText(text, file);
  assertKnownFormatVersion(value, file, 'version', [1], 'The file is in a newer dispositions format: use the pingone-audit version it was written for (or later).');
  assertMatchesSchema(schemaValidator('dispositions.schema.json'), value, file);
  const { dispositions } = value as FromSchema<typeof dispositionsSchema>;
  const entries = dispositions.map((disposition, index) => ({ file, pointer: `/dispositions/${index}`, disposition: disposition as Disposition }));
  refuseDuplicates(entries);
  return entries;
}

function refuseDuplicates(entries: readonly DispositionEntry[]): void {
  const first = new Map<string, string>();
  for (const { file, pointer, disposition: d } of entries) {
    const [key, what] =
      d.fingerprint !== undefined ? [d.fingerprint, `fingerprint ${d.fingerprint}`] : [`${d.ruleId}\u0000${d.environmentId}\u0000${d.resourceId}`, `${d.ruleId} on resource ${d.resourceId}`];
    const earlier = first.get(key);
    if (earlier !== undefined) {
      throw new UserFacingError('json-invalid', `${file}: ${pointer} and ${earlier} are both about ${what}.`, {
        hint: 'Keep one decision per finding: remove one of the two entries (or merge them into one).',
      });
    }
    first.set(key, pointer);
  }
}
