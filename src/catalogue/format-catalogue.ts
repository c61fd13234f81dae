import type { Rule } from '../engine/types.js';
import { DEFAULT_TERMINAL_COLUMNS, layoutColumns } from '../output/terminal-layout.js';
import { stableStringify } from '../snapshot/stable-json.js';

/** The forms {@link formatCatalogue} renders: a terminal table, JSON, or the Markdown table of `rules/README.md`. */
export const CATALOGUE_FORMATS = ['table', 'json', 'markdown'] as const;
export type CatalogueFormat = (typeof CATALOGUE_FORMATS)[number];

/** One rule of the catalogue, with the packs that enable it. */
export interface CatalogueEntry {
  rule: Rule;
  /** Packs that enable the rule, e.g. ["recommended", "all"]. */
  packs: string[];
}

/**
 * Renders the rule catalogue; the Markdown form is the rule table of `rules/README.md`. The table
 * fits `columns` (80 when not given): rules under their category, each id whole, and a title that
 * does not fit beside them on the lines under its rule.
 */
export function formatCatalogue(entries: CatalogueEntry[], format: CatalogueFormat, columns = DEFAULT_TERMINAL_COLUMNS): string {
  const sorted = [...entries].sort((a, b) => a.rule.meta.category.localeCompare(b.rule.meta.category) || a.rule.id.localeCompare(b.rule.id));
  if (format === 'json') {
    return stableStringify(sorted.map(({ rule, packs }) => ({ id: rule.id, packs, ...rule.meta })));
  }
  if (format === 'markdown') return catalogueMarkdown(sorted);
  const layout = layoutColumns(
    [
      { title: 'rule', kind: 'identifier' },
      { title: 'severity', kind: 'identifier' },
      { title: 'packs', kind: 'identifier' },
      { title: 'title', kind: 'prose' },
    ],
    sorted.map(({ rule, packs }) => [`  ${rule.id}`, rule.meta.severity, packs.join(', '), rule.meta.title]),
    columns,
  );
  const lines = [...layout.header];
  sorted.forEach(({ rule }, index) => {
    if (rule.meta.category !== sorted[index - 1]?.rule.meta.category) lines.push('', rule.meta.category);
    lines.push(...(layout.rows[index] ?? []));
  });
  return `${lines.join('\n')}\n`;
}

function catalogueMarkdown(entries: CatalogueEntry[]): string {
  const lines = ['| Rule | Severity | Category | Packs | What it checks | NIST SP 800-53 r5 | References |', '|---|---|---|---|---|---|---|'];
  for (const { rule, packs } of entries) {
    const references = rule.meta.docs.references.map((ref) => (ref.url ? `[${ref.title}](${ref.url})` : ref.title)).join('; ');
    lines.push(
      `| <a id="${rule.id}"></a>\`${rule.id}\` | ${rule.meta.severity} | ${rule.meta.category} | ${packs.join(', ')} | ${escapeCell(rule.meta.description)} | ${(rule.meta.frameworks?.['nist-800-53-r5'] ?? []).join(', ')} | ${escapeCell(references)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
