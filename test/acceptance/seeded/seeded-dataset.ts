import { loadDataset, type Dataset, type DatasetEnvironment } from '../../../src/simulator/index.js';
import { MFA_POLICY_ID, SEEDED_ENV_ID, type EnvironmentSeed, type Fragment } from './fragment.js';

const demo = loadDataset('demo');
/** The demo's auditor worker: it signs the scan in from the Administrators environment. */
export const auditor = demo.credentials[0]!;
const adminEnvironment = demo.environments.find((env) => env.environment.id === auditor.environmentId)!;
const productionTemplate = demo.environments.find((env) => env.environment.name === 'Production')!;
const builtInResources = productionTemplate.resources.filter((resource) => resource.type !== 'CUSTOM');
const MFA_DEVICE_POLICY_ID = '5eed0000-0000-4000-b000-00000000d001';

/** The auditor's read-only roles, granted again on the seeded environment. */
function auditorAssignments(): DatasetEnvironment['roleAssignments'] {
  const own = adminEnvironment.roleAssignments.filter((assignment) => assignment.application?.id === auditor.clientId);
  const roleIds = [...new Set(own.map((assignment) => assignment.role.id))];
  const seeded = roleIds.map((roleId, index) => ({
    id: `5eed0000-0000-4000-a000-${index.toString(16).padStart(12, '0')}`,
    role: { id: roleId },
    scope: { id: SEEDED_ENV_ID, type: 'ENVIRONMENT' },
    environment: { id: auditor.environmentId },
    application: { id: auditor.clientId },
  }));
  return [...own, ...seeded];
}

/** A production environment with one default population and, as its default, a login-then-MFA policy with no bypass. */
function seededEnvironment(): DatasetEnvironment {
  const population = { ...productionTemplate.populations.find((candidate) => candidate.default === true)!, id: '5eed0000-0000-4000-b000-000000000001' };
  return {
    environment: { ...productionTemplate.environment, id: SEEDED_ENV_ID, name: 'Seeded', description: 'One misconfigured resource and its correct counterparts per rule.' },
    populations: [population],
    users: [],
    groups: [],
    applications: [],
    applicationAttributes: [],
    grants: [],
    signOnPolicyAssignments: [],
    flowPolicyAssignments: [],
    signOnPolicies: [{ id: MFA_POLICY_ID, name: 'Multi_Factor', description: 'Password, then a second factor.', default: true }],
    signOnPolicyActions: [
      { id: '5eed0000-0000-4000-b000-00000000c001', signOnPolicy: { id: MFA_POLICY_ID }, type: 'LOGIN', priority: 1, recovery: { enabled: true }, registration: { enabled: false } },
      {
        id: '5eed0000-0000-4000-b000-00000000c002',
        signOnPolicy: { id: MFA_POLICY_ID },
        type: 'MULTI_FACTOR_AUTHENTICATION',
        priority: 2,
        deviceAuthenticationPolicy: { id: MFA_DEVICE_POLICY_ID },
        noDevicesMode: 'BLOCK',
      },
    ],
    roleAssignments: [],
    customRoles: [],
    gateways: [],
    // PingOne's own resources only: the demo's custom ones carry misconfigurations of their own.
    resources: structuredClone(builtInResources),
    resourceScopes: structuredClone(productionTemplate.resourceScopes.filter((scope) => builtInResources.some((resource) => resource.id === scope.resource.id))),
    // A default password policy and a FIDO2-only MFA policy (the one the MFA step names) that every rule accepts.
    passwordPolicies: [
      {
        id: '5eed0000-0000-4000-b000-00000000e001',
        name: 'Standard',
        default: true,
        excludesCommonlyUsed: true,
        length: { min: 12, max: 255 },
        lockout: { failureCount: 5, durationSeconds: 900 },
      },
    ],
    deviceAuthenticationPolicies: [
      {
        id: MFA_DEVICE_POLICY_ID,
        name: 'Passkeys only',
        default: true,
        sms: { enabled: false },
        voice: { enabled: false },
        email: { enabled: false },
        mobile: { enabled: false },
        totp: { enabled: false },
        fido2: { enabled: true },
      },
    ],
    fido2Policies: [],
    identityProviders: [],
    keys: [],
    certificates: [],
    subscriptions: [],
    customDomains: [],
  };
}

/** Appends each list of `seed` to the same list of `env`. */
function plant(env: DatasetEnvironment, seed: EnvironmentSeed): void {
  for (const [list, items] of Object.entries(seed) as Array<[keyof EnvironmentSeed, unknown[]]>) {
    (env[list] as unknown[]) = [...((env[list] as unknown[] | undefined) ?? []), ...structuredClone(items)];
  }
}

/**
 * The seeded organization: the demo's organization, built-in roles and auditor worker (in its
 * Administrators environment, with nothing else there), and one "Seeded" environment holding
 * every fragment.
 */
export function seededDataset(fragments: readonly Fragment[]): Dataset {
  const seeded = seededEnvironment();
  for (const fragment of fragments) plant(seeded, fragment.seed);
  const auditorApp = adminEnvironment.applications.find((app) => app.id === auditor.clientId)!;
  return {
    description: 'pingone-audit acceptance: one misconfiguration and its correct counterparts per rule.',
    organization: demo.organization,
    roles: demo.roles,
    credentials: [auditor],
    environments: [{ ...structuredClone(adminEnvironment), applications: [auditorApp], users: [], groups: [], roleAssignments: auditorAssignments(), signOnPolicyAssignments: [], grants: [] }, seeded],
  };
}
