import { loadConfig } from '../engine/load-config.js';
import { auditBoth, buildDriftReport, decideDriftVerdict, DRIFT_FAIL_ON, DRIFT_FORMATS, formatDrift, type DriftFailOn, type DriftFormat } from '../diff/index.js';
import { resolveFindingLines } from '../snapshot/locate-line.js';
import { loadSnapshot } from '../snapshot/load-snapshot.js';
import type { RegisterCommand } from './context.js';
import { writeReports } from './output-options.js';

export const registerDiffCommand: RegisterCommand = (yargs, context) =>
  yargs.command(
    'diff <old> <new>',
    'Compare two snapshot folders: resources added, removed and changed property by property, and findings that appeared or disappeared',
    (y) =>
      y
        .positional('old', { type: 'string', demandOption: true, description: 'The earlier snapshot folder' })
        .positional('new', { type: 'string', demandOption: true, description: 'The later snapshot folder' })
        .option('format', { alias: 'f', type: 'string', choices: DRIFT_FORMATS, default: 'table' as DriftFormat, description: 'Report format' })
        .option('output', { alias: 'o', type: 'string', description: 'Write the report to this file instead of stdout' })
        .option('fail-on', {
          type: 'string',
          choices: DRIFT_FAIL_ON,
          default: 'drift' as DriftFailOn,
          description: 'Exit 1 on any drift, only when findings appeared, or never',
        })
        .option('allow-incomplete', { type: 'boolean', default: false, description: 'Do not exit 3 when a snapshot has data that could not be collected' })
        .option('config', { alias: 'c', type: 'string', description: 'Config file for the audits of both snapshots (default: ./pingone-audit.config.json when present)' })
        .example('$0 diff snapshots/last-week snapshots/today -f markdown -o drift.md', 'What changed in the tenant, for a PR comment'),
    async (argv) => {
      const [oldDir, newDir] = [String(argv.old), String(argv.new)];
      const warn = (warning: { file: string; message: string }) => process.stderr.write(`warning: ${warning.file}: ${warning.message}\n`);
      const before = await loadSnapshot(oldDir, { onWarning: warn });
      const after = await loadSnapshot(newDir, { onWarning: warn });
      const audits = auditBoth(before, after, loadConfig(argv.config), new Date());
      resolveFindingLines(audits.before, oldDir);
      resolveFindingLines(audits.after, newDir);
      const report = buildDriftReport({ before, after }, audits, { before: oldDir, after: newDir });

      const format = argv.format as DriftFormat;
      const color = argv.output === undefined && format === 'table' && process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
      await writeReports([{ format, file: argv.output }], () => formatDrift(report, format, { color }));
      const gate = decideDriftVerdict(report, { failOn: argv['fail-on'] as DriftFailOn, allowIncomplete: argv['allow-incomplete'] === true });
      for (const reason of gate.reasons) process.stderr.write(`${reason}\n`);
      context.setVerdict(gate.verdict);
    },
  );
