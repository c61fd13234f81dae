import { rules } from '../../rules/index.js';
import type { LoadedConfig } from '../engine/load-config.js';
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
  return runRules(snapshot, resolved, {
    now: options.now ?? new Date(),
    index: buildSnapshotIndex(snapshot),
    profileBindings: profileBindingsFromConfig(config.integrations),
    toolVersion,
    ...(options.snapshotPath === undefined ? {} : { snapshotPath: options.snapshotPath }),
  });
}

/** The config's `integrations` (application id → profile ids) as the rules read it. */
export function profileBindingsFromConfig(integrations: Record<string, string[]> | undefined): Map<string, string[]> {
  return new Map(Object.entries(integrations ?? {}).map(([appId, profiles]) => [appId, [...profiles]]));
}
