import { UserFacingError } from '../errors.js';
import type { Snapshot } from '../snapshot/model.js';
import type { TfConfiguration } from '../terraform/model.js';
import { readPlan } from '../terraform/plan/read-plan.js';
import { readConfiguration, type ReadConfigurationOptions } from '../terraform/read-configuration.js';
import type { CommandContext } from './context.js';
import { loadSnapshotFolder } from './load-snapshot-folder.js';

/** What `pingone-audit terraform` audits: the configuration, the ids a plan knows, and the live snapshot to lay it over. */
export interface TerraformInput {
  configuration: TfConfiguration;
  ids?: ReadonlyMap<string, string>;
  live?: Snapshot;
}

/**
 * Reads the folder statically, or with `--plan` the plan's values (the folder's `.tf` files, when
 * there, only place the findings), and with `--snapshot` the live snapshot.
 * @throws UserFacingError as {@link readConfiguration}, {@link readPlan} and the snapshot loader do.
 */
export async function readTerraformInput(folder: ReadConfigurationOptions, flags: { plan?: string | undefined; snapshot?: string | undefined }, context: CommandContext): Promise<TerraformInput> {
  const live = flags.snapshot === undefined ? undefined : await loadSnapshotFolder(context, flags.snapshot);
  const withLive = live === undefined ? {} : { live };
  if (flags.plan === undefined) return { configuration: await readConfiguration(folder), ...withLive };
  const alongside = await readConfiguration(folder).catch((error: unknown) => {
    // A plan may travel without its configuration: its findings then point into the plan file.
    if (error instanceof UserFacingError && error.errorCode === 'terraform-missing') return undefined;
    throw error;
  });
  const plan = readPlan({ file: flags.plan, cwd: folder.cwd, ...(alongside === undefined ? {} : { configuration: alongside }) });
  return { configuration: plan.configuration, ids: plan.ids, ...withLive };
}
