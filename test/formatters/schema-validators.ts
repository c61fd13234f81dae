import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { packagePath } from '../../src/paths.js';

function readSchema(fileName: string): Record<string, unknown> {
  return JSON.parse(readFileSync(packagePath('schemas', fileName), 'utf8')) as Record<string, unknown>;
}

function problems(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}

/** Compiles on first use: a test file that checks only SARIF, or only reports, does not pay for the other (~0.3 s each). */
function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

// The pinned SARIF schema declares JSON Schema 2020-12; the project's own schemas are draft-07.
const validateSarifSchema = once(() => {
  const sarifAjv = new Ajv2020({ allErrors: true, logger: false });
  ajvFormats.default(sarifAjv);
  return sarifAjv.compile(readSchema('sarif-2.1.0.json'));
});

const reportAjv = once(() => {
  const ajv = new Ajv({ allErrors: true, logger: false });
  ajvFormats.default(ajv);
  ajv.addSchema(readSchema('rule-meta.schema.json'));
  return ajv;
});
const validateReportSchema = once(() => reportAjv().compile(readSchema('report.schema.json')));

/** Violations of the pinned SARIF 2.1.0 schema, one line each. */
export function sarifSchemaProblems(log: unknown): string[] {
  return problems(validateSarifSchema(), log);
}

/** Violations of schemas/report.schema.json, one line each. */
export function reportSchemaProblems(report: unknown): string[] {
  return problems(validateReportSchema(), report);
}

/** schemas/rule-meta.schema.json, which only the tests check rules against (a rule's metadata is code). */
export function ruleMetaValidator(): ValidateFunction {
  return reportAjv().getSchema('https://pingone-audit.dev/schemas/rule-meta.schema.json')!;
}
