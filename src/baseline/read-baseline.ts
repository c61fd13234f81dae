import { assertMatchesSchema, invalidJsonAt, parseJsonText } from '../engine/json-errors.js';
import { loadSchema } from '../json/load-schema.js';
import type { Finding } from '../engine/types.js';
import { readUserFile } from '../read-user-file.js';
import type { ResourceType } from '../snapshot/model.js';

/** What a baseline needs of a previous JSON report: when it ran, and its open findings. */
export interface BaselineReport {
  file?: string;
  generatedAt: string;
  findings: Finding[];
}

const HINT = 'A baseline is the JSON report of an earlier run (`-f json -o baseline.json`).';

/**
 * Reads `--baseline FILE`: a JSON report an earlier run wrote with `-f json`, checked against
 * `schemas/baseline.schema.json`. Its findings reach every report as "fixed", so each must have
 * every field a report shows, with a known severity; a problem is a usage error (exit 2) that
 * names the file and the path in it.
 */
export function loadBaseline(file: string): BaselineReport {
  const text = readUserFile(file, file, 'Baseline', 'Pass the JSON report of an earlier run: `pingone-audit audit <snapshot> -f json -o baseline.json`.');
  return readBaselineReport(parseJsonText(text, file), file);
}

/**
 * Checks a parsed report (see {@link loadBaseline}); `file` names it in errors and in the result.
 * The findings are rebuilt from the fields the schema checked: members a newer version added, or
 * anything else the file carries, go no further.
 */
export function readBaselineReport(value: unknown, file: string): BaselineReport {
  if (value !== null && typeof value === 'object' && Array.isArray((value as { runs?: unknown }).runs)) {
    throw invalidJsonAt(file, [], 'is a SARIF log; baselines are read from the JSON report', HINT);
  }
  assertMatchesSchema(loadSchema('baseline.schema.json'), value, file);
  const report = value as { generatedAt: string; findings: Finding[] };
  return { file, generatedAt: report.generatedAt, findings: report.findings.map(ownFinding) };
}

function ownFinding(finding: Finding): Finding {
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
