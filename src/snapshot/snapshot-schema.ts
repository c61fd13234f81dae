import type { ErrorObject, ValidateFunction } from 'ajv';
import { schemaValidator } from '../json/schema-validators.js';
import { pointerSegment } from './json-scanner.js';
import { ENVIRONMENT_RESOURCE_TYPES, type EnvironmentResourceType } from './layout.js';

/** The definitions of `schemas/snapshot.schema.json` that a snapshot file is checked against. */
export type FileDefinition = 'manifest' | 'environment' | EnvironmentResourceType;

/** Every {@link FileDefinition}: the snapshot definitions the build precompiles. */
export const FILE_DEFINITIONS: readonly FileDefinition[] = ['manifest', 'environment', ...ENVIRONMENT_RESOURCE_TYPES];

/** One way a value breaks the schema: where (RFC 6901 pointer) and what was expected. */
export interface SchemaViolation {
  pointer: string;
  message: string;
}

const validators = new Map<FileDefinition, ValidateFunction>();

/** Looked up once per definition: a snapshot checks thousands of files against a handful of them. */
function validatorFor(definition: FileDefinition): ValidateFunction {
  let validate = validators.get(definition);
  if (validate === undefined) validators.set(definition, (validate = schemaValidator('snapshot.schema.json', definition)));
  return validate;
}

/** Every violation of `definition` by `value` (empty when it conforms). */
export function checkAgainstSchema(definition: FileDefinition, value: unknown): SchemaViolation[] {
  const validate = validatorFor(definition);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => describeError(error, true));
}

/**
 * Like {@link checkAgainstSchema}, but each message says only what was expected, never the value
 * found: for data straight from the API, whose strings may be secret or hostile.
 */
export function checkShape(definition: FileDefinition, value: unknown): SchemaViolation[] {
  const validate = validatorFor(definition);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => describeError(error, false));
}

function describeError(error: ErrorObject, showFound: boolean): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  const found = showFound ? `found ${describeValue(error.data)}` : `found ${kindOf(error.data)}`;
  switch (error.keyword) {
    case 'required':
      return { pointer: `${error.instancePath}/${pointerSegment(String(params.missingProperty))}`, message: 'required property is missing' };
    case 'type':
      return { pointer: error.instancePath, message: `must be ${String(params.type)}, ${found}` };
    case 'enum':
      return { pointer: error.instancePath, message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}; ${found}` };
    case 'const':
      return { pointer: error.instancePath, message: `must be ${JSON.stringify(params.allowedValue)}, ${found}` };
    case 'format':
      return { pointer: error.instancePath, message: `must be a ${String(params.format)} string, ${found}` };
    default:
      return { pointer: error.instancePath, message: `${error.message ?? 'does not match the schema'}, ${found}` };
  }
}

/** The JSON type of a value, and nothing of its content. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
