import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One command's cold start: median wall time over the runs, and the modules it loaded. */
export interface ColdStart {
  label: string;
  medianMs: number;
  modules: number;
  /** The issue 19 target in ms, when the command has one. */
  targetMs?: number;
}

const cli = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const counter = fileURLToPath(new URL('./count-modules.js', import.meta.url));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeRuns(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    times.push(performance.now() - started);
    // 1 is a gate that failed on findings, a full run; anything else ended early and its time would flatter the command.
    if (run.status !== 0 && run.status !== 1) throw new Error(`node ${args.join(' ')} exited with ${run.status ?? run.signal}: its cold start is not a command's`);
  }
  return median(times);
}

function countModules(args: string[]): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pingone-audit-bench-modules-'));
  try {
    const file = path.join(dir, 'modules.txt');
    spawnSync(process.execPath, ['--import', counter, ...args], { stdio: 'ignore', env: { ...process.env, PINGONE_AUDIT_BENCH_MODULES: file } });
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each command's cold start, the built CLI in a fresh process each run, beside `node -e 0`. */
export function measureColdStarts(runs: number): ColdStart[] {
  const snapshot = mkdtempSync(path.join(os.tmpdir(), 'pingone-audit-bench-demo-'));
  try {
    const demo = spawnSync(process.execPath, [cli, 'demo', '--out', path.join(snapshot, 'demo')], { stdio: 'ignore' });
    if (demo.status !== 0 && demo.status !== 1) throw new Error(`demo --out exited with ${demo.status ?? demo.signal}: no demo snapshot to audit`);
    const commands: Array<{ label: string; args: string[]; targetMs?: number }> = [
      { label: 'node -e 0', args: ['-e', '0'] },
      { label: '--help', args: [cli, '--help'], targetMs: 250 },
      { label: 'rules', args: [cli, 'rules'], targetMs: 350 },
      { label: 'explain implicit-grant', args: [cli, 'explain', 'implicit-grant'], targetMs: 350 },
      { label: 'audit (demo snapshot)', args: [cli, 'audit', path.join(snapshot, 'demo')], targetMs: 450 },
      { label: 'demo', args: [cli, 'demo'], targetMs: 600 },
    ];
    return commands.map(({ label, args, targetMs }) => ({
      label,
      medianMs: timeRuns(args, runs),
      modules: label === 'node -e 0' ? 0 : countModules(args),
      ...(targetMs === undefined ? {} : { targetMs }),
    }));
  } finally {
    rmSync(snapshot, { recursive: true, force: true });
  }
}
