import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathWithin } from '../src/path-within.js';

describe('pathWithin', () => {
  const folder = path.resolve('/work/repo');

  it('gives the path below the folder, and an empty one for the folder itself', () => {
    expect(pathWithin(folder, path.join(folder, 'snap', 'r.json'))).toBe(path.join('snap', 'r.json'));
    expect(pathWithin(folder, folder)).toBe('');
  });

  it('keeps a name that only starts with two dots inside the folder', () => {
    // Before, three copies of this check read any relative path starting with ".." as outside.
    expect(pathWithin(folder, path.join(folder, '..notes'))).toBe('..notes');
    expect(pathWithin(folder, path.join(folder, '..snap', 'manifest.json'))).toBe(path.join('..snap', 'manifest.json'));
  });

  it('is undefined for the parent, a sibling and anything elsewhere', () => {
    expect(pathWithin(folder, path.dirname(folder))).toBeUndefined();
    expect(pathWithin(folder, path.resolve('/work/repo2'))).toBeUndefined();
    expect(pathWithin(folder, path.resolve('/work/repo/../other/x.tf'))).toBeUndefined();
    expect(pathWithin(folder, path.resolve('/etc/passwd'))).toBeUndefined();
  });
});
