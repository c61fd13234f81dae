import { invalidJsonAt, parseJsonText } from '../engine/json-errors.js';
import type { Finding } from '../engine/types.js';
import { readUserFile } from '../read-user-file.js';

/** What a baseline needs of a previous JSON report: when it ran, and its open findings. */
export interface BaselineReport {
  file?: string;
  generatedAt: string;
  findings: Finding[];
}

const FINGERPRINT = /^[0-9a-f]{64}$/;

/**
 * Reads `--baseline FILE`: a JSON report an earlier run wrote with `-f json`. Only what matching
 * needs is checked (each finding's fingerprint), so that a report from an older or newer version
 * still works as a baseline; anything else is a usage error located in the file.
 */
export function loadBaseline(file: string): BaselineReport {
  const text = readUserFile(file, file, 'Baseline', 'Pass the JSON report of an earlier run: `pingone-audit audit <snapshot> -f json -o baseline.json`.');
  return readBaselineReport(parseJsonText(text, file), file);
}

/** Checks a parsed report (see {@link loadBaseline}); `file` names it in errors and in the result. */
export function readBaselineReport(value: unknown, file: string): BaselineReport {
  const hint = 'A baseline is the JSON report of an earlier run (`-f json -o baseline.json`).';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidJsonAt(file, [], 'is not a pingone-audit JSON report', hint);
  const report = value as Record<string, unknown>;
  if (Array.isArray(report.runs)) throw invalidJsonAt(file, [], 'is a SARIF log; baselines are read from the JSON report', hint);
  if (typeof report.generatedAt !== 'string') throw invalidJsonAt(file, ['generatedAt'], 'is missing: this is not a pingone-audit JSON report', hint);
  if (!Array.isArray(report.findings)) throw invalidJsonAt(file, ['findings'], 'must be an array of findings', hint);
  report.findings.forEach((finding: unknown, index) => {
    const fingerprint = (finding as { fingerprint?: unknown } | null)?.fingerprint;
    if (typeof fingerprint !== 'string' || !FINGERPRINT.test(fingerprint)) {
      throw invalidJsonAt(file, ['findings', index, 'fingerprint'], 'must be the 64-character hex fingerprint pingone-audit writes', hint);
    }
  });
  return { file, generatedAt: report.generatedAt, findings: report.findings as Finding[] };
}
