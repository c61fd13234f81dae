/**
 * Preloaded into a CLI child of the benchmark (`node --import <this file> dist/src/cli.js …`): when the
 * process exits, writes its CPU time (every thread, GC helpers included; ms) and peak RSS (MiB) as JSON to the
 * file named by `PINGONE_AUDIT_BENCH_USAGE`, so that the CLI is measured as a user runs it, unchanged.
 */
import { writeFileSync } from 'node:fs';

/** What the preloaded child writes. */
export interface ChildUsage {
  cpuMs: number;
  maxRssMiB: number;
}

const target = process.env.PINGONE_AUDIT_BENCH_USAGE;
if (target !== undefined) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    const usage: ChildUsage = { cpuMs: (user + system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
    writeFileSync(target, JSON.stringify(usage));
  });
}
