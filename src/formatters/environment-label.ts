import type { AuditResult } from '../engine/types.js';

/** How reports name an environment: its name when the snapshot recorded one, else its id. */
export function environmentLabeller(result: Pick<AuditResult, 'snapshot'>): (environmentId: string | null) => string {
  const names = new Map((result.snapshot.environments ?? []).map((environment) => [environment.id, environment.name]));
  return (environmentId) => (environmentId === null ? 'organization' : (names.get(environmentId) ?? environmentId));
}
