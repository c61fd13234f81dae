import { createRequire } from 'node:module';
import type { Rule } from '../engine/types.js';
import { FILE_DEFINITIONS } from '../snapshot/snapshot-schema.js';
import { createSchemaAjv, readValidatedSchemas, validatedRefs, type ValidatedSchemaFile } from './schema-validators.js';

const require = createRequire(import.meta.url);

/** A CommonJS module of Ajv's standalone code, exporting `v0…` plus `refs` (export name → key) and `sources`. */
function moduleCode(ajv: ReturnType<typeof createSchemaAjv>, entries: ReadonlyArray<{ key: string; ref: string }>, sources: Record<string, string>): string {
  const { default: standaloneCode } = require('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js');
  const code = standaloneCode(ajv, Object.fromEntries(entries.map(({ ref }, index) => [`v${index}`, ref])));
  const refs = Object.fromEntries(entries.map(({ key }, index) => [`v${index}`, key]));
  return `${code}\nexports.refs = ${JSON.stringify(refs)};\nexports.sources = ${JSON.stringify(sources)};\n`;
}

/**
 * Of the snapshot schema, only the definitions its files are checked against: its root (the whole snapshot as one
 * value) and `environmentSnapshot` repeat every definition's code, which more than doubled the module every
 * `audit`, `demo` and `scan` loads (465 KB against 205 KB).
 */
const CHECKED_KEYS: Partial<Record<ValidatedSchemaFile, ReadonlySet<string>>> = {
  'snapshot.schema.json': new Set(FILE_DEFINITIONS.map((definition) => `snapshot.schema.json#/definitions/${definition}`)),
};

/**
 * The precompiled validators of one schema file, as `schemaValidator` loads them: its root and each definition, or
 * for the snapshot schema those a run checks with (`schemaValidator` compiles any other on the spot).
 */
export function schemaFileModule(fileName: ValidatedSchemaFile): string {
  const { files, digest } = readValidatedSchemas();
  const ajv = createSchemaAjv({ source: true });
  // Every file is added: one may $ref another (config → pack).
  for (const { schema } of files) ajv.addSchema(schema);
  const checked = CHECKED_KEYS[fileName];
  const refs = validatedRefs(files.filter((file) => file.fileName === fileName)).filter(({ key }) => checked?.has(key) ?? true);
  return moduleCode(ajv, refs, { digest });
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
