import type { AdminReadTarget } from '../pingone/built-in-role-reads.js';
import type { SnapshotKind } from '../snapshot/model.js';

/** One endpoint the collector reads (src/fetch/collect-*.ts), and what a role must grant to read it. */
export interface CollectorEndpoint {
  kind: SnapshotKind;
  endpoint: string;
  /** `organization` endpoints need any admin role; the others need `reads` over the environment. */
  reads: AdminReadTarget | 'organization';
}

export const collectorEndpoints: readonly CollectorEndpoint[] = [
  { kind: 'roles', endpoint: 'GET /roles', reads: 'organization' },
  { kind: 'environments', endpoint: 'GET /environments/{id}', reads: 'environment' },
  { kind: 'applications', endpoint: 'GET /environments/{id}/applications', reads: 'applications' },
  { kind: 'applicationGrants', endpoint: 'GET /environments/{id}/applications/{id}/grants', reads: 'applications' },
  { kind: 'applicationSignOnPolicyAssignments', endpoint: 'GET /environments/{id}/applications/{id}/signOnPolicyAssignments', reads: 'applications' },
  { kind: 'applicationFlowPolicyAssignments', endpoint: 'GET /environments/{id}/applications/{id}/flowPolicyAssignments', reads: 'applications' },
  { kind: 'applicationRoleAssignments', endpoint: 'GET /environments/{id}/applications/{id}/roleAssignments', reads: 'applications' },
  { kind: 'signOnPolicies', endpoint: 'GET /environments/{id}/signOnPolicies', reads: 'signOnPolicies' },
  { kind: 'signOnPolicyActions', endpoint: 'GET /environments/{id}/signOnPolicies/{id}/actions', reads: 'signOnPolicies' },
  { kind: 'populations', endpoint: 'GET /environments/{id}/populations', reads: 'populations' },
  { kind: 'customRoles', endpoint: 'GET /environments/{id}/roles', reads: 'customRoles' },
  { kind: 'gateways', endpoint: 'GET /environments/{id}/gateways', reads: 'gateways' },
  { kind: 'gatewayRoleAssignments', endpoint: 'GET /environments/{id}/gateways/{id}/roleAssignments', reads: 'gateways' },
  { kind: 'groups', endpoint: 'GET /environments/{id}/groups', reads: 'groups' },
  { kind: 'groupRoleAssignments', endpoint: 'GET /environments/{id}/groups/{id}/roleAssignments', reads: 'roleAssignments' },
  { kind: 'groupMembers', endpoint: 'GET /environments/{id}/users?filter=memberOfGroups[…]', reads: 'users' },
  { kind: 'users', endpoint: 'GET /environments/{id}/users', reads: 'users' },
  { kind: 'userRoleAssignments', endpoint: 'GET /environments/{id}/users/{id}/roleAssignments', reads: 'roleAssignments' },
  { kind: 'passwordPolicies', endpoint: 'GET /environments/{id}/passwordPolicies', reads: 'authenticationPolicies' },
  { kind: 'deviceAuthenticationPolicies', endpoint: 'GET /environments/{id}/deviceAuthenticationPolicies', reads: 'authenticationPolicies' },
  { kind: 'fido2Policies', endpoint: 'GET /environments/{id}/fido2Policies', reads: 'authenticationPolicies' },
  { kind: 'identityProviders', endpoint: 'GET /environments/{id}/identityProviders', reads: 'identityProviders' },
  { kind: 'resources', endpoint: 'GET /environments/{id}/resources', reads: 'applications' },
  { kind: 'resourceScopes', endpoint: 'GET /environments/{id}/resources/{id}/scopes', reads: 'applications' },
  { kind: 'keys', endpoint: 'GET /environments/{id}/keys', reads: 'keys' },
  { kind: 'certificates', endpoint: 'GET /environments/{id}/certificates', reads: 'keys' },
  { kind: 'subscriptions', endpoint: 'GET /environments/{id}/subscriptions', reads: 'subscriptions' },
  { kind: 'customDomains', endpoint: 'GET /environments/{id}/customDomains', reads: 'customDomains' },
];

export function endpointOfKind(kind: SnapshotKind): CollectorEndpoint | undefined {
  return collectorEndpoints.find((endpoint) => endpoint.kind === kind);
}
