import { CATALOGUE_FORMATS, type CatalogueFormat, formatCatalogue } from '../catalogue/format-catalogue.js';
import { catalogueEntries } from '../catalogue/catalogue-entries.js';
import { defineCommand } from './context.js';
import { terminalColumns } from './io.js';

export const rulesCommand = defineCommand({
  builder: (y) => y.option('format', { alias: 'f', choices: CATALOGUE_FORMATS, default: 'table' as CatalogueFormat }),
  run: (argv, { io }) => {
    io.stdout.write(formatCatalogue(catalogueEntries(), argv.format, terminalColumns(io)));
    return 'clean';
  },
});
