import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { runBuiltCli } from '../helpers/run-cli.js';

// The built binary end to end: what only a real process shows (the exit code set by src/cli.ts,
// output flushed before exit). Everything else runs in-process through runCli.
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-bin-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the pingone-audit binary', () => {
  it('prints help on stdout and exits 0', async () => {
    const run = await runBuiltCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('70 internal error');
    expect(run.stderr).toBe('');
  });

  it('exits 2 on a usage error, saying what to run', async () => {
    const run = await runBuiltCli(['audit']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('run `pingone-audit audit --help` for every option.');
  });

  it('exits 1 when the demo has findings at --fail-on, with the table on stdout', async () => {
    const run = await runBuiltCli(['demo', '--fail-on', 'high', '--out', path.join(work, 'demo')], { cwd: work });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('admin-role-missing');
  });

  it('stops quietly when the reader closes stdout early (| head), keeping its exit code', async () => {
    // The reader goes away before the CLI's first write, as `head` does after its lines.
    const child = spawn(process.execPath, [packagePath('dist', 'src', 'cli.js'), 'rules', '--format', 'json'], { env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
