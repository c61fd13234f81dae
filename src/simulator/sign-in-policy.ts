import type { ApiApplication, ApiUser } from './api-types.js';
import type { DatasetEnvironment } from './dataset.js';
import type { DatasetIndex } from './dataset-index.js';

/** The roles that make a user an "admin user" for `accessControl.role.type = ADMIN_USERS_ONLY` (domain.md §1). */
const adminUserRoleNames = new Set(['Organization Admin', 'Environment Admin', 'Identity Data Admin', 'Client Application Developer']);

/**
 * Whether the application's access control lets the user sign in, and if not why: PingOne checks
 * this at the authorize step, so a user who fails it never gets a token at all.
 */
export function signInRefusal(index: DatasetIndex, application: ApiApplication, user: ApiUser): string | undefined {
  if (user.enabled === false) return 'The user is disabled.';
  const control = application.accessControl;
  if (control?.role?.type === 'ADMIN_USERS_ONLY') {
    const actor = { kind: 'user' as const, id: user.id, environmentId: '', clientId: application.id };
    const isAdmin = index.assignmentsOf(actor).some((assignment) => adminUserRoleNames.has(index.role(assignment.role.id)?.name ?? ''));
    if (!isAdmin) return 'The application admits admin users only, and the user holds none of the admin roles.';
  }
  if (control?.group !== undefined) {
    const held = new Set(user.memberOfGroupIDs ?? []);
    const wanted = control.group.groups.map((group) => group.id);
    const admitted = control.group.type === 'ALL_GROUPS' ? wanted.every((id) => held.has(id)) : wanted.some((id) => held.has(id));
    if (!admitted) return 'The user is not in the groups the application admits.';
  }
  return undefined;
}

/** A user of the application's environment, and why the application's access control turns them away, if it does. */
export interface Candidate {
  user: ApiUser;
  refusal?: string;
}

/** Everyone who could try to sign in to `application`: the users of its environment, each with any refusal. */
export function signInCandidates(index: DatasetIndex, application: ApiApplication, environment: DatasetEnvironment): Candidate[] {
  return environment.users.map((user) => {
    const refusal = signInRefusal(index, application, user);
    return refusal === undefined ? { user } : { user, refusal };
  });
}
