import { ENVIRONMENT_RESOURCES, ENVIRONMENT_RESOURCE_TYPES, type EnvironmentResourceType } from '../snapshot/layout.js';
import type { Environment, EnvironmentSnapshot, ResourceType, Role, SnapshotKind } from '../snapshot/model.js';
import { checkShape, type FileDefinition } from '../snapshot/snapshot-schema.js';
import type { CollectionRecorder } from './collection-recorder.js';
import { withoutLinks } from './collect-context.js';
import { isRecord } from '../json/is-record.js';

/**
 * Keeps out of the snapshot every collected resource that does not match the snapshot schema (a
 * string where the API documents an array, a number for an id …), recording each as a failed read
 * of that resource: the loader would refuse the whole snapshot, and rules would trip over the
 * value. The failure names the resource, the JSON pointer and what was expected, never the value
 * itself (tenant strings may be secret or hostile).
 */
export function keepConforming(
  recorder: Pick<CollectionRecorder, 'fail' | 'note'>,
  roles: readonly Role[],
  environments: readonly EnvironmentSnapshot[],
): { roles: Role[]; environments: EnvironmentSnapshot[] } {
  const conforming = <T>(items: readonly T[], definition: FileDefinition, type: ResourceType, kind: SnapshotKind, environmentId: string | undefined): T[] =>
    items.filter((item) => conforms(recorder, item, definition, type, kind, environmentId));
  return {
    roles: conforming(roles, 'role', 'role', 'roles', undefined),
    environments: environments.map((snapshot) => {
      const id = snapshot.environment.id;
      const kept = { ...snapshot };
      // The environment itself cannot be left out (its resources live under it): keep only its id, as for one that could not be read.
      if (!conforms(recorder, snapshot.environment, 'environment', 'environment', 'environments', id)) kept.environment = { id, name: id } as Environment;
      for (const type of ENVIRONMENT_RESOURCE_TYPES) {
        const { array, listedBy } = ENVIRONMENT_RESOURCES[type];
        (kept[array] as unknown[]) = conforming(snapshot[array] as unknown[], type satisfies EnvironmentResourceType, type, listedBy, id);
      }
      return kept;
    }),
  };
}

function conforms(recorder: Pick<CollectionRecorder, 'fail' | 'note'>, value: unknown, definition: FileDefinition, type: ResourceType, kind: SnapshotKind, environmentId: string | undefined): boolean {
  const violations = checkShape(definition, value);
  if (violations.length === 0) return true;
  const id = (value as { id?: unknown } | null)?.id;
  const shown = violations.slice(0, 3).map(({ pointer, message }) => `${pointer === '' ? '(the resource)' : pointer} ${message}`);
  const more = violations.length > shown.length ? ` (and ${violations.length - shown.length} more)` : '';
  const named = typeof id === 'string' ? `${type} ${id}` : `a ${type} without a string id`;
  const error = `${named} was left out of the snapshot: it does not match the snapshot schema: ${shown.join('; ')}${more}`;
  // The kind's entry keeps only its first failure's text: the note keeps every resource's pointer.
  recorder.note(environmentId === undefined ? error : `${error} (environment ${environmentId})`);
  recorder.fail(kind, environmentId, {
    error,
    // Without a string id the resource cannot be named: the whole kind then counts as failed.
    ...(typeof id === 'string' && id !== '' ? { resource: { type, id } } : {}),
  });
  return false;
}

/**
 * The record `GET /environments/{id}` answered for `id`, without its links, or `{ id, name: id }` when there is none
 * (`answer` undefined: the read failed and is recorded already) or it is not that environment's (not an object, no
 * id, another id): everything else is collected under `id`, so an answer about another environment, or about none,
 * must not rename the folder the environment's resources are read into and written to. That is a failed read.
 */
export function answeredEnvironment(recorder: Pick<CollectionRecorder, 'fail'>, id: string, answer: unknown): Environment {
  if (answer === undefined) return { id, name: id };
  const answeredId = isRecord(answer) ? answer.id : undefined;
  // Ids are UUIDs, which PingOne writes in lower case, as `id` is; any other case is the same id.
  if (typeof answeredId === 'string' && answeredId.toLowerCase() === id) return { ...withoutLinks<Environment>(answer), id };
  const answered = typeof answeredId === 'string' ? `is environment ${answeredId}, not the one asked for` : isRecord(answer) ? 'has no environment id' : 'is not an environment record';
  recorder.fail('environments', id, { path: `/environments/${id}`, error: `the answer ${answered}; the environment's own record was left out` });
  return { id, name: id };
}

/**
 * The environments of `GET /environments` that can be collected: those with a string id. Any other is left out and
 * the list recorded as a failed read: an environment without an id has no path to read its resources from, nor a
 * folder to write them to. (Paging already refuses a list that names an id twice, or holds an item that is no object.)
 */
export function identifiedEnvironments(recorder: Pick<CollectionRecorder, 'fail'>, listed: readonly unknown[]): Environment[] {
  const kept = listed.filter((item): item is Environment => isRecord(item) && typeof item.id === 'string' && item.id !== '');
  if (kept.length < listed.length) {
    recorder.fail('environments', undefined, { path: '/environments', error: `${listed.length - kept.length} listed environment(s) without a string id were left out` });
  }
  return kept;
}

/**
 * Loads the validators {@link keepConforming} uses (the precompiled snapshot schema: tens of ms in a cold process), so
 * that a caller with time to spare now (waiting on the network) does not pay for them after the last answer.
 */
export function prepareConformityChecks(): void {
  for (const definition of ['role', 'environment', ...ENVIRONMENT_RESOURCE_TYPES] as const) checkShape(definition, null);
}
