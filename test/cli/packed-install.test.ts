import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { runBuiltCli } from '../helpers/run-cli.js';

// "Install anywhere": the tarball `npm pack` makes, installed into an empty folder outside the clone, runs on its
// own files. One pack and one install per run; the dependencies come from the npm cache `npm ci` filled where it can
// (--prefer-offline), else from the npm registry the machine uses. No install script runs: the package has none.
// Each step starts a fresh Node process on a loaded machine: the timeouts are generous, and nothing is timed.
const run = promisify(execFile);
let work: string;
let packed: string[];
let bin: string;
let app: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-packed-'));
  // --ignore-scripts packs the dist/ that `npm test` just built: prepack would delete it under the other tests.
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: packagePath() });
  const [tarball] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  packed = tarball.files.map((file) => file.path);
  app = path.join(work, 'app');
  await mkdir(app);
  // Without a package.json of its own, npm installs into the nearest folder above that has node_modules (a stray
  // /tmp/node_modules, say), and the test would run someone else's install.
  await writeFile(path.join(app, 'package.json'), '{"name":"packed-install-check","private":true}\n');
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', path.join(work, tarball.filename)], { cwd: app });
  bin = path.join(app, 'node_modules', '.bin', 'pingone-audit');
}, 240_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the built program (the bundle, not the modules tsc built beside it) and the data it reads, and no sources, tests or source maps', () => {
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/src/cli.js',
      'dist/validators/snapshot.cjs',
      'schemas/config.schema.json',
      'rules/packs/recommended.json',
      'rules/profiles/stackone.json',
      'src/simulator/datasets/demo.json',
    ]) {
      expect(packed, file).toContain(file);
    }
    expect(packed.filter((file) => /^dist\/src\/chunk-[^/]+\.js$/.test(file)).length).toBeGreaterThan(0);
    // tsc's unbundled modules (dist/rules, dist/src/*/) are for the tests and the benchmarks: the bundle replaces them.
    const unwanted = packed.filter(
      (file) => /^(test|bench|dist\/bench|dist\/rules|schemas\/pingone-api)\//.test(file) || /^dist\/src\/(?!cli\.js$|chunk-)/.test(file) || file.endsWith('.ts') || file.endsWith('.map'),
    );
    expect(unwanted).toEqual([]);
  });

  it('installs into an empty folder and runs the demo there, on its own files', { timeout: 120_000 }, async () => {
    const demo = await runBuiltCli(['demo', '--out', 'demo-snapshot', '--fail-on', 'none'], { bin, cwd: app });
    expect(demo.stderr).toContain('wrote snapshot to demo-snapshot');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('admin-role-missing');
    expect(existsSync(path.join(app, 'demo-snapshot', 'manifest.json'))).toBe(true);
    // The bin link resolves into the installed copy, not into the clone the tarball came from.
    expect(existsSync(path.join(app, 'node_modules', 'pingone-audit', 'dist', 'src', 'cli.js'))).toBe(true);
  });

  it('audits that snapshot offline with the packs it ships and gates on it', { timeout: 120_000 }, async () => {
    const audit = await runBuiltCli(['audit', 'demo-snapshot', '-f', 'json', '-o', 'report.json', '--fail-on', 'high'], { bin, cwd: app });
    expect(audit.code).toBe(1);
    const report = JSON.parse(await readFile(path.join(app, 'report.json'), 'utf8')) as { findings: { ruleId: string }[] };
    expect(report.findings.length).toBeGreaterThan(10);
    expect(report.findings.map((finding) => finding.ruleId)).toContain('admin-role-missing');
  });

  it('audits Terraform configuration there: the HCL grammar loads from the installed WebAssembly, nothing compiled', { timeout: 120_000 }, async () => {
    await mkdir(path.join(app, 'infra'));
    await writeFile(
      path.join(app, 'infra', 'main.tf'),
      'resource "pingone_application" "web" {\n  name = "Web"\n  oidc_options = {\n    type = "WEB_APP"\n    grant_types = ["AUTHORIZATION_CODE"]\n    redirect_uris = ["http://web.example.com/cb"]\n  }\n}\n',
    );
    const terraform = await runBuiltCli(['terraform', 'infra', '-f', 'json', '-o', 'terraform.json', '--fail-on', 'none', '--allow-incomplete'], { bin, cwd: app });
    expect(terraform.code, terraform.stderr).toBe(0);
    const report = JSON.parse(await readFile(path.join(app, 'terraform.json'), 'utf8')) as { findings: { ruleId: string; location: { file: string; line?: number } }[] };
    expect(report.findings.find((finding) => finding.ruleId === 'redirect-uri-not-https')?.location).toMatchObject({ file: 'infra/main.tf', line: 6 });
  });
});
