import { describe, expect, it } from 'vitest';
import { runBuiltCli, runCli } from '../helpers/run-cli.js';

// dist/src/cli.js is an esbuild bundle (scripts/bundle.ts) that holds the packs and profiles as the build read
// them, measures ASCII text without string-width and points yargs back at its installed files: it must answer
// as the sources do. `npm test` bundles first; `npm run build` before running this file alone.
describe('the bundled CLI', () => {
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
});
