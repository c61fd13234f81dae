import { formatCsv, formatCsvChunks } from './csv.js';
import type { ChunkedFormatter, Formatter } from './format-context.js';
import { formatHtml, formatHtmlChunks } from './html.js';
import { formatJson, formatJsonChunks } from './json.js';
import { formatJunit, formatJunitChunks } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatOscalAr, formatOscalArChunks } from './oscal-ar.js';
import { formatOscalPoam, formatOscalPoamChunks } from './oscal-poam.js';
import { formatSarif, formatSarifChunks } from './sarif.js';
import { formatStylish } from './stylish.js';
import { formatTable } from './table.js';
import { FORMAT_ALIASES, formatName } from './format-names.js';

export type { ChunkedFormatter, FormatContext, Formatter } from './format-context.js';

/** Every output format. To add one: write `<name>.ts` exporting a Formatter and list it here. */
export const formatters = {
  stylish: formatStylish,
  grid: formatTable,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
  html: formatHtml,
  junit: formatJunit,
  csv: formatCsv,
  'oscal-ar': formatOscalAr,
  'oscal-poam': formatOscalPoam,
} satisfies Record<string, Formatter>;

/** A registered format's name. */
export type FormatName = keyof typeof formatters;

/** Every registered format, in registry order. */
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

/** For `--format` choices: the registered names, then the aliases. */
export const FORMAT_CHOICES = [...FORMAT_NAMES, ...Object.keys(FORMAT_ALIASES)];

/** The registered format a `--format` value names (an alias resolved), or undefined. */
export function formatterFor(value: string): Formatter | undefined {
  const name = formatName(value);
  return Object.hasOwn(formatters, name) ? formatters[name as FormatName] : undefined;
}

/**
 * The formats whose reports grow with the findings, piece by piece: the same bytes as their
 * {@link formatters} entry (which joins these pieces), written to a file as they are produced.
 */
const chunkedFormatters: Partial<Record<FormatName, ChunkedFormatter>> = {
  json: formatJsonChunks,
  sarif: formatSarifChunks,
  junit: formatJunitChunks,
  csv: formatCsvChunks,
  html: formatHtmlChunks,
  'oscal-ar': formatOscalArChunks,
  'oscal-poam': formatOscalPoamChunks,
};

/** The piece-by-piece formatter of a `--format` value (an alias resolved), when it has one. */
export function chunkedFormatterFor(value: string): ChunkedFormatter | undefined {
  const name = formatName(value);
  return Object.hasOwn(chunkedFormatters, name) ? chunkedFormatters[name as FormatName] : undefined;
}
