import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { runBuiltCli } from '../helpers/run-cli.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

/**
 * A copy of the built program (the bin and its chunks, the package.json it reads its version from, the schemas, the
 * simulator's datasets, the dependencies linked) in a temporary folder, without `missing` (a path from the copy's root, chosen from the text of
 * its bin and the names of its chunks); the path of its bin and of the file removed.
 */
function brokenCopy(missing: (bin: string, chunks: string[]) => string): { bin: string; removed: string } {
  const root = temporaryFolder('pingone-audit-broken-');
  const src = path.join(root, 'dist', 'src');
  mkdirSync(src, { recursive: true });
  const chunks = readdirSync(packagePath('dist', 'src')).filter((file) => /^chunk-\w+\.js$/.test(file));
  for (const file of ['cli.js', ...chunks]) copyFileSync(packagePath('dist', 'src', file), path.join(src, file));
  copyFileSync(packagePath('package.json'), path.join(root, 'package.json'));
  for (const folder of ['schemas', 'src/simulator/datasets']) cpSync(packagePath(folder), path.join(root, folder), { recursive: true });
  symlinkSync(packagePath('node_modules'), path.join(root, 'node_modules'), 'dir');
  const bin = path.join(src, 'cli.js');
  const removed = path.join(root, missing(readFileSync(bin, 'utf8'), chunks));
  rmSync(removed);
  return { bin, removed };
}

/** The chunks a module's text imports, statically or not. */
function importedChunks(text: string): string[] {
  return [...text.matchAll(/(?:from |import\()"\.\/(chunk-\w+\.js)"/g)].map((match) => match[1]!);
}

const said = (removed: string) =>
  [
    `pingone-audit: the installation is incomplete: ${removed} is missing.`,
    '  what to do: Reinstall pingone-audit: `npm install -g pingone-audit` (or `npm install` in the project that uses it; `npm ci` in a clone, which builds dist/ again).',
    '  error code: installation-incomplete (README.md#error-codes)',
    '',
  ].join('\n');

describe('an installation with a file of its own missing', () => {
  it('says which file and to reinstall, exit 2, when a chunk the bin loads first is gone (Node stopped before any of our code ran)', async () => {
    const { bin, removed } = brokenCopy((text) => `dist/src/${importedChunks(text)[0]!}`);
    const run = await runBuiltCli(['--version'], { bin });
    expect(run.stderr).toBe(said(removed));
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('says so too when the chunk of the command run is gone (loaded only then)', async () => {
    const { bin, removed } = brokenCopy((text, chunks) => {
      // The module that holds runCli (the bin or a chunk it imports) imports each command's as `(await import("./chunk-….js")).rulesCommand`.
      const loaded = [text, ...importedChunks(text).map((chunk) => readFileSync(packagePath('dist', 'src', chunk), 'utf8'))];
      const rulesChunk = loaded.map((chunkText) => /import\("\.\/(chunk-\w+\.js)"\)\)\.rulesCommand/.exec(chunkText)?.[1]).find((chunk) => chunk !== undefined);
      expect(chunks).toContain(rulesChunk);
      return `dist/src/${rulesChunk!}`;
    });
    const intact = await runBuiltCli(['--version'], { bin });
    expect(intact.code).toBe(0);
    const run = await runBuiltCli(['rules'], { bin });
    expect(run.stderr).toBe(said(removed));
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(2);
  });

  it('says so too when a file the package reads is gone: its package.json (at start), a schema (when a file is checked), the dataset of the demo', async () => {
    const noPackageJson = brokenCopy(() => 'package.json');
    const version = await runBuiltCli(['--version'], { bin: noPackageJson.bin });
    expect(version.stderr).toBe(said(noPackageJson.removed));
    expect(version.code).toBe(2);
    const noSchema = brokenCopy(() => 'schemas/report.schema.json');
    const report = path.join(path.dirname(noSchema.bin), 'report.json');
    writeFileSync(report, '{}');
    const merge = await runBuiltCli(['merge', report], { bin: noSchema.bin });
    expect(merge.stderr).toBe(said(noSchema.removed));
    expect(merge.code).toBe(2);
    const noDemo = brokenCopy(() => 'src/simulator/datasets/demo.json');
    const demo = await runBuiltCli(['demo'], { bin: noDemo.bin });
    expect(demo.stderr).toBe(said(noDemo.removed));
    expect(demo.code).toBe(2);
  });
});
