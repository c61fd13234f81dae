import { ENVIRONMENT_ARRAYS, ENVIRONMENT_RESOURCES, resourceFile, type EnvironmentResourceType } from '../snapshot/layout.js';
import type { EnvironmentSnapshot, ResourceType, Snapshot, SnapshotKind } from '../snapshot/model.js';
import { compareCodePoints } from '../snapshot/stable-json.js';
import { diffValues, type ChangeKind, type PropertyChange } from './diff-values.js';

/** One resource that was added, removed or changed between two snapshots. */
export interface ResourceDrift {
  type: ResourceType;
  id: string;
  name: string;
  change: ChangeKind;
  /** The resource's file, relative to the snapshot folder. */
  file: string;
  /** What changed, property by property; empty when the whole resource was added or removed. */
  properties: PropertyChange[];
}

/** The drift in one environment (null: organization-wide, the built-in roles). */
export interface EnvironmentDrift {
  environmentId: string | null;
  name: string;
  /** `added` / `removed`: the whole environment is new or gone. */
  change: ChangeKind;
  resources: ResourceDrift[];
}

/** A kind of data that could not be collected in one of the snapshots: drift there is not reported. */
export interface CollectionGap {
  snapshot: 'old' | 'new';
  environmentId: string | null;
  kind: SnapshotKind;
}

/** How two snapshots differ, resource by resource, and where either could not be compared. */
export interface SnapshotDiff {
  old: { createdAt: string };
  new: { createdAt: string };
  /** Environments with drift only, in id order, the organization first. */
  environments: EnvironmentDrift[];
  gaps: CollectionGap[];
  summary: { added: number; removed: number; changed: number };
}

interface ResourceEntry {
  type: ResourceType;
  id: string;
  name: string;
  value: unknown;
}

/**
 * What changed between two snapshots, per environment and resource: added, removed, and changed
 * property by property (volatile fields such as timestamps ignored, see `diffValues`). Resources
 * of a kind that failed to collect in either snapshot are left out and listed in `gaps`, because
 * a resource that could not be read is not a resource that was deleted. Pure.
 */
export function diffSnapshots(before: Snapshot, after: Snapshot): SnapshotDiff {
  const gaps = [...collectionGaps(before, 'old'), ...collectionGaps(after, 'new')];
  const blind = new Set(gaps.map((gap) => `${gap.environmentId ?? ''}\u0000${gap.kind}`));
  const oldEnvironments = new Map(before.environments.map((env) => [env.environment.id, env]));
  const newEnvironments = new Map(after.environments.map((env) => [env.environment.id, env]));
  const ids = [...new Set([...oldEnvironments.keys(), ...newEnvironments.keys()])].sort(compareCodePoints);

  const environments: EnvironmentDrift[] = [];
  const organization = diffResources(builtInRoles(before), builtInRoles(after), null, (type) => type === 'role' && blind.has('\u0000roles'));
  if (organization.length > 0) environments.push({ environmentId: null, name: 'organization', change: 'changed', resources: organization });
  for (const id of ids) {
    const was = oldEnvironments.get(id);
    const is = newEnvironments.get(id);
    const isBlind = (type: ResourceType) => (type === 'environment' ? blind.has('\u0000environments') : blind.has(`${id}\u0000${ENVIRONMENT_RESOURCES[type as EnvironmentResourceType].listedBy}`));
    // A whole environment on one side only is one change, not one per resource in it.
    const resources =
      was !== undefined && is !== undefined
        ? diffResources(environmentResources(was), environmentResources(is), id, isBlind)
        : diffResources(was === undefined ? [] : environmentResources(was).slice(0, 1), is === undefined ? [] : environmentResources(is).slice(0, 1), id, isBlind);
    if (resources.length === 0) continue;
    const change: ChangeKind = was === undefined ? 'added' : is === undefined ? 'removed' : 'changed';
    environments.push({ environmentId: id, name: (is ?? was)!.environment.name, change, resources });
  }

  const all = environments.flatMap((env) => env.resources);
  return {
    old: { createdAt: before.manifest.createdAt },
    new: { createdAt: after.manifest.createdAt },
    environments,
    gaps,
    summary: {
      added: all.filter((resource) => resource.change === 'added').length,
      removed: all.filter((resource) => resource.change === 'removed').length,
      changed: all.filter((resource) => resource.change === 'changed').length,
    },
  };
}

function diffResources(before: ResourceEntry[], after: ResourceEntry[], environmentId: string | null, isBlind: (type: ResourceType) => boolean): ResourceDrift[] {
  const key = (entry: ResourceEntry) => `${entry.type}\u0000${entry.id}`;
  const oldByKey = new Map(before.map((entry) => [key(entry), entry]));
  const newByKey = new Map(after.map((entry) => [key(entry), entry]));
  const drift: ResourceDrift[] = [];
  for (const k of [...new Set([...oldByKey.keys(), ...newByKey.keys()])]) {
    const was = oldByKey.get(k);
    const is = newByKey.get(k);
    const entry = (is ?? was)!;
    const file = resourceFile(entry.type, environmentId ?? undefined, entry.id);
    const base = { type: entry.type, id: entry.id, name: entry.name, file };
    if (was !== undefined && is !== undefined) {
      const properties = diffValues(was.value, is.value);
      if (properties.length > 0) drift.push({ ...base, change: 'changed', properties });
    } else if (!isBlind(entry.type)) {
      drift.push({ ...base, change: was === undefined ? 'added' : 'removed', properties: [] });
    }
  }
  return drift.sort((a, b) => compareCodePoints(a.type, b.type) || compareCodePoints(a.id, b.id));
}

function environmentResources(env: EnvironmentSnapshot): ResourceEntry[] {
  const entries: ResourceEntry[] = [{ type: 'environment', id: env.environment.id, name: env.environment.name, value: env.environment }];
  for (const [type, array] of Object.entries(ENVIRONMENT_ARRAYS) as Array<[EnvironmentResourceType, (typeof ENVIRONMENT_ARRAYS)[EnvironmentResourceType]]>) {
    for (const value of env[array] as Array<{ id: string; name?: unknown; username?: unknown }>) {
      entries.push({ type, id: value.id, name: displayName(value), value });
    }
  }
  return entries;
}

function builtInRoles(snapshot: Snapshot): ResourceEntry[] {
  return snapshot.roles.map((role) => ({ type: 'role', id: role.id, name: role.name, value: role }));
}

function displayName(value: { id: string; name?: unknown; username?: unknown }): string {
  if (typeof value.name === 'string' && value.name !== '') return value.name;
  if (typeof value.username === 'string' && value.username !== '') return value.username;
  return value.id;
}

function collectionGaps(snapshot: Snapshot, side: 'old' | 'new'): CollectionGap[] {
  return snapshot.manifest.collection.entries.filter((entry) => entry.status === 'failed').map((entry) => ({ snapshot: side, environmentId: entry.environmentId ?? null, kind: entry.kind }));
}
