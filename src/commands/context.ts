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
 * One command's options and behaviour: its yargs builder and a `run` that returns what it concluded.
 * `run`'s arguments take their types from the builder, so no flag needs a cast. The command string
 * and description live in `./index.ts`, so `--help` need not load this module.
 */
export interface CommandSpec<A> {
  builder: (yargs: Argv) => Argv<A>;
  run: (argv: ArgumentsCamelCase<A>, context: CommandContext) => Promise<Verdict> | Verdict;
}

/** A command module's spec once its argument type is no longer needed: what `runCli` registers. */
export interface LoadedCommand {
  builder: (yargs: Argv) => Argv;
  run: (argv: ArgumentsCamelCase, context: CommandContext) => Promise<Verdict> | Verdict;
}

/** Checks a command's spec against its own builder's types, then erases them for the command table. */
export function defineCommand<A>(spec: CommandSpec<A>): LoadedCommand {
  return {
    builder: (yargs) => spec.builder(yargs),
    // yargs hands `run` the arguments its builder declared.
    run: (argv, context) => spec.run(argv as ArgumentsCamelCase<A>, context),
  };
}

/**
 * A path from the command line, resolved against the CLI's working folder (not the process's). It
 * keeps the user's spelling when that already names the same file, so messages quote what they typed.
 */
export function resolvePath(io: CliIo, file: string): string {
  const resolved = path.resolve(io.cwd, file);
  return resolved === path.resolve(file) ? file : resolved;
}
