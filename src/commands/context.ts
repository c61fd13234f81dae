import type { Argv } from 'yargs';
import type { Verdict } from '../verdict.js';

export interface CommandContext {
  /** Records what the command concluded; cli.ts maps it to the exit code. */
  setVerdict(verdict: Verdict): void;
  /** The raw arguments, for the few flags whose order matters (--format / --output pairs). */
  rawArgv: readonly string[];
}

/** Each command file exports one of these; cli.ts registers them in order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RegisterCommand = (yargs: Argv<any>, context: CommandContext) => Argv<any>;
