import { setFlagsFromString } from 'node:v8';
import { createApiClient, resolveConnectionSettings } from '../fetch/index.js';
import { FORMAT_CHOICES } from '../formatters/index.js';
import { loadDataset, startSimulator } from '../simulator/index.js';
import { collectInMemory, collectToFolder } from './collect-to-folder.js';
import { keptTemporaryFolder } from './temporary-folder.js';
import { defineCommand } from './context.js';
import { checkOutputsFirst } from './check-output-paths.js';
import { withReportOptions, type FailOn } from './output-options.js';
import { auditAndReport, loadReportSetup } from './report-audit.js';
import type { Verdict } from '../verdict.js';

/** The worker the demo signs in with: the auditor's own app in the Administrators environment. */
const DEMO_AUDITOR_APP = 'pingone-audit';

export const demoCommand = defineCommand({
  builder: (y) =>
    withReportOptions(y, FORMAT_CHOICES)
      // A demo explains; it does not gate. Pass --fail-on to see the exit code a CI gate would give.
      // Only the default changes: declaring the option again made yargs list every choice twice.
      .default('fail-on', 'none' as FailOn)
      .option('out', { type: 'string', description: 'Write the demo snapshot to this folder (default: none is written)' })
      .option('keep', { type: 'boolean', default: false, description: 'Write the snapshot to a new temporary folder, keep it and print where it is' }),
  run: async (argv, context) => {
    const { io } = context;
    // Before the simulator starts: a bad -o or --out is said at once, not after the whole collection.
    await checkOutputsFirst(context, argv);
    const setup = loadReportSetup(argv, context);
    const dataset = loadDataset('demo');
    const credential = dataset.credentials.find((candidate) => dataset.environments.some((env) => env.applications.some((app) => app.id === candidate.clientId && app.name === DEMO_AUDITOR_APP)));
    if (credential === undefined) throw new Error(`The demo dataset has no credentials for the "${DEMO_AUDITOR_APP}" worker.`);
    const simulator = await startSimulator({ dataset });
    // The secret goes through the settings' environment, as a real user's would, never through argv or output.
    const settings = resolveConnectionSettings(
      { apiUrl: simulator.apiUrl, authUrl: simulator.authUrl },
      { PINGONE_CLIENT_ID: credential.clientId, PINGONE_CLIENT_SECRET: credential.clientSecret, PINGONE_ENVIRONMENT_ID: credential.environmentId },
    );
    // undici parses answers with llhttp compiled to WebAssembly. V8 compiles it at once with its baseline compiler
    // (Liftoff), then again with TurboFan on a helper thread: ~0.4 s of CPU and ~30 MiB, a third of the demo's CPU, for
    // a parser that reads 168 KB here. Liftoff's code parses the same bytes the same way, only slower per byte. The flag
    // holds for the rest of the process and for WebAssembly compiled after it only: undici compiles llhttp once per
    // process, at its first HTTP/1.1 connection (a process that made one already keeps its code). The CLI ends with the
    // demo; an in-process caller (runCli in the tests) compiles any later module (web-tree-sitter's) with Liftoff alone.
    setFlagsFromString('--liftoff-only');
    // Its own in-process simulator sets no rate limit: pacing it (200/s) only made the demo wait.
    const client = createApiClient(settings, { maxRps: Number.POSITIVE_INFINITY, concurrency: 8 });
    const demoOn = `Demo: Acme Corp on a local PingOne simulator (${simulator.apiUrl})`;
    const next = (verdict: Verdict) => {
      io.stderr.write('Next: `pingone-audit explain <rule-id>` for any rule above, or `pingone-audit rules` for the catalogue.\n');
      return verdict;
    };
    try {
      if (argv.out === undefined && !argv.keep) {
        // Nobody keeps this snapshot: its files are built in memory, for the findings' lines, and none is written.
        io.stderr.write(`${demoOn}; snapshot kept in memory, not written (--out DIR or --keep writes it)\n`);
        const { snapshot, files } = await collectInMemory(context, client, { 'all-environments': true }, { reported: true });
        return next(await auditAndReport({ snapshot, snapshotFiles: files, flags: argv, context, setup }));
      }
      const dir = argv.out ?? (await keptTemporaryFolder('demo'));
      io.stderr.write(`${demoOn}; snapshot in ${dir}\n`);
      const snapshot = await collectToFolder(context, client, { 'all-environments': true, out: dir }, { reported: true });
      return next(await auditAndReport({ snapshot, snapshotDir: dir, flags: argv, context, setup }));
    } finally {
      await client.close();
      await simulator.close();
    }
  },
});
