import { existsSync } from 'node:fs';
import path from 'node:path';
import { auditSnapshot } from '../audit/audit-snapshot.js';
import type { GateOptions } from '../audit/gate.js';
import type { AuditResult } from '../engine/types.js';
import { FORMAT_CHOICES } from '../formatters/index.js';
import { UserFacingError } from '../errors.js';
import { toolVersion } from '../paths.js';
import { isFailedRead } from '../snapshot/collection-failure.js';
import type { Snapshot } from '../snapshot/model.js';
import { locateInTerraform } from '../terraform/locate-findings.js';
import { type MappedConfiguration, mapConfiguration } from '../terraform/map/map-configuration.js';
import { defineCommand } from './context.js';
import { checkOutputsFirst } from './check-output-paths.js';
import { pairOutputs } from './output-targets.js';
import { withReportOptions } from './output-options.js';
import { loadReportSetup } from './report-audit.js';
import { reportResult } from './report-result.js';
import { notShownAfter, secretValueBefore } from './secret-values.js';
import { readTerraformInput } from './terraform-input.js';

export const terraformCommand = defineCommand({
  builder: (y) =>
    withReportOptions(
      y
        .positional('dir', { type: 'string', default: '.', description: 'Folder of the Terraform root module (where terraform plan runs)' })
        .option('var', { type: 'string', array: true, description: 'Set a variable as terraform plan -var does: name=value (repeatable; -var works too)' })
        .option('var-file', { type: 'string', array: true, description: 'Read variable values from a .tfvars or .tfvars.json file after the automatic ones (repeatable; -var-file works too)' })
        .option('plan', { type: 'string', description: 'Audit the planned values of terraform show -json PLANFILE output (format 1.x); the .tf files of the folder, when there, give the locations' })
        .option('snapshot', {
          type: 'string',
          description: 'A live snapshot folder to lay the configuration over, so the rules that need the tenant (its users and their roles) judge it as it will be after apply',
        }),
      FORMAT_CHOICES,
    ).example('$0 terraform ./infra/pingone -f sarif -o pingone.sarif', 'Gate a pull request: findings on the .tf lines, for GitHub code scanning'),
  run: async (argv, context) => {
    const { io } = context;
    const now = new Date();
    await checkOutputsFirst(context, argv);
    // The setup first: a typo in --config fails before any .tf file is read.
    const setup = loadReportSetup(argv, context);
    const folder = { dir: argv.dir ?? '.', cwd: io.cwd, vars: argv.var ?? [], varFiles: argv['var-file'] ?? [] };
    refuseMissingFolderAfterSecret(folder, context.rawArgv);
    const { configuration, ids, live } = await readTerraformInput(folder, { plan: argv.plan, snapshot: argv.snapshot }, context);
    const mapped = mapConfiguration(configuration, { now, toolVersion, ...(live === undefined ? {} : { live }) }, ids);
    const audited = auditSnapshot(mapped.snapshot, setup, now);
    locateInTerraform(audited, mapped.provenance);
    const notAudited = configuration.notAudited ?? [];
    const result: AuditResult = {
      ...audited,
      // Resources in a module that cannot be read are not seen at all: the run is incomplete (exit 3), not clean.
      collection: notAudited.length === 0 ? audited.collection : { ...audited.collection, complete: false, notes: [...(audited.collection.notes ?? []), ...notAudited] },
      warnings: [...(audited.warnings ?? []), ...mapped.warnings.map((message) => ({ code: 'terraform', message }))],
    };
    return reportResult(result, { flags: argv, context, targets: pairOutputs(context.rawArgv), configuration: unknownsOf(result, mapped, live, notAudited) });
  },
});

/**
 * A folder named right after a -var value that does not exist is most likely the rest of that value, split by the
 * shell: said without its name, which may be part of a secret.
 */
function refuseMissingFolderAfterSecret(folder: { dir: string; cwd: string }, rawArgv: readonly string[]): void {
  const flag = secretValueBefore(rawArgv, folder.dir);
  if (flag === undefined || existsSync(path.resolve(folder.cwd, folder.dir))) return;
  throw new UserFacingError('terraform-missing', `The Terraform folder named right after a -var value does not exist ${notShownAfter(flag)}.`, {
    hint: "Quote a -var value that holds spaces (-var 'name=a b'), and name the folder first: pingone-audit terraform ./infra -var …",
  });
}

/**
 * What of the collection record the configuration holds, for the gate to say in Terraform's terms: the failed entries
 * mapping added (over a live snapshot, those of the snapshot stay failed reads), the values they hold, the modules not read.
 */
function unknownsOf(result: AuditResult, mapped: MappedConfiguration, live: Snapshot | undefined, notAudited: readonly string[]): GateOptions['configuration'] {
  const liveFailed = live?.manifest.collection.entries.filter(isFailedRead).length ?? 0;
  const values = new Set(mapped.notEvaluated.map((value) => `${value.address}\u0000${value.attribute}`));
  return { entries: result.collection.entries.filter(isFailedRead).length - liveFailed, values: values.size, modules: notAudited.length };
}
