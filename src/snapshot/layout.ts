import type { EnvironmentSnapshot, ResourceType, SnapshotKind, SnapshotManifest } from './model.js';

/**
 * Where each resource lives in a snapshot folder. Paths are relative to the folder, with forward
 * slashes:
 *
 * ```
 * manifest.json
 * roles/<roleId>.json                                  built-in roles
 * environments/<envId>/environment.json
 * environments/<envId>/<folder>/<id>.json              folder: see ENVIRONMENT_FOLDERS
 * ```
 *
 * Ids come from a remote API, so each becomes a file name segment through {@link encodeSegment}.
 */

export const MANIFEST_FILE = 'manifest.json';

/**
 * `manifest.json` as written: the manifest plus `files`, every other file of the folder (layout
 * path) → the SHA-256 of its bytes, lower-case hex. The loader checks the folder against it and
 * drops it: it describes the folder, not the tenant.
 */
export type WrittenManifest = SnapshotManifest & { files: Record<string, string> };
/** The file of an environment's own record, in its folder. */
export const ENVIRONMENT_FILE = 'environment.json';
const BUILT_IN_ROLES_FOLDER = 'roles';
const ENVIRONMENTS_FOLDER = 'environments';

/** Resource types that live in a folder of their environment. */
export type EnvironmentResourceType = Exclude<ResourceType, 'environment'>;

type EnvironmentArray = Exclude<keyof EnvironmentSnapshot, 'environment'>;

/**
 * Each resource type of an environment, once: its folder in a snapshot, the array of
 * {@link EnvironmentSnapshot} that holds it, and the collection kind whose failure leaves it unread.
 */
export const ENVIRONMENT_RESOURCES: Readonly<Record<EnvironmentResourceType, { folder: string; array: EnvironmentArray; listedBy: SnapshotKind }>> = {
  application: { folder: 'applications', array: 'applications', listedBy: 'applications' },
  user: { folder: 'users', array: 'users', listedBy: 'users' },
  group: { folder: 'groups', array: 'groups', listedBy: 'groups' },
  population: { folder: 'populations', array: 'populations', listedBy: 'populations' },
  signOnPolicy: { folder: 'sign-on-policies', array: 'signOnPolicies', listedBy: 'signOnPolicies' },
  role: { folder: 'roles', array: 'roles', listedBy: 'customRoles' },
  gateway: { folder: 'gateways', array: 'gateways', listedBy: 'gateways' },
  passwordPolicy: { folder: 'password-policies', array: 'passwordPolicies', listedBy: 'passwordPolicies' },
  deviceAuthenticationPolicy: { folder: 'device-authentication-policies', array: 'deviceAuthenticationPolicies', listedBy: 'deviceAuthenticationPolicies' },
  fido2Policy: { folder: 'fido2-policies', array: 'fido2Policies', listedBy: 'fido2Policies' },
  identityProvider: { folder: 'identity-providers', array: 'identityProviders', listedBy: 'identityProviders' },
  resource: { folder: 'resources', array: 'resources', listedBy: 'resources' },
  key: { folder: 'keys', array: 'keys', listedBy: 'keys' },
  certificate: { folder: 'certificates', array: 'certificates', listedBy: 'certificates' },
  subscription: { folder: 'subscriptions', array: 'subscriptions', listedBy: 'subscriptions' },
  customDomain: { folder: 'custom-domains', array: 'customDomains', listedBy: 'customDomains' },
};

/** Every resource type that lives in an environment folder, in layout order. */
export const ENVIRONMENT_RESOURCE_TYPES = Object.keys(ENVIRONMENT_RESOURCES) as EnvironmentResourceType[];

function eachResourceType<V>(pick: (type: EnvironmentResourceType) => V): Readonly<Record<EnvironmentResourceType, V>> {
  return Object.fromEntries(ENVIRONMENT_RESOURCE_TYPES.map((type) => [type, pick(type)])) as Record<EnvironmentResourceType, V>;
}

/** The folder of an environment's snapshot folder that holds each resource type. */
const ENVIRONMENT_FOLDERS = eachResourceType((type) => ENVIRONMENT_RESOURCES[type].folder);

/** The array of {@link EnvironmentSnapshot} that holds each resource type. */
export const ENVIRONMENT_ARRAYS = eachResourceType((type) => ENVIRONMENT_RESOURCES[type].array);

const TYPE_BY_FOLDER = new Map(Object.entries(ENVIRONMENT_FOLDERS).map(([type, folder]) => [folder, type as EnvironmentResourceType]));

const SAFE_CHARACTER = /[A-Za-z0-9_.-]/;
/** An id that is its own segment: safe characters only, not starting with `.`. */
const PLAIN_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;
const CANONICAL_SEGMENT = /^(?:[A-Za-z0-9_-]|%[0-9A-F]{2})(?:[A-Za-z0-9_.-]|%[0-9A-F]{2})*$/;

/**
 * An id as a file or folder name: characters outside `[A-Za-z0-9_.-]` and a leading `.` become
 * `%XX` (UTF-8, upper-case hex). The result never contains `/`, a space or a control character,
 * is never `.`/`..` nor hidden, and {@link decodeSegment} gives the id back.
 */
export function encodeSegment(id: string): string {
  if (id === '') throw new Error('An empty id cannot name a snapshot file.');
  // Nearly every PingOne id (a UUID) needs no escaping: one test instead of one per character.
  if (PLAIN_SEGMENT.test(id)) return id;
  let encoded = '';
  for (const character of id) {
    const safe = SAFE_CHARACTER.test(character) && !(encoded === '' && character === '.');
    encoded += safe ? character : percentEncode(character);
  }
  return encoded;
}

const utf8 = new TextEncoder();

function percentEncode(character: string): string {
  return [...utf8.encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** The id a segment names, or undefined when the segment is not what {@link encodeSegment} writes. */
export function decodeSegment(segment: string): string | undefined {
  // A segment of safe characters alone (every UUID) is its own id: one test instead of decoding and encoding back.
  if (PLAIN_SEGMENT.test(segment)) return segment;
  if (!CANONICAL_SEGMENT.test(segment)) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  // One spelling per id: "%41" decodes to "A" but is not how "A" is written.
  return encodeSegment(id) === segment ? id : undefined;
}

/** The folder of one environment: `environments/<envId>`. */
export function environmentFolder(environmentId: string): string {
  return `${ENVIRONMENTS_FOLDER}/${encodeSegment(environmentId)}`;
}

/**
 * The file of one resource. `environmentId` is required for everything but built-in roles (a role
 * without an environment) and environments (whose own id names the folder).
 */
export function resourceFile(type: ResourceType, environmentId: string | undefined, id: string): string {
  if (type === 'environment') return `${environmentFolder(id)}/${ENVIRONMENT_FILE}`;
  if (environmentId === undefined) {
    if (type === 'role') return `${BUILT_IN_ROLES_FOLDER}/${encodeSegment(id)}.json`;
    throw new Error(`A ${type} resource needs an environment id to name its snapshot file (id ${JSON.stringify(id)}).`);
  }
  return `${environmentFolder(environmentId)}/${ENVIRONMENT_FOLDERS[type]}/${encodeSegment(id)}.json`;
}

/** What a path in a snapshot folder holds, read back from the path alone. */
export type LayoutEntry =
  | { kind: 'manifest' }
  | { kind: 'built-in-role'; id: string }
  | { kind: 'environment'; environmentId: string }
  | { kind: 'resource'; type: EnvironmentResourceType; environmentId: string; id: string };

/** Parses a relative path (forward slashes); undefined when it is not part of the layout. */
export function parseLayoutPath(relativePath: string): LayoutEntry | undefined {
  const slash = relativePath.lastIndexOf('/');
  if (slash === -1) return relativePath === MANIFEST_FILE ? { kind: 'manifest' } : undefined;
  return entryOfFolder(parseLayoutFolder(relativePath.slice(0, slash)), relativePath.slice(slash + 1));
}

/**
 * {@link parseLayoutPath} for many paths in a row: a folder's path is parsed once for the paths that follow it in
 * the same folder, as in a sorted listing (14,000 files in 170 folders), instead of once per file.
 */
export function layoutPathParser(): (relativePath: string) => LayoutEntry | undefined {
  let lastFolder: string | undefined;
  let lastLayout: FolderLayout;
  return (relativePath) => {
    const slash = relativePath.lastIndexOf('/');
    if (slash === -1) return parseLayoutPath(relativePath);
    const folder = relativePath.slice(0, slash);
    if (folder !== lastFolder) {
      lastFolder = folder;
      lastLayout = parseLayoutFolder(folder);
    }
    return entryOfFolder(lastLayout, relativePath.slice(slash + 1));
  };
}

/** What the files of a folder are, from its path alone; undefined for a folder that holds no layout file. */
type FolderLayout = { kind: 'built-in-roles' } | { kind: 'environment'; environmentId: string } | { kind: 'resources'; type: EnvironmentResourceType; environmentId: string } | undefined;

function parseLayoutFolder(folder: string): FolderLayout {
  if (folder === BUILT_IN_ROLES_FOLDER) return { kind: 'built-in-roles' };
  const parts = folder.split('/');
  if (parts[0] !== ENVIRONMENTS_FOLDER || parts.length < 2 || parts.length > 3) return undefined;
  const environmentId = decodeSegment(parts[1]!);
  if (environmentId === undefined) return undefined;
  if (parts.length === 2) return { kind: 'environment', environmentId };
  const type = TYPE_BY_FOLDER.get(parts[2]!);
  return type === undefined ? undefined : { kind: 'resources', type, environmentId };
}

function entryOfFolder(folder: FolderLayout, fileName: string): LayoutEntry | undefined {
  if (folder === undefined) return undefined;
  if (folder.kind === 'environment') return fileName === ENVIRONMENT_FILE ? { kind: 'environment', environmentId: folder.environmentId } : undefined;
  const id = idOfFileName(fileName);
  if (id === undefined) return undefined;
  return folder.kind === 'built-in-roles' ? { kind: 'built-in-role', id } : { kind: 'resource', type: folder.type, environmentId: folder.environmentId, id };
}

function idOfFileName(fileName: string): string | undefined {
  return fileName.endsWith('.json') ? decodeSegment(fileName.slice(0, -'.json'.length)) : undefined;
}
