import path from 'node:path';
import type { Location } from 'sarif';
import type { Finding } from '../engine/types.js';
import { ENVIRONMENT_ARRAYS } from '../snapshot/layout.js';
import type { ResourceType } from '../snapshot/model.js';

/** The base GitHub resolves relative URIs against: the repository root (CodeQL uses the same id). */
export const SOURCE_ROOT = '%SRCROOT%';

/** The API collection name of each resource type, as in a logical location `envId/applications/appId`. */
export const RESOURCE_COLLECTION: Readonly<Record<ResourceType, string>> = { environment: 'environments', ...ENVIRONMENT_ARRAYS };

/**
 * The finding's resource file as a physical location (GitHub rejects results without one) at `uri`, its
 * {@link artifactUri}, plus its place in the tenant as a logical location for consumers that do not read files.
 */
export function toSarifLocation(finding: Finding, uri: string): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: SOURCE_ROOT },
      // Line 0 or an unknown line still has to point somewhere: the top of the file.
      region: { startLine: Math.max(1, Math.trunc(finding.location.line ?? 1)) },
    },
    logicalLocations: [
      {
        name: finding.resource.name,
        // A Terraform resource is known by its address, which is what a reviewer searches the configuration for.
        fullyQualifiedName: finding.location.address ?? fullyQualifiedName(finding),
        kind: 'resource',
        properties: { pointer: finding.pointer, resourceType: finding.resource.type },
      },
    ],
  };
}

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
