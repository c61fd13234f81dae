import { rules } from '../../rules/index.js';
import { closestMatch } from '../engine/closest-match.js';
import { DEFAULT_CONFIG_FILE, type LoadedConfig } from '../engine/load-config.js';
import { UserFacingError } from '../errors.js';
import { bundledProfiles } from '../profiles/load-profiles.js';
import { ruleIntegrations } from '../profiles/rule-integrations.js';
import { loadPacks } from '../engine/load-packs.js';
import { resolveRules } from '../engine/resolve-rules.js';
import { runRules } from '../engine/run-rules.js';
import type { AuditResult } from '../engine/types.js';
import { toolVersion } from '../paths.js';
import { buildSnapshotIndex } from '../snapshot/index-builder.js';
import type { Snapshot } from '../snapshot/model.js';

export interface AuditSnapshotOptions {
  config: LoadedConfig;
  /** "Now" for date rules and `generatedAt` (default: the current time). */
  now?: Date;
  /** The snapshot folder as the user named it, recorded in the result. */
  snapshotPath?: string;
}

/**
 * The audit itself, without I/O beyond reading the bundled packs: config → rules to run → one
 * index → every rule → a result. Every command that audits (audit, scan, demo, diff) goes through here.
 */
export function auditSnapshot(snapshot: Snapshot, options: AuditSnapshotOptions): AuditResult {
  const { config } = options.config;
  const resolved = resolveRules(rules, loadPacks(), config, options.config.file);
  const index = buildSnapshotIndex(snapshot);
  const bindings = profileBindingsFromConfig(config.integrations, options.config.file);
  return runRules(snapshot, resolved, {
    now: options.now ?? new Date(),
    index,
    integrations: ruleIntegrations(bundledProfiles(), bindings, snapshot, index),
    toolVersion,
    ...(options.snapshotPath === undefined ? {} : { snapshotPath: options.snapshotPath }),
  });
}

/**
 * The config's `integrations` (application id → profile ids) as the rules read it. A profile id that
 * names no shipped profile is refused: ignoring it would leave the app unchecked without a word.
 */
export function profileBindingsFromConfig(integrations: Record<string, string[]> | undefined, configFile = DEFAULT_CONFIG_FILE): Map<string, string[]> {
  const known = bundledProfiles().map((profile) => profile.id);
  for (const [appId, profileIds] of Object.entries(integrations ?? {})) {
    profileIds.forEach((profileId, i) => {
      if (known.includes(profileId)) return;
      const suggestion = closestMatch(profileId, known);
      throw new UserFacingError('json-invalid', `${configFile}: $.integrations[${JSON.stringify(appId)}][${i}]: no integration profile "${profileId}".`, {
        hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Profiles: ${known.join(', ')}.`,
      });
    });
  }
  return new Map(Object.entries(integrations ?? {}).map(([appId, profiles]) => [appId, [...profiles]]));
}
