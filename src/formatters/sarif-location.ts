import path from 'node:path';
import type { Finding } from '../engine/types.js';
import { ENVIRONMENT_ARRAYS } from '../snapshot/layout.js';
import type { ResourceType } from '../snapshot/model.js';

/** The base GitHub resolves relative URIs against: the repository root (CodeQL uses the same id). */
export const SOURCE_ROOT = '%SRCROOT%';

/** The API collection name of each resource type, as in a logical location `envId/applications/appId`. */
export const RESOURCE_COLLECTION: Readonly<Record<ResourceType, string>> = { environment: 'environments', ...ENVIRONMENT_ARRAYS };

/** `environments/<envId>/applications/<appId>`; organization-wide resources sit under `organization/`. */
export function fullyQualifiedName({ environmentId, resource }: Finding): string {
  const scope = environmentId === null ? 'organization' : `environments/${environmentId}`;
  if (resource.type === 'environment') return `environments/${resource.id}`;
  return `${scope}/${RESOURCE_COLLECTION[resource.type]}/${resource.id}`;
}

/** A relative, percent-encoded URI: {@link snapshotFilePath} with each segment escaped. */
export function artifactUri(file: string, snapshotDir: string | undefined): string {
  return snapshotFilePath(file, snapshotDir)
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** The file's path from the repository root: the snapshot folder (when relative) joined with it. */
export function snapshotFilePath(file: string, snapshotDir: string | undefined): string {
  return path.posix.join(relativeFolder(snapshotDir), toPosix(file));
}

function relativeFolder(snapshotDir: string | undefined): string {
  if (snapshotDir === undefined || snapshotDir === '') return '.';
  const posix = toPosix(snapshotDir);
  if (path.posix.isAbsolute(posix) || /^[A-Za-z]:/.test(posix)) return '.';
  return posix;
}

function toPosix(value: string): string {
  return value.replace(/\\/g, '/');
}
