/**
 * The build's second step (after tsc): Ajv's standalone code for every schema file pingone-audit checks and for
 * every rule's options schema, written to `dist/validators/`, so that a run loads small validating functions
 * instead of Ajv's compiler and compiles nothing. Each set records what it was compiled from; `schemaValidator`
 * and `ruleOptionsValidator` use it only while that still matches.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../rules/index.js';
import { ruleOptionsModule, schemaFileModule } from '../src/json/precompile-validators.js';
import { precompiledPath, VALIDATED_SCHEMA_FILES, type ValidatorSet } from '../src/json/schema-validators.js';

function write(set: ValidatorSet, code: string): void {
  const file = precompiledPath(set);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, code);
}

for (const fileName of VALIDATED_SCHEMA_FILES) write(fileName, schemaFileModule(fileName));
write('rule-options', ruleOptionsModule(rules));
