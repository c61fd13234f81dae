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

  it('leaves options, -o - and completion requests as they are', () => {
    expect(withOperands(['audit', 'x', '--output=-', '-f', 'json'])).toEqual(['audit', 'x', '--output=-', '-f', 'json']);
    expect(withOperands(['audit', '--', '--fail-on', 'x'])).toEqual(['audit', './--fail-on', 'x']);
    expect(withOperands(['--get-yargs-completions', 'pingone-audit', 'audit', '--', '-'])).toEqual(['--get-yargs-completions', 'pingone-audit', 'audit', '--', '-']);
  });
});
