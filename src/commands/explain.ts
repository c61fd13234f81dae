import { explainRule } from '../catalogue/explain-rule.js';
import { catalogueEntries, findRule } from '../catalogue/catalogue-entries.js';
import { defineCommand } from './context.js';

export const explainCommand = defineCommand({
  builder: (y) => y.positional('rule', { type: 'string', demandOption: true, description: 'Rule id, e.g. admin-role-missing' }),
  run: (argv, { io }) => {
    const entry = findRule(catalogueEntries(), argv.rule);
    io.stdout.write(explainRule(entry.rule, entry.packs));
    return 'clean';
  },
});
