import yargs, { type Argv, type MiddlewareFunction } from 'yargs';
import { refuseRepeatedOptions } from './commands/single-valued.js';
import { refuseUnknownOptions } from './commands/unknown-options.js';
import { refuseMissingValues } from './commands/missing-values.js';
import { refuseEmptyArguments } from './commands/empty-arguments.js';
import type { ErrorCode } from './error-codes.js';
import { UserFacingError } from './errors.js';
import { stderrLines } from './output/stderr-line.js';
import { guardWorkflowCommands } from './output/workflow-commands.js';
import { findOpenFileLimit, tooManyOpenFiles } from './open-file-limit.js';
import { toolVersion } from './paths.js';
import { EXIT_CODE_HELP, EXIT_CODES, type Verdict } from './verdict.js';
import { commands } from './commands/index.js';
import { withTerraformFlags } from './commands/terraform-flags.js';
import { withStdoutDash } from './commands/stdout-dash.js';
import { withOperands } from './commands/operands.js';
import { notShownAfter, secretValueBefore } from './commands/secret-values.js';
import { skipHelpCache } from './commands/help-cache.js';
import type { CliIo, OutputStream } from './commands/io.js';

export type { CliIo } from './commands/io.js';

/** Bugs are not findings: an unexpected error exits with its own code so a CI gate can tell. */
const INTERNAL_ERROR_EXIT_CODE = 70;

/**
 * Runs the CLI in-process: parses `argv` (without `node` and the script), runs the command with
 * `io` as its whole outside world, and resolves to the exit code (0, 1, 2, 3 as `EXIT_CODE_HELP`
 * lists, 70 for a bug). It never touches `process.exit`: `src/cli.ts` does that.
 * @throws the error of an `import` or `require` that found no file (ERR_MODULE_NOT_FOUND, MODULE_NOT_FOUND): a file of
 * the installation is missing, which `src/cli.ts` says (this module's own printer may be what is missing). It reports
 * every other error itself.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // Whatever tenant text reaches a line start, the GitHub Actions runner must not run it as a command.
  const guarded: CliIo = { ...io, stdout: guardWorkflowCommands(io.stdout), stderr: guardWorkflowCommands(io.stderr) };
  try {
    return await parseAndRun(withOperands(withStdoutDash(withTerraformFlags(argv))), guarded);
  } catch (error) {
    if (MISSING_MODULE.has((error as { code?: unknown } | undefined)?.code)) throw error;
    return reportError(error, guarded.stderr);
  }
}

/** The codes of an `import` (ESM) and a `require` (CommonJS) that found no file. */
const MISSING_MODULE = new Set<unknown>(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

async function parseAndRun(argv: readonly string[], io: CliIo): Promise<number> {
  let verdict: Verdict = 'clean';
  const context = { io: withColorFlag(argv, io), rawArgv: argv };
  let parser: Argv = yargs([...argv])
    .scriptName('pingone-audit')
    .usage('$0 <command> [options]\n\nRead-only configuration auditor for PingOne tenants.')
    .strict()
    // Every array option is repeated for several values (-f sarif -o results.sarif -f json -o results.json): greedy, -o
    // also took the operand after it (`audit -f sarif -o results.sarif ./snapshot` said "got 0" arguments).
    .parserConfiguration({ 'greedy-arrays': false })
    .demandCommand(1, 'Name a command: try `pingone-audit demo`, or `pingone-audit --help`.')
    .recommendCommands()
    // Answers \`--get-yargs-completions <words>\` for the scripts \`pingone-audit completion\` prints; yargs' own
    // script command is hidden under another name, since ours knows zsh from bash by argument, not by $SHELL.
    // yargs offers short aliases after "--" as --f, which it does not read as -f: leave those out.
    .completion('yargs-completion-script', false, (_current: string, _argv: unknown, completionFilter: CompletionFilter, done: (words: string[]) => void) => {
      completionFilter((_error, completions) => done((completions ?? []).filter((word) => !/^--[^-:](:|$)/.test(word))));
    })
    .epilog(`${EXIT_CODE_HELP}\n  ${INTERNAL_ERROR_EXIT_CODE} internal error (a bug: please report it with the stack trace)`)
    .version(toolVersion)
    .option('color', {
      type: 'boolean',
      global: true,
      describe: 'Colour in terminal output: --no-color turns it off, --color forces it (default: on a terminal, unless NO_COLOR)',
    })
    .wrap(Math.min(110, io.stdout.columns ?? 100))
    .exitProcess(false)
    .middleware(refuseRepeatedOptions(argv) as unknown as MiddlewareFunction, true)
    .middleware(refuseUnknownOptions(argv) as unknown as MiddlewareFunction, true)
    .middleware(refuseMissingValues(argv) as unknown as MiddlewareFunction, true)
    .middleware(refuseEmptyArguments(commands.map((entry) => entry.command)) as unknown as MiddlewareFunction)
    .fail((message, error) => {
      if (error) throw error;
      // recommendCommands() says only "Did you mean scan?": name what was typed too.
      const typed = argv.find((arg) => !arg.startsWith('-'));
      const used = commands.find((entry) => entry.command.split(' ')[0] === typed);
      const said = message.startsWith('Did you mean') && typed !== undefined ? `Unknown command "${typed}". ${message}` : message;
      throw new UsageError(withoutSecretFragments(said, argv), used?.command);
    });
  for (const entry of commands) {
    // The builder runs only for the command used (or its --help), so only that command's module loads.
    parser = parser.command(
      entry.command,
      entry.describe,
      async (y) => (await entry.load()).builder(y),
      async (argv) => {
        verdict = await (await entry.load()).run(argv, context);
      },
    );
  }
  skipHelpCache(parser);
  // With a callback yargs hands --help and --version text back instead of printing it.
  await parser.parseAsync([...argv], {}, (_error, _parsed, output) => {
    if (output !== '') io.stdout.write(`${output}\n`);
  });
  return EXIT_CODES[verdict];
}

/**
 * `--color` / `--no-color` as the `FORCE_COLOR` that `useColor` already obeys, so every command
 * honours them without knowing of them (given twice, `refuseRepeatedOptions` refuses it first).
 */
function withColorFlag(argv: readonly string[], io: CliIo): CliIo {
  const end = argv.indexOf('--');
  let flag: boolean | undefined;
  for (const arg of end === -1 ? argv : argv.slice(0, end)) {
    if (arg === '--color' || arg === '--color=true') flag = true;
    else if (arg === '--no-color' || arg === '--color=false') flag = false;
  }
  return flag === undefined ? io : { ...io, env: { ...io.env, FORCE_COLOR: flag ? '1' : '0' } };
}

/** yargs repeats unknown arguments; one that follows a secret's value may be the rest of that secret. */
function withoutSecretFragments(message: string, argv: readonly string[]): string {
  if (!message.startsWith('Unknown argument')) return message;
  const [head = '', list = ''] = message.split(/: (.*)/s);
  const named = list.split(', ').map((arg) => {
    const flag = secretValueBefore(argv, arg);
    return flag === undefined ? arg : notShownAfter(flag);
  });
  return `${head}: ${named.join(', ')}`;
}

type CompletionFilter = (onCompleted: (error: Error | null, completions: string[] | undefined) => void) => void;

/** A mistake yargs found in the arguments; `command` is the yargs command string (`audit <snapshot>`) of the command used, if one was. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string | undefined,
  ) {
    super(message);
  }
}

/** Where to read on: the command's own usage line and help ("Not enough non-option arguments" names no argument), else the tool's help. */
function usageHint(command: string | undefined): string {
  if (command === undefined) return 'Run `pingone-audit --help` for usage.';
  return `Usage: pingone-audit ${command} [options]; run \`pingone-audit ${command.split(' ')[0]} --help\` for every option.`;
}

/**
 * Watches the process's real stdout and stderr for failed writes. A reader that stops early (`| head`, or `2>&1 | head`:
 * EPIPE) is no error of the run: the rest of the report, or of the progress, has nowhere to go, and the run goes on to
 * write its files and exit with its verdict. Any other failure of stdout (a full disk: ENOSPC; EIO) means the report was
 * not written whole: said once on `stderr` as a user's matter (`output-unwritable`), and `exitCode` then turns the run's
 * own exit code (the gate's verdict, which would pass a CI on a half-written report) into 2; so does one of stderr, where
 * warnings were lost (and where nothing more can be said).
 */
export function watchOutputs(stdout: NodeJS.EventEmitter, stderr: OutputStream & NodeJS.EventEmitter): { exitCode: (code: number) => number } {
  let failed = false;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || failed) return;
    failed = true;
    reportError(
      new UserFacingError('output-unwritable', `Cannot write to stdout: ${error.message}; what went there is incomplete.`, {
        hint: 'Make room where stdout goes (a full disk?), or write the report to a file with -o FILE, then run the command again.',
        cause: error,
      }),
      guardWorkflowCommands(stderr),
    );
  });
  // Without a listener, a stderr error is thrown: the run would stop half way, snapshot unwritten, with exit 1 ("findings").
  stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') failed = true;
  });
  return { exitCode: (code) => (failed ? EXIT_CODES.usage : code) };
}

function errorCodeLine(code: ErrorCode): string {
  return `  error code: ${code} (README.md#error-codes)`;
}

function reportError(error: unknown, stderr: OutputStream): number {
  if (error instanceof UsageError) {
    // yargs' message quotes the user's own arguments, and may span lines (a list of choices).
    stderr.write(stderrLines([...`pingone-audit: ${error.message}`.split('\n'), usageHint(error.command), errorCodeLine('usage')]));
    return EXIT_CODES.usage;
  }
  // Wherever a file was being opened, the limit of open files is the machine's, which the user can raise: not a bug. Code
  // that explains its own read failures ("cannot be read (EMFILE)") does not know of the limit either.
  const limit = findOpenFileLimit(error instanceof UserFacingError ? (error.errorCode === 'too-many-open-files' ? undefined : error.cause) : error);
  if (limit !== undefined) return reportError(tooManyOpenFiles(limit), stderr);
  if (error instanceof UserFacingError) {
    const lines = messageLines(error).map((line, index) => (index === 0 ? `pingone-audit: ${line}` : line));
    if (error.hint) lines.push(`  what to do: ${error.hint}`);
    if (error.seeAlso) lines.push(`  read more: ${error.seeAlso}`);
    stderr.write(stderrLines([...lines, errorCodeLine(error.errorCode)]));
    return EXIT_CODES.usage;
  }
  const trace = error instanceof Error ? (error.stack ?? error.message) : String(error);
  stderr.write(stderrLines(['pingone-audit: internal error. Please report it with the trace below.', ...trace.split('\n')]));
  return INTERNAL_ERROR_EXIT_CODE;
}

/**
 * An error's message as stderr lines. A message is one line: a newline in it may come from the
 * tenant or a server, so it is shown escaped. A list of problems (a snapshot's, a dispositions file's)
 * is the exception: its lines are rebuilt from the problems, one each.
 */
function messageLines(error: UserFacingError): string[] {
  if (error.listed === undefined) return [error.message];
  const [head = ''] = error.message.split('\n', 1);
  return [head, ...error.listed.map((line) => `  ${line}`)];
}
