import { describe, expect, it } from 'vitest';
import { buildSnapshotIndex } from '../../src/snapshot/index-builder.js';
import { ADMIN_ENV_ID, ORG_ID, PROD_ENV_ID, assignment, buildSnapshot, group, roleId, user, workerApp } from '../helpers/snapshot-builder.js';

const envAdmin = assignment('Environment Admin');
const idaViaGroup = assignment('Identity Data Admin');
const customRole = { id: 'role-custom', name: 'Integration Operator', type: 'CUSTOM' as const };

const alice = user({ id: 'user-alice', username: 'alice', memberOfGroupIDs: ['group-ops'], _embedded: { roleAssignments: [envAdmin] } });
const bob = user({ id: 'user-bob', username: 'bob', memberOfGroupIDs: ['group-ops', 'group-missing'], _embedded: { roleAssignments: [] } });
const carol = user({ id: 'user-carol', username: 'carol', _embedded: { roleAssignments: [] } });

const snapshot = buildSnapshot({
  environments: [
    {
      id: ADMIN_ENV_ID,
      name: 'Administrators',
      users: [alice, bob, carol],
      groups: [group({ id: 'group-ops', name: 'Ops', _embedded: { roleAssignments: [idaViaGroup] } })],
      populations: [{ id: 'pop-admins', name: 'Admins' }],
      applications: [workerApp(), workerApp({ id: 'app-bare', _embedded: { roleAssignments: [] } })],
      gateways: [{ id: 'gw-1', name: 'PingFederate', type: 'PING_FEDERATE', _embedded: { roleAssignments: [assignment('Identity Data Admin')] } }],
    },
    { id: PROD_ENV_ID, roles: [customRole] },
  ],
});
const index = buildSnapshotIndex(snapshot);

describe('buildSnapshotIndex', () => {
  it('joins a user’s direct roles and those of its groups, saying how each was obtained', () => {
    const roles = index.userRoles(ADMIN_ENV_ID, alice);
    expect(roles.map((r) => [r.role?.name, r.via])).toEqual([
      ['Environment Admin', { kind: 'direct' }],
      ['Identity Data Admin', { kind: 'group', groupId: 'group-ops', groupName: 'Ops' }],
    ]);
    expect(roles[1]?.assignment).toBe(idaViaGroup);
  });

  it('skips a membership of a group the snapshot does not hold, and looks groups up per environment', () => {
    expect(index.userRoles(ADMIN_ENV_ID, bob).map((r) => r.via)).toEqual([{ kind: 'group', groupId: 'group-ops', groupName: 'Ops' }]);
    expect(index.userRoles(PROD_ENV_ID, bob)).toEqual([]);
    expect(index.group(ADMIN_ENV_ID, 'group-ops')?.name).toBe('Ops');
    expect(index.group(PROD_ENV_ID, 'group-ops')).toBeUndefined();
  });

  it('resolves a role holder’s roles once, shared by every rule that asks, and a group’s roles once for all its members', () => {
    expect(index.userRoles(ADMIN_ENV_ID, alice)).toBe(index.userRoles(ADMIN_ENV_ID, alice));
    expect(index.userRoles(ADMIN_ENV_ID, alice)[1]).toBe(index.userRoles(ADMIN_ENV_ID, bob)[0]);
    expect(index.userRoles(ADMIN_ENV_ID, carol)).toEqual([]);
    expect(index.adminActors().find((actor) => actor.actor === alice)?.roles).toBe(index.userRoles(ADMIN_ENV_ID, alice));
  });

  it('lists the role holders of an environment in user order, and the users whose role data was not collected', () => {
    expect([...index.roleHolders(ADMIN_ENV_ID)].map(([holder, roles]) => [holder.id, roles])).toEqual([
      ['user-alice', index.userRoles(ADMIN_ENV_ID, alice)],
      ['user-bob', index.userRoles(ADMIN_ENV_ID, bob)],
    ]);
    expect(index.roleHolders(PROD_ENV_ID).size).toBe(0);
    // bob belongs to a group the snapshot does not hold: its roles are unknown.
    expect(index.rolesUncollected(ADMIN_ENV_ID)).toEqual([bob]);
    const unread = user({ id: 'user-unread', _embedded: {} });
    const other = buildSnapshotIndex(buildSnapshot({ environments: [{ id: PROD_ENV_ID, users: [carol, unread] }] }));
    expect(other.rolesUncollected(PROD_ENV_ID)).toEqual([unread]);
    expect(other.roleHolders(PROD_ENV_ID).size).toBe(0);
  });

  it('lists the members of a group from the users’ memberships', () => {
    expect(index.groupMembers(ADMIN_ENV_ID, 'group-ops').map((u) => u.id)).toEqual(['user-alice', 'user-bob']);
    expect(index.groupMembers(ADMIN_ENV_ID, 'group-none')).toEqual([]);
  });

  it('collects every user, app and gateway holding a role, and nobody else', () => {
    const actors = index.adminActors().map((actor) => [actor.kind, actor.actor.id, actor.roles.length]);
    expect(actors).toEqual([
      ['user', 'user-alice', 2],
      ['user', 'user-bob', 1],
      ['application', 'app-worker', 1],
      ['gateway', 'gw-1', 1],
    ]);
    expect(index.adminActors()).toBe(index.adminActors());
  });

  it('resolves built-in roles by id and name, and custom roles by id', () => {
    expect(index.role(roleId('Identity Data Admin'))?.name).toBe('Identity Data Admin');
    expect(index.roleByName('Environment Admin')?.id).toBe(roleId('Environment Admin'));
    expect(index.role('role-custom')).toEqual(customRole);
    expect(index.roleByName('Integration Operator')).toBeUndefined();
    expect(index.role('role-nope')).toBeUndefined();
  });

  it('knows the organization, environments and where populations live', () => {
    expect(index.organizationId).toBe(ORG_ID);
    expect(index.environment(PROD_ENV_ID)?.environment.name).toBe('Production');
    expect(index.environment('env-nope')).toBeUndefined();
    expect(index.populationEnvironment('pop-admins')).toBe(ADMIN_ENV_ID);
    expect(index.populationEnvironment('pop-nope')).toBeUndefined();
  });

  it('marks a role assignment whose role is not in the snapshot as unresolved', () => {
    const stray = user({ _embedded: { roleAssignments: [{ id: 'ra-x', role: { id: 'role-gone' }, scope: { type: 'ENVIRONMENT', id: PROD_ENV_ID } }] } });
    expect(index.userRoles(PROD_ENV_ID, stray)[0]?.role).toBeUndefined();
  });
});
