import { expectedKinds } from '../../snapshot/collection-coverage.js';
import { SNAPSHOT_SCHEMA_VERSION, type CollectionEntry, type Role, type Snapshot, type SnapshotKind } from '../../snapshot/model.js';
import type { TfConfiguration } from '../model.js';
import { PROVIDER } from '../provider/provider-version.js';
import { ENVIRONMENT_DEFAULTS, ROLE_DATA_SOURCE } from '../provider/resources.js';
import { isLink, mapLink } from './map-links.js';
import { matchLiveIds } from './match-live.js';
import { isTopLevel, mapTopLevel } from './map-resources.js';
import { ConfigurationScope } from './configuration-scope.js';
import { MappingState, type NotEvaluatedValue } from './mapping-state.js';
import type { Provenance } from './provenance.js';
import { ResourceReader } from './resource-reader.js';

export type { NotEvaluatedValue } from './mapping-state.js';

/** What mapping a configuration needs besides the configuration. */
export interface MapOptions {
  /** "Now" of the run: the snapshot's `createdAt`, and the start of keys created at apply. */
  now: Date;
  toolVersion: string;
  /**
   * A live snapshot (`--snapshot DIR`) to lay the configuration over: declared resources replace
   * the live ones they match by id or name, the rest of the tenant stays, so cross-resource rules
   * judge the tenant as it will be after apply.
   */
  live?: Snapshot;
}

/** A configuration mapped onto the snapshot model, with where each value came from. */
export interface MappedConfiguration {
  /** The tenant as it will be after apply, in the model the engine audits. */
  snapshot: Snapshot;
  /** Snapshot file + pointer → `.tf` place and resource address, for every finding's location. */
  provenance: Provenance;
  /** Unknown values the rules would have needed: their resources are not evaluated by those rules. */
  notEvaluated: NotEvaluatedValue[];
  /** Resources that could not be placed (a grant of an application neither declared nor live), and the configuration's own warnings. */
  warnings: string[];
  /** The provider release whose schema (names, defaults, enums) the mapping followed. */
  provider: typeof PROVIDER;
}

/**
 * Maps the provider's resources (`pingone_*`) of an evaluated configuration into a snapshot: one
 * environment per distinct `environment_id`, resources with the provider's defaults where an
 * attribute is left out, children (grants, assignments, actions, scopes) under their parent's
 * `_embedded`. Unknown values a rule reads become failed collection entries for just that resource,
 * so the engine reports those rules not evaluated for it, never a pass. Resource types the rules
 * do not read are ignored.
 */
export function mapConfiguration(config: TfConfiguration, options: MapOptions, ids?: ReadonlyMap<string, string>): MappedConfiguration {
  const state = new MappingState(options.live === undefined ? ids : matchLiveIds(config, options.live, ids), options.live);
  const readers = config.resources.map((resource) => new ResourceReader(resource));
  const roles = readers.filter((reader) => reader.resource.mode === 'data' && reader.resource.type === ROLE_DATA_SOURCE).map((reader) => mapRoleDataSource(state, reader));
  const managed = readers.filter((reader) => reader.resource.mode === 'managed');
  for (const reader of managed.filter((candidate) => candidate.resource.type === 'pingone_environment')) mapEnvironment(state, reader);
  for (const reader of managed.filter((candidate) => isTopLevel(candidate.resource.type))) mapTopLevel(state, reader, environmentOf(state, reader), options.now);
  for (const reader of managed.filter((candidate) => isLink(candidate.resource.type))) mapLink(state, reader, environmentOf(state, reader));
  const scope = new ConfigurationScope(state, new Set(config.resources.map((resource) => resource.type)));
  return {
    snapshot: buildSnapshot(state, scope, roles, options),
    provenance: state.provenance,
    notEvaluated: state.notEvaluated,
    warnings: [...config.warnings, ...state.warnings],
    provider: PROVIDER,
  };
}

function environmentOf(state: MappingState, reader: ResourceReader): string {
  const value = reader.string(['environment_id']);
  if (value !== undefined) return state.ref(value);
  const unknown = reader.unresolved.find((entry) => entry.attribute === 'environment_id');
  return `unknown environment (${unknown?.expression ?? 'environment_id not set'})`;
}

function mapEnvironment(state: MappingState, reader: ResourceReader): void {
  const id = state.idOf(reader.resource);
  const env = state.environment(id);
  env.environment = { ...env.environment, id, name: reader.string(['name'], '/name') ?? reader.resource.address, type: reader.string(['type'], '/type') ?? ENVIRONMENT_DEFAULTS.type };
  const region = reader.string(['region'], '/region');
  if (region !== undefined) env.environment.region = region;
  state.environmentsWithoutType.delete(id);
  state.place(reader, { type: 'environment', id, environmentId: id, prefix: '', kind: 'environments' });
}

/** `data "pingone_role"` by name: a built-in role whose id is the data source's placeholder (or the live role's). */
function mapRoleDataSource(state: MappingState, reader: ResourceReader): Role {
  return { id: state.idOf(reader.resource), name: reader.string(['name']) ?? reader.resource.address, type: 'PLATFORM' };
}

function buildSnapshot(state: MappingState, scope: ConfigurationScope, roles: Role[], { now, toolVersion, live }: MapOptions): Snapshot {
  const planned = [...state.environments.keys()].filter((id) => !state.liveEnvironmentIds.has(id));
  const entries: CollectionEntry[] = expectedKinds(planned).map(({ kind, environmentId }) => scope.outside(kind, environmentId) ?? entryFor(state, kind, environmentId));
  if (live === undefined) {
    return {
      manifest: {
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        tool: { name: 'pingone-audit', version: toolVersion },
        createdAt: now.toISOString(),
        environmentIds: planned,
        collection: { complete: entries.every(isReadOrOutOfScope), entries },
      },
      roles,
      environments: [...state.environments.values()],
    };
  }
  // Over a live snapshot its collection record stands; environments only planned, and unknown values in live ones, add to it.
  const unknownInLive = [...state.liveEnvironmentIds].flatMap((environmentId) => [...new Set(state.notEvaluated.map((value) => value.kind))].map((kind) => entryFor(state, kind, environmentId)));
  const added = [...entries, ...unknownInLive.filter((entry) => entry.status === 'failed')];
  // Out-of-scope kinds of planned environments are listed, but they are no gap of the live collection.
  return {
    manifest: {
      ...live.manifest,
      environmentIds: [...live.manifest.environmentIds, ...planned],
      collection: {
        ...live.manifest.collection,
        complete: live.manifest.collection.complete && added.every(isReadOrOutOfScope),
        entries: [...live.manifest.collection.entries, ...added],
      },
    },
    roles: [...live.roles, ...roles.filter((role) => !live.roles.some((known) => known.id === role.id))],
    environments: [...state.environments.values()],
  };
}

function entryFor(state: MappingState, kind: SnapshotKind, environmentId: string | undefined): CollectionEntry {
  const where = environmentId === undefined ? {} : { environmentId };
  const unknown = state.notEvaluated.filter((value) => value.kind === kind && value.environmentId === environmentId);
  if (unknown.length === 0) return { kind, ...where, status: 'complete' };
  const error = unknown.map(describeUnknown).join('; ');
  // A child attached to an unknown parent (an assignment to `application_id = <unknown>`) may be any app's: none of them can be judged on that kind.
  if (unknown.some((value) => value.parentUnknown)) return { kind, ...where, status: 'failed', error };
  const failedResources = [...new Map(unknown.map((value) => [`${value.resource.type}\u0000${value.resource.id}`, value.resource])).values()].sort((a, b) => a.id.localeCompare(b.id));
  return { kind, ...where, status: 'failed', failedResources, error };
}

const isReadOrOutOfScope = (entry: CollectionEntry): boolean => entry.status === 'complete' || entry.outOfScope !== undefined;

function describeUnknown(value: NotEvaluatedValue): string {
  return `${value.address}.${value.attribute} = ${value.expression} is unknown (${value.reason}) at ${value.span.file}:${value.span.line}`;
}
