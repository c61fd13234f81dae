import { FORMAT_CHOICES } from '../formatters/index.js';
import { collectToFolder } from './collect-to-folder.js';
import { withClient, withCollectionOptions, withConnectionOptions } from './connection-options.js';
import { defineCommand } from './context.js';
import { withReportOptions } from './output-options.js';
import { auditAndReport, loadReportSetup } from './report-audit.js';

export const scanCommand = defineCommand({
  builder: (y) =>
    withReportOptions(withCollectionOptions(withConnectionOptions(y)), FORMAT_CHOICES, { verboseLogsCollection: true }).example(
      '$0 scan --all-environments -f sarif -o results.sarif',
      'Scan the whole organization for GitHub code scanning',
    ),
  run: (argv, context) => {
    const setup = loadReportSetup(argv, context);
    return withClient(context, argv, async (client) => {
      const snapshot = await collectToFolder(context, client, argv, { reported: true });
      return auditAndReport({ snapshot, snapshotDir: argv.out, flags: argv, context, setup });
    });
  },
});
