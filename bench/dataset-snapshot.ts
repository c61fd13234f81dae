import type { Dataset, DatasetEnvironment } from '../src/simulator/index.js';
import { expectedKinds } from '../src/snapshot/collection-coverage.js';
import { SNAPSHOT_SCHEMA_VERSION, type CollectionEntry, type EnvironmentSnapshot, type IdRef, type RoleAssignment, type Snapshot } from '../src/snapshot/model.js';

/**
 * A complete snapshot of a dataset as if every user had been collected: the engine's worst case
 * (the collector itself keeps admin users only). Built without the network, for the engine
 * benchmark; it reuses (and so changes) the dataset's objects, so that memory holds one copy.
 */
export function datasetSnapshot(dataset: Dataset): Snapshot {
  const environments = dataset.environments.map(environmentSnapshot);
  const entries = expectedKinds(environments.map((env) => env.environment.id)).map((expected): CollectionEntry => ({ ...expected, status: 'complete' }));
  return {
    manifest: {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      tool: { name: 'pingone-audit', version: 'bench' },
      createdAt: '2024-01-01T00:00:00.000Z',
      organization: { id: dataset.organization.id },
      environmentIds: environments.map((env) => env.environment.id),
      collection: { complete: true, entries },
    },
    roles: dataset.roles,
    environments,
  };
}

function environmentSnapshot(env: DatasetEnvironment): EnvironmentSnapshot {
  const byParent = <T extends object>(items: readonly T[], field: string) => {
    const children = new Map<string, T[]>();
    for (const item of items) {
      const parent = ((item as Record<string, unknown>)[field] as IdRef | undefined)?.id;
      if (parent === undefined) continue;
      const siblings = children.get(parent);
      if (siblings === undefined) children.set(parent, [item]);
      else siblings.push(item);
    }
    return (id: string) => children.get(id) ?? [];
  };
  const grants = byParent(env.grants, 'application');
  const policyAssignments = byParent(env.signOnPolicyAssignments, 'application');
  const flowAssignments = byParent(env.flowPolicyAssignments, 'application');
  const actions = byParent(env.signOnPolicyActions, 'signOnPolicy');
  const scopes = byParent(env.resourceScopes, 'resource');
  const held = (field: keyof RoleAssignment) => byParent<RoleAssignment>(env.roleAssignments, field);
  const [appRoles, userRoles, groupRoles, gatewayRoles] = [held('application'), held('user'), held('group'), held('gateway')];
  return {
    environment: env.environment,
    applications: env.applications.map((app) =>
      Object.assign(app, {
        _embedded: {
          grants: grants(app.id),
          signOnPolicyAssignments: policyAssignments(app.id),
          flowPolicyAssignments: flowAssignments(app.id),
          ...(app.type === 'WORKER' ? { roleAssignments: appRoles(app.id) } : {}),
        },
      }),
    ),
    users: env.users.map((user) => Object.assign(user, { _embedded: { roleAssignments: userRoles(user.id) } })),
    groups: env.groups.map((group) => Object.assign(group, { _embedded: { roleAssignments: groupRoles(group.id) } })),
    populations: env.populations,
    signOnPolicies: env.signOnPolicies.map((policy) => Object.assign(policy, { _embedded: { actions: actions(policy.id) } })),
    roles: env.customRoles,
    gateways: env.gateways.map((gateway) => Object.assign(gateway, { _embedded: { roleAssignments: gatewayRoles(gateway.id) } })),
    passwordPolicies: env.passwordPolicies,
    deviceAuthenticationPolicies: env.deviceAuthenticationPolicies,
    fido2Policies: env.fido2Policies,
    identityProviders: env.identityProviders,
    resources: env.resources.map((resource) => Object.assign(resource, { _embedded: { scopes: scopes(resource.id) } })),
    keys: env.keys,
    certificates: env.certificates,
    subscriptions: env.subscriptions,
    customDomains: env.customDomains,
  };
}
