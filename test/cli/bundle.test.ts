import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeRealisticSnapshot } from '../../bench/realistic-snapshot.js';
import { runBuiltCli, runCli } from '../helpers/run-cli.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

// dist/src/cli.js is an esbuild bundle (scripts/bundle.ts) that holds the packs and profiles as the build read
// them, measures ASCII text without string-width and points yargs back at its installed files: it must answer
// as the sources do. `npm test` bundles first; `npm run build` before running this file alone.
describe('the bundled CLI', () => {
  it.runIf(process.platform !== 'win32')('is executable, as the bin that npx runs', () => {
    const mode = statSync(new URL('../../dist/src/cli.js', import.meta.url)).mode;
    expect(mode & 0o111).toBe(0o111);
  });

  it('lists the rules with the packs the sources read', async () => {
    const [built, sources] = await Promise.all([runBuiltCli(['rules', '--format', 'json']), runCli(['rules', '--format', 'json'])]);
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('"recommended"');
    expect(built.stdout).toBe(sources.stdout);
  });

  it('names the profiles the sources read, in help wrapped as the sources wrap it', async () => {
    const [built, sources] = await Promise.all([runBuiltCli(['check', '--help']), runCli(['check', '--help'])]);
    expect(built.stdout).toContain('stackone');
    expect(built.stdout).toBe(sources.stdout);
  });

  it("collects the demo through undici's Agent as the sources do: the same report, byte for byte", async () => {
    const [built, sources] = await Promise.all([runBuiltCli(['demo']), runCli(['demo'])]);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/collected: 3 environment\(s\), 80 files, \d+ requests/);
    expect(built.stdout).toContain('admin-dormant');
    expect(built.stdout).toBe(sources.stdout);
  });

  it("finds yargs' locale files: help in German under LANG=de_DE", async () => {
    const run = await runBuiltCli(['--help'], { env: { LANG: 'de_DE.UTF-8' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Kommandos:');
  });

  it('audits a snapshot of about 3,050 files (read in chunks of 128) as the sources do', async () => {
    const dir = temporaryFolder('pingone-audit-bundle-');
    await writeRealisticSnapshot(dir, 0.2);
    const [built, sources] = await Promise.all([runBuiltCli(['audit', dir, '-f', 'json']), runCli(['audit', dir, '-f', 'json'])]);
    expect(built.stderr).not.toContain('internal error');
    expect(built.code).toBe(1);
    const report = (run: { stdout: string }) => {
      const { generatedAt: _at, ...rest } = JSON.parse(run.stdout) as Record<string, unknown>;
      return rest;
    };
    expect((report(built) as { findings: unknown[] }).findings.length).toBeGreaterThan(1000);
    expect(report(built)).toEqual(report(sources));
  });
});
