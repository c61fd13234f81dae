import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/run-cli.js';
import { runCli as runCapturedCli } from '../helpers/run-cli.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-run-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const quietEnv = { NO_COLOR: '1' };

describe('runCli in-process', () => {
  it('turns an unexpected error into exit 70 with its stack on stderr, and leaves process.exitCode alone', async () => {
    let stderr = '';
    const before = process.exitCode;
    const code = await runCli(['rules'], {
      stdout: {
        write: () => {
          throw new Error('stdout broke');
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      env: quietEnv,
      cwd: work,
    });
    expect(code).toBe(70);
    expect(stderr).toContain('internal error');
    expect(stderr).toMatch(/Error: stdout broke\n\s+at /);
    expect(process.exitCode).toBe(before);
  });

  it('resolves relative paths and finds the default config in io.cwd, not in the process folder', async () => {
    const project = path.join(work, 'project');
    expect((await runCapturedCli(['demo', '--out', path.join(project, 'snap'), '-f', 'json'])).code).toBe(0);
    const audit = ['audit', 'snap', '--fail-on', 'info', '-f', 'json', '-o', 'out/result.json'];
    const run = await runCapturedCli(audit, { cwd: project });
    expect(run.code).toBe(1);
    expect(JSON.parse(await readFile(path.join(project, 'out', 'result.json'), 'utf8'))).toHaveProperty('findings');

    await writeFile(path.join(project, 'pingone-audit.config.json'), JSON.stringify({ notAConfigKey: true }));
    const withConfig = await runCapturedCli(audit, { cwd: project });
    expect(withConfig.code).toBe(2);
    expect(withConfig.stderr).toContain('pingone-audit.config.json');
  }, 60_000);
});
