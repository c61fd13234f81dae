import { createRequire } from 'node:module';
import type { Rule } from '../engine/types.js';
import { createSchemaAjv, readValidatedSchemas, validatedRefs, type ValidatedSchemaFile } from './schema-validators.js';

const require = createRequire(import.meta.url);

/** A CommonJS module of Ajv's standalone code, exporting `v0…` plus `refs` (export name → key) and `sources`. */
function moduleCode(ajv: ReturnType<typeof createSchemaAjv>, entries: ReadonlyArray<{ key: string; ref: string }>, sources: Record<string, string>): string {
  const { default: standaloneCode } = require('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js');
  const code = standaloneCode(ajv, Object.fromEntries(entries.map(({ ref }, index) => [`v${index}`, ref])));
  const refs = Object.fromEntries(entries.map(({ key }, index) => [`v${index}`, key]));
  return `${code}\nexports.refs = ${JSON.stringify(refs)};\nexports.sources = ${JSON.stringify(sources)};\n`;
}

/** The precompiled validators of one schema file (its root and each definition), as `schemaValidator` loads them. */
export function schemaFileModule(fileName: ValidatedSchemaFile): string {
  const { files, digest } = readValidatedSchemas();
  const ajv = createSchemaAjv({ source: true });
  // Every file is added: one may $ref another (config → pack).
  for (const { schema } of files) ajv.addSchema(schema);
  return moduleCode(ajv, validatedRefs(files.filter((file) => file.fileName === fileName)), { digest });
}

/** The precompiled validators of the rules' options schemas, keyed by rule id, as `ruleOptionsValidator` loads them. */
export function ruleOptionsModule(rules: readonly Rule[]): string {
  const ajv = createSchemaAjv({ source: true });
  const withOptions = rules.flatMap((rule) => (rule.meta.options === undefined ? [] : [{ id: rule.id, schema: rule.meta.options.schema }]));
  for (const { id, schema } of withOptions) ajv.addSchema(schema, `rule-options:${id}`);
  return moduleCode(
    ajv,
    withOptions.map(({ id }) => ({ key: id, ref: `rule-options:${id}` })),
    Object.fromEntries(withOptions.map(({ id, schema }) => [id, JSON.stringify(schema)])),
  );
}
