import type { Group, RoleAssignment, User } from '../snapshot/model.js';
import { apiPath } from './api-path.js';
import { attachChildren, failDependents, listOptions, readChildren, readCollection, withoutLinks, type CollectContext } from './collect-context.js';
import { createSemaphore } from './concurrency.js';
import { forEachPage } from './paging.js';

// The largest page PingOne accepts for users and groups (it may still answer with fewer).
const largestPage = 1000;

/**
 * Groups with their role assignments, and the environment's admin users: those holding a role
 * directly or through a group. Every user is listed and asked for direct assignments (there is no
 * role filter on `/users`), but only admins are kept: a committed snapshot must not copy the directory.
 */
export async function collectActors(context: CollectContext, environmentId: string, maxUsers: number | undefined): Promise<{ users: User[]; groups: Group[] }> {
  const [{ groups, members }, scan] = await Promise.all([collectGroups(context, environmentId), scanUsers(context, environmentId, maxUsers)]);
  const admins = new Map(scan.admins);
  const groupIds = new Map<string, string[]>();
  for (const [groupId, groupMembers] of members) {
    for (const member of groupMembers) {
      groupIds.set(member.id, [...(groupIds.get(member.id) ?? []), groupId]);
      // Absent `_embedded` means "direct assignments not read" (the scan stopped short of this user or failed on it).
      if (!admins.has(member.id)) admins.set(member.id, scan.scanned.has(member.id) ? { ...member, _embedded: { roleAssignments: [] } } : member);
    }
  }
  // Memberships come only from the admin groups read here, so they never name a group outside the snapshot.
  for (const [id, user] of admins) {
    const { memberOfGroupIDs: _fromApi, memberOfGroupNames: _names, ...rest } = user;
    const memberships = groupIds.get(id);
    admins.set(id, memberships === undefined ? rest : { ...rest, memberOfGroupIDs: memberships.sort() });
  }
  const users = [...admins.values()].sort((a, b) => a.id.localeCompare(b.id));
  context.recorder.note(`Environment ${environmentId}: ${scan.scanned.size} users scanned for direct role assignments; ${users.length} admin users kept.`);
  return { users, groups };
}

async function collectGroups(context: CollectContext, environmentId: string): Promise<{ groups: Group[]; members: Map<string, User[]> }> {
  const groups = await readCollection<Group>(context, 'groups', environmentId, () => apiPath`/environments/${environmentId}/groups`, 'groups', { limit: largestPage });
  if (groups === undefined) {
    failDependents(context, ['groupRoleAssignments', 'groupMembers'], environmentId, 'groups');
    return { groups: [], members: new Map() };
  }
  const roles = await readChildren<Group, RoleAssignment>(
    context,
    'groupRoleAssignments',
    environmentId,
    groups,
    (group) => apiPath`/environments/${environmentId}/groups/${group.id}/roleAssignments`,
    'roleAssignments',
    { parentType: 'group' },
  );
  // Members are read only for groups that hold a role: unknown for a group whose roles are unknown.
  for (const group of groups.filter((candidate) => !roles.has(candidate.id))) {
    const error = 'not collected for a group whose role assignments could not be read';
    context.recorder.fail('groupMembers', environmentId, { error, resource: { type: 'group', id: group.id } });
  }
  // Only members of groups that hold a role are admins; other groups' members are never read.
  const adminGroups = groups.filter((group) => (roles.get(group.id)?.length ?? 0) > 0);
  const members = await readChildren<Group, User>(
    context,
    'groupMembers',
    environmentId,
    adminGroups,
    (group) => `${apiPath`/environments/${environmentId}/users`}?filter=${encodeURIComponent(`memberOfGroups[id eq ${JSON.stringify(group.id)}]`)}`,
    'users',
    { limit: largestPage },
  );
  context.progress({ phase: 'groups', environmentId, done: groups.length, total: groups.length });
  return { groups: attachChildren(groups, 'roleAssignments', roles), members };
}

async function scanUsers(context: CollectContext, environmentId: string, maxUsers: number | undefined) {
  const scanned = new Set<string>();
  const admins = new Map<string, User>();
  let read = 0;
  let capped = false;
  const reads = createSemaphore(context.parallel);
  const pending = new Set<Promise<void>>();
  let fatal: { error: unknown } | undefined;
  const readRoles = async (user: User) => {
    const path = () => apiPath`/environments/${environmentId}/users/${user.id}/roleAssignments`;
    const assignments = await readCollection<RoleAssignment>(context, 'userRoleAssignments', environmentId, path, 'roleAssignments', {}, { type: 'user', id: user.id });
    if (assignments === undefined) return;
    scanned.add(user.id);
    if (assignments.length > 0) admins.set(user.id, { ...user, _embedded: { roleAssignments: assignments } });
  };
  const listed = await context.recorder.attempt('users', environmentId, async () => {
    const result = await forEachPage<unknown>(
      context.client,
      apiPath`/environments/${environmentId}/users`,
      'users',
      async (page) => {
        const batch = page.map((item) => withoutLinks<User>(item));
        for (const user of batch) {
          const task: Promise<void> = reads
            .run(() => readRoles(user))
            .catch((error: unknown) => void (fatal ??= { error }))
            .finally(() => pending.delete(task));
          pending.add(task);
        }
        read += batch.length;
        context.progress({ phase: 'users', environmentId, done: read });
        // The list reads one page ahead of the per-user reads, no further: memory stays at two pages.
        while (pending.size > batch.length && fatal === undefined) await Promise.race(pending);
        if (fatal !== undefined) throw fatal.error;
      },
      // Each page asks for no more users than the cap leaves: a page read past --max-users would be users listed for
      // nothing, and past --max-list-items (which may equal the cap) it would fail the scan.
      listOptions(context, maxUsers === undefined ? { limit: largestPage } : { limit: largestPage, maxItems: maxUsers }),
    );
    capped = result.cut;
    await Promise.all(pending);
    return result;
  });
  await Promise.all(pending);
  if (fatal !== undefined) throw fatal.error;
  context.recorder.touch('userRoleAssignments', environmentId);
  if (listed === undefined) {
    context.recorder.fail('userRoleAssignments', environmentId, { error: 'not collected for every user: the users list could not be read to the end' });
  }
  if (capped) {
    const error = `only the first ${maxUsers} users were scanned for direct role assignments (maxUsers); the others were not read: raise or remove the cap`;
    context.recorder.fail('userRoleAssignments', environmentId, { path: `/environments/${environmentId}/users`, error });
    context.recorder.note(`Environment ${environmentId}: ${error}.`);
  }
  return { scanned, admins };
}
