import type { GrantType } from '../../src/snapshot/model.js';

/** "A", "A and B", "A, B and C", or "A, B, C and 2 more" past `shown` names: lists for messages. */
export function listNames(names: readonly string[], shown = 3): string {
  if (names.length > shown) return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "1 role assignment", "3 role assignments". */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "authorization_code and device_code": every grant, named as OAuth spells it on the wire. */
export function describeGrants(grants: readonly GrantType[]): string {
  return listNames(
    grants.map((grant) => grant.toLowerCase()),
    Infinity,
  );
}
