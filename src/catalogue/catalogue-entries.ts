import { rules } from '../../rules/index.js';
import { UserFacingError } from '../errors.js';
import { closestMatch } from '../engine/closest-match.js';
import { loadPacks } from '../audit/load-packs.js';
import { resolveRules } from '../engine/resolve-rules.js';
import type { CatalogueEntry } from './format-catalogue.js';

/** Every registered rule with the packs that enable it (resolved by the engine, not re-derived). */
export function catalogueEntries(): CatalogueEntry[] {
  const packs = loadPacks();
  const packsByRule = new Map<string, string[]>();
  for (const packId of Object.keys(packs).sort()) {
    for (const { rule } of resolveRules(rules, packs, { extends: [packId] })) {
      packsByRule.set(rule.id, [...(packsByRule.get(rule.id) ?? []), packId]);
    }
  }
  return rules.map((rule) => ({ rule, packs: packsByRule.get(rule.id) ?? [] }));
}

/**
 * The entry of the rule with that id.
 * @throws UserFacingError (`not-found`) when no rule has it, suggesting the closest id.
 */
export function findRule(entries: CatalogueEntry[], id: string): CatalogueEntry {
  const entry = entries.find((candidate) => candidate.rule.id === id);
  if (entry) return entry;
  const suggestion = closestMatch(
    id,
    entries.map((candidate) => candidate.rule.id),
  );
  throw new UserFacingError('not-found', `No rule with id "${id}".`, {
    hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Run \`pingone-audit rules\` for the list.`,
  });
}
