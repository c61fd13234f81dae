import { FORMAT_CHOICES } from '../formatters/index.js';
import { defineCommand } from './context.js';
import { loadSnapshotFolderWithFiles } from './load-snapshot-folder.js';
import { checkOutputsFirst } from './check-output-paths.js';
import { withReportOptions } from './output-options.js';
import { auditAndReport } from './report-audit.js';

export const auditCommand = defineCommand({
  builder: (y) =>
    withReportOptions(y.positional('snapshot', { type: 'string', demandOption: true, description: 'Snapshot folder written by `pingone-audit snapshot` or `scan`' }), FORMAT_CHOICES).example(
      '$0 audit ./pingone-snapshot -f sarif -o results.sarif',
      'Audit a committed snapshot for GitHub code scanning',
    ),
  run: async (argv, context) => {
    await checkOutputsFirst(context, argv);
    const { snapshot, files } = await loadSnapshotFolderWithFiles(context, argv.snapshot, { reported: true });
    return auditAndReport({ snapshot, snapshotDir: argv.snapshot, snapshotFiles: files, flags: argv, context });
  },
});
