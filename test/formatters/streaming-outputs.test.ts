import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceFile } from '../../src/file-targets.js';
import { chunkedFormatterFor, formatterFor } from '../../src/formatters/index.js';
import { REPORT_SCHEMA_ID, REPORT_SCHEMA_VERSION } from '../../src/formatters/json.js';
import { buildSarifLog, buildSarifLogs } from '../../src/formatters/sarif.js';
import { batchChunks, jsonChunks, MappedJsonArray } from '../../src/output/json-chunks.js';
import { stableStringify } from '../../src/snapshot/stable-json.js';
import { cleanResult, sampleResult } from './fixtures.js';

const plain = { color: false, snapshotDir: 'pingone-snapshot' };
const folders: string[] = [];
afterAll(async () => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** JSON's corners: integer-like keys, toJSON, members and items JSON leaves out or turns to null, empty containers, a newline in a string. */
const awkward = {
  b: [1, { z: undefined, y: [], x: {}, '10': 1, '9': [null, undefined, () => 1, Number.NaN] }],
  a: new Date(0),
  c: 'line\nbreak "quoted"',
  e: [[[[{ q: 1 }]]]],
  f: { toJSON: () => ({ k: [1, 2] }) },
  g: undefined,
};

describe('reports written piece by piece', () => {
  it('prints the bytes of JSON.stringify and of stableStringify, at every depth it opens', () => {
    for (const depth of [0, 1, 2, 3, 6]) {
      expect([...jsonChunks(awkward, { sortKeys: false, depth })].join('')).toBe(`${JSON.stringify(awkward, null, 2)}\n`);
      expect([...jsonChunks(awkward, { sortKeys: true, depth })].join('')).toBe(stableStringify(awkward));
    }
    for (const value of [[], {}, null, 'text', [undefined]]) expect([...jsonChunks(value, { sortKeys: false, depth: 3 })].join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('prints an array made item by item as the array itself, opened at any depth, each item made once and only when printed', () => {
    const made: number[] = [];
    const item = (n: number) => {
      made.push(n);
      return n === 2 ? undefined : { n, deep: [n] };
    };
    const lazy = { list: new MappedJsonArray([1, 2, 3], item), empty: new MappedJsonArray([], () => 1) };
    const expected = `${JSON.stringify({ list: [{ n: 1, deep: [1] }, undefined, { n: 3, deep: [3] }], empty: [] }, null, 2)}\n`;
    for (const depth of [1, 2, 5]) {
      made.length = 0;
      const pieces = jsonChunks(lazy, { sortKeys: false, depth })[Symbol.iterator]();
      while (!String(pieces.next().value).includes('"list"'));
      expect(made, 'nothing made before the list is printed').toEqual([]);
      expect([...jsonChunks(lazy, { sortKeys: false, depth })].join(''), `depth ${depth}`).toBe(expected);
    }
    expect(made).toEqual([1, 2, 3]);
    expect(`${JSON.stringify(lazy, null, 2)}\n`).toBe(expected);
  });

  it('gives JSON and SARIF the bytes they had as one string', () => {
    const result = sampleResult();
    expect([...chunkedFormatterFor('json')!(result, plain)].join('')).toBe(stableStringify({ $schema: REPORT_SCHEMA_ID, schemaVersion: REPORT_SCHEMA_VERSION, ...result }));
    expect([...chunkedFormatterFor('sarif')!(result, plain)].join('')).toBe(`${JSON.stringify(buildSarifLog(result, plain), null, 2)}\n`);
  });

  it('hands over at least one piece per finding in JSON, SARIF, CSV, JUnit and OSCAL, joined into the formatter’s own text', () => {
    for (const format of ['json', 'sarif', 'csv', 'junit', 'oscal-ar', 'oscal-poam']) {
      const result = sampleResult();
      const pieces = [...chunkedFormatterFor(format)!(result, plain)];
      expect(pieces.length, format).toBeGreaterThan(result.findings.length);
      expect(pieces.join(''), format).toBe(formatterFor(format)!(result, plain));
      // Batches of a few characters (the writers use 64 KiB and 1 MiB) keep the bytes.
      expect([...batchChunks(pieces, 10)].join(''), format).toBe(pieces.join(''));
    }
    expect(chunkedFormatterFor('markdown')).toBeUndefined();
  });

  it('writes the pieces to the file as they come, and leaves nothing behind when the formatter fails half-way', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pingone-audit-chunks-'));
    folders.push(folder);
    const file = path.join(folder, 'report.json');
    await replaceFile(file, chunkedFormatterFor('json')!(cleanResult(), plain));
    expect(await readFile(file, 'utf8')).toBe(formatterFor('json')!(cleanResult(), plain));

    function* failing(): Generator<string> {
      yield '{"partial": ';
      throw new Error('formatter bug');
    }
    await expect(replaceFile(path.join(folder, 'broken.json'), failing())).rejects.toThrow('formatter bug');
    expect(await readdir(folder)).toEqual(['report.json']);
  });

  it('cuts SARIF into uploads GitHub takes by gzipped size too, never cutting a run', () => {
    const result = sampleResult();
    const whole = buildSarifLog(result, plain);
    expect(buildSarifLogs(result, plain)).toEqual([whole]);
    // A limit below any run's size: every run is an upload of its own, in order, each category once.
    const cut = buildSarifLogs(result, plain, 1);
    expect(cut.map((log) => log.runs.length)).toEqual(whole.runs.map(() => 1));
    expect(cut.flatMap((log) => log.runs)).toEqual(whole.runs);
  });
});
