import { UserFacingError } from '../errors.js';
import type { Verdict } from '../verdict.js';
import { formatIdentity, runWhoami } from '../whoami/index.js';
import { withClient, withConnectionOptions } from './connection-options.js';
import { defineCommand } from './context.js';
import { terminalColumns } from './io.js';
import { stderrWarnings } from '../output/stderr-line.js';

export const loginCommand = defineCommand({
  builder: (y) =>
    withConnectionOptions(y)
      .example('$0 login --auth authorization-code --client-id $APP --environment-id $ADMIN_ENV --token-cache ~/.pingone-audit-token', 'Sign in with the browser and keep the token for later scans')
      .example('$0 login --auth device-code --client-id $APP --environment-id $ADMIN_ENV', 'Sign in from a terminal without a browser'),
  run: async (argv, context): Promise<Verdict> => {
    const { io } = context;
    if (argv.auth === undefined || argv.auth.toLowerCase() === 'client-credentials') {
      throw new UserFacingError('flag-invalid', 'login signs a user in: pass --auth authorization-code (a browser on this machine) or --auth device-code (any other device).', {
        hint: 'A worker app with client credentials needs no login: scan, snapshot and whoami fetch its token themselves.',
        seeAlso: 'README.md#signing-in-as-a-reviewer',
      });
    }
    await withClient(context, argv, async (client) => {
      const report = await runWhoami(client);
      // The roles shown come from lists read whole: one short of its count is said as whoami says it.
      io.stderr.write(stderrWarnings(report.warnings));
      io.stdout.write(`Signed in.\n${formatIdentity(report, terminalColumns(io))}`);
    });
    io.stderr.write(
      argv['token-cache'] === undefined
        ? 'The token stayed in memory and is gone now; pass --token-cache <file> to keep it for scan, snapshot and whoami.\n'
        : `Token saved to ${argv['token-cache']} (mode 0600, readable by you alone); scan, snapshot and whoami reuse it with the same --token-cache.\n`,
    );
    return 'clean';
  },
});
