import { UserFacingError } from '../errors.js';
import type { ReportFlags } from './output-options.js';

/** The review files the flags name (suppressions, baseline, dispositions), as `loadReportSetup` reads them. */
export interface ReviewArgs {
  /** A file, undefined for the default file when present, or false for --no-suppressions. */
  suppressions: string | false | undefined;
  baseline: string | undefined;
  dispositions: string | undefined;
}

/** The review flags that read the baseline, checked in this order, and why each needs it. */
const NEEDS_BASELINE = [
  ['fail-on-new', 'without an earlier result nothing can be called new'],
  ['include-fixed', "the fixed findings are the baseline's that this run no longer has"],
] as const;

/** Checks the review flags' combinations (exit 2 on a nonsensical one) and names the review files for `loadReportSetup`. */
export function reviewArgs(flags: ReportFlags): ReviewArgs {
  // An empty or repeated file flag never gets here: runCli refuses it before any command runs (refuseMissingValues,
  // refuseRepeatedOptions).
  const { suppressions, baseline, dispositions } = flags;
  for (const [flag, why] of NEEDS_BASELINE) {
    if (flags[flag] === true && baseline === undefined) {
      throw new UserFacingError('flag-invalid', `--${flag} needs --baseline: ${why}.`, { hint: 'Pass --baseline <earlier JSON report>, written by `-f json -o <file>` on an earlier run.' });
    }
  }
  // Alone it replaces the severity gate; with no planned fix to be overdue, that gate would pass whatever the findings.
  if (flags['fail-on-overdue'] === true && dispositions === undefined) {
    throw new UserFacingError('flag-invalid', '--fail-on-overdue needs --dispositions: only a planned fix in a dispositions file can be overdue.', {
      hint: 'Pass --dispositions <file> with the planned fixes and their due dates, or drop --fail-on-overdue (the default gate is --fail-on high).',
      seeAlso: 'README.md#dispositions-planned-fixes-with-due-dates',
    });
  }
  return { suppressions, baseline, dispositions };
}
