import { describe, expect, it } from 'vitest';
import { artifactUri, artifactUriJson } from '../../src/formatters/sarif-location.js';

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
    "ok/-_.!~*'().json",
    '...json',
    '.hidden/x.json',
  ];

  it('gives the text of JSON.stringify(artifactUri(file, folder)) for plain and unusual paths alike', () => {
    for (const folder of folders) {
      const uriJson = artifactUriJson(folder);
      for (const file of files) expect(uriJson(file), `${folder} + ${file}`).toBe(JSON.stringify(artifactUri(file, folder)));
    }
  });
});
