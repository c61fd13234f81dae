/** What a command concluded; `cli.ts` alone turns it into an exit code. */
export type Verdict = 'clean' | 'findings' | 'incomplete';

/** The exit code of each verdict, and of a usage, config or input error (see the README's table). */
export const EXIT_CODES = {
  clean: 0,
  findings: 1,
  usage: 2,
  incomplete: 3,
} as const;

/** The exit codes in words, for the end of `--help`. */
export const EXIT_CODE_HELP = [
  'Exit codes:',
  '  0  clean: no finding at or above --fail-on',
  '  1  findings at or above --fail-on (with --fail-on-new: new findings only)',
  '     or, with --fail-on-overdue, a planned fix (--dispositions) past its due date',
  '  2  usage, configuration or input error (bad flag, bad config, malformed snapshot, rejected credentials)',
  '  3  collection incomplete: some data could not be read, so a clean result cannot be trusted',
  '     (pass --allow-incomplete to gate on findings alone)',
].join('\n');
