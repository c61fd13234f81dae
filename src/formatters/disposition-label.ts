import type { FindingDisposition } from '../engine/types.js';

/**
 * A finding's disposition in a few words for reports, e.g. `planned fix, owner iam-team, due
 * 2027-03-31 (overdue)` or `compensating control "WAF rule 17", owner iam-team, until 2027-06-30`.
 * Plain text from the user's dispositions file: each format still escapes it for its medium.
 */
export function dispositionLabel(disposition: FindingDisposition): string {
  const kind = disposition.kind.replace('-', ' ');
  const control = disposition.control === undefined ? '' : ` "${disposition.control}"`;
  const until =
    disposition.due !== undefined ? `, due ${disposition.due}${disposition.overdue === true ? ' (overdue)' : ''}` : disposition.expires !== undefined ? `, until ${disposition.expires}` : '';
  return `${kind}${control}, owner ${disposition.owner}${until}`;
}
