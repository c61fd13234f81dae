import { applyBaseline } from '../baseline/index.js';
import { exposureOf } from './exposure.js';
import { runRules } from '../engine/run-rules.js';
import type { AuditResult } from '../engine/types.js';
import { toolVersion } from '../paths.js';
import { ruleIntegrations } from '../profiles/rule-integrations.js';
import { buildSnapshotIndex } from '../snapshot/index-builder.js';
import type { Snapshot } from '../snapshot/model.js';
import { applyDispositions } from '../dispositions/apply-dispositions.js';
import { applySuppressions } from '../suppressions/index.js';
import type { AuditSetup } from './audit-setup.js';

/**
 * The audit itself, with no I/O: one index → every rule of the setup → suppressions → baseline →
 * a result. `now` drives date rules, suppression expiry and `generatedAt`; `snapshotPath` (the
 * folder as the user named it) is recorded in the result. Every command that audits (audit,
 * scan, demo, diff) goes through here, after {@link loadAuditSetup} read its files.
 */
export function auditSnapshot(snapshot: Snapshot, setup: AuditSetup, now: Date, snapshotPath?: string): AuditResult {
  const index = buildSnapshotIndex(snapshot);
  const integrations = ruleIntegrations(setup.profiles, setup.profileBindings, snapshot, index);
  const result = runRules(snapshot, setup.rules, {
    now,
    index,
    integrations,
    toolVersion,
    ...(snapshotPath === undefined ? {} : { snapshotPath }),
  });
  return review({ ...result, snapshot: { ...result.snapshot, exposure: exposureOf(snapshot, index, integrations) } }, setup);
}

/**
 * Suppressions right after the rules, then dispositions on what is still open, then the baseline: a finding that a suppression no longer
 * covers is compared as open, so it can count as new. With --no-suppressions every finding stays
 * open, and the result's warnings say so.
 */
function review(result: AuditResult, { suppressions, baseline, dispositions }: AuditSetup): AuditResult {
  let reviewed = result;
  if (suppressions === 'ignored') {
    reviewed = { ...reviewed, warnings: [...(reviewed.warnings ?? []), { code: 'suppressions-ignored', message: '--no-suppressions: every suppression was ignored; all findings are reported.' }] };
  } else if (suppressions !== undefined && suppressions.entries.length > 0) {
    reviewed = applySuppressions(reviewed, suppressions.entries, new Date(result.generatedAt));
  }
  if (dispositions !== undefined && dispositions.length > 0) reviewed = applyDispositions(reviewed, dispositions, new Date(result.generatedAt));
  return baseline === undefined ? reviewed : applyBaseline(reviewed, baseline);
}
