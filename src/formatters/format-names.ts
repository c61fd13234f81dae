import type { FormatName } from './index.js';

/** Other names a format answers to: `table` was the grid's name before the stylish report became the default. */
export const FORMAT_ALIASES: Readonly<Record<string, FormatName>> = { table: 'grid' };

/**
 * The file each format's report gets in the GitHub Action's `output-dir`, keyed by every registered format (the
 * type makes a new format name its file here). `grid` keeps `pingone-audit.txt`, the file its alias `table` had.
 */
export const ACTION_REPORT_FILES: Readonly<Record<FormatName, string>> = {
  stylish: 'pingone-audit.stylish.txt',
  grid: 'pingone-audit.txt',
  json: 'pingone-audit.json',
  sarif: 'pingone-audit.sarif',
  markdown: 'pingone-audit.md',
  html: 'pingone-audit.html',
  junit: 'pingone-audit.junit.xml',
  csv: 'pingone-audit.csv',
  'oscal-ar': 'pingone-audit.oscal-ar.json',
  'oscal-poam': 'pingone-audit.oscal-poam.json',
};

/** The format of a report command run with no `--format`: verdict first, one line per finding. */
export const DEFAULT_FORMAT: FormatName = 'stylish';

/** The registered name a `--format` value stands for: an alias resolved, any other value as it is. */
export function formatName(value: string): string {
  return Object.hasOwn(FORMAT_ALIASES, value) ? FORMAT_ALIASES[value]! : value;
}

/**
 * The formats that read each report option only some formats read: the `FormatContext` fields, and `history`
 * (the dates `--history` adds to each finding, and the trend). No other format reads it. Stylish shows the dates only
 * with `verbose`. Kept apart from the formatters, so that a command checks its flags without loading them.
 */
export const FORMATS_READING = {
  includeSuppressed: ['sarif', 'stylish', 'grid', 'csv'],
  includeFixed: ['sarif'],
  verbose: ['stylish'],
  framework: ['stylish', 'json', 'markdown', 'html'],
  history: ['json', 'csv', 'markdown', 'html', 'stylish'],
} as const satisfies Record<string, readonly FormatName[]>;
