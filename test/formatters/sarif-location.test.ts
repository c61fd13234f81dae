import { describe, expect, it } from 'vitest';
import { artifactUri, artifactUriJson } from '../../src/formatters/sarif-location.js';
import { UserFacingError } from '../../src/errors.js';
import { seededRandom } from '../../src/simulator/seeded-random.js';
import { randomString } from '../helpers/random-string.js';
import { referenceJson } from '../helpers/reference-json.js';

describe('artifactUriJson', () => {
  const folders = [undefined, '', '.', 'snap', 'snap/', './snap//x/../y', 'a b/ü', '..', '/abs/snap', 'C:\\snap', 'dir\\sub'];
  const files = [
    'environments/9f1c2d3e-0000-4000-8000-000000000001/applications/a1c3e5f7-0000-4000-8000-000000000001.json',
    'roles/Environment Admin.json',
    'manifest.json',
    'a/./b.json',
    'a/../b.json',
    '../outside.json',
    'a//b.json',
    '/root.json',
    'trailing/',
    'win\\style.json',
    'odd/%41 "q" ü \u2028.json',
    'bidi/admin\u202Egpj \u200B\u{E0041}\u0085.json',
    "ok/-_.!~*'().json",
    '...json',
    '.hidden/x.json',
  ];

  // The reference: JSON.stringify, hidden characters escaped too (a URI is percent-encoded ASCII: the same text).
  const expectedJson = (file: string, folder: string | undefined) => referenceJson(JSON.stringify(artifactUri(file, folder)));

  it('gives the reference JSON text of artifactUri(file, folder) for plain and unusual paths alike', () => {
    for (const folder of folders) {
      const uriJson = artifactUriJson(folder);
      for (const file of files) expect(uriJson(file), `${folder} + ${file}`).toBe(expectedJson(file, folder));
    }
  });

  // The segments a tenant's ids and names or a user's --out can put in a path, as the escaping sees them.
  const SEGMENTS = [
    '',
    '.',
    '..',
    '...',
    'a',
    'env-1',
    'a b',
    '%41',
    '%',
    '#x',
    'q?=1',
    'ü',
    '日本',
    'a\\b',
    'C:',
    "o'k",
    '(x)',
    '~*!',
    '"',
    '\u2028',
    '\u0001',
    '\u202E',
    '\u200B',
    '\u{E0041}',
    'x.json',
  ];
  const randomPath = (random: () => number) =>
    randomString(
      random,
      5,
      SEGMENTS.map((segment) => `${segment}/`),
    ).slice(0, -1);

  it('gives the reference JSON text of artifactUri(file, folder) for random folders and paths', () => {
    const random = seededRandom(19);
    for (let i = 0; i < 300; i++) {
      // A third of the folders absolute: their part of the URI is dropped, whatever it holds.
      const folder = i % 3 === 0 ? `/abs/${randomPath(random)}` : randomPath(random);
      const uriJson = artifactUriJson(folder);
      for (let j = 0; j < 20; j++) {
        const file = randomPath(random);
        const expected = expectedJson(file, folder);
        if (uriJson(file) !== expected) expect(uriJson(file), `folder ${JSON.stringify(folder)}, file ${JSON.stringify(file)}`).toBe(expected);
      }
    }
  });
});

describe('a path with a lone UTF-16 surrogate', () => {
  it('is refused as a user mistake naming the folder in escapes, not thrown as a URIError', () => {
    let thrown: unknown;
    try {
      artifactUriJson('snaps/acme\ud800');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserFacingError);
    const error = thrown as UserFacingError;
    expect(error.errorCode).toBe('argument-invalid');
    expect(error.message).toContain('"snaps/acme\\ud800/x"');
    expect(error.message).not.toMatch(/\p{Cs}/u);
    expect(error.hint).toMatch(/Rename the folder or file/);
  });

  it('is refused in a file name too, while a surrogate pair is encoded as its UTF-8', () => {
    expect(() => artifactUri('roles/\udc00.json', 'snap')).toThrow(UserFacingError);
    expect(artifactUri('roles/\u{1F600}.json', 'snap')).toBe('snap/roles/%F0%9F%98%80.json');
  });
});
