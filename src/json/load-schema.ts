import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { packagePath } from '../paths.js';
import { ajv } from '../engine/json-errors.js';

/**
 * Compiles `schemas/<fileName>` once (Ajv keeps it by `$id`). `references` are schema files
 * it `$ref`s, added first so that Ajv can resolve them.
 */
export function loadSchema(fileName: string, references: string[] = []): ValidateFunction {
  for (const reference of references) {
    const schema = readSchema(reference);
    if (ajv.getSchema(schema.$id) === undefined) ajv.addSchema(schema);
  }
  const schema = readSchema(fileName);
  return ajv.getSchema(schema.$id) ?? ajv.compile(schema);
}

function readSchema(fileName: string): { $id: string } {
  return JSON.parse(readFileSync(packagePath('schemas', fileName), 'utf8')) as { $id: string };
}
