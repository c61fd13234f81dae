import { explainRule } from '../catalogue/explain-rule.js';
import { catalogueEntries, findRule } from '../catalogue/catalogue-entries.js';
import type { RegisterCommand } from './context.js';

export const registerExplainCommand: RegisterCommand = (yargs) =>
  yargs.command(
    'explain <rule>',
    'Explain a rule: what it checks, why, how to fix it in the console and the API, references',
    (y) => y.positional('rule', { type: 'string', demandOption: true, description: 'Rule id, e.g. admin-role-missing' }),
    (argv) => {
      const entry = findRule(catalogueEntries(), String(argv.rule));
      process.stdout.write(explainRule(entry.rule, entry.packs));
    },
  );
