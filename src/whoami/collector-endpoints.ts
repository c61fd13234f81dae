import type { Area } from '../simulator/permissions.js';
import type { SnapshotKind } from '../snapshot/model.js';

/** One endpoint the collector reads (src/fetch/collect-*.ts), and the permission area it needs. */
export interface CollectorEndpoint {
  kind: SnapshotKind;
  endpoint: string;
  /** `organization` endpoints need any admin role; the others need `area` over the environment. */
  area: Area | 'organization';
}

export const collectorEndpoints: readonly CollectorEndpoint[] = [
  { kind: 'roles', endpoint: 'GET /roles', area: 'organization' },
  { kind: 'environments', endpoint: 'GET /environments/{id}', area: 'environment' },
  { kind: 'applications', endpoint: 'GET /environments/{id}/applications', area: 'applications' },
  { kind: 'applicationGrants', endpoint: 'GET /environments/{id}/applications/{id}/grants', area: 'applications' },
  { kind: 'applicationSignOnPolicyAssignments', endpoint: 'GET /environments/{id}/applications/{id}/signOnPolicyAssignments', area: 'applications' },
  { kind: 'applicationRoleAssignments', endpoint: 'GET /environments/{id}/applications/{id}/roleAssignments', area: 'applications' },
  { kind: 'signOnPolicies', endpoint: 'GET /environments/{id}/signOnPolicies', area: 'policies' },
  { kind: 'signOnPolicyActions', endpoint: 'GET /environments/{id}/signOnPolicies/{id}/actions', area: 'policies' },
  { kind: 'populations', endpoint: 'GET /environments/{id}/populations', area: 'identities' },
  { kind: 'customRoles', endpoint: 'GET /environments/{id}/roles', area: 'environment' },
  { kind: 'gateways', endpoint: 'GET /environments/{id}/gateways', area: 'gateways' },
  { kind: 'gatewayRoleAssignments', endpoint: 'GET /environments/{id}/gateways/{id}/roleAssignments', area: 'gateways' },
  { kind: 'groups', endpoint: 'GET /environments/{id}/groups', area: 'identities' },
  { kind: 'groupRoleAssignments', endpoint: 'GET /environments/{id}/groups/{id}/roleAssignments', area: 'identityRoleAssignments' },
  { kind: 'groupMembers', endpoint: 'GET /environments/{id}/users?filter=memberOfGroups[…]', area: 'identities' },
  { kind: 'users', endpoint: 'GET /environments/{id}/users', area: 'identities' },
  { kind: 'userRoleAssignments', endpoint: 'GET /environments/{id}/users/{id}/roleAssignments', area: 'identityRoleAssignments' },
];

export function endpointOfKind(kind: SnapshotKind): CollectorEndpoint | undefined {
  return collectorEndpoints.find((endpoint) => endpoint.kind === kind);
}
