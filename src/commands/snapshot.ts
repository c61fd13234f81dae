import type { RegisterCommand } from './context.js';
import { collectToFolder, type CollectionArgs } from './collect-to-folder.js';
import { openConnection, withCollectionOptions, withConnectionOptions, type ConnectionArgs } from './connection-options.js';

export const registerSnapshotCommand: RegisterCommand = (yargs, context) =>
  yargs.command(
    'snapshot',
    'Collect a read-only snapshot of one or more environments into a folder (GET only, never a secret)',
    (y) =>
      withCollectionOptions(withConnectionOptions(y)).example(
        '$0 snapshot -e $ADMIN_ENV -e $PROD_ENV --out ./pingone-snapshot',
        'Collect the administrators\' and the production environment',
      ),
    async (argv) => {
      const { client } = await openConnection(argv as unknown as ConnectionArgs);
      try {
        const snapshot = await collectToFolder(client, argv as unknown as CollectionArgs);
        context.setVerdict(snapshot.manifest.collection.complete ? 'clean' : 'incomplete');
      } finally {
        await client.close();
      }
    },
  );
