import { ApiError, apiPath, getAll, type ApiClient } from '../fetch/index.js';
import type { RoleAssignment, SnapshotKind } from '../snapshot/model.js';
import { countMismatchNote } from '../snapshot/count-mismatch-note.js';
import { missingRoleReason, type AuthorizationModel } from './missing-role.js';
import type { HeldRole } from './whoami-report.js';

/** Reads that may fail without ending `whoami`: each failure becomes a problem line instead. */
export interface Reader {
  client: Pick<ApiClient, 'get' | 'apiUrl'>;
  problems: string[];
  /** HTTP status of each failed read, by `what`. */
  failures: Map<string, number | undefined>;
  /** The collector's note for each list read to its end with another number of items than its own `count`. */
  warnings: string[];
  /** Paging options for every list read: a list that ends short of its `count` is noted in {@link warnings}, as the collector notes it. */
  listOptions: { onCountMismatch(mismatch: { path: string; returned: number; count: number }): void };
  /**
   * The answer, or undefined after noting why there is none; a 403 on a read the collector also
   * makes (`as`) names the missing role, as the scan would.
   */
  attempt<T>(what: string, read: () => Promise<T>, as?: { kind: SnapshotKind; environmentId?: string }): Promise<T | undefined>;
}

export function createReader(client: Pick<ApiClient, 'get' | 'apiUrl'>, model: AuthorizationModel): Reader {
  const problems: string[] = [];
  const failures = new Map<string, number | undefined>();
  const warnings: string[] = [];
  return {
    client,
    problems,
    failures,
    warnings,
    listOptions: { onCountMismatch: (mismatch) => warnings.push(countMismatchNote(mismatch)) },
    async attempt(what, read, as) {
      try {
        return await read();
      } catch (error) {
        if (!(error instanceof ApiError) || error.status === 401) throw error;
        failures.set(what, error.status);
        const missing = error.status === 403 && as !== undefined ? `; ${missingRoleReason(as.kind, as.environmentId, model)}` : '';
        problems.push(`cannot read ${what}: ${error.summary}${missing}`);
        return undefined;
      }
    },
  };
}

const toHeld = (assignment: RoleAssignment, via: HeldRole['via']): HeldRole => ({
  roleId: assignment.role.id,
  scope: { type: assignment.scope.type, id: assignment.scope.id },
  via,
});

/** The worker application's own role assignments. */
export async function readApplicationRoles(reader: Reader, environmentId: string, clientId: string): Promise<HeldRole[] | undefined> {
  const path = () => apiPath`/environments/${environmentId}/applications/${clientId}/roleAssignments`;
  const assignments = await reader.attempt(`the application's role assignments`, () => getAll<RoleAssignment>(reader.client, path(), 'roleAssignments', reader.listOptions), {
    kind: 'applicationRoleAssignments',
    environmentId,
  });
  return assignments?.map((assignment) => toHeld(assignment, { kind: 'direct' }));
}

/** A user's roles: direct, and through each group the user belongs to; undefined when any of it is unreadable. */
export async function readUserRoles(reader: Reader, environmentId: string, userId: string): Promise<{ roles?: HeldRole[]; username?: string }> {
  // Built inside each read: an id apiPath refuses is then a failed read, like any other.
  const base = () => apiPath`/environments/${environmentId}/users/${userId}`;
  const user = (await reader.attempt('the signed-in user', () => reader.client.get(`${base()}?include=memberOfGroupIDs`), { kind: 'users', environmentId })) as
    | { username?: string; memberOfGroupIDs?: string[] }
    | undefined;
  const direct = await reader.attempt(`the user's role assignments`, () => getAll<RoleAssignment>(reader.client, `${base()}/roleAssignments`, 'roleAssignments', reader.listOptions), {
    kind: 'userRoleAssignments',
    environmentId,
  });
  const result: { roles?: HeldRole[]; username?: string } = {};
  if (typeof user?.username === 'string') result.username = user.username;
  if (direct === undefined || user === undefined) return result;
  const roles = direct.map((assignment) => toHeld(assignment, { kind: 'direct' }));
  for (const groupId of user.memberOfGroupIDs ?? []) {
    const groupBase = () => apiPath`/environments/${environmentId}/groups/${groupId}`;
    const held = await reader.attempt(
      `the role assignments of group ${groupId}`,
      () => getAll<RoleAssignment>(reader.client, `${groupBase()}/roleAssignments`, 'roleAssignments', reader.listOptions),
      {
        kind: 'groupRoleAssignments',
        environmentId,
      },
    );
    if (held === undefined) return result;
    if (held.length === 0) continue;
    const group = (await reader.attempt(`group ${groupId}`, () => reader.client.get(groupBase()))) as { name?: string } | undefined;
    const via: HeldRole['via'] = typeof group?.name === 'string' ? { kind: 'group', groupId, groupName: group.name } : { kind: 'group', groupId };
    for (const assignment of held) roles.push(toHeld(assignment, via));
  }
  result.roles = roles;
  return result;
}
