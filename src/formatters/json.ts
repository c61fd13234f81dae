import type { AuditResult } from '../engine/types.js';
import type { FormatContext } from './format-context.js';
import { jsonChunks } from '../output/json-chunks.js';
import { frameworkPosture } from '../frameworks/posture.js';

export const REPORT_SCHEMA_ID = 'https://pingone-audit.dev/schemas/report.schema.json';
/** Bumped only when a field changes meaning or goes away; new fields keep the version. */
export const REPORT_SCHEMA_VERSION = 1;

/**
 * The whole audit result (findings, suppressed findings, not-evaluated rules, rule errors,
 * collection record, summary) as stable JSON described by `schemas/report.schema.json`, and with
 * `context.framework` (`--framework`) a `framework` object: the run seen through that framework.
 * Every other report can be rendered from it, and a later run can use it as a baseline.
 */
export function formatJson(result: AuditResult, context: FormatContext): string {
  return [...formatJsonChunks(result, context)].join('');
}

/** {@link formatJson} piece by piece (one per finding at most), for writing to a file as it is produced. */
export function formatJsonChunks(result: AuditResult, context: FormatContext): Iterable<string> {
  const framework = context.framework === undefined ? {} : { framework: frameworkPosture(result, context.framework) };
  // Depth 2 opens the result and its lists (findings, suppressed, notEvaluated …): one piece per item.
  return jsonChunks({ $schema: REPORT_SCHEMA_ID, schemaVersion: REPORT_SCHEMA_VERSION, ...result, ...framework }, { sortKeys: true, depth: 2 });
}
