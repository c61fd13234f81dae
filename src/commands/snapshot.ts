import { collectToFolder } from './collect-to-folder.js';
import { withClient, withCollectionOptions, withConnectionOptions } from './connection-options.js';
import { defineCommand } from './context.js';

export const snapshotCommand = defineCommand({
  builder: (y) =>
    withCollectionOptions(withConnectionOptions(y)).example('$0 snapshot -e $ADMIN_ENV -e $PROD_ENV --out ./pingone-snapshot', "Collect the administrators' and the production environment"),
  run: (argv, context) =>
    withClient(context, argv, async (client) => {
      const snapshot = await collectToFolder(context, client, argv);
      return snapshot.manifest.collection.complete ? 'clean' : 'incomplete';
    }),
});
