import { explainRule } from '../catalogue/explain-rule.js';
import { catalogueEntries, findRule } from '../catalogue/catalogue-entries.js';
import { defineCommand } from './context.js';

export const registerExplainCommand = defineCommand({
  command: 'explain <rule>',
  describe: 'Explain a rule: what it checks, why, how to fix it in the console and the API, references',
  builder: (y) => y.positional('rule', { type: 'string', demandOption: true, description: 'Rule id, e.g. admin-role-missing' }),
  run: (argv, { io }) => {
    const entry = findRule(catalogueEntries(), argv.rule);
    io.stdout.write(explainRule(entry.rule, entry.packs));
    return 'clean';
  },
});
