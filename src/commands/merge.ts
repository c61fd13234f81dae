import { UserFacingError } from '../errors.js';
import { FORMAT_CHOICES } from '../formatters/index.js';
import { mergeReports } from '../merge/merge-reports.js';
import { readReportFile } from '../report/read-report.js';
import { defineCommand, resolvePath } from './context.js';
import { checkOutputsFirst } from './check-output-paths.js';
import { pairOutputs } from './output-targets.js';
import { withOutputOptions } from './output-options.js';
import { reportResult } from './report-result.js';
import { historyFlag } from './history-flag.js';
import { applyHistory } from '../history/apply-history.js';

export const mergeCommand = defineCommand({
  builder: (y) =>
    withOutputOptions(
      y.positional('reports', { type: 'string', array: true, demandOption: true, description: 'JSON reports (-f json) of the jobs of a CI matrix, one per environment or organization' }),
      FORMAT_CHOICES,
    )
      .option('fail-on-new', {
        type: 'boolean',
        default: false,
        description: 'When every job ran with --baseline: --fail-on counts only new findings (and ones now more severe)',
      })
      .example('$0 merge reports/*.json -f sarif -o results.sarif -f html -o report.html', 'Combine the per-environment reports of a CI matrix into one report and one gate'),
  run: async (argv, context) => {
    await checkOutputsFirst(context, argv);
    const targets = pairOutputs(context.rawArgv);
    const history = historyFlag(argv, context.io);
    const reports = argv.reports.map((file) => readReportFile(resolvePath(context.io, file), file));
    const merged = mergeReports(reports);
    if (argv['fail-on-new'] && merged.baseline === undefined) {
      throw new UserFacingError('flag-invalid', '--fail-on-new needs reports compared with a baseline: at least one of them was not.', {
        hint: 'Run every job of the matrix with --baseline <its earlier JSON report>, or drop --fail-on-new.',
      });
    }
    return reportResult(history === undefined ? merged : applyHistory(merged, history), { flags: argv, context, targets });
  },
});
