import { describe, expect, it } from 'vitest';
import { snapshotFileLine } from '../../src/formatters/snapshot-file-path.js';

describe('snapshotFileLine', () => {
  it.each([
    [{ file: 'env/applications.json', line: 12 }, 'snap', 'snap/env/applications.json:12'],
    [{ file: 'env\\applications.json', line: 3 }, 'audits\\snap', 'audits/snap/env/applications.json:3'],
    [{ file: 'env/applications.json' }, 'snap', 'snap/env/applications.json'],
    // An absolute folder has no place in a repository-relative path: the file stands alone.
    [{ file: 'env/users.json', line: 1 }, '/tmp/snap', 'env/users.json:1'],
    [{ file: 'env/users.json', line: 7 }, undefined, 'env/users.json:7'],
  ])('%o in %s → %s', (location, snapshotDir, expected) => {
    expect(snapshotFileLine(location, snapshotDir)).toBe(expected);
  });
});
