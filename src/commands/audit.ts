import { FORMAT_NAMES } from '../formatters/index.js';
import { loadSnapshot } from '../snapshot/load-snapshot.js';
import type { RegisterCommand } from './context.js';
import { reviewArgs, withReportOptions, type FailOn } from './output-options.js';
import { auditAndReport } from './report-audit.js';

export const registerAuditCommand: RegisterCommand = (yargs, context) =>
  yargs.command(
    'audit <snapshot>',
    'Audit a snapshot folder offline (no network, no credentials)',
    (y) =>
      withReportOptions(
        y.positional('snapshot', { type: 'string', demandOption: true, description: 'Snapshot folder written by `pingone-audit snapshot` or `scan`' }),
        FORMAT_NAMES,
      ).example('$0 audit ./pingone-snapshot -f sarif -o results.sarif', 'Audit a committed snapshot for GitHub code scanning'),
    async (argv) => {
      const snapshotDir = String(argv.snapshot);
      const snapshot = await loadSnapshot(snapshotDir, {
        onWarning: (warning) => process.stderr.write(`warning: ${warning.file}: ${warning.message}\n`),
      });
      await auditAndReport({
        snapshot,
        snapshotDir,
        args: { failOn: argv['fail-on'] as FailOn, allowIncomplete: argv['allow-incomplete'] === true, config: argv.config, review: reviewArgs(argv) },
        context,
      });
    },
  );
