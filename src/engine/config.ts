import type { FromSchema } from 'json-schema-to-ts';
import type { configSchema, packSchema } from '../json/file-schemas.js';
import type { Rule, Severity } from './types.js';

/**
 * Types of the pack and config files, inferred from their JSON Schemas (one source: the shipped `schemas/`
 * files, mirrored as values in `src/json/file-schemas.ts`), so that a field added to a schema cannot be
 * missing here, nor the other way round.
 */
type PackSchema = typeof packSchema;

/** How a pack or the config sets one rule: off, a severity, or a severity and/or options. */
export type RuleSetting = FromSchema<PackSchema['definitions']['ruleSetting']>;

/** A rule pack (`rules/packs/<id>.json`, schema `schemas/pack.schema.json`); `rules: "*"` is every registered rule at its default. */
export type Pack = FromSchema<PackSchema>;

/** Rule id → setting, as a pack or the config lists them. */
type RuleSettings = Record<string, RuleSetting>;

/**
 * The user's config (`pingone-audit.config.json` or `--config`, schema `schemas/config.schema.json`).
 * `rules` is taken from the pack's type: `FromSchema` resolves the config's `$ref` into the pack schema
 * but not the pack schema's own `#/definitions/ruleSetting` inside it (it reads `{}`).
 */
export type AuditConfig = Omit<FromSchema<typeof configSchema, { references: [PackSchema] }>, 'rules'> & { rules?: RuleSettings };

/** The packs a config without `extends` (or no config at all) starts from. */
export const DEFAULT_PACKS = ['recommended'];

/** A rule the engine will run, at its effective severity, with options merged over its defaults. */
export interface ResolvedRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** Where a pack lives, relative to the package root; also how errors in it are located. */
export function packFile(packId: string): string {
  return `rules/packs/${packId}.json`;
}
