import type { SnapshotKind } from '../../snapshot/model.js';

/**
 * The provider resource types (`pingidentity/pingone` v1.x, `docs/resources/<name>.md`) that declare
 * each environment kind of the snapshot, the current name first. A kind none of them declares in an
 * environment is outside the configuration's scope there: it may exist in the tenant, managed by hand
 * or by another configuration, so "none" cannot be judged.
 */
export const DECLARED_BY: Readonly<Partial<Record<SnapshotKind, readonly string[]>>> = {
  applications: ['pingone_application'],
  applicationGrants: ['pingone_application_resource_grant'],
  applicationSignOnPolicyAssignments: ['pingone_application_sign_on_policy_assignment'],
  applicationFlowPolicyAssignments: ['pingone_application_flow_policy_assignment'],
  applicationRoleAssignments: ['pingone_application_role_assignment'],
  groups: ['pingone_group'],
  groupRoleAssignments: ['pingone_group_role_assignment'],
  populations: ['pingone_population'],
  signOnPolicies: ['pingone_sign_on_policy'],
  signOnPolicyActions: ['pingone_sign_on_policy_action'],
  customRoles: ['pingone_custom_role'],
  gateways: ['pingone_gateway'],
  gatewayRoleAssignments: ['pingone_gateway_role_assignment'],
  passwordPolicies: ['pingone_password_policy'],
  deviceAuthenticationPolicies: ['pingone_mfa_device_policy', 'pingone_mfa_device_policy_default'],
  fido2Policies: ['pingone_mfa_fido2_policy'],
  identityProviders: ['pingone_identity_provider'],
  resources: ['pingone_resource'],
  resourceScopes: ['pingone_resource_scope'],
  keys: ['pingone_key'],
  certificates: ['pingone_certificate'],
  subscriptions: ['pingone_webhook'],
  customDomains: ['pingone_custom_domain'],
};

/**
 * Kinds whose resources the rules judge each on its own (a gateway's roles, a key's length, a
 * webhook's destination): when the configuration declares none, the rules' findings on the rest
 * stand, they just cannot pass. For every other kind "none declared" would be judged as absence
 * (an app without a sign-on policy assignment, an MFA step without its MFA policy), so the rules
 * that read it are not evaluated.
 */
export const SUBJECT_KINDS: ReadonlySet<SnapshotKind> = new Set<SnapshotKind>([
  'applications',
  'gateways',
  'gatewayRoleAssignments',
  'keys',
  'certificates',
  'customDomains',
  'subscriptions',
  'resources',
  'identityProviders',
]);

/**
 * Kinds a configuration manages together: one of them declared in an environment means the
 * configuration owns that part of it (its sign-on setup, its role assignments), so the others
 * declared nothing of are truly none there (no flow policy assignment: the apps sign in through
 * their sign-on policies), not "managed elsewhere".
 */
export const KIND_FAMILIES: readonly (readonly SnapshotKind[])[] = [
  ['applicationSignOnPolicyAssignments', 'applicationFlowPolicyAssignments', 'signOnPolicies', 'signOnPolicyActions'],
  ['applicationRoleAssignments', 'groupRoleAssignments', 'gatewayRoleAssignments'],
  ['passwordPolicies', 'populations'],
  ['resources', 'resourceScopes', 'applicationGrants'],
  ['keys', 'certificates'],
];

/**
 * Kinds that live only in the tenant: Terraform configuration rarely declares every user, and
 * never their sign-ins or memberships, so the rules that read them (the 403 trap of
 * admin-role-missing, dormant admins) are out of scope without a live snapshot.
 */
export const TENANT_ONLY_KINDS: readonly SnapshotKind[] = ['users', 'userRoleAssignments', 'groupMembers'];
