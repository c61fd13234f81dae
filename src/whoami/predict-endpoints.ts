import { BUILT_IN_ROLE_READS } from '../pingone/built-in-role-reads.js';
import { collectorEndpoints, type CollectorEndpoint } from './collector-endpoints.js';
import { missingRoleReason, type AuthorizationModel } from './missing-role.js';
import type { EndpointPrediction, HeldRole } from './whoami-report.js';

export interface NamedEnvironment {
  id: string;
  name?: string;
}

/**
 * Does the role grant the read? `unknown` for a custom role, a role `/roles` did not name, a built-in
 * role the table does not know, and reads the role's documentation leaves open.
 */
function grants(role: HeldRole, endpoint: CollectorEndpoint): 'yes' | 'no' | 'unknown' {
  const documented = role.roleName === undefined ? undefined : BUILT_IN_ROLE_READS[role.roleName];
  if (documented === undefined) return 'unknown';
  // Any admin role reads the organization's built-in roles.
  if (endpoint.reads === 'organization' || documented.reads.includes(endpoint.reads)) return 'yes';
  return documented.undocumented?.includes(endpoint.reads) === true ? 'unknown' : 'no';
}

function covers(role: HeldRole, environmentId: string | undefined, organizationId: string | undefined): boolean {
  if (environmentId === undefined) return true;
  if (role.scope.type === 'ORGANIZATION') return organizationId === undefined || role.scope.id === organizationId;
  return role.scope.type === 'ENVIRONMENT' && role.scope.id === environmentId;
}

/** `Identity Data Read Only (environment Production, through group Auditors)`. */
export function describeHeldRole(role: HeldRole): string {
  const scope = `${role.scope.type.toLowerCase()} ${role.scope.name ?? role.scope.id}`;
  const via = role.via.kind === 'group' ? `, through group ${role.via.groupName ?? role.via.groupId}` : '';
  return `${role.roleName ?? `role ${role.roleId}`} (${scope}${via})`;
}

function predictOne(
  endpoint: CollectorEndpoint,
  environment: NamedEnvironment | undefined,
  roles: HeldRole[] | undefined,
  model: AuthorizationModel,
  organizationId: string | undefined,
): EndpointPrediction {
  const row = {
    kind: endpoint.kind,
    endpoint: endpoint.endpoint,
    ...(environment === undefined ? {} : { environmentId: environment.id }),
    ...(environment?.name === undefined ? {} : { environmentName: environment.name }),
  };
  if (roles === undefined) return { ...row, prediction: 'unknown', reason: 'the role assignments that apply could not be read' };
  const granting = roles.filter((role) => grants(role, endpoint) === 'yes' && covers(role, environment?.id, organizationId));
  if (granting.length > 0) return { ...row, prediction: 'readable', reason: granting.map(describeHeldRole).join('; ') };
  // A read the role's documentation leaves open, or a role narrowed below an environment (population, group, application): PingOne's answer depends on details not modelled here.
  const narrowed = (role: HeldRole) => role.scope.type !== 'ORGANIZATION' && role.scope.type !== 'ENVIRONMENT';
  const uncertain = roles.filter((role) => (grants(role, endpoint) === 'unknown' && covers(role, environment?.id, organizationId)) || (grants(role, endpoint) !== 'no' && narrowed(role)));
  if (uncertain.length > 0) return { ...row, prediction: 'unknown', reason: `depends on ${uncertain.map(describeHeldRole).join('; ')}` };
  return { ...row, prediction: 'will 403', reason: missingRoleReason(endpoint.kind, environment?.id, model) };
}

/**
 * For every collector endpoint (and environment) a prediction from the roles that apply and what
 * the built-in roles read according to Ping's role documentation (`BUILT_IN_ROLE_READS`, kept apart
 * from the simulator's own table so that a test can hold the two against each other).
 */
export function predictEndpoints(roles: HeldRole[] | undefined, environments: readonly NamedEnvironment[], model: AuthorizationModel, organizationId?: string): EndpointPrediction[] {
  return collectorEndpoints.flatMap((endpoint) =>
    endpoint.reads === 'organization'
      ? [predictOne(endpoint, undefined, roles, model, organizationId)]
      : environments.map((environment) => predictOne(endpoint, environment, roles, model, organizationId)),
  );
}
