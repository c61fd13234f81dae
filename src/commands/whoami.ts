import { formatWhoami, runWhoami, WHOAMI_FORMATS, type WhoamiFormat } from '../whoami/index.js';
import type { RegisterCommand } from './context.js';
import { openConnection, withConnectionOptions, type ConnectionArgs } from './connection-options.js';

export const registerWhoamiCommand: RegisterCommand = (yargs) =>
  yargs.command(
    'whoami',
    'Show whose admin roles the credentials carry (the app\'s or the signed-in user\'s) and which collector reads will succeed or 403',
    (y) =>
      withConnectionOptions(y)
        .option('environment', { alias: 'e', type: 'string', array: true, description: 'Environment to predict for; repeat for several (default: the token\'s and those the roles are scoped to)' })
        .option('format', { alias: 'f', choices: WHOAMI_FORMATS, default: 'table' as WhoamiFormat })
        .example('$0 whoami --auth device-code -e $PROD_ENV', 'Sign in as a reviewer and see what a scan of production could read'),
    async (argv) => {
      const { client } = await openConnection(argv as unknown as ConnectionArgs);
      try {
        const report = await runWhoami(client, argv.environment === undefined ? {} : { environmentIds: argv.environment.map(String) });
        process.stdout.write(formatWhoami(report, argv.format as WhoamiFormat));
      } finally {
        await client.close();
      }
    },
  );
