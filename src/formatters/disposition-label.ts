import type { Finding, FindingDisposition } from '../engine/types.js';

/**
 * A finding's disposition in a few words for reports, e.g. `planned fix, owner iam-team, due
 * 2027-03-31 (overdue)` or `compensating control "WAF rule 17", owner iam-team, until 2027-06-30`.
 * Plain text from the user's dispositions file: each format still escapes it for its medium.
 */
export function dispositionLabel(disposition: FindingDisposition): string {
  const until =
    disposition.due !== undefined ? `, due ${disposition.due}${disposition.overdue === true ? ' (overdue)' : ''}` : disposition.expires !== undefined ? `, until ${disposition.expires}` : '';
  return `${decisionLabel(disposition)}, owner ${disposition.owner}${until}`;
}

/**
 * The decision that hid a suppressed finding, e.g. `false positive` or `compensating control "WAF rule 17"`:
 * an entry of the suppressions file, which carries no disposition, reads as `accepted risk` (as in CSV).
 * Plain text: each format still escapes it.
 */
export function hiddenByLabel(finding: Pick<Finding, 'disposition'>): string {
  return finding.disposition === undefined ? 'accepted risk' : decisionLabel(finding.disposition);
}

function decisionLabel(disposition: FindingDisposition): string {
  const control = disposition.control === undefined ? '' : ` "${disposition.control}"`;
  return `${disposition.kind.replace('-', ' ')}${control}`;
}
