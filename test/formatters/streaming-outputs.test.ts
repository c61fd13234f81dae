import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceFile } from '../../src/file-targets.js';
import { chunkedFormatterFor, formatterFor } from '../../src/formatters/index.js';
import { REPORT_SCHEMA_ID, REPORT_SCHEMA_VERSION } from '../../src/formatters/json.js';
import type { Log } from 'sarif';
import { buildSarifUploads, formatSarif } from '../../src/formatters/sarif.js';
import { utf8Blocks, utf8Text } from '../../src/output/byte-blocks.js';
import { withSarifSpool } from '../../src/commands/sarif-spool.js';
import { MAX_UPLOAD_GZIP_BYTES } from '../../src/formatters/sarif-uploads.js';
import { batchChunks, jsonChunks, MappedJsonArray } from '../../src/output/json-chunks.js';
import { stableStringify } from '../../src/snapshot/stable-json.js';
import { temporaryFolder, withSystemTemporaryFolder } from '../helpers/temporary-folder.js';
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

  it('gives JSON the bytes it had as one string', () => {
    const result = sampleResult();
    expect([...chunkedFormatterFor('json')!(result, plain)].join('')).toBe(stableStringify({ $schema: REPORT_SCHEMA_ID, schemaVersion: REPORT_SCHEMA_VERSION, ...result }));
  });

  it('lays SARIF out as JSON.stringify(log, null, 2) would, but each result compact on a line of its own', () => {
    const counts: number[] = [];
    for (const result of [sampleResult(), cleanResult()]) {
      const text = formatSarif(result, plain);
      const log = JSON.parse(text) as Log;
      counts.push(...log.runs.map((run) => run.results?.length ?? 0));
      const compact = log.runs.flatMap((run) => run.results ?? []).map((item) => JSON.stringify(item));
      const placeholders = new Map<unknown, string>(log.runs.flatMap((run) => run.results ?? []).map((item, index) => [item, `@result-${index}@`]));
      const expected = `${JSON.stringify(log, (_key, value: unknown) => placeholders.get(value) ?? value, 2)}\n`.replace(/"@result-(\d+)@"/g, (_match, index: string) => compact[Number(index)]!);
      expect(text).toBe(expected);
    }
    // Runs of several results, of one, and of none.
    expect(counts.some((count) => count > 1) && counts.includes(1) && counts.includes(0)).toBe(true);
  });

  it('hands SARIF over in blocks of UTF-8 that each decode alone, joined into the formatter’s own text', () => {
    const result = sampleResult();
    const blocks = [...chunkedFormatterFor('sarif')!(result, plain)] as Buffer[];
    expect(Buffer.concat(blocks).toString('utf8')).toBe(formatSarif(result, plain));
    // Pieces of one, two, three and four bytes a character, and a piece larger than a block.
    const pieces = ['ascii ', 'é', '€ ', '😀', 'x'.repeat(9), '…’§', '𝔸'.repeat(3)];
    const small = [...utf8Blocks(pieces, 8)];
    expect(small.map((block) => block.toString('utf8')).join('')).toBe(pieces.join(''));
    expect(Buffer.concat(small)).toEqual(Buffer.from(pieces.join('')));
    for (const block of small) expect(Buffer.from(block.toString('utf8'))).toEqual(block);
    expect(small.map((block) => block.length)).toEqual([8, 8, 9, 8, 12]);
    expect([...utf8Blocks([])]).toEqual([]);
    // A lone surrogate (a hostile name) is U+FFFD, as TextEncoder writes it, and never cuts the text.
    const lone = ['a\ud800b', '\udc00', 'c\ud83d'];
    expect(Buffer.concat([...utf8Blocks(lone, 4)])).toEqual(Buffer.from(new TextEncoder().encode(lone.join(''))));
  });

  it('hands over at least one piece per finding in JSON, CSV, JUnit and OSCAL, joined into the formatter’s own text', () => {
    for (const format of ['json', 'csv', 'junit', 'oscal-ar', 'oscal-poam']) {
      const result = sampleResult();
      const pieces = [...chunkedFormatterFor(format)!(result, plain)] as string[];
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

  it('cuts SARIF into uploads GitHub takes by gzipped size too, never cutting a run', async () => {
    const result = sampleResult();
    const whole = formatSarif(result, plain);
    const logs = (uploads: Awaited<ReturnType<typeof buildSarifUploads>>) => uploads.map((upload) => JSON.parse(Buffer.concat([...upload.bytes]).toString('utf8')) as Log);
    expect((await buildSarifUploads(result, plain)).map((upload) => Buffer.concat([...upload.bytes]).toString('utf8'))).toEqual([whole]);
    // A limit below any run's size: every run is an upload of its own, in order, each category once.
    const runs = (JSON.parse(whole) as Log).runs;
    const cut = await buildSarifUploads(result, plain, 1);
    expect(cut.map((upload) => upload.runs)).toEqual(runs.map(() => 1));
    expect(logs(cut).map((log) => log.runs.length)).toEqual(runs.map(() => 1));
    expect(logs(cut).flatMap((log) => log.runs)).toEqual(runs);
    // Over the limit as text but well within it gzipped: one upload, the runs measured gzipped.
    const plainBytes = Buffer.byteLength(whole);
    expect(gzipSync(whole).length * 4).toBeLessThan(plainBytes);
    expect((await buildSarifUploads(result, plain, plainBytes / 2)).map((upload) => upload.runs)).toEqual([runs.length]);
  });

  it('cuts the same uploads from SARIF printed to a temporary file, read back block by block, and removes the file', async () => {
    const result = sampleResult();
    const text = (bytes: Iterable<Uint8Array>) => Array.from(bytes, (block) => utf8Text(block)).join('');
    const temporary = temporaryFolder('sarif-spool-');
    const copied: boolean[] = [];
    const spooled = (maxGzipBytes: number) =>
      withSarifSpool(async (store) => {
        const watched = { keep: (block: Buffer) => copied[copied.push(store.keep(block)) - 1]!, read: store.read };
        return (await buildSarifUploads(result, plain, maxGzipBytes, watched)).map((upload) => ({ runs: upload.runs, text: text(upload.bytes), again: text(upload.bytes) }));
      });
    for (const maxGzipBytes of [MAX_UPLOAD_GZIP_BYTES, Buffer.byteLength(formatSarif(result, plain)) / 2, 1]) {
      const inMemory = (await buildSarifUploads(result, plain, maxGzipBytes)).map((upload) => ({ runs: upload.runs, text: text(upload.bytes), again: text(upload.bytes) }));
      expect(await withSystemTemporaryFolder(temporary, () => spooled(maxGzipBytes))).toEqual(inMemory);
    }
    expect(copied.length).toBeGreaterThan(0);
    expect(copied.every((copy) => copy)).toBe(true);
    expect(await readdir(temporary)).toEqual([]);
  });

  it('holds the SARIF in memory, with the same uploads, where no temporary folder can be made', async () => {
    const result = sampleResult();
    const notAFolder = path.join(temporaryFolder('sarif-spool-'), 'file');
    await writeFile(notAFolder, '');
    const copied: boolean[] = [];
    const uploads = await withSystemTemporaryFolder(notAFolder, () =>
      withSarifSpool(async (store) => {
        const watched = { keep: (block: Buffer) => copied[copied.push(store.keep(block)) - 1]!, read: store.read };
        return (await buildSarifUploads(result, plain, MAX_UPLOAD_GZIP_BYTES, watched)).map((upload) => Buffer.concat([...upload.bytes]).toString('utf8'));
      }),
    );
    expect(uploads).toEqual([formatSarif(result, plain)]);
    expect(copied.length).toBeGreaterThan(0);
    expect(copied.every((copy) => !copy)).toBe(true);
  });

  it('reads a temporary file back in the blocks it was given, so that no character is cut between two', async () => {
    const blocks = ['{"a": "é', '€ 𝄞"', ', "b": 1}', 'x'.repeat(3000)].map((piece) => Buffer.from(piece));
    const read = await withSarifSpool(async (store) => {
      for (const block of blocks) expect(store.keep(block)).toBe(true);
      // Each block is valid until the next is read: decoded at once, as a writer to stdout does.
      const [first, second, third] = [blocks[0]!.length, blocks[1]!.length, blocks[2]!.length];
      const decoded = (bytes: Iterable<Uint8Array>) => Array.from(bytes, (block) => utf8Text(block));
      return [decoded(store.read(0, first + second)), decoded(store.read(first + second, first + second + third + 3000))];
    });
    expect(read).toEqual([
      ['{"a": "é', '€ 𝄞"'],
      [', "b": 1}', 'x'.repeat(3000)],
    ]);
  });
});
