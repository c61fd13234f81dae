import { cpSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOperands } from '../../src/commands/operands.js';
import { packagePath } from '../../src/paths.js';
import { runCli } from '../helpers/run-cli.js';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-operands-'));
  const demo = await runCli(['demo', '--out', './-snapshot'], { cwd: work });
  expect(demo.code, demo.stderr).toBe(0);
  // The Terraform folder is named like an option, and the working folder holds no configuration of its own.
  mkdirSync(path.join(work, '-infra'));
  cpSync(packagePath('test', 'fixtures', 'terraform', 'resources', 'main.tf'), path.join(work, '-infra', 'main.tf'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('operands after -- and a lone -', () => {
  it('audit reads the snapshot named after --, even when it starts with -', async () => {
    const run = await runCli(['audit', '--fail-on', 'none', '-f', 'json', '--', '-snapshot'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
  });

  it('an operand after -f and -o is no second value of them: each takes one', async () => {
    const run = await runCli(['audit', '--fail-on', 'none', '-f', 'json', '-o', 'report.json', './-snapshot'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('wrote json report to report.json');
  });

  it('diff takes both of its snapshots after --', async () => {
    const run = await runCli(['diff', '--', '-snapshot', '-snapshot'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
  });

  it('terraform audits the folder named after --, not the working folder', async () => {
    const run = await runCli(['terraform', '--fail-on', 'none', '--', '-infra'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('-infra/main.tf');
  });

  it('a lone - is a path named -, never the working folder', async () => {
    const terraform = await runCli(['terraform', '-'], { cwd: path.join(work, '-infra') });
    expect(terraform.code).toBe(2);
    expect(terraform.stderr, terraform.stderr).toMatch(/The Terraform folder \S*\/- does not exist/);
    const audit = await runCli(['audit', '-'], { cwd: work });
    expect(audit.code).toBe(2);
    expect(audit.stderr, audit.stderr).toMatch(/There is no snapshot folder at \S*\/-\./);
  });

  // An unquoted value the shell split in two: the second word may be the rest of a secret, and stderr goes to CI logs.
  it('repeats no argument that comes right after a --client-secret or -var value', async () => {
    const unknown = await runCli(['scan', '-e', 'env', '--client-secret', 'FIRST-HALF', 'SECOND-HALF'], { cwd: work });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown argument: (not shown: it follows the value of --client-secret');
    const extra = await runCli(['terraform', './-infra', '-var', 'password=FIRST-HALF', 'SECOND-HALF', 'THIRD-PART'], { cwd: work });
    expect(extra.code).toBe(2);
    const folder = await runCli(['terraform', '-var', 'password=FIRST-HALF', 'SECOND-HALF'], { cwd: work });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('The Terraform folder named right after a -var value');
    for (const run of [unknown, extra, folder]) expect(run.stderr).not.toMatch(/SECOND-HALF|THIRD-PART/);
  });

  it('leaves options, -o - and completion requests as they are', () => {
    expect(withOperands(['audit', 'x', '--output=-', '-f', 'json'])).toEqual(['audit', 'x', '--output=-', '-f', 'json']);
    expect(withOperands(['audit', '--', '--fail-on', 'x'])).toEqual(['audit', './--fail-on', 'x']);
    expect(withOperands(['--get-yargs-completions', 'pingone-audit', 'audit', '--', '-'])).toEqual(['--get-yargs-completions', 'pingone-audit', 'audit', '--', '-']);
  });
});
