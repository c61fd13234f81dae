import { readFileSync } from 'node:fs';
import { UserFacingError } from './errors.js';

/**
 * Reads a file the user named on the command line; a missing or unreadable file is a usage error
 * (`<Label> file <name> does not exist.`) with `hint`. `name` is how the user wrote it.
 */
export function readUserFile(absolutePath: string, name: string, label: string, hint: string): string {
  try {
    return readFileSync(absolutePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserFacingError(code === 'ENOENT' ? `${label} file ${name} does not exist.` : `Cannot read ${label.toLowerCase()} file ${name} (${code ?? 'error'}).`, { hint, cause: error });
  }
}
