import { assertKnownFormatVersion } from '../engine/format-version.js';
import { assertMatchesSchema, invalidJsonAt, parseJsonText } from '../engine/json-errors.js';
import type { AuditResult } from '../engine/types.js';
import { REPORT_SCHEMA_VERSION } from '../formatters/json.js';
import { schemaValidator } from '../json/schema-validators.js';
import { readUserFile } from '../read-user-file.js';

/** A JSON report read back: the file as the user named it, and the audit result it holds. */
export interface ReadReport {
  file: string;
  result: AuditResult;
}

const HINT = 'Pass JSON reports written by `pingone-audit audit|scan|demo -f json -o <file>`.';

/**
 * Reads a JSON report an earlier run wrote (`-f json`) and checks it against `schemas/report.schema.json`:
 * what `merge` combines and `--history` dates findings by. `absolutePath` is opened, `file` (as the user
 * wrote it) names it in errors.
 * @throws UserFacingError `file-unreadable` (missing, not a file) or `json-invalid` (not JSON, a SARIF log, an OSCAL document,
 *   a report format version this one does not read, or not a report: the message names the file and the JSON path of the first problem).
 */
export function readReportFile(absolutePath: string, file: string): ReadReport {
  const text = readUserFile(absolutePath, file, 'Report', HINT);
  const value = parseJsonText(text, file);
  if (value !== null && typeof value === 'object' && Array.isArray((value as { runs?: unknown }).runs)) {
    throw invalidJsonAt(file, [], 'is a SARIF log, not a JSON report', HINT);
  }
  const oscal = oscalModel(value);
  if (oscal !== undefined) throw invalidJsonAt(file, [], `is an OSCAL ${oscal} document, not a JSON report`, HINT);
  assertKnownFormatVersion(value, file, 'schemaVersion', [REPORT_SCHEMA_VERSION], 'The report was written by a newer pingone-audit: read it with that version (or later).', text);
  assertMatchesSchema(schemaValidator('report.schema.json'), value, file, { text });
  const { $schema: _schema, schemaVersion: _version, ...result } = value as AuditResult & { $schema?: string; schemaVersion: number };
  return { file, result };
}

/** The OSCAL model a document holds (its one root key, as `-f oscal-ar` and `-f oscal-poam` write it), if it is one. */
function oscalModel(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if ('assessment-results' in value) return 'assessment results';
  if ('plan-of-action-and-milestones' in value) return 'plan of action and milestones';
  return undefined;
}
