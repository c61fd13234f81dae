import { ENVIRONMENT_RESOURCES, type EnvironmentResourceType } from '../../snapshot/layout.js';
import type { Certificate, Gateway, Group, PasswordPolicy, Population, Resource, SignOnPolicy, Subscription } from '../../snapshot/model.js';
import { PASSWORD_POLICY_DEFAULTS, PASSWORD_POLICY_NAMES, RESOURCE_TYPE, WEBHOOK_DEFAULTS } from '../provider/resources.js';
import { mapApplication } from './map-application.js';
import type { MappingState } from './mapping-state.js';
import type { ResourceReader } from './resource-reader.js';

type Built = { id: string; name: string; environment?: { id: string } };

/** Resource type of the provider → the snapshot resource it becomes, and how to build it. */
const TOP_LEVEL: Readonly<Record<string, { type: EnvironmentResourceType; build: (reader: ResourceReader, id: string, environmentId: string, now: Date) => Built }>> = {
  pingone_application: { type: 'application', build: mapApplication },
  pingone_group: { type: 'group', build: mapGroup },
  pingone_population: { type: 'population', build: mapPopulation },
  pingone_password_policy: { type: 'passwordPolicy', build: mapPasswordPolicy },
  pingone_sign_on_policy: { type: 'signOnPolicy', build: mapSignOnPolicy },
  pingone_webhook: { type: 'subscription', build: mapWebhook },
  pingone_resource: { type: 'resource', build: mapResource },
  pingone_key: { type: 'key', build: mapKey },
  pingone_gateway: { type: 'gateway', build: mapGateway },
};

/** Whether the provider resource type becomes a resource of its own in the snapshot. */
export const isTopLevel = (type: string): boolean => type in TOP_LEVEL;

/** Maps one top-level resource into its environment. */
export function mapTopLevel(state: MappingState, reader: ResourceReader, environmentId: string, now: Date): void {
  const { type, build } = TOP_LEVEL[reader.resource.type]!;
  const id = state.idOf(reader.resource);
  const built = build(reader, id, environmentId, now);
  const array = state.environment(environmentId)[ENVIRONMENT_RESOURCES[type].array] as Array<Built & { _embedded?: unknown }>;
  const live = state.indexOf(array, id);
  if (live === -1) state.append(array, built);
  else {
    // Laid over a live resource: the configuration's attributes win; what the tenant holds about it
    // (role assignments, grants made outside Terraform) stays, and declared children join it.
    const embedded = array[live]!._embedded;
    array[live] = embedded === undefined ? built : { ...built, _embedded: embedded };
  }
  state.place(reader, { type, id, environmentId, prefix: '', kind: ENVIRONMENT_RESOURCES[type].listedBy });
}

function named(reader: ResourceReader, id: string, environmentId: string): Built {
  return { id, name: reader.string(['name'], '/name') ?? reader.resource.address, environment: { id: environmentId } };
}

function mapGroup(reader: ResourceReader, id: string, environmentId: string): Group {
  const group: Group = { ...named(reader, id, environmentId), _embedded: { roleAssignments: [] } };
  const population = reader.string(['population_id'], '/population/id');
  if (population !== undefined) group.population = { id: population };
  return group;
}

function mapPopulation(reader: ResourceReader, id: string, environmentId: string): Population {
  const population: Population = named(reader, id, environmentId);
  // v1 writes password_policy = { id }, earlier releases password_policy_id.
  const policy = reader.string(['password_policy', 'id'], '/passwordPolicy/id') ?? reader.string(['password_policy_id'], '/passwordPolicy/id');
  if (policy !== undefined) population.passwordPolicy = { id: policy };
  return population;
}

function firstOf(reader: ResourceReader, names: readonly string[]): string | undefined {
  return names.find((name) => reader.has([name]));
}

function mapPasswordPolicy(reader: ResourceReader, id: string, environmentId: string): PasswordPolicy {
  const attribute = (names: readonly string[]) => [firstOf(reader, names) ?? names[0]!];
  const policy: PasswordPolicy = {
    ...named(reader, id, environmentId),
    default: reader.boolean(attribute(PASSWORD_POLICY_NAMES.default), '/default') ?? PASSWORD_POLICY_DEFAULTS.default,
    excludesCommonlyUsed: reader.boolean(attribute(PASSWORD_POLICY_NAMES.excludesCommonlyUsed), '/excludesCommonlyUsed') ?? PASSWORD_POLICY_DEFAULTS.excludesCommonlyUsed,
    excludesProfileData: reader.boolean(attribute(PASSWORD_POLICY_NAMES.excludesProfileData), '/excludesProfileData') ?? PASSWORD_POLICY_DEFAULTS.excludesProfileData,
  };
  const [length] = attribute(PASSWORD_POLICY_NAMES.length);
  const min = reader.number([length!, 'min'], '/length/min');
  const max = reader.number([length!, 'max'], '/length/max');
  if (min !== undefined || max !== undefined) policy.length = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  const [lockout] = attribute(PASSWORD_POLICY_NAMES.lockout);
  if (reader.has([lockout!])) {
    const countName = PASSWORD_POLICY_NAMES.lockoutFailureCount.find((name) => reader.has([lockout!, name])) ?? 'failure_count';
    const failureCount = reader.number([lockout!, countName], '/lockout/failureCount');
    const durationSeconds = reader.number([lockout!, 'duration_seconds'], '/lockout/durationSeconds');
    policy.lockout = { ...(failureCount === undefined ? {} : { failureCount }), ...(durationSeconds === undefined ? {} : { durationSeconds }) };
  }
  return policy;
}

function mapSignOnPolicy(reader: ResourceReader, id: string, environmentId: string): SignOnPolicy {
  return { ...named(reader, id, environmentId), _embedded: { actions: [] } };
}

function mapWebhook(reader: ResourceReader, id: string, environmentId: string): Subscription {
  const url = reader.string(['http_endpoint_url'], '/httpEndpoint/url');
  const format = reader.string(['format'], '/format');
  return {
    ...named(reader, id, environmentId),
    enabled: reader.boolean(['enabled'], '/enabled') ?? WEBHOOK_DEFAULTS.enabled,
    verifyTlsCertificates: reader.boolean(['verify_tls_certificates'], '/verifyTlsCertificates') ?? WEBHOOK_DEFAULTS.verifyTlsCertificates,
    ...(url === undefined ? {} : { httpEndpoint: { url } }),
    ...(format === undefined ? {} : { format }),
  };
}

function mapResource(reader: ResourceReader, id: string, environmentId: string): Resource {
  const audience = reader.string(['audience'], '/audience');
  const validity = reader.number(['access_token_validity_seconds'], '/accessTokenValiditySeconds');
  return {
    ...named(reader, id, environmentId),
    type: RESOURCE_TYPE,
    ...(audience === undefined ? {} : { audience }),
    ...(validity === undefined ? {} : { accessTokenValiditySeconds: validity }),
    _embedded: { scopes: [] },
  };
}

const DAY_MS = 86_400_000;

/** A key created at apply: valid from now for `validity_period` days (the provider's unit). */
function mapKey(reader: ResourceReader, id: string, environmentId: string, now: Date): Certificate {
  const key: Certificate = named(reader, id, environmentId);
  const fields = { algorithm: 'algorithm', key_length: 'keyLength', signature_algorithm: 'signatureAlgorithm', usage_type: 'usageType', subject_dn: 'subjectDN', issuer_dn: 'issuerDN' } as const;
  for (const [attribute, field] of Object.entries(fields)) {
    const value = field === 'keyLength' ? reader.number([attribute], `/${field}`) : reader.string([attribute], `/${field}`);
    if (value !== undefined) (key as Record<string, unknown>)[field] = value;
  }
  const days = reader.number(['validity_period'], '/expiresAt');
  if (days !== undefined) {
    key.startsAt = now.toISOString();
    key.expiresAt = new Date(now.getTime() + days * DAY_MS).toISOString();
  }
  return key;
}

/** `pingone_gateway`: `name`, `type` and `enabled` are all required (`docs/resources/gateway.md`), so no default applies. */
function mapGateway(reader: ResourceReader, id: string, environmentId: string): Gateway {
  const enabled = reader.boolean(['enabled'], '/enabled');
  return { ...named(reader, id, environmentId), type: reader.string(['type'], '/type') ?? 'UNKNOWN', ...(enabled === undefined ? {} : { enabled }), _embedded: { roleAssignments: [] } };
}
