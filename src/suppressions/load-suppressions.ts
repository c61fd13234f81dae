import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseJsonText, refuseRepeatedMembers } from '../engine/json-errors.js';
import { readUserFile } from '../read-user-file.js';
import { parseSuppressions, type SuppressionEntry } from './parse-suppressions.js';

export const DEFAULT_SUPPRESSIONS_FILE = 'pingone-audit.suppressions.json';

export interface LoadedSuppressions {
  /** The file as the user named it; undefined when there was none. */
  file: string | undefined;
  entries: SuppressionEntry[];
}

/**
 * Reads `--suppressions FILE`, else `./pingone-audit.suppressions.json` when present, else
 * nothing. A named file that is missing, unreadable, not JSON or not shaped like the schema is a
 * usage error (exit 2), and so is a member given twice in one object (see {@link refuseRepeatedMembers}); a malformed entry is kept as `invalid` (see {@link parseSuppressions}).
 */
export function loadSuppressions(file: string | undefined, cwd: string = process.cwd()): LoadedSuppressions {
  const named = file ?? DEFAULT_SUPPRESSIONS_FILE;
  const absolute = path.resolve(cwd, named);
  if (file === undefined && !existsSync(absolute)) return { file: undefined, entries: [] };
  const text = readUserFile(absolute, named, 'Suppressions', `Check the --suppressions path; without it, ./${DEFAULT_SUPPRESSIONS_FILE} is used when present.`);
  const value = parseJsonText(text, named);
  refuseRepeatedMembers(text, named, value);
  return { file: named, entries: parseSuppressions(value, named, text) };
}
