import { UserFacingError } from '../errors.js';
import { ENVIRONMENT_ARRAYS } from '../snapshot/layout.js';
import type { ResourceType } from '../snapshot/model.js';
import { jsonString } from '../output/json-string.js';
import { snapshotFilePath } from './snapshot-file-path.js';

/** The base GitHub resolves relative URIs against: the repository root (CodeQL uses the same id). */
export const SOURCE_ROOT = '%SRCROOT%';

/** The API collection name of each resource type, as in a logical location `envId/applications/appId`. */
export const RESOURCE_COLLECTION: Readonly<Record<ResourceType, string>> = { environment: 'environments', ...ENVIRONMENT_ARRAYS };

/**
 * A resource's logical location is this and its id: `environments/<envId>/applications/` (so
 * `environments/<envId>/applications/<appId>`), `environments/` for an environment itself; organization-wide
 * resources sit under `organization/`. The same for every resource of one type in one scope.
 */
export function fullyQualifiedPrefix(environmentId: string | null, type: ResourceType): string {
  if (type === 'environment') return 'environments/';
  return `${environmentId === null ? 'organization' : `environments/${environmentId}`}/${RESOURCE_COLLECTION[type]}/`;
}

/**
 * A relative, percent-encoded URI: {@link snapshotFilePath} with each segment escaped (RFC 3986 §2.1, of its UTF-8).
 * @throws UserFacingError `argument-invalid` when the path holds a lone UTF-16 surrogate (a Windows file name can): it has
 * no UTF-8 form, so no URI names that file, and one made with U+FFFD in its place would name another file. The commands
 * refuse a snapshot folder so named before any work (`checkOutputsFirst`); what reaches here is a file under the folder
 * a command was given as its argument (a Terraform configuration's).
 */
export function artifactUri(file: string, snapshotDir: string | undefined): string {
  const filePath = snapshotFilePath(file, snapshotDir);
  if (holdsLoneSurrogate(filePath)) throw notUnicode(filePath);
  return filePath
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** Whether `text` holds a UTF-16 surrogate without its pair, which has no UTF-8 form (so no URI can name it). */
export function holdsLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** With the `u` flag a surrogate pair is one code point, so only a lone surrogate is in category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

function notUnicode(filePath: string): UserFacingError {
  return new UserFacingError(
    'argument-invalid',
    `Cannot name ${JSON.stringify(filePath)} in the SARIF report: the path holds a lone UTF-16 surrogate (shown as \\u escapes), which a URI cannot carry.`,
    {
      hint: 'Rename the folder or file so that every name in its path is valid Unicode, then run again; or write a format other than SARIF.',
    },
  );
}

/** A path of plain segments: none empty, `.` or `..`, and no character that `encodeURIComponent` escapes. */
const PLAIN_PATH = /^[\w\-.!~*'()]+(?:\/[\w\-.!~*'()]+)*$/;
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/**
 * {@link artifactUri} of each file of one folder, as JSON text: the folder's part is made once, and a file whose path
 * needs no normalising or escaping (a snapshot's own layout paths, as a rule) is added to it as it is. The same text as
 * `JSON.stringify(artifactUri(file, snapshotDir))`, for some 14,000 files on the realistic snapshot of issue 19.
 */
export function artifactUriJson(snapshotDir: string | undefined): (file: string) => string {
  // `path.posix.join` normalises the folder and adds a plain path to it unchanged: "x" stands for any such path.
  const probe = artifactUri('x', snapshotDir);
  const folder = probe.slice(0, -1);
  return (file) => (PLAIN_PATH.test(file) && !DOT_SEGMENT.test(file) ? `"${folder}${file}"` : jsonString(artifactUri(file, snapshotDir)));
}
