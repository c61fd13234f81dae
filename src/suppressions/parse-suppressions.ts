import type { ErrorObject } from 'ajv';
import type { FromSchema } from 'json-schema-to-ts';
import { assertMatchesSchema } from '../engine/json-errors.js';
import type { suppressionsSchema } from '../json/file-schemas.js';
import { schemaValidator } from '../json/schema-validators.js';

/**
 * A well-formed entry of the suppressions file, inferred from `definitions.suppression` of its schema
 * (`environmentId` null: an organization-wide resource such as a built-in role; `pointer`, when present:
 * only the finding at this pointer; `expires`: YYYY-MM-DD, the last day (UTC) it applies).
 */
export type Suppression = FromSchema<(typeof suppressionsSchema)['definitions']['suppression']>;

/** The file as its schema checks it: each entry is only an object until checked on its own. */
type SuppressionsFile = FromSchema<typeof suppressionsSchema>;

/** The fields that say which finding an entry is about, as far as a malformed entry has them. */
export type SuppressionIdentity = Partial<Pick<Suppression, 'ruleId' | 'environmentId' | 'resourceId' | 'pointer'>>;

/** What one entry of the file came to: usable, or malformed with the reason (it then suppresses nothing). */
export type SuppressionEntry =
  | { status: 'valid'; file: string; pointer: string; suppression: Suppression }
  | { status: 'invalid'; file: string; pointer: string; problem: string; identity: SuppressionIdentity };

/**
 * Checks a parsed suppressions file. A file that is not `{ "suppressions": [ … ] }` is a usage
 * error (thrown, located by file and path); a malformed entry is not: it comes back `invalid` so
 * that the run fails closed on it (its findings stay open) and says why, while the other entries
 * still apply. `text`, the file's text when at hand, gives that error its line.
 */
export function parseSuppressions(value: unknown, file: string, text?: string): SuppressionEntry[] {
  assertMatchesSchema(schemaValidator('suppressions.schema.json'), value, file, { text });
  const validate = schemaValidator('suppressions.schema.json', 'suppression');
  return (value as SuppressionsFile).suppressions.map((raw, index): SuppressionEntry => {
    const pointer = `/suppressions/${index}`;
    if (validate(raw)) return { status: 'valid', file, pointer, suppression: raw as Suppression };
    return { status: 'invalid', file, pointer, problem: describeProblems(validate.errors ?? []), identity: identityOf(raw) };
  });
}

/** Every problem of the entry in one line: `expires: must match format "date"; missing "owner"`. */
function describeProblems(errors: readonly ErrorObject[]): string {
  const lines = errors.map((error) => {
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') return `missing "${String(params.missingProperty)}"`;
    if (error.keyword === 'additionalProperties') return `unknown property "${String(params.additionalProperty)}"`;
    const field = error.instancePath.slice(1) || '(entry)';
    if (error.keyword === 'format' && params.format === 'date') return `${field}: ${JSON.stringify(error.data)} is not a date (YYYY-MM-DD)`;
    if (error.keyword === 'pattern' && (field === 'reason' || field === 'owner')) return `${field}: must not be empty`;
    return `${field}: ${error.message ?? 'is invalid'}`;
  });
  return [...new Set(lines)].join('; ');
}

/** What a malformed entry still says about its finding, so that the warning can name it. */
function identityOf(raw: unknown): SuppressionIdentity {
  if (raw === null || typeof raw !== 'object') return {};
  const entry = raw as Record<string, unknown>;
  const identity: SuppressionIdentity = {};
  if (typeof entry.ruleId === 'string') identity.ruleId = entry.ruleId;
  if (typeof entry.environmentId === 'string' || entry.environmentId === null) identity.environmentId = entry.environmentId;
  if (typeof entry.resourceId === 'string') identity.resourceId = entry.resourceId;
  if (typeof entry.pointer === 'string') identity.pointer = entry.pointer;
  return identity;
}
