import type { AuditResult, AuditWarning, Finding, FindingDisposition } from '../engine/types.js';
import type { SuppressionIdentity } from '../suppressions/parse-suppressions.js';
import { withFindings } from '../suppressions/recount.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An entry this close to its expiry is announced, so that its owner reviews it before the gate breaks. */
const EXPIRY_NOTICE_DAYS = 14;

/** Which findings an entry is about: one fingerprint, or a rule on a resource of an environment (and a pointer in it, when named). */
export type ReviewMatch = { fingerprint: string } | (Required<Pick<SuppressionIdentity, 'ruleId' | 'environmentId' | 'resourceId'>> & Pick<SuppressionIdentity, 'pointer'>);

/**
 * One reviewed decision about findings, from `--dispositions` or from the suppressions file, whose entries
 * are accepted risks in the older format (`source: 'suppression'`: a finding it hides carries only its
 * `suppression`, as before dispositions existed). A malformed suppression entry is kept, `invalid`, so that
 * the run can say which finding it left open.
 */
export type ReviewEntry = { file: string; pointer: string; source: 'suppression' | 'disposition' } & (
  | { status: 'valid'; match: ReviewMatch; decision: Omit<FindingDisposition, 'overdue'> }
  | { status: 'invalid'; problem: string; identity: SuppressionIdentity }
);

/**
 * Reviews the open findings with the entries, in order (the first entry that matches a finding decides).
 * accepted-risk, false-positive and compensating-control move the finding to `result.suppressed` up to
 * their `expires` day (UTC, the audit's clock `now`); planned-fix keeps it open with its owner, due date
 * and whether it is overdue. Fails closed: an expired or malformed entry hides nothing, and a warning
 * names the findings that came back. Warnings also name the entries that match nothing this run
 * audited and those that expire within {@link EXPIRY_NOTICE_DAYS} days. Pure: returns a new result.
 */
export function reviewFindings(result: AuditResult, entries: readonly ReviewEntry[], now: Date): AuditResult {
  const open: Finding[] = [];
  const suppressed: Finding[] = [...result.suppressed];
  const used = new Set<ReviewEntry>();
  const decidedBy = new Map<string, ReviewEntry>();
  const active = entries.filter((entry) => entry.status === 'valid' && !(hides(entry.decision) && isExpired(entry.decision.expires, now)));
  for (const finding of result.findings) {
    const entry = active.find((candidate) => candidate.status === 'valid' && matches(candidate.match, finding));
    if (entry?.status !== 'valid') {
      open.push(finding);
      continue;
    }
    used.add(entry);
    decidedBy.set(finding.fingerprint, entry);
    const { decision } = entry;
    const disposition: FindingDisposition = { ...decision, ...(decision.due === undefined ? {} : { overdue: isExpired(decision.due, now) }) };
    const suppression = { reason: decision.reason, owner: decision.owner, ...(decision.expires === undefined ? {} : { expires: decision.expires }) };
    if (!hides(decision)) open.push({ ...finding, disposition });
    else suppressed.push(entry.source === 'suppression' ? { ...finding, suppression } : { ...finding, disposition, suppression });
  }
  const warnings = entries.flatMap((entry) => warningsOf(entry, { open, used, decidedBy, result, now }));
  const updated = withFindings(result, open, suppressed);
  const allWarnings = [...(result.warnings ?? []), ...warnings];
  return allWarnings.length === 0 ? updated : { ...updated, warnings: allWarnings };
}

interface ReviewOutcome {
  open: readonly Finding[];
  used: ReadonlySet<ReviewEntry>;
  /** Fingerprint → the entry that decided the finding. */
  decidedBy: ReadonlyMap<string, ReviewEntry>;
  result: AuditResult;
  now: Date;
}

function warningsOf(entry: ReviewEntry, { open, used, decidedBy, result, now }: ReviewOutcome): AuditWarning[] {
  const at = { file: entry.file, pointer: entry.pointer };
  const hidesNothing = entry.source === 'suppression' ? 'it suppresses nothing' : 'it hides nothing';
  if (entry.status === 'invalid') {
    const cameBack = open.filter((finding) => matches(entry.identity, finding));
    return [{ code: `${entry.source}-invalid`, message: `malformed entry (${entry.problem}); ${hidesNothing}${cameBackText(cameBack)}.`, ...at }];
  }
  const { decision, match } = entry;
  const kind = entry.source === 'suppression' ? '' : `${decision.kind} `;
  if (hides(decision) && isExpired(decision.expires, now)) {
    const cameBack = open.filter((finding) => matches(match, finding));
    const message = `${kind}expired on ${decision.expires} (owner: ${decision.owner}); ${hidesNothing}${cameBackText(cameBack)}. Review it: renew the date or fix the finding.`;
    return [{ code: `${entry.source}-expired`, message, ...at }];
  }
  const shadowedBy = used.has(entry)
    ? undefined
    : result.findings.map((finding) => matches(match, finding) && decidedBy.get(finding.fingerprint)).find((other) => other !== undefined && other !== false);
  if (shadowedBy !== undefined) {
    const message = `${kind}is about a finding that ${shadowedBy.file} ${shadowedBy.pointer} already decides (the first entry that matches applies); it changes nothing. Remove one of the two.`;
    return [{ code: `${entry.source}-shadowed`, message, ...at }];
  }
  if (!used.has(entry) && wasAudited(match, result)) {
    const what = 'fingerprint' in match ? `matches no finding in what was audited (fingerprint ${match.fingerprint})` : `matches no finding of ${match.ruleId} in what was audited`;
    return [{ code: `${entry.source}-unmatched`, message: `${kind}${what}: the finding was fixed or an id is wrong. Remove the entry or correct it.`, ...at }];
  }
  if (hides(decision) && decision.expires !== undefined && daysLeft(decision.expires, now) <= EXPIRY_NOTICE_DAYS) {
    return [{ code: `${entry.source}-expiring`, message: `${kind}expires on ${decision.expires} (owner: ${decision.owner}); after that the finding is reported again.`, ...at }];
  }
  return [];
}

/** Every kind but planned-fix hides the finding from the gate while it applies. */
function hides(decision: Pick<FindingDisposition, 'kind'>): boolean {
  return decision.kind !== 'planned-fix';
}

/** Exact match; an identity without a pointer covers every pointer of the rule on the resource. */
function matches(match: ReviewMatch | SuppressionIdentity, finding: Finding): boolean {
  if ('fingerprint' in match) return match.fingerprint === finding.fingerprint;
  if (match.ruleId === undefined || match.environmentId === undefined || match.resourceId === undefined) return false;
  return (
    match.ruleId === finding.ruleId && match.environmentId === finding.environmentId && match.resourceId === finding.resource.id && (match.pointer === undefined || match.pointer === finding.pointer)
  );
}

/** Past the day `day` (YYYY-MM-DD, UTC): "2027-01-31" still applies all of January 31st. Undefined never expires. */
function isExpired(day: string | undefined, now: Date): boolean {
  return day !== undefined && daysLeft(day, now) < 0;
}

/** Whole days from today (UTC) to `day`: 0 on that day, negative after. */
function daysLeft(day: string, now: Date): number {
  const lastDay = Date.parse(`${day}T00:00:00.000Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((lastDay - today) / DAY_MS);
}

/**
 * Only entries about an environment and a rule this run looked at can be called stale; an entry by
 * fingerprint names neither, so it is stale when nothing this run reported, open or hidden, has it, and
 * every rule ran where it was asked to (none not evaluated or failed: its finding may lie in what was not read).
 */
function wasAudited(match: ReviewMatch, result: AuditResult): boolean {
  if ('fingerprint' in match) return result.notEvaluated.length === 0 && result.ruleErrors.length === 0;
  const environmentAudited = match.environmentId === null || result.snapshot.environmentIds.includes(match.environmentId);
  const ruleRan = result.ruleResults.some((outcome) => outcome.ruleId === match.ruleId && outcome.environmentId === match.environmentId && (outcome.outcome === 'pass' || outcome.outcome === 'fail'));
  return environmentAudited && (ruleRan || (match.environmentId === null && result.rules.some((rule) => rule.id === match.ruleId)));
}

function cameBackText(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const names = findings.map((finding) => `${finding.ruleId} on ${finding.resource.type} "${finding.resource.name || finding.resource.id}"${finding.pointer === '' ? '' : ` at ${finding.pointer}`}`);
  return `, so ${findings.length === 1 ? 'this finding is' : `these ${findings.length} findings are`} reported: ${names.join('; ')}`;
}
