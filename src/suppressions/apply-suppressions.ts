import type { AuditResult, AuditWarning, Finding } from '../engine/types.js';
import type { Suppression, SuppressionEntry, SuppressionIdentity } from './parse-suppressions.js';
import { withFindings } from './recount.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An entry this close to its expiry is announced, so that its owner reviews it before the gate breaks. */
export const EXPIRY_NOTICE_DAYS = 14;

/**
 * Moves each open finding that a valid, unexpired entry matches exactly (rule id, environment id,
 * resource id, and pointer when the entry names one) to `result.suppressed`, carrying the entry's
 * reason, owner and expiry. Fails closed: an expired or malformed entry suppresses nothing, and
 * `result.warnings` says which finding came back and why. Entries that match nothing in what was
 * audited, and entries about to expire, are warned about too. Pure: returns a new result.
 */
export function applySuppressions(result: AuditResult, entries: readonly SuppressionEntry[], now: Date): AuditResult {
  const warnings: AuditWarning[] = [];
  const open: Finding[] = [];
  const suppressed: Finding[] = [...result.suppressed];
  const used = new Set<SuppressionEntry>();
  const active = entries.filter((entry) => entry.status === 'valid' && !isExpired(entry.suppression, now));

  for (const finding of result.findings) {
    const entry = active.find((candidate) => candidate.status === 'valid' && matches(candidate.suppression, finding));
    if (entry?.status !== 'valid') {
      open.push(finding);
      continue;
    }
    used.add(entry);
    const { reason, owner, expires } = entry.suppression;
    suppressed.push({ ...finding, suppression: { reason, owner, expires } });
  }

  for (const entry of entries) {
    const at = { file: entry.file, pointer: entry.pointer };
    if (entry.status === 'invalid') {
      const cameBack = open.filter((finding) => matches(entry.identity, finding));
      warnings.push({ code: 'suppression-invalid', message: `malformed entry (${entry.problem}); it suppresses nothing${cameBackText(cameBack)}.`, ...at });
    } else if (isExpired(entry.suppression, now)) {
      const cameBack = open.filter((finding) => matches(entry.suppression, finding));
      warnings.push({
        code: 'suppression-expired',
        message: `expired on ${entry.suppression.expires} (owner: ${entry.suppression.owner}); it suppresses nothing${cameBackText(cameBack)}. Review it: renew the date or fix the finding.`,
        ...at,
      });
    } else if (!used.has(entry) && wasAudited(entry.suppression, result)) {
      warnings.push({
        code: 'suppression-unmatched',
        message: `matches no finding of ${entry.suppression.ruleId} in what was audited: the finding was fixed or an id is wrong. Remove the entry or correct it.`,
        ...at,
      });
    } else if (daysLeft(entry.suppression, now) <= EXPIRY_NOTICE_DAYS) {
      warnings.push({ code: 'suppression-expiring', message: `expires on ${entry.suppression.expires} (owner: ${entry.suppression.owner}); after that the finding is reported again.`, ...at });
    }
  }

  const updated = withFindings(result, open, suppressed);
  const allWarnings = [...(result.warnings ?? []), ...warnings];
  return allWarnings.length === 0 ? updated : { ...updated, warnings: allWarnings };
}

/** Exact identity match; an entry without a pointer covers every pointer of the rule on the resource. */
export function matches(identity: SuppressionIdentity, finding: Finding): boolean {
  if (identity.ruleId === undefined || identity.environmentId === undefined || identity.resourceId === undefined) return false;
  return (
    identity.ruleId === finding.ruleId &&
    identity.environmentId === finding.environmentId &&
    identity.resourceId === finding.resource.id &&
    (identity.pointer === undefined || identity.pointer === finding.pointer)
  );
}

/** Expired from the day after `expires`, UTC: "2027-01-31" still applies all of January 31st. */
export function isExpired(suppression: Pick<Suppression, 'expires'>, now: Date): boolean {
  return daysLeft(suppression, now) < 0;
}

/** Whole days from today (UTC) to the last day the entry applies: 0 on that day, negative after. */
function daysLeft({ expires }: Pick<Suppression, 'expires'>, now: Date): number {
  const lastDay = Date.parse(`${expires}T00:00:00.000Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((lastDay - today) / DAY_MS);
}

/** Only entries about an environment and a rule this run looked at can be called stale. */
function wasAudited(suppression: Suppression, result: AuditResult): boolean {
  const environmentAudited = suppression.environmentId === null || result.snapshot.environmentIds.includes(suppression.environmentId);
  const ruleRan = result.ruleResults.some(
    (outcome) => outcome.ruleId === suppression.ruleId && outcome.environmentId === suppression.environmentId && (outcome.outcome === 'pass' || outcome.outcome === 'fail'),
  );
  return environmentAudited && (ruleRan || (suppression.environmentId === null && result.rules.some((rule) => rule.id === suppression.ruleId)));
}

function cameBackText(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const names = findings.map((finding) => `${finding.ruleId} on ${finding.resource.type} "${finding.resource.name || finding.resource.id}"${finding.pointer === '' ? '' : ` at ${finding.pointer}`}`);
  return `, so ${findings.length === 1 ? 'this finding is' : `these ${findings.length} findings are`} reported: ${names.join('; ')}`;
}
