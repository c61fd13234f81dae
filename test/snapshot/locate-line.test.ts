import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '../../src/engine/types.js';
import { scanJson } from '../../src/snapshot/json-scanner.js';
import { atNearestAncestor, createLineLocator, folderFileSource, resolveFindingLines } from '../../src/snapshot/locate-line.js';
import { linesOfPointers } from '../../src/snapshot/pointer-line.js';
import { stableStringify } from '../../src/snapshot/stable-json.js';
import { temporaryFolder } from './snapshot-fixtures.js';

const APP_TEXT = [
  '{', //                                                 1
  '  "_embedded": {', //                                  2
  '    "grants": [', //                                   3
  '      {', //                                           4
  '        "id": "grant-1",', //                          5
  '        "scopes": [{ "id": "s1" }, { "id": "s2" }]', // 6
  '      }', //                                           7
  '    ]', //                                             8
  '  },', //                                              9
  '  "a/b": "slash",', //                                10
  '  "m~n": "tilde",', //                                11
  '  "name": "He said \\"}\\" \\\\",', //                12
  '  "redirectUris": [', //                              13
  '    "https://one.example.com",', //                   14
  '', //                                                 15
  '    "https://two.example.com"', //                    16
  '  ],', //                                             17
  '  "corsSettings": {', //                              18
  '    "behavior": "ALLOW_NO_ORIGINS"', //               19
  '  },', //                                             20
  '  "\\u0041pos": true', //                             21
  '}', //                                                22
].join('\n');

const locate = createLineLocator((file) => (file === 'app.json' ? APP_TEXT : undefined));

describe('createLineLocator', () => {
  it('finds the line of a top-level property and of the root', () => {
    expect(locate('app.json', '/redirectUris')).toBe(13);
    expect(locate('app.json', '')).toBe(1);
  });

  it('finds array items, blank lines between them included', () => {
    expect(locate('app.json', '/redirectUris/0')).toBe(14);
    expect(locate('app.json', '/redirectUris/1')).toBe(16);
  });

  it('finds nested properties inside arrays of objects', () => {
    expect(locate('app.json', '/_embedded/grants/0')).toBe(4);
    expect(locate('app.json', '/_embedded/grants/0/id')).toBe(5);
    expect(locate('app.json', '/_embedded/grants/0/scopes/1/id')).toBe(6);
    expect(locate('app.json', '/corsSettings/behavior')).toBe(19);
  });

  it('unescapes RFC 6901 ~1 and ~0, and JSON escapes in keys', () => {
    expect(locate('app.json', '/a~1b')).toBe(10);
    expect(locate('app.json', '/m~0n')).toBe(11);
    expect(locate('app.json', '/Apos')).toBe(21);
  });

  it('is not fooled by brackets and quotes inside strings', () => {
    expect(locate('app.json', '/name')).toBe(12);
    expect(locate('app.json', '/redirectUris/0')).toBe(14);
  });

  it('falls back to the nearest ancestor that exists', () => {
    expect(locate('app.json', '/refreshTokenType')).toBe(1);
    expect(locate('app.json', '/corsSettings/origins')).toBe(18);
    expect(locate('app.json', '/corsSettings/origins/0')).toBe(18);
    expect(locate('app.json', '/redirectUris/7')).toBe(13);
  });

  it('gives no line for a file it cannot read or that is not JSON', () => {
    expect(locate('missing.json', '/x')).toBeUndefined();
    const broken = createLineLocator(() => '{ "a": ');
    expect(broken('x.json', '/a')).toBeUndefined();
  });

  it('reads each file once', () => {
    let reads = 0;
    const counting = createLineLocator(() => {
      reads += 1;
      return '{\n  "a": 1\n}';
    });
    counting('f.json', '/a');
    counting('f.json', '');
    counting('f.json', '/b');
    expect(reads).toBe(1);
  });

  it('agrees with files as stableStringify writes them', () => {
    const text = stableStringify({ z: [{ y: 1 }, { x: { w: 2 } }], a: 'first' });
    const lines = text.split('\n');
    const at = createLineLocator(() => text);
    expect(lines[at('f.json', '/z/1/x/w')! - 1]).toContain('"w": 2');
    expect(lines[at('f.json', '/a')! - 1]).toContain('"a": "first"');
  });
});

describe('scanJson syntax errors', () => {
  it.each([
    ['{\n  "a": 1,\n}', 3, 1, /expected a property name/],
    ['{\n  "a": [1, 2,]\n}', 2, 14, /expected a value/],
    ['{ "a": "unterminated', 1, 21, /unterminated string/],
    ['{ "a": "bad \\q escape" }', 1, 13, /invalid escape/],
    ['{ "a": "line\nbreak" }', 1, 13, /line break inside a string/],
    ['{ "a": 01 }', 1, 9, /expected ',' or '}'/],
    ['{ "a": 1 } trailing', 1, 12, /after the end/],
    ["{ 'a': 1 }", 1, 3, /double quotes/],
    ['', 1, 1, /expected a value, found the end of the file/],
  ])('locates the error in %j', (text, line, column, message) => {
    const { error } = scanJson(text);
    expect(error).toMatchObject({ line, column, message: expect.stringMatching(message) });
  });

  it('accepts every valid JSON value, as JSON.parse does', () => {
    for (const text of ['{}', '[]', '0', '-1.5e+10', '"\\u00e9\\/"', 'true', 'null', ' \r\n\t{ "a" : [ null , false ] } ']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(scanJson(text).error).toBeUndefined();
    }
  });
});

describe('resolveFindingLines', () => {
  it('fills the line of findings and suppressed findings from the snapshot files, leaving unreadable files without one', async () => {
    const dir = await temporaryFolder();
    const file = 'environments/env-1/applications/app-1.json';
    await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
    await writeFile(path.join(dir, file), stableStringify({ id: 'app-1', grantTypes: ['IMPLICIT'], name: 'App' }));
    const finding = (pointer: string, location: string): Finding => ({ pointer, location: { file: location } }) as Finding;
    const result = {
      findings: [finding('/grantTypes/0', file), finding('/pkceEnforcement', file), finding('', 'environments/env-1/users/gone.json')],
      suppressed: [finding('/name', file)],
    } as AuditResult;

    resolveFindingLines(result, folderFileSource(dir));

    expect(result.findings.map((item) => item.location.line)).toEqual([3, 1, undefined]);
    expect(result.findings[2]!.location).not.toHaveProperty('line');
    expect(result.suppressed[0]!.location.line).toBe(6);
  });
});

describe('linesOfPointers', () => {
  /** One pointer's line, from a walk of its own. */
  const lineOfPointer = (text: string, pointer: string) => linesOfPointers(text, [pointer])[0];
  /** What createLineLocator answers: the line scanJson maps for the pointer or its nearest ancestor. */
  const scanned = (text: string, pointer: string) => {
    const { lines } = scanJson(text);
    return lines === undefined ? undefined : atNearestAncestor(lines, pointer);
  };
  /** Every pointer scanJson maps, and for each a child that is not there. */
  const pointersOf = (text: string) => [...scanJson(text).lines!.keys()].flatMap((pointer) => [pointer, `${pointer}/absent`, `${pointer}/0`, `${pointer}/9`]);
  const agrees = (text: string, extra: string[] = []) => {
    const pointers = [...pointersOf(text), ...extra];
    for (const pointer of pointers) expect([pointer, lineOfPointer(text, pointer)]).toEqual([pointer, scanned(text, pointer)]);
    // All of a file's pointers in one walk, repeated and in reverse too, answer as each alone does.
    const together = [...pointers, ...pointers.toReversed()];
    expect(linesOfPointers(text, together)).toEqual(together.map((pointer) => scanned(text, pointer)));
  };

  it('gives the line scanJson gives, for every pointer of a file and for ones that are not there', () => {
    agrees(APP_TEXT, ['', 'no-slash', '/', '/a~1b/x', '/m~0n', '/m~n', '/redirectUris/01', '/redirectUris/-']);
    agrees(stableStringify({ z: [{ y: 1 }, { x: { w: [2, [3, { v: null }]] } }], a: 'first', '': { '': [] }, 'q"}]': { '0': 'x' } }));
    agrees(JSON.stringify({ compact: [1, { two: [true, false] }], 'with\\backslash': '\\"' }));
    agrees('  \n  "root string"  ');
  });

  it('reads a key with escapes as the name it stands for, never as the text it is written with', () => {
    const text = ['{', '  "x\\u0041": 1,', '  "y": 2,', '  "x\\\\": 3', '}'].join('\n');
    agrees(text, ['/x\\u0041', '/x\\\\', '/xA', '/x\\']);
    expect(lineOfPointer(text, '/xA')).toBe(2);
    expect(lineOfPointer(text, '/x\\')).toBe(4);
    expect(lineOfPointer(text, '/x\\u0041')).toBe(1);
  });

  it('takes the last of duplicate keys that holds the whole path, as the scan maps them', () => {
    const text = ['{', '  "a": { "x": 1 },', '  "b": 2,', '  "a": { "y": 2 }', '}'].join('\n');
    agrees(text, ['/a/x', '/a/y', '/a/z']);
    expect(lineOfPointer(text, '/a')).toBe(4);
    expect(lineOfPointer(text, '/a/x')).toBe(2);
  });

  it('gives no line for empty text, and never throws on text that is not JSON', () => {
    expect(lineOfPointer('', '/a')).toBeUndefined();
    expect(lineOfPointer(' \n ', '')).toBeUndefined();
    for (const broken of ['{ "a": ', '{"a" 1}', '[1, ', '{"\\q": 1}', '{"a": [}', '"unterminated', '{"a": {"b": 1']) {
      expect(() => lineOfPointer(broken, '/a/b/0')).not.toThrow();
      const pointers = ['/a/b/0', '/a', '/0/x', '/1', ''];
      expect(linesOfPointers(broken, pointers)).toEqual(pointers.map((pointer) => lineOfPointer(broken, pointer)));
    }
    expect(linesOfPointers(' ', ['', '/a'])).toEqual([undefined, undefined]);
  });
});
