import { loadAuditSetup } from '../audit/audit-setup.js';
import { auditBoth, buildDriftReport, decideDriftVerdict, DRIFT_FAIL_ON, DRIFT_FORMATS, formatDrift, type DriftFailOn, type DriftFormat } from '../diff/index.js';
import { resolveFindingLines } from '../snapshot/locate-line.js';
import { defineCommand } from './context.js';
import { terminalColumns, useColor } from './io.js';
import { loadSnapshotFolderWithFiles } from './load-snapshot-folder.js';
import { throwIfReportsFailed, writeReports } from './write-reports.js';
import { stderrLines } from '../output/stderr-line.js';
import { STDOUT_PATH } from './stdout-dash.js';

export const diffCommand = defineCommand({
  builder: (y) =>
    y
      .positional('old', { type: 'string', demandOption: true, description: 'The earlier snapshot folder' })
      .positional('new', { type: 'string', demandOption: true, description: 'The later snapshot folder' })
      .option('format', { alias: 'f', type: 'string', choices: DRIFT_FORMATS, default: 'table' as DriftFormat, description: 'Report format' })
      .option('output', { alias: 'o', type: 'string', description: 'Write the report to this file instead of stdout (- is stdout)' })
      .option('fail-on', {
        type: 'string',
        choices: DRIFT_FAIL_ON,
        default: 'drift' as DriftFailOn,
        description: 'Exit 1 on any drift, only when findings appeared, or never',
      })
      .option('allow-incomplete', { type: 'boolean', default: false, description: 'Do not exit 3 when a snapshot has data that could not be collected' })
      .option('config', { alias: 'c', type: 'string', description: 'Config file for the audits of both snapshots (default: ./pingone-audit.config.json when present)' })
      .example('$0 diff snapshots/last-week snapshots/today -f markdown -o drift.md', 'What changed in the tenant, for a PR comment'),
  run: async (argv, context) => {
    const { io } = context;
    const [oldDir, newDir] = [argv.old, argv.new];
    const { snapshot: before, files: beforeFiles } = await loadSnapshotFolderWithFiles(context, oldDir);
    const { snapshot: after, files: afterFiles } = await loadSnapshotFolderWithFiles(context, newDir);
    const audits = auditBoth(before, after, loadAuditSetup({ config: argv.config, review: false, cwd: io.cwd }), new Date());
    resolveFindingLines(audits.before, beforeFiles);
    resolveFindingLines(audits.after, afterFiles);
    const report = buildDriftReport({ before, after }, audits, { before: oldDir, after: newDir });

    const format = argv.format;
    const file = argv.output === STDOUT_PATH ? undefined : argv.output;
    const toTerminal = file === undefined && format === 'table';
    const options = toTerminal ? { color: useColor(io), columns: terminalColumns(io) } : {};
    const failures = await writeReports(context, [{ format, file }], () => formatDrift(report, format, options));
    const gate = decideDriftVerdict(report, { failOn: argv['fail-on'], allowIncomplete: argv['allow-incomplete'] });
    io.stderr.write(stderrLines(gate.reasons));
    throwIfReportsFailed(failures);
    return gate.verdict;
  },
});
