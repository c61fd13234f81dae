import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApiClient, resolveConnectionSettings } from '../fetch/index.js';
import { FORMAT_NAMES } from '../formatters/index.js';
import { loadDataset, startSimulator } from '../simulator/index.js';
import { collectToFolder } from './collect-to-folder.js';
import { defineCommand } from './context.js';
import { withReportOptions, type FailOn } from './output-options.js';
import { auditAndReport, loadReportSetup } from './report-audit.js';

/** The worker the demo signs in with: the auditor's own app in the Administrators environment. */
const DEMO_AUDITOR_APP = 'pingone-audit';

export const registerDemoCommand = defineCommand({
  command: 'demo',
  describe: 'Scan the built-in Acme Corp demo organization on a local simulator: no credentials, no network',
  builder: (y) =>
    withReportOptions(y, FORMAT_NAMES)
      // A demo explains; it does not gate. Pass --fail-on to see the exit code a CI gate would give.
      // Only the default changes: declaring the option again made yargs list every choice twice.
      .default('fail-on', 'none' as FailOn)
      .option('out', { type: 'string', description: 'Keep the demo snapshot in this folder (default: a temporary folder)' }),
  run: async (argv, context) => {
    const { io } = context;
    const setup = loadReportSetup(argv, context);
    const dataset = loadDataset('demo');
    const credential = dataset.credentials.find((candidate) =>
      dataset.environments.some((env) => env.applications.some((app) => app.id === candidate.clientId && app.name === DEMO_AUDITOR_APP)),
    );
    if (credential === undefined) throw new Error(`The demo dataset has no credentials for the "${DEMO_AUDITOR_APP}" worker.`);
    const simulator = await startSimulator({ dataset });
    const out = argv.out ?? (await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-demo-')));
    io.stderr.write(`Demo: Acme Corp on a local PingOne simulator (${simulator.apiUrl}); snapshot in ${out}\n`);
    // The secret goes through the settings' environment, as a real user's would, never through argv or output.
    const settings = resolveConnectionSettings(
      { apiUrl: simulator.apiUrl, authUrl: simulator.authUrl },
      { PINGONE_CLIENT_ID: credential.clientId, PINGONE_CLIENT_SECRET: credential.clientSecret, PINGONE_ENVIRONMENT_ID: credential.environmentId },
    );
    const client = createApiClient(settings, { maxRps: 200, concurrency: 8 });
    try {
      const snapshot = await collectToFolder(context, client, { 'all-environments': true, out });
      const verdict = await auditAndReport({ snapshot, snapshotDir: out, flags: argv, context, setup });
      io.stderr.write('Next: `pingone-audit explain <rule-id>` for any rule above, or `pingone-audit rules` for the catalogue.\n');
      return verdict;
    } finally {
      await client.close();
      await simulator.close();
    }
  },
});
