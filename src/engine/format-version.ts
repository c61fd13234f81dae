import { invalidJsonAt } from './json-errors.js';

/**
 * Refuses a file pingone-audit wrote in a format version this one does not read, before its schema is
 * checked: a newer tool's file may mean something else under the same members, so it is never half-read.
 * A file without the member is left to its schema (a baseline may predate it); a version that is not a
 * number is left to the schema too.
 * @param member the top-level member holding the version (`schemaVersion`, `version`).
 * @param known the versions this pingone-audit reads, oldest first.
 * @param hint how to get a file this version reads.
 * @throws UserFacingError (`json-invalid`) naming the file, the member, the version found and the versions read.
 */
export function assertKnownFormatVersion(value: unknown, file: string, member: string, known: readonly number[], hint: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, member)) return;
  const version = (value as Record<string, unknown>)[member];
  if (typeof version !== 'number' || known.includes(version)) return;
  const reads = `this pingone-audit reads version ${known.join(' or ')}`;
  const newest = known[known.length - 1] ?? 0;
  const problem = Number.isInteger(version) && version > newest ? `format version ${version} is newer than ${reads}` : `unknown format version ${version}: ${reads}`;
  throw invalidJsonAt(file, [member], problem, hint);
}
