import { FORMAT_CHOICES } from '../formatters/index.js';
import { mergeReports } from '../merge/merge-reports.js';
import { readReportFile } from '../report/read-report.js';
import { defineCommand, resolvePath } from './context.js';
import { pairOutputs, withOutputOptions } from './output-options.js';
import { reportResult } from './report-result.js';
import { historyFlag } from './history-flag.js';
import { applyHistory } from '../history/apply-history.js';

export const mergeCommand = defineCommand({
  builder: (y) =>
    withOutputOptions(
      y.positional('reports', { type: 'string', array: true, demandOption: true, description: 'JSON reports (-f json) of the jobs of a CI matrix, one per environment or organization' }),
      FORMAT_CHOICES,
    ).example('$0 merge reports/*.json -f sarif -o results.sarif -f html -o report.html', 'Combine the per-environment reports of a CI matrix into one report and one gate'),
  run: (argv, context) => {
    const targets = pairOutputs(context.rawArgv, 'stylish');
    const history = historyFlag(argv, context.io);
    const reports = argv.reports.map((file) => readReportFile(resolvePath(context.io, file), file));
    const merged = mergeReports(reports);
    return reportResult(history === undefined ? merged : applyHistory(merged, history), { flags: argv, context, targets });
  },
});
