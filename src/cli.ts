#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { UserFacingError } from './errors.js';
import { toolVersion } from './paths.js';
import { EXIT_CODE_HELP, EXIT_CODES, type Verdict } from './verdict.js';
import { commands } from './commands/index.js';

/** Bugs are not findings: an unexpected error exits with its own code so a CI gate can tell. */
const INTERNAL_ERROR_EXIT_CODE = 70;

async function main(argv: string[]): Promise<number> {
  let verdict: Verdict = 'clean';
  const setVerdict = (value: Verdict): void => {
    verdict = value;
  };
  let parser = yargs(argv)
    .scriptName('pingone-audit')
    .usage('$0 <command> [options]\n\nRead-only configuration auditor for PingOne tenants.')
    .strict()
    .demandCommand(1, 'Name a command: try `pingone-audit demo`, or `pingone-audit --help`.')
    .recommendCommands()
    .epilog(`${EXIT_CODE_HELP}\n  70 internal error (a bug: please report it with the stack trace)`)
    .version(toolVersion)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(message);
    });
  for (const command of commands) parser = command(parser, { setVerdict, rawArgv: argv });
  try {
    await parser.parseAsync();
  } catch (error) {
    return reportError(error);
  }
  return EXIT_CODES[verdict];
}

class UsageError extends Error {}

function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`pingone-audit: ${error.message}\nRun \`pingone-audit --help\` for usage.\n`);
    return EXIT_CODES.usage;
  }
  if (error instanceof UserFacingError) {
    const lines = [`pingone-audit: ${error.message}`];
    if (error.hint) lines.push(`  what to do: ${error.hint}`);
    if (error.seeAlso) lines.push(`  read more: ${error.seeAlso}`);
    process.stderr.write(`${lines.join('\n')}\n`);
    return EXIT_CODES.usage;
  }
  process.stderr.write('pingone-audit: internal error. Please report it with the trace below.\n');
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return INTERNAL_ERROR_EXIT_CODE;
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportError(error);
  },
);
