import { existsSync } from 'node:fs';
import path from 'node:path';
import { ACTION_REPORT_FILES, FORMAT_ALIASES, formatName } from './formatters/format-names.js';
import { jsonText } from './output/json-string.js';
import { defuseWorkflowCommands } from './output/workflow-commands.js';

/**
 * The GitHub Action's reports, from the CLI's own registry of formats rather than a copy of it in `action.yml`.
 * `node action-report-files.js <output-dir> <formats>` prints, for each format named in `formats` (commas or white
 * space; aliases resolved; each once, in the order given), a line `<format>\t<file in output-dir>`.
 * `node action-report-files.js --written <output-dir> <formats>` prints one JSON object, format → file, of those
 * files that exist (the reports the run wrote), its strings escaped as every JSON pingone-audit writes (`jsonString`).
 * An unknown format is a workflow `::error` on stderr and exit 2.
 */
function reportFiles(outputDir: string, formats: string): Array<[string, string]> {
  const names = [
    ...new Set(
      formats
        .split(/[\s,]+/)
        .filter((value) => value !== '')
        .map(formatName),
    ),
  ];
  const unknown = names.filter((name) => !Object.hasOwn(ACTION_REPORT_FILES, name));
  if (unknown.length > 0) {
    const known = [...Object.keys(ACTION_REPORT_FILES), ...Object.keys(FORMAT_ALIASES)].join(', ');
    throw new Error(`Unknown format '${unknown.join("', '")}' in formats (one of ${known})`);
  }
  return names.map((name) => [name, path.join(outputDir, ACTION_REPORT_FILES[name as keyof typeof ACTION_REPORT_FILES])]);
}

const args = process.argv.slice(2);
const written = args[0] === '--written';
const [outputDir = '', formats = ''] = written ? args.slice(1) : args;
try {
  const files = reportFiles(outputDir, formats);
  // The paths hold the workflow's output-dir: a bidi or zero-width character in it is escaped in the `report-files` output, never raw.
  if (written) process.stdout.write(`${jsonText(Object.fromEntries(files.filter(([, file]) => existsSync(file))))}\n`);
  else for (const [format, file] of files) process.stdout.write(`${format}\t${file}\n`);
} catch (error) {
  // The message holds the workflow's input: escaped as workflow command data (% CR LF), so that it stays one command.
  const data = (error as Error).message.replace(/[\r\n%]/g, (character) => encodeURIComponent(character));
  process.stderr.write(`::error title=pingone-audit::${defuseWorkflowCommands(data, false)}\n`);
  process.exitCode = 2;
}
