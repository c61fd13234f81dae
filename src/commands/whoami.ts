import { formatWhoami, runWhoami, WHOAMI_FORMATS, type WhoamiFormat, type WhoamiReport } from '../whoami/index.js';
import type { Verdict } from '../verdict.js';
import { withClient, withConnectionOptions } from './connection-options.js';
import { defineCommand } from './context.js';
import { terminalColumns } from './io.js';
import { stderrWarnings } from '../output/stderr-line.js';

const WHOAMI_EXIT_CODES = [
  'Exit codes: 0 every collector read is predicted readable; 1 some read a scan needs will answer 403;',
  '3 some reads cannot be predicted (a custom or narrowed role, or role assignments that could not be read); 2 usage error.',
].join(' ');

/**
 * What whoami concluded, as the scan it predicts would: a read that will 403 is a finding (the scan
 * would miss that data), and a read it cannot predict leaves the answer incomplete.
 */
function whoamiVerdict(report: Pick<WhoamiReport, 'endpoints' | 'rolesRead'>): Verdict {
  if (report.endpoints.some((row) => row.prediction === 'will 403')) return 'findings';
  if (!report.rolesRead || report.endpoints.some((row) => row.prediction === 'unknown')) return 'incomplete';
  return 'clean';
}

export const whoamiCommand = defineCommand({
  builder: (y) =>
    withConnectionOptions(y)
      .option('environment', { alias: 'e', type: 'string', array: true, description: "Environment to predict for; repeat for several (default: the token's and those the roles are scoped to)" })
      .option('format', { alias: 'f', choices: WHOAMI_FORMATS, default: 'table' as WhoamiFormat })
      .example('$0 whoami --auth device-code -e $PROD_ENV', 'Sign in as a reviewer and see what a scan of production could read')
      .epilogue(WHOAMI_EXIT_CODES),
  run: (argv, context) =>
    withClient(context, argv, async (client): Promise<Verdict> => {
      const report = await runWhoami(client, argv.environment === undefined ? {} : { environmentIds: argv.environment.map(String) });
      // As scan says a short list: a warning on stderr (and in the JSON), whatever the format.
      context.io.stderr.write(stderrWarnings(report.warnings));
      context.io.stdout.write(formatWhoami(report, argv.format, terminalColumns(context.io)));
      return whoamiVerdict(report);
    }),
});
