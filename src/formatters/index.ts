import { formatCsv } from './csv.js';
import type { Formatter } from './format-context.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatTable } from './table.js';

export type { FormatContext, Formatter } from './format-context.js';

/** Every output format. To add one: write `<name>.ts` exporting a Formatter and list it here. */
export const formatters = {
  json: formatJson,
  sarif: formatSarif,
  table: formatTable,
  markdown: formatMarkdown,
  html: formatHtml,
  junit: formatJunit,
  csv: formatCsv,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

/** For `--format` choices, in registry order. */
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];
export function isFormatName(value: string): value is FormatName {
  return Object.hasOwn(formatters, value);
}
