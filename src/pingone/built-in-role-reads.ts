/**
 * What the collector reads, grouped the way Ping's role pages group permissions: the environment
 * record, its custom roles, applications (with their grants, sign-on policy and role assignments),
 * sign-on policies (with their actions), gateways (with their role assignments), populations, groups,
 * users, the role assignments of users and groups, password and MFA (device authentication, FIDO)
 * policies, external identity providers, keys and certificates, webhooks (subscriptions) and custom
 * domains. Resources and their scopes are read with applications.
 */
export type AdminReadTarget =
  | 'environment'
  | 'customRoles'
  | 'applications'
  | 'signOnPolicies'
  | 'gateways'
  | 'populations'
  | 'groups'
  | 'users'
  | 'roleAssignments'
  | 'authenticationPolicies'
  | 'identityProviders'
  | 'keys'
  | 'subscriptions'
  | 'customDomains';

/** A built-in role's reads: those Ping documents it grants, and those its documentation leaves open. */
export interface BuiltInRoleReads {
  reads: readonly AdminReadTarget[];
  /** Neither granted nor denied by the documentation: `whoami` predicts these as unknown, never as readable or 403. */
  undocumented?: readonly AdminReadTarget[];
}

const everyRead: readonly AdminReadTarget[] = [
  'environment',
  'customRoles',
  'applications',
  'signOnPolicies',
  'gateways',
  'populations',
  'groups',
  'users',
  'roleAssignments',
  'authenticationPolicies',
  'identityProviders',
  'keys',
  'subscriptions',
  'customDomains',
];
// Password, MFA and FIDO policies, identity providers, keys and certificates, webhooks and custom domains are environment
// configuration: Environment Admin and its read-only twin.
const configuration: readonly AdminReadTarget[] = [
  'environment',
  'customRoles',
  'applications',
  'signOnPolicies',
  'gateways',
  'authenticationPolicies',
  'identityProviders',
  'keys',
  'subscriptions',
  'customDomains',
];
const identityData: readonly AdminReadTarget[] = ['populations', 'groups', 'users', 'roleAssignments', 'applications'];

/**
 * The built-in admin roles by the `name` `/roles` answers with (ids differ per tenant). Written from
 * Ping's pages, not from any other table in this project: "Built-in Admin Roles" and "PingOne Role
 * Permissions" (developer.pingidentity.com/pingone-api/platform/reference/roles-and-permissions-in-pingone),
 * and docs.pingidentity.com "Roles". Organization Admin's permissions are organization-level (environments,
 * licences, custom roles) and reach nothing inside an environment, which is why PingOne also gives an
 * environment's creator Environment Admin there. Configuration Read Only is the read-only Environment
 * Admin for configuration, the identity-data pair covers users, groups and populations (StackOne's worker
 * guide adds applications), Client Application Developer manages applications, Application Owner only
 * the applications it is scoped to, Help Desk Admin users. A role missing here (DaVinci Admin, Custom
 * Roles Admin, one Ping adds later) is predicted as unknown.
 */
export const BUILT_IN_ROLE_READS: Readonly<Record<string, BuiltInRoleReads>> = {
  'Organization Admin': { reads: ['environment', 'customRoles'] },
  'Environment Admin': { reads: everyRead },
  'Configuration Read Only': { reads: configuration },
  'Identity Data Admin': { reads: identityData, undocumented: ['environment', 'customRoles'] },
  'Identity Data Read Only': { reads: identityData, undocumented: ['environment', 'customRoles'] },
  'Client Application Developer': { reads: ['applications'], undocumented: ['environment', 'customRoles'] },
  'Application Owner': { reads: ['applications'] },
  'Help Desk Admin': { reads: ['users'], undocumented: ['environment', 'groups', 'populations'] },
};

/** The least-privilege read-only built-in role for each read (never a write role). */
export const LEAST_ROLE_FOR_READ: Readonly<Record<AdminReadTarget | 'organization', string>> = {
  organization: 'Configuration Read Only',
  environment: 'Configuration Read Only',
  customRoles: 'Configuration Read Only',
  applications: 'Configuration Read Only',
  signOnPolicies: 'Configuration Read Only',
  gateways: 'Configuration Read Only',
  authenticationPolicies: 'Configuration Read Only',
  identityProviders: 'Configuration Read Only',
  keys: 'Configuration Read Only',
  subscriptions: 'Configuration Read Only',
  customDomains: 'Configuration Read Only',
  populations: 'Identity Data Read Only',
  groups: 'Identity Data Read Only',
  users: 'Identity Data Read Only',
  roleAssignments: 'Identity Data Read Only',
};
