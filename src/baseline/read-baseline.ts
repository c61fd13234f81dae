import type { FromSchema } from 'json-schema-to-ts';
import { assertKnownFormatVersion } from '../engine/format-version.js';
import { assertMatchesSchema, invalidJsonAt, parseJsonText } from '../engine/json-errors.js';
import { REPORT_SCHEMA_VERSION } from '../formatters/json.js';
import type { baselineSchema } from '../json/file-schemas.js';
import { schemaValidator } from '../json/schema-validators.js';
import type { Finding } from '../engine/types.js';
import { readUserFile } from '../read-user-file.js';
import type { ResourceType } from '../snapshot/model.js';

/**
 * The baseline file as its schema checks it (members it does not list are allowed and ignored), inferred
 * from `schemas/baseline.schema.json`.
 */
type BaselineFile = FromSchema<typeof baselineSchema>;

/** What a baseline needs of a previous JSON report: when it ran, and its open findings, as the engine's findings. */
export interface BaselineReport {
  file?: string;
  generatedAt: string;
  findings: Finding[];
}

const HINT = 'A baseline is the JSON report of an earlier run (`-f json -o baseline.json`).';
const UPGRADE_HINT = 'The report was written by a newer pingone-audit: run that version (or later), or make the baseline again with this one (`-f json -o baseline.json`).';

/**
 * Reads `--baseline FILE`: a JSON report an earlier run wrote with `-f json`, checked against
 * `schemas/baseline.schema.json`. Its findings reach every report as "fixed", so each must have
 * every field a report shows, with a known severity; a problem is a usage error (exit 2) that
 * names the file and the path in it, and so is a report in a format version this one does not read.
 */
export function loadBaseline(file: string): BaselineReport {
  const text = readUserFile(file, file, 'Baseline', 'Pass the JSON report of an earlier run: `pingone-audit audit <snapshot> -f json -o baseline.json`.');
  return readBaselineReport(parseJsonText(text, file), file, text);
}

/**
 * Checks a parsed report (see {@link loadBaseline}); `file` names it in errors and in the result, `text` (its text, when at
 * hand) gives an error its line.
 * The findings are rebuilt from the fields the schema checked: members a newer version added, or
 * anything else the file carries, go no further.
 */
export function readBaselineReport(value: unknown, file: string, text?: string): BaselineReport {
  if (value !== null && typeof value === 'object' && Array.isArray((value as { runs?: unknown }).runs)) {
    throw invalidJsonAt(file, [], 'is a SARIF log; baselines are read from the JSON report', HINT);
  }
  assertKnownFormatVersion(value, file, 'schemaVersion', [REPORT_SCHEMA_VERSION], UPGRADE_HINT, text);
  assertMatchesSchema(schemaValidator('baseline.schema.json'), value, file, text === undefined ? {} : { text });
  const report = value as BaselineFile;
  return { file, generatedAt: report.generatedAt, findings: report.findings.map(ownFinding) };
}

function ownFinding(finding: BaselineFile['findings'][number]): Finding {
  const { ruleId, severity, environmentId, resource, pointer, messageId, message, data, fingerprint, location } = finding;
  return {
    ruleId,
    severity,
    environmentId,
    resource: { type: resource.type as ResourceType, id: resource.id, name: resource.name, ...(resource.environmentId === undefined ? {} : { environmentId: resource.environmentId }) },
    pointer,
    messageId,
    message,
    data: { ...data },
    fingerprint,
    location: { file: location.file, ...(location.line === undefined ? {} : { line: location.line }) },
  };
}
