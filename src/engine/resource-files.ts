import type { ResourceRef, ResourceType } from '../snapshot/model.js';
import { resourceFile } from '../snapshot/layout.js';

/**
 * {@link resourceFile} remembered for one run: several rules point at the same application or
 * user, and their findings then share one path string instead of each building its own. Throws
 * as `resourceFile` does, for a resource it cannot name a file for.
 */
export function resourceFiles(): (resource: ResourceRef) => string {
  const byEnvironment = new Map<string | undefined, Map<ResourceType, Map<string, string>>>();
  return ({ type, environmentId, id }) => {
    let byType = byEnvironment.get(environmentId);
    if (byType === undefined) byEnvironment.set(environmentId, (byType = new Map()));
    let byId = byType.get(type);
    if (byId === undefined) byType.set(type, (byId = new Map()));
    let file = byId.get(id);
    if (file === undefined) byId.set(id, (file = resourceFile(type, environmentId, id)));
    return file;
  };
}
