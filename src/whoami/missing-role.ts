import { LEAST_ROLE_FOR_READ } from '../pingone/built-in-role-reads.js';
import type { SnapshotKind } from '../snapshot/model.js';
import { endpointOfKind } from './collector-endpoints.js';

/** Whose roles PingOne checks; `unknown` when the token could not be read. */
export type AuthorizationModel = 'application' | 'user' | 'unknown';

const holder: Readonly<Record<AuthorizationModel, string>> = {
  user: 'held by the signed-in user; the application’s own roles do not count',
  application: 'held by the worker application',
  unknown: 'held by the worker application, or by the signed-in user for a user sign-in',
};

/** The role that would make a read of `kind` succeed; undefined for kinds the collector does not read. */
function leastRoleFor(kind: SnapshotKind): string | undefined {
  const endpoint = endpointOfKind(kind);
  return endpoint === undefined ? undefined : LEAST_ROLE_FOR_READ[endpoint.reads];
}

/**
 * The one wording, shared by `whoami` and the scan's 403 messages, of what is missing for a read:
 * `missing role: Identity Data Read Only scoped to environment <id> (held by the signed-in user; …)`.
 * Organization-wide reads (`/roles`) name no environment: any environment of the organization will do.
 */
export function missingRoleReason(kind: SnapshotKind, environmentId: string | undefined, model: AuthorizationModel): string {
  const role = leastRoleFor(kind) ?? 'Configuration Read Only';
  const scope = environmentId === undefined ? 'scoped to any environment of the organization' : `scoped to environment ${environmentId}`;
  return `missing role: ${role} ${scope} (${holder[model]})`;
}
