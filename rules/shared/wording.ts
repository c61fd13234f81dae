import type { GrantType } from '../../src/snapshot/model.js';
import { listInWords } from '../../src/wording.js';

/** "A", "A and B", "A, B and C", or "A, B, C and 2 more" past `shown` names: lists for messages. */
export function listNames(names: readonly string[], shown = 3): string {
  if (names.length > shown) return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
  return listInWords(names);
}

/** "authorization_code and device_code": every grant, named as OAuth spells it on the wire. */
export function describeGrants(grants: readonly GrantType[]): string {
  return listInWords(grants.map((grant) => grant.toLowerCase()));
}
