import type { Argv } from 'yargs';
import { SEVERITIES } from '../engine/types.js';
import { FRAMEWORK_IDS, type FrameworkId } from '../frameworks/framework-ids.js';
import { refuseUnreadReportFlags } from './unread-report-flags.js';

const FAIL_ON_CHOICES = [...SEVERITIES, 'none'] as const;
/** A `--fail-on` value: a severity, or `none` (never fail on findings). */
export type FailOn = (typeof FAIL_ON_CHOICES)[number];

/** How the flags of {@link withOutputOptions} are read by the command. */
export interface OutputOptionsUse {
  /** The command's `--verbose` also logs the collection on stderr (scan), so it is read whatever the formats. */
  verboseLogsCollection?: boolean;
}

/**
 * The flags of every command that writes reports of an audit result (audit, scan, demo, merge, terraform): formats and
 * files, the gate, and what the reports show. A flag that none of the run's formats reads is refused before any work.
 */
export function withOutputOptions<T, F extends string>(yargs: Argv<T>, formats: readonly F[], use: OutputOptionsUse = {}) {
  return yargs
    .middleware((argv) => refuseUnreadReportFlags(argv, use))
    .option('format', {
      alias: 'f',
      type: 'string',
      array: true,
      choices: formats,
      description: 'Report format (default stylish: verdict first, one line per finding; grid, formerly table, is the bordered table); repeat for several, each followed by its own --output',
    })
    .option('output', {
      alias: 'o',
      type: 'string',
      array: true,
      description: 'File for the --format just before it; - for stdout (stdout too when one format and no file)',
    })
    .option('fail-on', {
      type: 'string',
      choices: FAIL_ON_CHOICES,
      default: 'high' as FailOn,
      description: 'Exit 1 when a finding is at or above this severity',
    })
    .option('allow-incomplete', {
      type: 'boolean',
      default: false,
      description: 'Do not exit 3 when some data could not be collected',
    })
    .option('fail-on-overdue', {
      type: 'boolean',
      default: false,
      description: 'Exit 1 when a planned fix (--dispositions) is past its due date; alone, it replaces the default --fail-on high',
    })
    .option('include-suppressed', {
      type: 'boolean',
      default: false,
      description: 'Keep suppressed findings, marked, in SARIF, stylish, grid and CSV (JSON always lists them)',
    })
    .option('verbose', {
      type: 'boolean',
      default: false,
      description: 'Terminal report: whole messages and how to fix each rule that fired (scan also logs retries and throttling on stderr)',
    })
    .option('framework', {
      type: 'string',
      choices: FRAMEWORK_IDS,
      description:
        'View the run through one framework, per control: the rules behind it and pass / fail / partial / not evaluated / not covered (terminal, HTML and Markdown reports; JSON adds a "framework" object)',
    })
    .option('include-fixed', {
      type: 'boolean',
      default: false,
      description: 'SARIF: also emit the baseline\'s fixed findings with baselineState "absent" (not for GitHub uploads)',
    })
    .option('history', {
      type: 'string',
      description: 'Folder of earlier JSON reports: date each finding (first seen, age), chart the trend (HTML) and say what is new and fixed since the last run (Markdown)',
    });
}

/** The flags of every command that audits a snapshot (audit, scan, demo): {@link withOutputOptions} and the files that review the findings. */
export function withReportOptions<T, F extends string>(yargs: Argv<T>, formats: readonly F[], use: OutputOptionsUse = {}) {
  return withOutputOptions(yargs, formats, use)
    .option('config', {
      alias: 'c',
      type: 'string',
      description: 'Config file (default: ./pingone-audit.config.json when present)',
    })
    .option('suppressions', {
      type: 'string',
      description: 'Reviewed suppressions file (default: ./pingone-audit.suppressions.json when present); --no-suppressions ignores every suppression',
    })
    .option('baseline', {
      type: 'string',
      description: 'JSON report of an earlier run: mark findings new / unchanged and list fixed ones',
    })
    .option('dispositions', {
      type: 'string',
      description: 'Reviewed dispositions file: accepted-risk, false-positive, compensating-control (hidden until expiry) or planned-fix (visible, with owner and due date)',
    })
    .option('fail-on-new', {
      type: 'boolean',
      default: false,
      description: 'With --baseline: --fail-on counts only new findings (and ones now more severe)',
    });
}

/** The output flags as `withOutputOptions` parses them. */
export interface OutputFlags {
  'fail-on': FailOn;
  'allow-incomplete': boolean;
  'fail-on-overdue'?: boolean | undefined;
  'include-suppressed': boolean;
  'include-fixed': boolean;
  verbose?: boolean | undefined;
  framework?: FrameworkId | undefined;
  /** Only `withReportOptions` declares it. */
  'fail-on-new'?: boolean | undefined;
  history?: string | undefined;
}

/** The report flags as `withReportOptions` parses them. */
export interface ReportFlags extends OutputFlags {
  config?: string | undefined;
  /** A file; false for --no-suppressions (yargs' negation); undefined for the default file when present. */
  suppressions?: string | false | undefined;
  baseline?: string | undefined;
  dispositions?: string | undefined;
  'fail-on-new': boolean;
}
