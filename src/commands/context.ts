import path from 'node:path';
import type { Argv, ArgumentsCamelCase } from 'yargs';
import type { Verdict } from '../verdict.js';
import type { CliIo } from './io.js';

/** What every command receives besides its parsed flags. */
export interface CommandContext {
  io: CliIo;
  /** The raw arguments, for the few flags whose order matters (--format / --output pairs). */
  rawArgv: readonly string[];
}

/**
 * One command: its yargs builder and a `run` that returns what it concluded. `run`'s arguments
 * take their types from the builder, so no flag needs a cast.
 */
export interface CommandSpec<A> {
  /** The yargs command string, e.g. `audit <snapshot>`. */
  command: string;
  describe: string;
  builder: (yargs: Argv) => Argv<A>;
  run: (argv: ArgumentsCamelCase<A>, context: CommandContext) => Promise<Verdict> | Verdict;
}

/** Registers a command on the parser; `runCli` calls each in `--help` order. */
export type RegisterCommand = (yargs: Argv, context: CommandContext, record: (verdict: Verdict) => void) => Argv;

/** Turns a command spec into its registration, recording the verdict `run` returns. */
export function defineCommand<A>(spec: CommandSpec<A>): RegisterCommand {
  return (yargs, context, record) =>
    yargs.command(spec.command, spec.describe, spec.builder, async (argv) => {
      record(await spec.run(argv, context));
    });
}

/**
 * A path from the command line, resolved against the CLI's working folder (not the process's). It
 * keeps the user's spelling when that already names the same file, so messages quote what they typed.
 */
export function resolvePath(io: CliIo, file: string): string {
  const resolved = path.resolve(io.cwd, file);
  return resolved === path.resolve(file) ? file : resolved;
}
