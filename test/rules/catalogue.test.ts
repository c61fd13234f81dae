import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { CATALOGUE_README, currentRulesTable, withRulesTable } from '../../src/catalogue/update-readme.js';
import { loadPacks } from '../../src/audit/load-packs.js';
import { ruleMetaValidator } from '../formatters/schema-validators.js';
import { packagePath } from '../../src/paths.js';

/** Folders of rules/ that hold helpers and data rather than one rule per file. */
const NOT_RULE_FOLDERS = new Set(['shared', 'packs', 'profiles']);

function ruleFiles(): Array<{ id: string; folder: string }> {
  const root = packagePath('rules');
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_RULE_FOLDERS.has(entry.name))
    .flatMap((folder) =>
      readdirSync(path.join(root, folder.name))
        .filter((name) => name.endsWith('.ts'))
        .map((name) => ({ id: name.slice(0, -'.ts'.length), folder: folder.name })),
    );
}

describe('the rule catalogue', () => {
  const ids = rules.map((rule) => rule.id);

  it('registers every rule file once, under its file name', () => {
    expect([...ids].sort()).toEqual(
      ruleFiles()
        .map(({ id }) => id)
        .sort(),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every rule in the folder named after its category', () => {
    const folderOf = new Map(ruleFiles().map(({ id, folder }) => [id, folder]));
    for (const rule of rules) expect(folderOf.get(rule.id), `rules/<category>/${rule.id}.ts`).toBe(rule.meta.category);
  });

  it('gives every rule kebab-case id, valid metadata and a test file of its own', () => {
    const validate = ruleMetaValidator();
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(validate(rule.meta), `${rule.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(existsSync(packagePath('test', 'rules', `${rule.id}.test.ts`)), `test/rules/${rule.id}.test.ts`).toBe(true);
    }
  });

  it('names only registered rules in the packs', () => {
    for (const pack of Object.values(loadPacks())) {
      if (pack.rules === '*') continue;
      for (const id of Object.keys(pack.rules)) expect(ids, `pack ${pack.id}`).toContain(id);
    }
  });

  it('keeps the rule table of rules/README.md current (run `npm run docs` to regenerate it)', () => {
    const readme = readFileSync(CATALOGUE_README, 'utf8');
    expect(withRulesTable(readme, currentRulesTable())).toBe(readme);
  });
});
