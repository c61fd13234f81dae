import { FORMAT_NAMES } from '../formatters/index.js';
import type { RegisterCommand } from './context.js';
import { collectToFolder, type CollectionArgs } from './collect-to-folder.js';
import { openConnection, withCollectionOptions, withConnectionOptions, type ConnectionArgs } from './connection-options.js';
import { reviewArgs, withReportOptions, type FailOn } from './output-options.js';
import { auditAndReport } from './report-audit.js';

export const registerScanCommand: RegisterCommand = (yargs, context) =>
  yargs.command(
    'scan',
    'Collect a snapshot, write it, and audit it (same reports and exit codes as `audit`)',
    (y) =>
      withReportOptions(withCollectionOptions(withConnectionOptions(y)), FORMAT_NAMES).example(
        '$0 scan --all-environments -f sarif -o results.sarif',
        'Scan the whole organization for GitHub code scanning',
      ),
    async (argv) => {
      const { client } = await openConnection(argv as unknown as ConnectionArgs);
      try {
        const snapshot = await collectToFolder(client, argv as unknown as CollectionArgs);
        await auditAndReport({
          snapshot,
          snapshotDir: argv.out,
          args: { failOn: argv['fail-on'] as FailOn, allowIncomplete: argv['allow-incomplete'] === true, config: argv.config, review: reviewArgs(argv) },
          context,
        });
      } finally {
        await client.close();
      }
    },
  );
