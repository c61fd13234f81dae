import type { Options } from 'yargs';
import { profileBindingsFromConfig } from '../audit/audit-setup.js';
import { configSource, loadConfig } from '../audit/load-config.js';
import { boundProfileIds } from '../profiles/bind-profiles.js';
import { checklistStatus, evaluateProfile } from '../profiles/evaluate-profile.js';
import { findApplication, findProfile } from '../profiles/find-application.js';
import { CHECKLIST_FORMATS, formatChecklist, type ChecklistFormat } from '../profiles/format-checklist.js';
import { bundledProfiles } from '../profiles/load-profiles.js';
import { buildSnapshotIndex } from '../snapshot/index-builder.js';
import type { Verdict } from '../verdict.js';
import { collectInMemory, collectToFolder } from './collect-to-folder.js';
import { COLLECTION_SCOPE_FLAGS, CONNECTION_FLAGS, withClient, withCollectionScope, withConnectionOptions } from './connection-options.js';
import { defineCommand } from './context.js';
import { terminalColumns, useColor } from './io.js';
import { loadSnapshotFolder } from './load-snapshot-folder.js';
import { stderrLines } from '../output/stderr-line.js';
import { FRAMEWORK_IDS } from '../frameworks/framework-ids.js';
import { UserFacingError } from '../errors.js';
import { checklistFrameworkView } from './check-framework.js';
import { optionArguments, timesGiven } from './single-valued.js';

const VERDICT = { pass: 'clean', fail: 'findings', 'not-evaluated': 'incomplete' } as const satisfies Record<string, Verdict>;

/** Where a live check keeps its collection; declared here, for check has no default folder. */
const OUT_OPTION = { out: { type: 'string', group: 'Collection:', description: 'Also write the collected snapshot to this folder (default: none is written)' } } as const satisfies Record<
  string,
  Options
>;

/**
 * The flags that shape a live collection (`--out` keeps it), named from their declarations: with --snapshot nothing is
 * collected, and they would be ignored.
 */
const COLLECTION_FLAGS = [...Object.keys(OUT_OPTION), ...COLLECTION_SCOPE_FLAGS] as ReadonlyArray<keyof typeof OUT_OPTION | (typeof COLLECTION_SCOPE_FLAGS)[number]>;

/**
 * Refuses collection flags beside --snapshot (a boolean one only when set), and connection flags typed on the command line
 * (several have defaults, and the PINGONE_* variables of a shell stay welcome), rather than ignore them in silence.
 */
function refuseCollectionFlags(argv: Partial<Record<(typeof COLLECTION_FLAGS)[number], unknown>>, rawArgv: readonly string[]): void {
  const options = optionArguments(rawArgv);
  const collection = COLLECTION_FLAGS.filter((flag) => argv[flag] !== undefined && argv[flag] !== false);
  const connection = CONNECTION_FLAGS.filter((flag) => timesGiven(options, [flag]) > 0);
  const given = [...collection, ...connection].map((flag) => `--${flag}`);
  if (given.length === 0) return;
  throw new UserFacingError('flag-invalid', `${given.join(', ')} shape${given.length === 1 ? 's' : ''} a live collection, and --snapshot checks a snapshot already collected.`, {
    hint: `Drop ${given.join(', ')} to check the snapshot, or drop --snapshot to collect live.`,
  });
}

export const checkCommand = defineCommand({
  builder: (y) =>
    withCollectionScope(withConnectionOptions(y))
      .positional('profile', {
        type: 'string',
        demandOption: true,
        description: `Integration profile: ${bundledProfiles()
          .map((profile) => profile.id)
          .join(', ')}`,
      })
      .options(OUT_OPTION)
      .option('app', { type: 'string', demandOption: true, description: 'Application id, or its name (case-insensitive)' })
      .option('snapshot', { type: 'string', description: 'Check a snapshot folder offline instead of collecting live' })
      .option('format', { alias: 'f', type: 'string', choices: CHECKLIST_FORMATS, default: 'table' as ChecklistFormat, description: 'Checklist format' })
      .option('config', { type: 'string', description: 'Config file (its `integrations` decide which profiles an app is bound to)' })
      .option('framework', { type: 'string', choices: FRAMEWORK_IDS, description: 'Also name the controls of this framework the checklist is evidence for, and their status' })
      .example('$0 check stackone --app StackOne --snapshot ./pingone-snapshot', 'Is the StackOne app set up as StackOne’s guide says?')
      .epilogue('Exit codes: 0 every item passes, 1 an item fails, 3 an item could not be evaluated or the app could not be looked up (data missing), 2 usage error.'),
  run: async (argv, context) => {
    const { io } = context;
    // The flags, the profile and the config are checked before any network call, so a typo fails fast (exit 2).
    if (argv.snapshot !== undefined) refuseCollectionFlags(argv, context.rawArgv);
    const profile = findProfile(bundledProfiles(), argv.profile);
    const config = loadConfig(argv.config, io.cwd);
    const snapshot =
      argv.snapshot !== undefined
        ? await loadSnapshotFolder(context, argv.snapshot)
        : await withClient(context, argv, async (client) =>
            // Without --out the collection stays in memory: a folder that is never written cannot be left behind by Ctrl-C.
            argv.out === undefined ? (await collectInMemory(context, client, argv)).snapshot : collectToFolder(context, client, { ...argv, out: argv.out }),
          );
    const application = findApplication(snapshot, argv.app);
    if ('unread' in application) {
      io.stderr.write(
        stderrLines([
          `pingone-audit: No application read has the id or name "${argv.app}", and ${application.unread.join('; ')}: it may be there, unchecked.`,
          '  what to do: Collect again with credentials that can read those applications (pingone-audit whoami tells what they can read), then run check again.',
        ]),
      );
      return 'incomplete';
    }
    const bound = boundProfileIds(application.app, profileBindingsFromConfig(config.config.integrations, configSource(config)), bundledProfiles());
    if (!bound.includes(profile.id)) {
      const others = bound.length === 0 ? 'no profile' : bound.join(', ');
      io.stderr.write(
        stderrLines([`note: ${application.app.name} is not bound to ${profile.id} (bound to ${others}), so scan and audit do not run this checklist; bind it in the config's "integrations".`]),
      );
    }
    const checklist = evaluateProfile(profile, application, snapshot, buildSnapshotIndex(snapshot));
    const framework = argv.framework === undefined ? {} : { framework: checklistFrameworkView(argv.framework) };
    io.stdout.write(formatChecklist(checklist, argv.format, { color: useColor(io), columns: terminalColumns(io), ...framework }));
    return VERDICT[checklistStatus(checklist)];
  },
});
