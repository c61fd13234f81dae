import { areasByRoleName } from '../simulator/permissions.js';
import { collectorEndpoints, type CollectorEndpoint } from './collector-endpoints.js';
import { missingRoleReason, type AuthorizationModel } from './missing-role.js';
import type { EndpointPrediction, HeldRole } from './whoami-report.js';

export interface NamedEnvironment {
  id: string;
  name?: string;
}

function grants(role: HeldRole, endpoint: CollectorEndpoint): boolean {
  const areas = role.roleName === undefined ? [] : (areasByRoleName[role.roleName] ?? []);
  return endpoint.area === 'organization' ? areas.length > 0 : areas.includes(endpoint.area);
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

function predictOne(endpoint: CollectorEndpoint, environment: NamedEnvironment | undefined, roles: HeldRole[] | undefined, model: AuthorizationModel, organizationId: string | undefined): EndpointPrediction {
  const row = {
    kind: endpoint.kind,
    endpoint: endpoint.endpoint,
    ...(environment === undefined ? {} : { environmentId: environment.id }),
    ...(environment?.name === undefined ? {} : { environmentName: environment.name }),
  };
  if (roles === undefined) return { ...row, prediction: 'unknown', reason: 'the role assignments that apply could not be read' };
  const granting = roles.filter((role) => grants(role, endpoint) && covers(role, environment?.id, organizationId));
  if (granting.length > 0) return { ...row, prediction: 'readable', reason: granting.map(describeHeldRole).join('; ') };
  // A custom role, or a built-in one narrowed to a population or an application: PingOne's answer depends on details not modelled here.
  const uncertain = roles.filter(
    (role) =>
      (role.roleName === undefined && covers(role, environment?.id, organizationId)) ||
      (grants(role, endpoint) && (role.scope.type === 'POPULATION' || role.scope.type === 'APPLICATION')),
  );
  if (uncertain.length > 0) return { ...row, prediction: 'unknown', reason: `depends on ${uncertain.map(describeHeldRole).join('; ')}` };
  return { ...row, prediction: 'will 403', reason: missingRoleReason(endpoint.kind, environment?.id, model) };
}

/**
 * For every collector endpoint (and environment) a prediction from the roles that apply and what
 * the built-in roles read (the table the simulator enforces, from domain.md §1–2).
 */
export function predictEndpoints(roles: HeldRole[] | undefined, environments: readonly NamedEnvironment[], model: AuthorizationModel, organizationId?: string): EndpointPrediction[] {
  return collectorEndpoints.flatMap((endpoint) =>
    endpoint.area === 'organization'
      ? [predictOne(endpoint, undefined, roles, model, organizationId)]
      : environments.map((environment) => predictOne(endpoint, environment, roles, model, organizationId)),
  );
}
