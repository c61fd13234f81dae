import { CATALOGUE_FORMATS, type CatalogueFormat, formatCatalogue } from '../catalogue/format-catalogue.js';
import { catalogueEntries } from '../catalogue/catalogue-entries.js';
import type { RegisterCommand } from './context.js';

export const registerRulesCommand: RegisterCommand = (yargs) =>
  yargs.command(
    'rules',
    'List every rule with its severity, category and packs',
    (y) => y.option('format', { alias: 'f', choices: CATALOGUE_FORMATS, default: 'table' as CatalogueFormat }),
    (argv) => {
      process.stdout.write(formatCatalogue(catalogueEntries(), argv.format as CatalogueFormat));
    },
  );
