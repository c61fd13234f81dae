import { UserFacingError } from '../errors.js';
import { formatIdentity, runWhoami } from '../whoami/index.js';
import type { RegisterCommand } from './context.js';
import { openConnection, withConnectionOptions, type ConnectionArgs } from './connection-options.js';

export const registerLoginCommand: RegisterCommand = (yargs) =>
  yargs.command(
    'login',
    'Sign in as a reviewer (authorization code + PKCE, or device code) and show who signed in and which roles apply; never prints the token',
    (y) =>
      withConnectionOptions(y)
        .example('$0 login --auth authorization-code --client-id $APP --environment-id $ADMIN_ENV --token-cache ~/.pingone-audit-token', 'Sign in with the browser and keep the token for later scans')
        .example('$0 login --auth device-code --client-id $APP --environment-id $ADMIN_ENV', 'Sign in from a terminal without a browser'),
    async (argv) => {
      const args = argv as unknown as ConnectionArgs;
      if (args.auth === undefined || args.auth.toLowerCase() === 'client-credentials') {
        throw new UserFacingError('login signs a user in: pass --auth authorization-code (a browser on this machine) or --auth device-code (any other device).', {
          hint: 'A worker app with client credentials needs no login: scan, snapshot and whoami fetch its token themselves.',
          seeAlso: 'README.md#signing-in-as-a-reviewer',
        });
      }
      const { client } = await openConnection(args);
      try {
        process.stdout.write(`Signed in.\n${formatIdentity(await runWhoami(client))}`);
      } finally {
        await client.close();
      }
      process.stderr.write(
        args['token-cache'] === undefined
          ? 'The token stayed in memory and is gone now; pass --token-cache <file> to keep it for scan, snapshot and whoami.\n'
          : `Token saved to ${args['token-cache']} (mode 0600, readable by you alone); scan, snapshot and whoami reuse it with the same --token-cache.\n`,
      );
    },
  );
