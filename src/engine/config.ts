import type { Rule, Severity } from './types.js';

/** How a pack or the config sets one rule: off, a severity, or a severity and/or options. */
export type RuleSetting =
  | 'off'
  | Severity
  | { severity?: Severity | 'off'; options?: Record<string, unknown> };

/** A rule pack (`rules/packs/<id>.json`, schema `schemas/pack.schema.json`). */
export interface Pack {
  id: string;
  description: string;
  /** Packs applied first, in order; this pack's own settings then win. */
  extends?: string[];
  /** `"*"`: every registered rule at its default severity and options. */
  rules: Record<string, RuleSetting> | '*';
}

/** The user's config (`pingone-audit.config.json` or `--config`, schema `schemas/config.schema.json`). */
export interface AuditConfig {
  $schema?: string;
  /** Packs to start from, in order; default `["recommended"]`. */
  extends?: string[];
  /** Per-rule settings applied over the packs. */
  rules?: Record<string, RuleSetting>;
  /**
   * Application id → the integration profile ids the app is bound to. Listing an app replaces its
   * automatic binding (by redirect host or name); an empty list opts it out of every profile.
   */
  integrations?: Record<string, string[]>;
}

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
