import { expectedKinds } from '../../src/snapshot/collection-coverage.js';
import {
  SNAPSHOT_SCHEMA_VERSION,
  type Application,
  type Certificate,
  type CollectionEntry,
  type CustomDomain,
  type Environment,
  type EnvironmentSnapshot,
  type DeviceAuthenticationPolicy,
  type Fido2Policy,
  type Gateway,
  type IdentityProvider,
  type PasswordPolicy,
  type Resource,
  type Group,
  type Population,
  type Role,
  type RoleAssignment,
  type ScopeType,
  type SignOnPolicy,
  type Snapshot,
  type Subscription,
  type User,
} from '../../src/snapshot/model.js';

/**
 * What a test changes of a builder's defaults: a field set to `undefined` says "absent here" and is
 * left out of the result, as the API's JSON leaves it out.
 */
export type Overrides<T> = { [Field in keyof T]?: T[Field] | undefined };

/** `defaults` with `overrides` over them, every field that ends up `undefined` removed. */
export function withOverrides<T extends object>(defaults: T, overrides: Overrides<T>): T {
  const merged: Record<string, unknown> = { ...defaults, ...overrides };
  for (const [field, value] of Object.entries(merged)) if (value === undefined) delete merged[field];
  return merged as T;
}

export const ORG_ID = 'org-acme';
export const ADMIN_ENV_ID = 'env-admin';
export const PROD_ENV_ID = 'env-prod';

const BUILT_IN_ROLE_NAMES = [
  'Organization Admin',
  'Environment Admin',
  'Identity Data Admin',
  'Client Application Developer',
  'Configuration Read Only',
  'Identity Data Read Only',
  'Application Owner',
] as const;
export type BuiltInRoleName = (typeof BUILT_IN_ROLE_NAMES)[number];

const APPLICABLE_TO: Record<BuiltInRoleName, ScopeType[]> = {
  'Organization Admin': ['ORGANIZATION'],
  'Environment Admin': ['ORGANIZATION', 'ENVIRONMENT'],
  'Identity Data Admin': ['ENVIRONMENT', 'POPULATION'],
  'Client Application Developer': ['ENVIRONMENT'],
  'Configuration Read Only': ['ENVIRONMENT'],
  'Identity Data Read Only': ['ENVIRONMENT', 'POPULATION'],
  'Application Owner': ['APPLICATION'],
};

/** Stable test id of a built-in role: "role-environment-admin". */
export function roleId(name: BuiltInRoleName): string {
  return `role-${name.toLowerCase().replaceAll(' ', '-')}`;
}

export const BUILT_IN_ROLES: Role[] = BUILT_IN_ROLE_NAMES.map((name) => ({
  id: roleId(name),
  name,
  type: 'PLATFORM',
  applicableTo: APPLICABLE_TO[name],
}));

let assignmentCounter = 0;

/** A role assignment of a built-in role; scope defaults to the production environment. */
export function assignment(name: BuiltInRoleName, scope: { type: ScopeType; id: string } = { type: 'ENVIRONMENT', id: PROD_ENV_ID }, extra: Partial<RoleAssignment> = {}): RoleAssignment {
  assignmentCounter += 1;
  return { id: `ra-${assignmentCounter}`, role: { id: roleId(name) }, scope, ...extra };
}

/** A correct client-credentials worker app; override only what a test is about. */
export function workerApp(overrides: Overrides<Application> = {}): Application {
  return withOverrides(
    {
      id: 'app-worker',
      name: 'Worker',
      enabled: true,
      type: 'WORKER',
      protocol: 'OPENID_CONNECT',
      grantTypes: ['CLIENT_CREDENTIALS'],
      tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
      _embedded: { roleAssignments: [assignment('Identity Data Admin')] },
    },
    overrides,
  );
}

/** A hardened confidential web app following every recommendation; override only what a test is about. */
export function webApp(overrides: Overrides<Application> = {}): Application {
  return withOverrides(
    {
      id: 'app-web',
      name: 'Web',
      enabled: true,
      type: 'WEB_APP',
      protocol: 'OPENID_CONNECT',
      grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
      responseTypes: ['CODE'],
      tokenEndpointAuthMethod: 'PRIVATE_KEY_JWT',
      jwksUrl: 'https://app.example.com/jwks.json',
      pkceEnforcement: 'S256_REQUIRED',
      redirectUris: ['https://app.example.com/callback'],
      postLogoutRedirectUris: ['https://app.example.com/signed-out'],
      allowWildcardInRedirectUris: false,
      refreshTokenType: 'OPAQUE_TOKEN',
      refreshTokenDuration: 2592000,
      refreshTokenRollingDuration: 15552000,
      refreshTokenRollingGracePeriodDuration: 0,
      additionalRefreshTokenReplayProtectionEnabled: true,
      parRequirement: 'REQUIRED',
      requireSignedRequestObject: true,
      corsSettings: { behavior: 'ALLOW_NO_ORIGINS' },
      _embedded: { grants: [], signOnPolicyAssignments: [{ id: 'sopa-1', signOnPolicy: { id: 'sop-mfa' }, priority: 1 }] },
    },
    overrides,
  );
}

export function user(overrides: Overrides<User> = {}): User {
  return withOverrides({ id: 'user-1', username: 'alice', enabled: true, mfaEnabled: true, _embedded: { roleAssignments: [] } }, overrides);
}

export function group(overrides: Overrides<Group> = {}): Group {
  return withOverrides({ id: 'group-1', name: 'Admins', _embedded: { roleAssignments: [] } }, overrides);
}

export interface EnvironmentSpec {
  id?: string;
  name?: string;
  type?: Environment['type'];
  applications?: Application[];
  users?: User[];
  groups?: Group[];
  populations?: Population[];
  signOnPolicies?: SignOnPolicy[];
  roles?: Role[];
  gateways?: Gateway[];
  passwordPolicies?: PasswordPolicy[];
  deviceAuthenticationPolicies?: DeviceAuthenticationPolicy[];
  fido2Policies?: Fido2Policy[];
  identityProviders?: IdentityProvider[];
  resources?: Resource[];
  keys?: Certificate[];
  certificates?: Certificate[];
  subscriptions?: Subscription[];
  customDomains?: CustomDomain[];
}

export interface SnapshotSpec {
  environments?: EnvironmentSpec[];
  roles?: Role[];
  /** Collection entries that failed; everything else counts as complete. */
  failed?: CollectionEntry[];
}

/** A snapshot where each test states only what it is about; one production environment by default. */
export function buildSnapshot(spec: SnapshotSpec = {}): Snapshot {
  const environments: EnvironmentSnapshot[] = (spec.environments ?? [{}]).map((env) => ({
    environment: {
      id: env.id ?? PROD_ENV_ID,
      name: env.name ?? 'Production',
      type: env.type ?? 'PRODUCTION',
      organization: { id: ORG_ID },
    },
    applications: env.applications ?? [],
    users: env.users ?? [],
    groups: env.groups ?? [],
    populations: env.populations ?? [],
    signOnPolicies: env.signOnPolicies ?? [],
    roles: env.roles ?? [],
    gateways: env.gateways ?? [],
    passwordPolicies: env.passwordPolicies ?? [],
    deviceAuthenticationPolicies: env.deviceAuthenticationPolicies ?? [],
    fido2Policies: env.fido2Policies ?? [],
    identityProviders: env.identityProviders ?? [],
    resources: env.resources ?? [],
    keys: env.keys ?? [],
    certificates: env.certificates ?? [],
    subscriptions: env.subscriptions ?? [],
    customDomains: env.customDomains ?? [],
  }));
  const failed = spec.failed ?? [];
  const isFailed = (kind: string, environmentId: string | undefined) => failed.some((entry) => entry.kind === kind && entry.environmentId === environmentId);
  const complete = expectedKinds(environments.map((env) => env.environment.id))
    .filter(({ kind, environmentId }) => !isFailed(kind, environmentId))
    .map((expected): CollectionEntry => ({ ...expected, status: 'complete' }));
  return {
    manifest: {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      tool: { name: 'pingone-audit', version: '0.0.0-test' },
      createdAt: '2026-11-22T00:00:00.000Z',
      organization: { id: ORG_ID, name: 'Acme' },
      environmentIds: environments.map((env) => env.environment.id),
      collection: { complete: failed.length === 0, entries: [...complete, ...failed] },
    },
    roles: spec.roles ?? BUILT_IN_ROLES,
    environments,
  };
}
