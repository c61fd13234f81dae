import { UserFacingError } from '../errors.js';
import { DEFAULT_FORMAT, FORMATS_READING, formatName } from '../formatters/format-names.js';
import type { OutputOptionsUse } from './output-options.js';
import { listInWords } from '../wording.js';

/** The report flags that only some formats read, and the entry of {@link FORMATS_READING} naming those formats. */
const FORMAT_SPECIFIC_FLAGS = [
  ['include-suppressed', 'includeSuppressed'],
  ['include-fixed', 'includeFixed'],
  ['verbose', 'verbose'],
  ['framework', 'framework'],
  ['history', 'history'],
] as const;

/**
 * Refuses a report flag that no format of the run reads (`--include-fixed -f json`), as `--include-fixed` without
 * `--baseline` is refused (exit 2): a flag given and left unread lets a user believe a report holds what it does not.
 * The formats are the `--format` values, {@link DEFAULT_FORMAT} when none is given.
 */
export function refuseUnreadReportFlags(argv: Record<string, unknown>, { verboseLogsCollection = false }: OutputOptionsUse): void {
  const formats = (Array.isArray(argv.format) ? argv.format.map(String) : [DEFAULT_FORMAT]).map(formatName);
  const unread = FORMAT_SPECIFIC_FLAGS.flatMap(([flag, reading]) => {
    if (argv[flag] === undefined || argv[flag] === false || (flag === 'verbose' && verboseLogsCollection)) return [];
    const readers = FORMATS_READING[reading].filter((format) => reading !== 'history' || format !== 'stylish' || argv.verbose === true);
    return formats.some((format) => (readers as readonly string[]).includes(format)) ? [] : [{ flag: `--${flag}`, readers }];
  });
  if (unread.length === 0) return;
  const written = [...new Set(formats)].join(', ');
  const what = unread.map(({ flag, readers }) => `${flag} is read only by the ${listInWords(readers, 'or')} report${readers.length === 1 ? '' : 's'}`).join('; ');
  const flags = unread.map(({ flag }) => flag).join(', ');
  throw new UserFacingError('flag-invalid', `${what}, and this run writes ${written}: ${flags} would change nothing.`, {
    hint: `Drop ${flags}, or add a report that reads ${unread.length === 1 ? 'it' : 'them'}: ${readingReports(unread)}${unread.some(({ flag }) => flag === '--history') && argv.verbose !== true ? ' (stylish shows --history only with --verbose)' : ''}.`,
  });
}

/** `-f <format> -o <file>` for one format that reads every flag, or where none reads them all, one per flag. */
function readingReports(unread: ReadonlyArray<{ flag: string; readers: readonly string[] }>): string {
  const readingAll = unread[0]!.readers.find((format) => unread.every(({ readers }) => readers.includes(format)));
  if (readingAll !== undefined) return `-f ${readingAll} -o <file>`;
  return unread.map(({ flag, readers }) => `-f ${readers[0]} -o <file> for ${flag}`).join(', ');
}
