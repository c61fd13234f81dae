import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catchUserFacingError } from '../engine/engine-fixtures.js';
import { DEFAULT_SUPPRESSIONS_FILE, loadSuppressions } from '../../src/suppressions/load-suppressions.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

function folderWith(files: Record<string, string>): string {
  const dir = temporaryFolder('suppressions-');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const errorOf = catchUserFacingError;

const VALID = JSON.stringify({
  suppressions: [{ ruleId: 'implicit-grant', environmentId: 'env-1', resourceId: 'app-1', reason: 'Accepted.', owner: 'iam', expires: '2027-01-31' }],
});

describe('loadSuppressions', () => {
  it('reads ./pingone-audit.suppressions.json when present, and nothing when it is not', () => {
    const loaded = loadSuppressions(undefined, folderWith({ [DEFAULT_SUPPRESSIONS_FILE]: VALID }));
    expect(loaded.file).toBe(DEFAULT_SUPPRESSIONS_FILE);
    expect(loaded.entries).toEqual([expect.objectContaining({ status: 'valid', pointer: '/suppressions/0', suppression: expect.objectContaining({ resourceId: 'app-1' }) })]);
    expect(loadSuppressions(undefined, folderWith({}))).toEqual({ file: undefined, entries: [] });
  });

  it('refuses a named file that does not exist', () => {
    expect(errorOf(() => loadSuppressions('reviewed.json', folderWith({}))).message).toBe('Suppressions file reviewed.json does not exist.');
  });

  it('locates syntax and shape errors in the file (exit 2), instead of silently suppressing nothing', () => {
    const dir = folderWith({
      'broken.json': '{ "suppressions": [ }',
      'array.json': '\n[]',
      'typo.json': '{ "supressions": [] }',
      'extra.json': '{\n  "suppressions": [],\n  "owner": "iam"\n}',
      'not-a-list.json': '{\n  "suppressions": {}\n}',
    });
    expect(errorOf(() => loadSuppressions('broken.json', dir)).message).toBe('broken.json:1:21: not valid JSON: expected a value, found "}"');
    expect(errorOf(() => loadSuppressions('array.json', dir)).message).toBe('array.json:2: $: must be object');
    expect(errorOf(() => loadSuppressions('typo.json', dir)).message).toBe("typo.json:1: $: must have required property 'suppressions'");
    expect(errorOf(() => loadSuppressions('extra.json', dir)).message).toBe('extra.json:3: $.owner: unknown property "owner"');
    expect(errorOf(() => loadSuppressions('not-a-list.json', dir)).message).toBe('not-a-list.json:2: $.suppressions: must be array');
  });

  // JSON.parse keeps the last of two members of one name: a reviewer who read the first would approve another date.
  it('refuses an entry that gives a member twice (exit 2), naming the member and both lines', () => {
    const text = [
      '{ "suppressions": [ {',
      '  "ruleId": "implicit-grant", "environmentId": "env-1", "resourceId": "app-1",',
      '  "reason": "Accepted.", "owner": "iam", "expires": "2026-01-31",',
      '  "expires": "2099-12-31" } ] }',
    ].join('\n');
    const error = errorOf(() => loadSuppressions('twice.json', folderWith({ 'twice.json': text })));
    expect(error.errorCode).toBe('json-invalid');
    expect(error.message).toBe('twice.json:4: $.suppressions[0].expires: given twice (lines 3 and 4); JSON keeps only the last, which may not be the one reviewed');
  });

  it('keeps a malformed entry as invalid with its pointer, so that the run fails closed on it', () => {
    const text = JSON.stringify({ suppressions: [{ ruleId: 'implicit-grant', environmentId: 'env-1', resourceId: 'app-1', reason: 'x', owner: 'iam', expires: 'soon' }] });
    const [only] = loadSuppressions('s.json', folderWith({ 's.json': text })).entries;
    expect(only).toEqual({
      status: 'invalid',
      file: 's.json',
      pointer: '/suppressions/0',
      problem: 'expires: "soon" is not a date (YYYY-MM-DD)',
      identity: { ruleId: 'implicit-grant', environmentId: 'env-1', resourceId: 'app-1' },
    });
  });
});
