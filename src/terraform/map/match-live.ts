import type { Snapshot } from '../../snapshot/model.js';
import { placeholderAddress, type TfConfiguration, type TfResource } from '../model.js';
import { ROLE_DATA_SOURCE } from '../provider/resources.js';
import { ResourceReader } from './resource-reader.js';

/** Provider resource type → the array of a snapshot environment whose resources it is matched against by name. */
const MATCHED_BY_NAME = {
  pingone_application: 'applications',
  pingone_group: 'groups',
  pingone_population: 'populations',
  pingone_password_policy: 'passwordPolicies',
  pingone_sign_on_policy: 'signOnPolicies',
  pingone_webhook: 'subscriptions',
  pingone_resource: 'resources',
  pingone_key: 'keys',
  pingone_gateway: 'gateways',
} as const;

/**
 * Which declared resources are already in the live snapshot, and under which id: environments by
 * name, the resources above by name within their environment, `data.pingone_role` by built-in role
 * name. A configuration usually creates what it declares from ids it cannot know, so names are the
 * only link; a name found twice in the live environment matches neither (no guess). `known` ids
 * (from a plan) win.
 */
export function matchLiveIds(config: TfConfiguration, live: Snapshot, known: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const ids = new Map(known);
  const nameOf = (resource: TfResource) => new ResourceReader(resource).string(['name']);
  const unique = <T extends { id: string; name: string }>(items: readonly T[], name: string | undefined) => {
    const found = items.filter((item) => item.name === name);
    return found.length === 1 ? found[0]!.id : undefined;
  };
  const match = (resource: TfResource, id: string | undefined) => {
    if (id !== undefined && !ids.has(resource.address)) ids.set(resource.address, id);
  };
  for (const resource of config.resources) {
    if (resource.mode === 'data' && resource.type === ROLE_DATA_SOURCE) match(resource, unique(live.roles, nameOf(resource)));
    if (resource.mode === 'managed' && resource.type === 'pingone_environment') {
      match(
        resource,
        unique(
          live.environments.map((env) => env.environment),
          nameOf(resource),
        ),
      );
    }
  }
  for (const resource of config.resources) {
    const array = resource.mode === 'managed' ? MATCHED_BY_NAME[resource.type as keyof typeof MATCHED_BY_NAME] : undefined;
    if (array === undefined) continue;
    const environmentId = new ResourceReader(resource).string(['environment_id']);
    const placeholder = environmentId === undefined ? undefined : placeholderAddress(environmentId);
    const envId = placeholder === undefined ? environmentId : ids.get(placeholder);
    const env = live.environments.find((candidate) => candidate.environment.id === envId);
    if (env !== undefined) match(resource, unique(env[array] as ReadonlyArray<{ id: string; name: string }>, nameOf(resource)));
  }
  return ids;
}
