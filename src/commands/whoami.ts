import { formatWhoami, runWhoami, WHOAMI_FORMATS, type WhoamiFormat } from '../whoami/index.js';
import type { Verdict } from '../verdict.js';
import { withClient, withConnectionOptions } from './connection-options.js';
import { defineCommand } from './context.js';

export const registerWhoamiCommand = defineCommand({
  command: 'whoami',
  describe: 'Show whose admin roles the credentials carry (the app\'s or the signed-in user\'s) and which collector reads will succeed or 403',
  builder: (y) =>
    withConnectionOptions(y)
      .option('environment', { alias: 'e', type: 'string', array: true, description: 'Environment to predict for; repeat for several (default: the token\'s and those the roles are scoped to)' })
      .option('format', { alias: 'f', choices: WHOAMI_FORMATS, default: 'table' as WhoamiFormat })
      .example('$0 whoami --auth device-code -e $PROD_ENV', 'Sign in as a reviewer and see what a scan of production could read'),
  run: (argv, context) =>
    withClient(context, argv, async (client): Promise<Verdict> => {
      const report = await runWhoami(client, argv.environment === undefined ? {} : { environmentIds: argv.environment.map(String) });
      context.io.stdout.write(formatWhoami(report, argv.format));
      return 'clean';
    }),
});
