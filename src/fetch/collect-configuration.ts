import type { Gateway, Population, Role, RoleAssignment, SignOnPolicy, SignOnPolicyAction } from '../snapshot/model.js';
import { apiPath } from './api-path.js';
import { attachChildren, failDependents, readChildren, readCollection, type CollectContext } from './collect-context.js';

/** Sign-on policies, each with its actions. */
export async function collectSignOnPolicies(context: CollectContext, environmentId: string): Promise<SignOnPolicy[]> {
  const policies = await readCollection<SignOnPolicy>(context, 'signOnPolicies', environmentId, () => apiPath`/environments/${environmentId}/signOnPolicies`, 'signOnPolicies');
  if (policies === undefined) {
    failDependents(context, ['signOnPolicyActions'], environmentId, 'sign-on policies');
    return [];
  }
  const actions = await readChildren<SignOnPolicy, SignOnPolicyAction>(
    context,
    'signOnPolicyActions',
    environmentId,
    policies,
    (policy) => apiPath`/environments/${environmentId}/signOnPolicies/${policy.id}/actions`,
    'actions',
  );
  context.progress({ phase: 'signOnPolicies', environmentId, done: policies.length, total: policies.length });
  return attachChildren(policies, 'actions', actions);
}

/** The environment's populations. */
export async function collectPopulations(context: CollectContext, environmentId: string): Promise<Population[]> {
  const populations = await readCollection<Population>(context, 'populations', environmentId, () => apiPath`/environments/${environmentId}/populations`, 'populations');
  context.progress({ phase: 'populations', environmentId, done: populations?.length ?? 0 });
  return populations ?? [];
}

/** Custom admin roles: the environment's role list also repeats the built-ins, which `/roles` already gave. */
export async function collectCustomRoles(context: CollectContext, environmentId: string): Promise<Role[]> {
  const roles = await readCollection<Role>(context, 'customRoles', environmentId, () => apiPath`/environments/${environmentId}/roles`, 'roles');
  const custom = (roles ?? []).filter((role) => role.type === 'CUSTOM');
  context.progress({ phase: 'customRoles', environmentId, done: custom.length });
  return custom;
}

/** Gateways (a PingFederate connection holds admin roles through one) with their role assignments. */
export async function collectGateways(context: CollectContext, environmentId: string): Promise<Gateway[]> {
  const gateways = await readCollection<Gateway>(context, 'gateways', environmentId, () => apiPath`/environments/${environmentId}/gateways`, 'gateways');
  if (gateways === undefined) {
    failDependents(context, ['gatewayRoleAssignments'], environmentId, 'gateways');
    return [];
  }
  const roles = await readChildren<Gateway, RoleAssignment>(
    context,
    'gatewayRoleAssignments',
    environmentId,
    gateways,
    (gateway) => apiPath`/environments/${environmentId}/gateways/${gateway.id}/roleAssignments`,
    'roleAssignments',
  );
  context.progress({ phase: 'gateways', environmentId, done: gateways.length, total: gateways.length });
  return attachChildren(gateways, 'roleAssignments', roles);
}

/** A built-in roles list for the organization: `GET /roles`. */
export async function collectBuiltInRoles(context: CollectContext): Promise<Role[]> {
  const roles = await readCollection<Role>(context, 'roles', undefined, '/roles', 'roles');
  context.progress({ phase: 'roles', done: roles?.length ?? 0 });
  return roles ?? [];
}
