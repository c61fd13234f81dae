import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction } from 'ajv';
import { packagePath, readPackageFile } from '../paths.js';

/** The schema files whose files pingone-audit checks (SARIF's serves only the tests; rule-meta is the report's `$ref`). */
export const VALIDATED_SCHEMA_FILES = [
  'baseline.schema.json',
  'config.schema.json',
  'dispositions.schema.json',
  'pack.schema.json',
  'profile.schema.json',
  'report.schema.json',
  'rule-meta.schema.json',
  'snapshot.schema.json',
  'suppressions.schema.json',
] as const;

/** One of {@link VALIDATED_SCHEMA_FILES}. */
export type ValidatedSchemaFile = (typeof VALIDATED_SCHEMA_FILES)[number];

/**
 * What the build step writes (`scripts/build-validators.ts`): Ajv's standalone code, one CommonJS module
 * per set, so that a run neither loads Ajv's compiler nor compiles a schema.
 */
interface PrecompiledValidators {
  /** Export name → what it validates: `<file>`, `<file>#/definitions/<name>` or a rule id. */
  refs: Record<string, string>;
  /** What the code was compiled from: a digest of the schema files, or each rule's options schema as JSON. */
  sources: Record<string, string>;
  [exportName: string]: unknown;
}

/** A precompiled set: one schema file's validators (only what a command checks is loaded), or every rule's options. */
export type ValidatorSet = ValidatedSchemaFile | 'rule-options';

/** Where the build step writes a set of validators; the same place for `dist/src` and for the sources. */
export function precompiledPath(set: ValidatorSet): string {
  return packagePath('dist', 'validators', `${set.replace(/\.schema\.json$/, '')}.cjs`);
}

const require = createRequire(import.meta.url);

/** Ajv as every pingone-audit schema is compiled: all errors, with the data and schema in each (for messages). */
export function createSchemaAjv(options: { source?: boolean } = {}): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  const ajv = new AjvClass({ allErrors: true, verbose: true, logger: false, code: { source: options.source ?? false } });
  // ajv-formats is CommonJS: its plugin is the `default` property.
  (require('ajv-formats') as typeof import('ajv-formats')).default(ajv);
  return ajv;
}

interface SchemaFile {
  fileName: ValidatedSchemaFile;
  schema: { $id: string; definitions?: object };
}

/** The parsed schema files, and a digest of their text that tells a precompiled set whether it is current. */
export function readValidatedSchemas(): { files: SchemaFile[]; digest: string } {
  const hash = createHash('sha256');
  const files = VALIDATED_SCHEMA_FILES.map((fileName) => {
    const text = readPackageFile('schemas', fileName);
    hash.update(fileName).update('\0').update(text).update('\0');
    return { fileName, schema: JSON.parse(text) as SchemaFile['schema'] };
  });
  return { files, digest: hash.digest('hex') };
}

/**
 * Every validator of the schema files: each file's root and each of its definitions, by key
 * (`config.schema.json`, `snapshot.schema.json#/definitions/application`) with the Ajv reference it compiles.
 */
export function validatedRefs(files: readonly SchemaFile[]): Array<{ key: string; ref: string }> {
  return files.flatMap(({ fileName, schema }) => [
    { key: fileName, ref: schema.$id },
    ...Object.keys(schema.definitions ?? {}).map((name) => ({ key: `${fileName}#/definitions/${name}`, ref: `${schema.$id}#/definitions/${name}` })),
  ]);
}

function loadPrecompiled(set: ValidatorSet): PrecompiledValidators | undefined {
  const file = precompiledPath(set);
  return existsSync(file) ? (require(file) as PrecompiledValidators) : undefined;
}

let schemaFiles: ReturnType<typeof readValidatedSchemas> | undefined;
const fileValidators = new Map<ValidatedSchemaFile, Map<string, () => ValidateFunction>>();
let fileAjv: Ajv | undefined;

/**
 * The validator of a schema file (`definition` undefined) or of one of its definitions. Precompiled by the build
 * when it is current and a run checks with it; compiled on the spot otherwise (a source tree without a build, a
 * schema edited since, a definition only a test checks with).
 * @throws Error when the file has no such definition: a bug, not a user mistake.
 */
export function schemaValidator(fileName: ValidatedSchemaFile, definition?: string): ValidateFunction {
  let lookup = fileValidators.get(fileName);
  if (lookup === undefined) fileValidators.set(fileName, (lookup = fileValidatorLookup(fileName)));
  const key = definition === undefined ? fileName : `${fileName}#/definitions/${definition}`;
  const validate = lookup.get(key);
  if (validate === undefined) throw new Error(`schemas/${fileName} has no ${definition === undefined ? 'schema' : `definitions/${definition}`}.`);
  return validate();
}

function fileValidatorLookup(fileName: ValidatedSchemaFile): Map<string, () => ValidateFunction> {
  schemaFiles ??= readValidatedSchemas();
  const { files, digest } = schemaFiles;
  const compiled = (ref: string) => {
    if (fileAjv === undefined) {
      fileAjv = createSchemaAjv();
      for (const { schema } of files) fileAjv.addSchema(schema);
    }
    return fileAjv.getSchema(ref)!;
  };
  const lookup = new Map(validatedRefs(files.filter((file) => file.fileName === fileName)).map(({ key, ref }) => [key, () => compiled(ref)]));
  // The build precompiles only what a run checks (precompile-validators.ts): anything else (a test's) is compiled here.
  const precompiled = loadPrecompiled(fileName);
  if (precompiled?.sources.digest === digest) {
    for (const [name, key] of Object.entries(precompiled.refs)) lookup.set(key, () => precompiled[name] as ValidateFunction);
  }
  return lookup;
}

let ruleOptionsAjv: Ajv | undefined;
let ruleOptionsPrecompiled: Map<string, { source: string; validate: ValidateFunction }> | undefined;

/**
 * The validator of a rule's options schema: the build's when it compiled this very schema for `ruleId`, else
 * compiled on the spot (a rule added or changed since the build, or one a test defines).
 */
export function ruleOptionsValidator(ruleId: string, schema: Record<string, unknown>): ValidateFunction {
  ruleOptionsPrecompiled ??= byKey(loadPrecompiled('rule-options'));
  const precompiled = ruleOptionsPrecompiled.get(ruleId);
  if (precompiled?.source === JSON.stringify(schema)) return precompiled.validate;
  ruleOptionsAjv ??= createSchemaAjv();
  return ruleOptionsAjv.compile(schema);
}

function byKey(set: PrecompiledValidators | undefined): Map<string, { source: string; validate: ValidateFunction }> {
  if (set === undefined) return new Map();
  return new Map(Object.entries(set.refs).map(([name, key]) => [key, { source: set.sources[key] ?? '', validate: set[name] as ValidateFunction }]));
}
