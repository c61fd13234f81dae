import { describe, expect, it } from 'vitest';
import { decodeSegment, encodeSegment, layoutPathParser, parseLayoutPath, resourceFile } from '../../src/snapshot/layout.js';

describe('resourceFile', () => {
  it('places each resource type in its folder', () => {
    expect(resourceFile('environment', 'env-1', 'env-1')).toBe('environments/env-1/environment.json');
    expect(resourceFile('role', undefined, 'role-1')).toBe('roles/role-1.json');
    expect(resourceFile('role', 'env-1', 'custom-1')).toBe('environments/env-1/roles/custom-1.json');
    expect(resourceFile('application', 'env-1', 'app-1')).toBe('environments/env-1/applications/app-1.json');
    expect(resourceFile('user', 'env-1', 'u')).toBe('environments/env-1/users/u.json');
    expect(resourceFile('group', 'env-1', 'g')).toBe('environments/env-1/groups/g.json');
    expect(resourceFile('population', 'env-1', 'p')).toBe('environments/env-1/populations/p.json');
    expect(resourceFile('signOnPolicy', 'env-1', 's')).toBe('environments/env-1/sign-on-policies/s.json');
    expect(resourceFile('gateway', 'env-1', 'gw')).toBe('environments/env-1/gateways/gw.json');
  });

  it('needs an environment for everything but built-in roles and environments', () => {
    expect(() => resourceFile('application', undefined, 'app-1')).toThrow(/environment id/);
  });

  it('encodes unsafe ids so that each stays one segment inside its folder', () => {
    expect(resourceFile('application', '../..', 'a/b c')).toBe('environments/%2E.%2F../applications/a%2Fb%20c.json');
    expect(resourceFile('user', 'env', '..')).toBe('environments/env/users/%2E..json');
  });
});

describe('encodeSegment and decodeSegment', () => {
  const unsafe = ['.', '..', '.hidden', 'a/b', 'a\\b', 'with space', 'tab\there', 'nul\u0000', 'percent%41', 'ünïcødé', '\u{1F600}', 'C:', 'x..y'];

  it.each(unsafe)('encodes %j to a safe, reversible segment', (id) => {
    const segment = encodeSegment(id);
    expect(segment).toMatch(/^[A-Za-z0-9_%-][A-Za-z0-9_.%-]*$/);
    expect(segment).not.toMatch(/^\.\.?$/);
    expect(decodeSegment(segment)).toBe(id);
  });

  it('keeps safe ids as they are', () => {
    const uuid = '6f1c8e7e-1b2a-4c3d-9e8f-0a1b2c3d4e5f';
    expect(encodeSegment(uuid)).toBe(uuid);
    expect(encodeSegment('a.b_c-D')).toBe('a.b_c-D');
  });

  it('refuses an empty id', () => {
    expect(() => encodeSegment('')).toThrow(/empty id/);
  });

  it('reads back only the spelling it writes', () => {
    expect(decodeSegment('%41')).toBeUndefined();
    expect(decodeSegment('%2f')).toBeUndefined();
    expect(decodeSegment('.hidden')).toBeUndefined();
    expect(decodeSegment('a b')).toBeUndefined();
    expect(decodeSegment('%FF')).toBeUndefined();
  });
});

describe('parseLayoutPath', () => {
  it('reads every kind of layout path back', () => {
    expect(parseLayoutPath('manifest.json')).toEqual({ kind: 'manifest' });
    expect(parseLayoutPath('roles/r%2F1.json')).toEqual({ kind: 'built-in-role', id: 'r/1' });
    expect(parseLayoutPath('environments/e/environment.json')).toEqual({ kind: 'environment', environmentId: 'e' });
    expect(parseLayoutPath('environments/e/sign-on-policies/p.json')).toEqual({ kind: 'resource', type: 'signOnPolicy', environmentId: 'e', id: 'p' });
  });

  it('parses what resourceFile writes', () => {
    const file = resourceFile('gateway', 'env one', 'gw/1');
    expect(parseLayoutPath(file)).toEqual({ kind: 'resource', type: 'gateway', environmentId: 'env one', id: 'gw/1' });
  });

  it.each(['README.md', 'roles/x.txt', 'environments/e/notes.json', 'environments/e/apps/a.json', 'environments/e/users/deep/u.json', 'roles/.json'])('does not recognise %s', (file) => {
    expect(parseLayoutPath(file)).toBeUndefined();
  });

  it('answers path after path as it does for each path alone, whichever folder came before', () => {
    const paths = [
      'manifest.json',
      'roles/a.json',
      'roles/b.txt',
      'roles/x/c.json',
      'environments',
      'environments/e',
      'environments/e/environment.json',
      'environments/e/notes.json',
      'environments/e/users/u.json',
      'environments/e/users/v.json',
      'environments/e/users/deep/u.json',
      'environments/e/apps/a.json',
      'environments/%zz/environment.json',
      'environments/f/users/u.json',
      'environments/e/users/w.json',
      '/manifest.json',
      'roles/',
      '',
    ];
    const parse = layoutPathParser();
    const expected = paths.map((file) => parseLayoutPath(file));
    expect(expected.filter((entry) => entry !== undefined)).toHaveLength(7);
    expect(paths.map((file) => parse(file))).toEqual(expected);
    expect([...paths].reverse().map((file) => parse(file))).toEqual([...expected].reverse());
  });
});
