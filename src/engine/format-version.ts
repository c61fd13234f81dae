import { isRecord } from '../json/is-record.js';
import { invalidJsonAt } from './json-errors.js';

/**
 * Refuses a file pingone-audit wrote in a format version this one does not read, before its schema is
 * checked: a newer tool's file may mean something else under the same members, so it is never half-read.
 * A file without the member is left to its schema (a baseline may predate it); any other value of the
 * member, a number or not, is refused here, since a schema need not list it (the baseline's does not).
 * @param member the top-level member holding the version (`schemaVersion`, `version`).
 * @param known the versions this pingone-audit reads, oldest first.
 * @param hint how to get a file this version reads, for a version newer than the newest in `known`.
 * @param text the file's text, when at hand: the message then names the member's line.
 * @throws UserFacingError (`json-invalid`) naming the file, the member, the version found and the versions read.
 */
export function assertKnownFormatVersion(value: unknown, file: string, member: string, known: readonly number[], hint: string, text?: string): void {
  if (!isRecord(value) || !Object.hasOwn(value, member)) return;
  const version = value[member];
  if (typeof version === 'number' && known.includes(version)) return;
  const reads = `this pingone-audit reads version ${known.join(' or ')}`;
  const newest = known[known.length - 1] ?? 0;
  if (typeof version === 'number' && Number.isInteger(version) && version > newest) {
    throw invalidJsonAt(file, [member], `format version ${version} is newer than ${reads}`, hint, text);
  }
  throw invalidJsonAt(
    file,
    [member],
    `unknown format version ${describeVersion(version)}: ${reads}`,
    `Check "${member}" in the file: pingone-audit writes ${newest}; another value means another tool wrote the file or it was edited since.`,
    text,
  );
}

/** The value as a message may show it: a string's text only when it is short printable ASCII, else its kind. */
function describeVersion(version: unknown): string {
  if (typeof version === 'string') return /^[ -~]{1,20}$/.test(version) ? `${JSON.stringify(version)} (a string)` : 'a string';
  if (Array.isArray(version)) return 'an array';
  if (version !== null && typeof version === 'object') return 'an object';
  return String(version);
}
