import { profileBindingsFromConfig } from '../audit/audit-snapshot.js';
import { loadConfig } from '../engine/load-config.js';
import { boundProfileIds } from '../profiles/bind-profiles.js';
import { checklistStatus, evaluateProfile } from '../profiles/evaluate-profile.js';
import { findApplication, findProfile } from '../profiles/find-application.js';
import { CHECKLIST_FORMATS, formatChecklist, type ChecklistFormat } from '../profiles/format-checklist.js';
import { bundledProfiles } from '../profiles/load-profiles.js';
import { buildSnapshotIndex } from '../snapshot/index-builder.js';
import { loadSnapshot } from '../snapshot/load-snapshot.js';
import type { Snapshot } from '../snapshot/model.js';
import type { Verdict } from '../verdict.js';
import { collectToFolder, type CollectionArgs } from './collect-to-folder.js';
import { openConnection, withCollectionOptions, withConnectionOptions, type ConnectionArgs } from './connection-options.js';
import type { RegisterCommand } from './context.js';

const VERDICT = { pass: 'clean', fail: 'findings', 'not-evaluated': 'incomplete' } as const satisfies Record<string, Verdict>;

export const registerCheckCommand: RegisterCommand = (yargs, context) =>
  yargs.command(
    'check <profile>',
    'Check one application against one integration profile (stackone, pingdatasync, pingctl-*, pingcli-*, terraform) and print its checklist',
    (y) =>
      withCollectionOptions(withConnectionOptions(y))
        .positional('profile', { type: 'string', demandOption: true, description: `Integration profile: ${bundledProfiles().map((profile) => profile.id).join(', ')}` })
        .option('app', { type: 'string', demandOption: true, description: 'Application id, or its name (case-insensitive)' })
        .option('snapshot', { type: 'string', description: 'Check a snapshot folder offline instead of collecting live' })
        .option('format', { alias: 'f', type: 'string', choices: CHECKLIST_FORMATS, default: 'table', description: 'Checklist format' })
        .option('config', { type: 'string', description: 'Config file (its `integrations` decide which profiles an app is bound to)' })
        .example('$0 check stackone --app StackOne --snapshot ./pingone-snapshot', 'Is the StackOne app set up as StackOne’s guide says?')
        .epilogue('Exit codes: 0 every item passes, 1 an item fails, 3 an item could not be evaluated (data missing), 2 usage error.'),
    async (argv) => {
      // Both are checked before any network call, so a typo fails fast (exit 2).
      const profile = findProfile(bundledProfiles(), String(argv.profile));
      const config = loadConfig(argv.config);
      const snapshot = argv.snapshot === undefined ? await collectLive(argv) : await loadSnapshot(argv.snapshot, { onWarning: (warning) => process.stderr.write(`warning: ${warning.file}: ${warning.message}\n`) });
      const application = findApplication(snapshot, String(argv.app));
      const bound = boundProfileIds(application.app, profileBindingsFromConfig(config.config.integrations, config.file), bundledProfiles());
      if (!bound.includes(profile.id)) {
        const others = bound.length === 0 ? 'no profile' : bound.join(', ');
        process.stderr.write(`note: ${application.app.name} is not bound to ${profile.id} (bound to ${others}), so scan and audit do not run this checklist; bind it in the config's "integrations".\n`);
      }
      const checklist = evaluateProfile(profile, application, snapshot, buildSnapshotIndex(snapshot));
      const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
      process.stdout.write(formatChecklist(checklist, argv.format as ChecklistFormat, { color }));
      context.setVerdict(VERDICT[checklistStatus(checklist)]);
    },
  );

async function collectLive(argv: unknown): Promise<Snapshot> {
  const { client } = await openConnection(argv as ConnectionArgs);
  try {
    return await collectToFolder(client, argv as CollectionArgs);
  } finally {
    await client.close();
  }
}
