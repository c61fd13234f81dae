import { auditSnapshot } from '../audit/audit-snapshot.js';
import type { AuditSetup } from '../audit/audit-setup.js';
import { ruleCheckedIn } from '../engine/checked-again.js';
import type { AuditResult, Finding } from '../engine/types.js';
import { unreadEnvironments } from '../snapshot/collection-coverage.js';
import type { Snapshot } from '../snapshot/model.js';
import { diffSnapshots, type SnapshotDiff } from './diff-snapshots.js';

/** The findings that appeared and disappeared between the two snapshots' audits. */
export interface FindingsDrift {
  /** Open in the new snapshot's audit, absent from the old one's (by fingerprint). */
  appeared: Finding[];
  /** Open in the old snapshot's audit, absent from the new one's although its rule ran there again. */
  disappeared: Finding[];
}

/** Everything `pingone-audit diff` reports: resource drift, finding drift, and where each snapshot came from. */
export interface DriftReport extends Omit<SnapshotDiff, 'old' | 'new' | 'summary'> {
  tool: AuditResult['tool'];
  old: { createdAt: string; path?: string };
  new: { createdAt: string; path?: string };
  findings: FindingsDrift;
  summary: SnapshotDiff['summary'] & { findingsAppeared: number; findingsDisappeared: number };
  /** Environments of which nothing was read, per snapshot (`null`: the snapshot holds no environment at all). */
  unread: Array<{ snapshot: 'old' | 'new'; environmentId: string | null }>;
}

/**
 * Findings by fingerprint: what the new audit reports that the old did not, and the reverse. A finding is gone only
 * where its rule ran again on the new snapshot: one whose data the new snapshot lacks is not called disappeared (the
 * gap is listed as not compared). Appeared stays on the safe side for a gate: a finding the old audit could not check
 * still counts as appeared.
 */
function diffFindings(before: Pick<AuditResult, 'findings'>, after: AuditResult): FindingsDrift {
  const had = new Set(before.findings.map((finding) => finding.fingerprint));
  const has = new Set(after.findings.map((finding) => finding.fingerprint));
  const checkedAgain = ruleCheckedIn(after);
  return {
    appeared: after.findings.filter((finding) => !had.has(finding.fingerprint)),
    disappeared: before.findings.filter((finding) => !has.has(finding.fingerprint) && checkedAgain(finding.ruleId, finding.environmentId)),
  };
}

/** The two audits' results, when the caller ran them (the command resolves finding lines first). */
export interface AuditedPair {
  before: AuditResult;
  after: AuditResult;
}

/** Audits both snapshots with one setup and one "now", so that only the snapshots differ. */
export function auditBoth(before: Snapshot, after: Snapshot, setup: AuditSetup, now: Date): AuditedPair {
  return { before: auditSnapshot(before, setup, now), after: auditSnapshot(after, setup, now) };
}

/** Combines the snapshot diff and the findings diff into the report the diff formats render. */
export function buildDriftReport(snapshots: { before: Snapshot; after: Snapshot }, audits: AuditedPair, paths: { before?: string; after?: string } = {}): DriftReport {
  const diff = diffSnapshots(snapshots.before, snapshots.after);
  const findings = diffFindings(audits.before, audits.after);
  return {
    tool: audits.after.tool,
    old: { ...diff.old, ...(paths.before === undefined ? {} : { path: paths.before }) },
    new: { ...diff.new, ...(paths.after === undefined ? {} : { path: paths.after }) },
    environments: diff.environments,
    gaps: diff.gaps,
    findings,
    unread: [...unreadIn(snapshots.before, 'old'), ...unreadIn(snapshots.after, 'new')],
    summary: { ...diff.summary, findingsAppeared: findings.appeared.length, findingsDisappeared: findings.disappeared.length },
  };
}

function unreadIn(snapshot: Snapshot, side: 'old' | 'new'): DriftReport['unread'] {
  const { environmentIds, collection } = snapshot.manifest;
  if (environmentIds.length === 0) return [{ snapshot: side, environmentId: null }];
  return unreadEnvironments(environmentIds, collection.entries).map((environmentId) => ({ snapshot: side, environmentId }));
}

/** True when anything differs: a resource, or a finding. */
export function hasDrift(report: DriftReport): boolean {
  const { added, removed, changed, findingsAppeared, findingsDisappeared } = report.summary;
  return added + removed + changed + findingsAppeared + findingsDisappeared > 0;
}
