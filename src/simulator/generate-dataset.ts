import type { ApiApplication, ApiGroup, ApiRoleAssignment, ApiScopeType, ApiUser } from './api-types.js';
import type { Dataset, DatasetCredential, DatasetEnvironment } from './dataset.js';
import { loadDataset } from './load-dataset.js';
import { seededRandom, seededUuid } from './seeded-random.js';

/** The size and shape of a generated dataset (for benchmarks and large-tenant tests). */
export interface GenerateDatasetOptions {
  environments: number;
  appsPerEnvironment: number;
  usersPerEnvironment: number;
  /** Groups per environment; the first one holds Environment Admin (at least 1). */
  groupsPerEnvironment: number;
  /** Share of users (0–1) holding an admin role: half through the admin group, half directly. */
  adminShare: number;
  seed: number;
}

/** The secret of the generated auditor worker; the same for every generated dataset. */
export const generatedAuditorSecret = 'generated-dataset-auditor-secret-not-for-production';

const timestamp = '2024-01-01T00:00:00.000Z';

/** ApiApplication shapes cycled through, so every environment has workers, web apps and SPAs. */
const applicationTemplates: Array<Omit<ApiApplication, 'id' | 'name' | 'enabled' | 'protocol'>> = [
  { type: 'WORKER', grantTypes: ['CLIENT_CREDENTIALS'], tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC' },
  {
    type: 'WEB_APP',
    grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
    responseTypes: ['CODE'],
    pkceEnforcement: 'S256_REQUIRED',
    tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
    refreshTokenType: 'OPAQUE_TOKEN',
    refreshTokenDuration: 2592000,
    refreshTokenRollingDuration: 15552000,
  },
  { type: 'SINGLE_PAGE_APP', grantTypes: ['AUTHORIZATION_CODE'], responseTypes: ['CODE'], pkceEnforcement: 'S256_REQUIRED', tokenEndpointAuthMethod: 'NONE' },
  {
    type: 'WORKER',
    grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
    responseTypes: ['CODE'],
    pkceEnforcement: 'OPTIONAL',
    tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
    refreshTokenType: 'JSON_WEB_TOKEN',
    accessControl: { role: { type: 'ADMIN_USERS_ONLY' } },
  },
  { type: 'NATIVE_APP', grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'], responseTypes: ['CODE'], pkceEnforcement: 'OPTIONAL', tokenEndpointAuthMethod: 'NONE' },
];

/**
 * A deterministic organization of any size for benchmarks and soak tests. The first environment
 * holds the auditor worker `pingone-audit` (Configuration Read Only + Identity Data Read Only on
 * every environment); its credentials are in `credentials`.
 */
export function generateDataset(options: GenerateDatasetOptions): Dataset {
  const random = seededRandom(options.seed);
  const uuid = (): string => seededUuid(random);
  const roles = loadDataset('demo').roles;
  const roleId = (name: string): string => {
    const role = roles.find((candidate) => candidate.name === name);
    if (role === undefined) throw new Error(`built-in role ${name} missing from the demo dataset`);
    return role.id;
  };
  const organization = { id: uuid(), name: `Generated organization ${options.seed}`, type: 'PAID' as const };
  const licenseId = uuid();
  const environments = Array.from({ length: options.environments }, (_, i) => generateEnvironment(i, options, uuid, roleId, licenseId, random));

  const auditorHome = environments[0];
  const credentials: DatasetCredential[] = [];
  if (auditorHome !== undefined) {
    const auditor: ApiApplication = {
      id: uuid(),
      name: 'pingone-audit',
      enabled: true,
      type: 'WORKER',
      protocol: 'OPENID_CONNECT',
      grantTypes: ['CLIENT_CREDENTIALS'],
      tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
      createdAt: timestamp,
      updatedAt: timestamp,
    };
    auditorHome.applications.push(auditor);
    for (const { environment } of environments) {
      for (const name of ['Configuration Read Only', 'Identity Data Read Only']) {
        auditorHome.roleAssignments.push(assignment(uuid(), roleId(name), 'ENVIRONMENT', environment.id, auditorHome.environment.id, { application: { id: auditor.id } }));
      }
    }
    credentials.push({ clientId: auditor.id, clientSecret: generatedAuditorSecret, environmentId: auditorHome.environment.id });
  }
  return { description: `Generated with ${JSON.stringify(options)}`, organization, roles, environments, credentials };
}

function assignment(id: string, roleId: string, scopeType: ApiScopeType, scopeId: string, environmentId: string, assignee: Partial<ApiRoleAssignment>): ApiRoleAssignment {
  return { id, role: { id: roleId }, scope: { id: scopeId, type: scopeType }, environment: { id: environmentId }, ...assignee };
}

function generateEnvironment(n: number, options: GenerateDatasetOptions, uuid: () => string, roleId: (name: string) => string, licenseId: string, random: () => number): DatasetEnvironment {
  const envId = uuid();
  const population = { id: uuid(), name: 'Default', default: true, createdAt: timestamp, updatedAt: timestamp };
  const groups: ApiGroup[] = Array.from({ length: Math.max(1, options.groupsPerEnvironment) }, (_, g) => ({
    id: uuid(),
    name: g === 0 ? 'Environment Admins' : `ApiGroup ${g}`,
    createdAt: timestamp,
    updatedAt: timestamp,
  }));
  const roleAssignments: ApiRoleAssignment[] = [assignment(uuid(), roleId('Environment Admin'), 'ENVIRONMENT', envId, envId, { group: { id: groups[0]!.id } })];
  const adminCount = Math.round(options.usersPerEnvironment * options.adminShare);
  const users: ApiUser[] = Array.from({ length: options.usersPerEnvironment }, (_, u) => {
    const isAdmin = u < adminCount;
    const ordinaryGroup = groups.length > 1 ? groups[1 + Math.floor(random() * (groups.length - 1))]! : undefined;
    const memberOf = isAdmin && u % 2 === 0 ? [groups[0]!.id] : ordinaryGroup === undefined ? [] : [ordinaryGroup.id];
    return {
      id: uuid(),
      username: `user${n}.${u}`,
      email: `user${n}.${u}@example.com`,
      population: { id: population.id },
      enabled: true,
      name: { given: 'User', family: `${n}-${u}` },
      lifecycle: { status: 'ACCOUNT_OK' },
      mfaEnabled: u % 2 === 0,
      createdAt: timestamp,
      updatedAt: timestamp,
      memberOfGroupIDs: memberOf,
    };
  });
  users.slice(0, adminCount).forEach((user, u) => {
    if (u % 2 === 1) roleAssignments.push(assignment(uuid(), roleId(u % 4 === 1 ? 'Identity Data Admin' : 'Environment Admin'), 'ENVIRONMENT', envId, envId, { user: { id: user.id } }));
  });
  const applications: ApiApplication[] = Array.from({ length: options.appsPerEnvironment }, (_, a) => ({
    id: uuid(),
    name: `App ${n}.${a}`,
    enabled: true,
    protocol: 'OPENID_CONNECT',
    createdAt: timestamp,
    updatedAt: timestamp,
    ...(applicationTemplates[a % applicationTemplates.length] as object),
    ...(a % applicationTemplates.length === 0 ? {} : { redirectUris: [`https://app${a}.env${n}.example.com/callback`] }),
  })) as unknown as ApiApplication[];
  applications.forEach((application, a) => {
    if (application.grantTypes?.includes('CLIENT_CREDENTIALS') && a % 2 === 0) {
      roleAssignments.push(assignment(uuid(), roleId('Identity Data Admin'), 'ENVIRONMENT', envId, envId, { application: { id: application.id } }));
    }
  });
  const single = { id: uuid(), name: 'Single_Factor', default: true, createdAt: timestamp, updatedAt: timestamp };
  const multi = { id: uuid(), name: 'Multi_Factor', default: false, createdAt: timestamp, updatedAt: timestamp };
  return {
    environment: {
      id: envId,
      name: `Environment ${n + 1}`,
      type: n === 0 ? 'PRODUCTION' : 'SANDBOX',
      region: 'NA',
      license: { id: licenseId },
      status: 'ACTIVE',
      createdAt: timestamp,
      updatedAt: timestamp,
    },
    populations: [population],
    users,
    groups,
    applications,
    applicationAttributes: [],
    grants: [],
    signOnPolicyAssignments: [],
    flowPolicyAssignments: [],
    signOnPolicies: [single, multi],
    signOnPolicyActions: [
      { id: uuid(), signOnPolicy: { id: single.id }, type: 'LOGIN', priority: 1 },
      { id: uuid(), signOnPolicy: { id: multi.id }, type: 'LOGIN', priority: 1 },
      { id: uuid(), signOnPolicy: { id: multi.id }, type: 'MULTI_FACTOR_AUTHENTICATION', priority: 2, noDevicesMode: 'BLOCK' },
    ],
    roleAssignments,
    customRoles: [],
    gateways: [],
    keys: [],
    certificates: [],
    subscriptions: [],
    customDomains: [],
    resources: [],
    resourceScopes: [],
    passwordPolicies: [],
    deviceAuthenticationPolicies: [],
    fido2Policies: [],
    identityProviders: [],
  };
}
