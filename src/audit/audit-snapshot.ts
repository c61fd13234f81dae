import { applyBaseline } from '../baseline/apply-baseline.js';
import { exposureOf } from './exposure.js';
import { runRules } from '../engine/run-rules.js';
import type { AuditResult } from '../engine/types.js';
import { toolVersion } from '../paths.js';
import { ruleIntegrations } from '../profiles/rule-integrations.js';
import { buildSnapshotIndex } from '../snapshot/index-builder.js';
import type { Snapshot } from '../snapshot/model.js';
import { dispositionReviewEntries } from '../dispositions/apply-dispositions.js';
import { reviewFindings } from '../dispositions/review-findings.js';
import { suppressionReviewEntries } from '../suppressions/apply-suppressions.js';
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
 * One review right after the rules: the suppressions file's entries (accepted risks in the older format)
 * first, then the dispositions; then the baseline, so a finding that an entry no longer covers is compared
 * as open and can count as new. With --no-suppressions only the suppressions file is ignored, and the
 * result's warnings say so.
 */
function review(result: AuditResult, { suppressions, baseline, dispositions }: AuditSetup): AuditResult {
  const ignored = suppressions === 'ignored';
  const entries = [...(ignored || suppressions === undefined ? [] : suppressionReviewEntries(suppressions.entries)), ...dispositionReviewEntries(dispositions ?? [])];
  const unreviewed: AuditResult = ignored
    ? { ...result, warnings: [...(result.warnings ?? []), { code: 'suppressions-ignored', message: '--no-suppressions: every suppression was ignored; all findings are reported.' }] }
    : result;
  const reviewed = entries.length === 0 ? unreviewed : reviewFindings(unreviewed, entries, new Date(result.generatedAt));
  return baseline === undefined ? reviewed : applyBaseline(reviewed, baseline);
}
