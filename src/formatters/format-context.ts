import type { AuditResult, Severity } from '../engine/types.js';
import type { FrameworkId } from '../frameworks/framework-ids.js';
import type { Verdict } from '../verdict.js';

/** What a formatter may know besides the result; the command fills it from flags and the TTY. */
export interface FormatContext {
  /**
   * The snapshot folder relative to the repository root (posix or native separators), used to
   * prefix file locations so that GitHub can open them. An absolute folder is ignored: the
   * command should pass the folder relative to the repository root.
   */
  snapshotDir?: string;
  /** The snapshot folder as the user named it (absolute or not), when it outlives the run: the stylish report names it when {@link snapshotDir} cannot prefix the paths. */
  snapshotFolder?: string;
  /** ANSI colour; only formats meant for a terminal use it. */
  color: boolean;
  /** Keep suppressed findings, marked as such, in formats that leave them out by default. */
  includeSuppressed?: boolean;
  /**
   * SARIF: also emit the baseline's fixed findings as results with `baselineState: "absent"`.
   * Off by default: GitHub ignores `baselineState` and would open an alert for each of them.
   */
  includeFixed?: boolean;
  /** The tool's home page; defaults to {@link DEFAULT_INFORMATION_URI}. */
  toolInformationUri?: string;
  /** Terminal width in columns: the stylish report fits it (80 when unknown), the grid keeps it within 80–160 (100 when unknown). */
  columns?: number;
  /** Stylish: whole messages and each fired rule's remediation, instead of first sentences. */
  verbose?: boolean;
  /** Stylish, HTML, Markdown and JSON: the run seen through this framework alone (`--framework`), control by control. */
  framework?: FrameworkId;
  /** The gate the command decided, for the opening verdict of the stylish, HTML and Markdown reports. */
  gate?: { verdict: Verdict; failOn: Severity | 'none'; failOnNew: boolean; failOnOverdue?: boolean };
}

/** A pure rendering of an audit result: no I/O, no printing; the command writes the string. */
export type Formatter = (result: AuditResult, context: FormatContext) => string;

/**
 * A formatter that hands its output over piece by piece, so that a report of any size is written without being
 * held whole: text, or blocks of UTF-8 bytes that each hold whole characters.
 */
export type ChunkedFormatter = (result: AuditResult, context: FormatContext) => Iterable<string> | Iterable<Uint8Array>;

/** The tool's home page, SARIF's `informationUri` unless the context names another. */
export const DEFAULT_INFORMATION_URI = 'https://github.com/pingone-audit/pingone-audit';
