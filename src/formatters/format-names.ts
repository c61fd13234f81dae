import type { FormatName } from './index.js';

/** Other names a format answers to: `table` was the grid's name before the stylish report became the default. */
export const FORMAT_ALIASES: Readonly<Record<string, FormatName>> = { table: 'grid' };

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
