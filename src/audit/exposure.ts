import type { AuditResult, RuleIntegrations } from '../engine/types.js';
import { applicationsOf } from '../pingone/applications.js';
import type { SnapshotIndex } from '../snapshot/lookup.js';
import type { Snapshot } from '../snapshot/model.js';

/** The PingOne admin console's application type: whoever signs in through it administers the tenant. */
const ADMIN_CONSOLE = 'PING_ONE_ADMIN_CONSOLE';

/**
 * Which resources weigh more when a report decides what to fix first, as sorted, unique ids:
 * `administrative` = users, applications and gateways holding at least one role (in PingOne every
 * role is an administrator role, so such an actor can change the tenant) and the admin console application;
 * `integrations` = applications bound to an integration profile (the config's `integrations`, or
 * what their redirect URIs and names bind them to). Production environments need no list: the
 * result already carries each environment's type.
 */
export function exposureOf(snapshot: Snapshot, index: SnapshotIndex, integrations: RuleIntegrations): NonNullable<AuditResult['snapshot']['exposure']> {
  const located = applicationsOf(snapshot);
  const administrative = [...index.adminActors().map((admin) => admin.actor.id), ...located.filter(({ app }) => app.type === ADMIN_CONSOLE).map(({ app }) => app.id)];
  const bound = located.filter(({ app }) => integrations.profilesFor(app).length > 0).map(({ app }) => app.id);
  return { administrative: [...new Set(administrative)].sort(), integrations: [...new Set(bound)].sort() };
}
