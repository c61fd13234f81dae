import path from 'node:path';
import type { FromSchema } from 'json-schema-to-ts';
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
 * is fixed, not half-applied.
 */
export function loadDispositions(file: string, cwd: string = process.cwd()): DispositionEntry[] {
  const text = readUserFile(path.resolve(cwd, file), file, 'Dispositions', 'Check the --dispositions path.');
  const value = parseJsonText(text, file);
  assertMatchesSchema(schemaValidator('dispositions.schema.json'), value, file);
  const { dispositions } = value as FromSchema<typeof dispositionsSchema>;
  return dispositions.map((disposition, index) => ({ file, pointer: `/dispositions/${index}`, disposition: disposition as Disposition }));
}
