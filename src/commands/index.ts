import { registerAuditCommand } from './audit.js';
import { registerCheckCommand } from './check.js';
import { registerCompletionCommand } from './completion.js';
import type { RegisterCommand } from './context.js';
import { registerDemoCommand } from './demo.js';
import { registerDiffCommand } from './diff.js';
import { registerExplainCommand } from './explain.js';
import { registerLoginCommand } from './login.js';
import { registerRulesCommand } from './rules.js';
import { registerScanCommand } from './scan.js';
import { registerSimulateCommand } from './simulate.js';
import { registerSnapshotCommand } from './snapshot.js';
import { registerWhoamiCommand } from './whoami.js';

/** Every command, in the order `--help` lists them. */
export const commands: RegisterCommand[] = [
  registerDemoCommand,
  registerScanCommand,
  registerSnapshotCommand,
  registerLoginCommand,
  registerWhoamiCommand,
  registerAuditCommand,
  registerCheckCommand,
  registerDiffCommand,
  registerRulesCommand,
  registerExplainCommand,
  registerSimulateCommand,
  registerCompletionCommand,
];
