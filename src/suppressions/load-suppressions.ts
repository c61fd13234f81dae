import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../errors.js';
import { parseJsonText } from '../engine/json-errors.js';
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
 * usage error (exit 2); a malformed entry is kept as `invalid` (see {@link parseSuppressions}).
 */
export function loadSuppressions(file: string | undefined, cwd: string = process.cwd()): LoadedSuppressions {
  const named = file ?? DEFAULT_SUPPRESSIONS_FILE;
  const absolute = path.resolve(cwd, named);
  if (file === undefined && !existsSync(absolute)) return { file: undefined, entries: [] };
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserFacingError(code === 'ENOENT' ? `Suppressions file ${named} does not exist.` : `Cannot read suppressions file ${named} (${code ?? 'error'}).`, {
      hint: `Check the --suppressions path; without it, ./${DEFAULT_SUPPRESSIONS_FILE} is used when present.`,
      cause: error,
    });
  }
  return { file: named, entries: parseSuppressions(parseJsonText(text, named), named) };
}
