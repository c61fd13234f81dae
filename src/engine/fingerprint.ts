import * as crypto from 'node:crypto';
import type { ResourceType } from '../snapshot/model.js';
import { canonicalJsonString } from '../output/json-string.js';

/** Node's one-shot digest (20.12 and later): a quarter of the CPU of a Hash object per finding, same bytes. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, outputEncoding: 'hex') => string }).hash;

/**
 * The identity of a finding: SHA-256 (hex) of rule id, environment id, resource type, resource id
 * and JSON pointer. Display names and messages are left out on purpose, so renaming an app or
 * rewording a message keeps baselines, suppressions and SARIF alerts matched.
 */
export function fingerprintFinding(ruleId: string, environmentId: string | null, resourceType: ResourceType, resourceId: string, pointer: string): string {
  // A JSON array is an unambiguous join: no separator can be smuggled in through an id. Written out, it is the text of
  // `JSON.stringify([ruleId, environmentId, resourceType, resourceId, pointer])` without the array: exactly that, never
  // the outputs' escaping of hidden characters, or every baseline, suppression and GitHub alert would stop matching.
  const canonical = `[${canonicalJsonString(ruleId)},${environmentId === null ? 'null' : canonicalJsonString(environmentId)},${canonicalJsonString(resourceType)},${canonicalJsonString(resourceId)},${canonicalJsonString(pointer)}]`;
  return oneShotHash === undefined ? crypto.createHash('sha256').update(canonical, 'utf8').digest('hex') : oneShotHash('sha256', canonical, 'hex');
}
