import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { packagePath } from '../../src/paths.js';
import type { Dataset } from '../../src/simulator/index.js';

/** The derived PingOne schemas (schemas/pingone-api), compiled once. */
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
const directory = packagePath('schemas', 'pingone-api');
const validators = new Map<string, ValidateFunction>();
for (const file of readdirSync(directory).filter((name) => name.endsWith('.schema.json'))) {
  validators.set(file.replace('.schema.json', ''), ajv.compile(JSON.parse(readFileSync(`${directory}/${file}`, 'utf8')) as object));
}

export const schemaNames = (): string[] => [...validators.keys()];

/** Validation errors of `value` against a schema, as readable lines (empty when valid). */
export function violations(schemaName: string, value: unknown): string[] {
  const validate = validators.get(schemaName);
  if (validate === undefined) throw new Error(`no derived schema ${schemaName}`);
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${schemaName}${error.instancePath} ${error.message ?? ''}`);
}

type Item = Record<string, unknown>;

const applicationSchemas = (app: Item): string[] => {
  if (app.protocol === 'SAML') return ['ApplicationSAML'];
  if (app.protocol === 'WS_FED') return ['ApplicationWSFED'];
  if (app.protocol === 'EXTERNAL_LINK') return ['ApplicationExternalLink'];
  if (app.type === 'PING_ONE_ADMIN_CONSOLE') return ['Application', 'ApplicationPingOneAdminConsole'];
  if (app.type === 'PING_ONE_PORTAL') return ['ApplicationPingOnePortal'];
  if (app.type === 'PING_ONE_SELF_SERVICE') return ['ApplicationPingOneSelfService'];
  return ['ApplicationOIDC'];
};

const actionSchemas: Record<string, string> = {
  LOGIN: 'SignOnPolicyActionLogin',
  MULTI_FACTOR_AUTHENTICATION: 'SignOnPolicyActionMFA',
  IDENTIFIER_FIRST: 'SignOnPolicyActionIDFirst',
  IDENTITY_PROVIDER: 'SignOnPolicyActionIDP',
  AGREEMENT: 'SignOnPolicyActionAgreement',
  PROGRESSIVE_PROFILING: 'SignOnPolicyActionProgressiveProfiling',
};

/** Schemas by `_embedded` key (and dataset list name); polymorphic kinds pick by protocol or type. */
const schemasByKind: Record<string, (item: Item) => string[]> = {
  environments: () => ['Environment'],
  environment: () => ['Environment'],
  organizations: () => ['Organization'],
  organization: () => ['Organization'],
  applications: applicationSchemas,
  grants: () => ['ApplicationResourceGrant'],
  signOnPolicyAssignments: () => ['SignOnPolicyAssignment'],
  flowPolicyAssignments: () => ['FlowPolicyAssignment'],
  attributes: () => ['ApplicationAttributeMapping'],
  applicationAttributes: () => ['ApplicationAttributeMapping'],
  roleAssignments: () => ['RoleAssignment'],
  users: () => ['User'],
  groups: () => ['Group'],
  groupMemberships: () => ['GroupMembership'],
  populations: () => ['Population'],
  signOnPolicies: () => ['SignOnPolicy'],
  actions: (action) => [actionSchemas[action.type as string] ?? 'SignOnPolicyAction'],
  signOnPolicyActions: (action) => [actionSchemas[action.type as string] ?? 'SignOnPolicyAction'],
  gateways: () => ['Gateway'],
  roles: (role) => [role.type === 'CUSTOM' ? 'CustomAdminRole' : 'Role'],
  customRoles: () => ['CustomAdminRole'],
  resources: () => ['Resource'],
  scopes: () => ['ResourceScope'],
  resourceScopes: () => ['ResourceScope'],
  passwordPolicies: () => ['PasswordPolicy'],
  identityProviders: () => ['IdentityProvider'],
  // PingOne's MFA API (device authentication and FIDO policies) is not part of the Management reference: no schema to hold them to.
  deviceAuthenticationPolicies: () => [],
  fido2Policies: () => [],
  keys: () => ['Certificate'],
  certificates: () => ['Certificate'],
  subscriptions: () => ['Subscription'],
  customDomains: () => ['CustomDomain'],
};

/** Violations of one resource of a kind (an `_embedded` key or a dataset list name). */
export function resourceViolations(kind: string, item: Item): string[] {
  const pick = schemasByKind[kind];
  if (pick === undefined) throw new Error(`no schema mapping for ${kind}`);
  return pick(item).flatMap((name) => violations(name, item));
}

/** Every resource in a dataset, by list name, checked against its derived schema. */
export function datasetViolations(dataset: Dataset): string[] {
  const found = [...resourceViolations('organization', dataset.organization), ...dataset.roles.flatMap((role) => resourceViolations('roles', role))];
  for (const entry of dataset.environments) {
    found.push(...resourceViolations('environment', entry.environment));
    for (const [list, items] of Object.entries(entry)) {
      if (list === 'environment') continue;
      for (const item of items as Array<Record<string, unknown>>) {
        found.push(...resourceViolations(list, item).map((line) => `${entry.environment.name}.${list}[${String(item.id)}]: ${line}`));
      }
    }
  }
  return found;
}
