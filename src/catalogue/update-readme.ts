import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../paths.js';
import { catalogueEntries } from './catalogue-entries.js';
import { formatCatalogue } from './format-catalogue.js';

const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';

/** `rules/README.md` with the rule table between its markers replaced by the catalogue's Markdown. */
export function withRulesTable(readme: string, tableMarkdown: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`rules/README.md must hold ${START} … ${END}.`);
  return `${readme.slice(0, start + START.length)}\n${tableMarkdown}${readme.slice(end)}`;
}

/** Where the generated rule catalogue lives: beside the rules, so the top README stays a user's path. */
export const CATALOGUE_README = packagePath('rules', 'README.md');

/** The rule table `rules/README.md` should hold for the rules registered now. */
export function currentRulesTable(): string {
  return formatCatalogue(catalogueEntries(), 'markdown');
}

// `npm run docs` regenerates the table; the catalogue test fails while rules/README.md is stale.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = CATALOGUE_README;
  writeFileSync(file, withRulesTable(readFileSync(file, 'utf8'), currentRulesTable()));
  process.stderr.write(`updated the rule table in ${file}\n`);
}
