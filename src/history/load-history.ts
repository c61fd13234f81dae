import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../errors.js';
import { readProblem } from '../read-user-file.js';
import { readReportFile, type ReadReport } from '../report/read-report.js';

/** The earlier runs `--history DIR` names: the folder as the user wrote it, and its reports, oldest first. */
export interface LoadedHistory {
  folder: string;
  reports: ReadReport[];
}

const HINT = 'Keep the JSON report of every run (-f json -o <folder>/<date>.json) in one folder and pass that folder: --history <folder>.';

/**
 * Reads every `*.json` file of `--history DIR` (not its subfolders; a link to a report counts, one to nothing is
 * refused as a missing file rather than skipped) as a JSON report, ordered by the time
 * each run recorded (`generatedAt`), not by file name. Other files are left alone: a folder of reports may
 * hold their SARIF and HTML siblings. `absolutePath` is read, `folder` names it in errors.
 * @throws UserFacingError `file-unreadable` when the folder is missing or not a folder; a bad report fails as
 *   {@link readReportFile} says, naming the file.
 */
export function loadHistory(absolutePath: string, folder: string): LoadedHistory {
  let names: string[];
  try {
    names = readdirSync(absolutePath, { withFileTypes: true })
      .filter((entry) => entry.name.toLowerCase().endsWith('.json') && (entry.isFile() || (entry.isSymbolicLink() && !leadsToFolder(path.join(absolutePath, entry.name)))))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw new UserFacingError('file-unreadable', `History folder ${folder} ${readProblem(error)}.`, { hint: HINT, cause: error });
  }
  const reports = names.map((name) => readReportFile(path.join(absolutePath, name), path.join(folder, name)));
  reports.sort((a, b) => Date.parse(a.result.generatedAt) - Date.parse(b.result.generatedAt));
  return { folder, reports };
}

/** Whether a link leads to a folder (left alone, as subfolders are); a link to nothing does not. */
function leadsToFolder(link: string): boolean {
  try {
    return statSync(link).isDirectory();
  } catch {
    return false;
  }
}
