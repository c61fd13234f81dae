import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { ruleOptionsModule, schemaFileModule } from '../../src/json/precompile-validators.js';
import { createSchemaAjv, readValidatedSchemas, ruleOptionsValidator, schemaValidator } from '../../src/json/schema-validators.js';
import { FILE_DEFINITIONS } from '../../src/snapshot/snapshot-schema.js';

/** Loads a module the build would write, without writing it: its `require`s resolve from here. */
function evaluate(code: string): Record<string, unknown> & { refs: Record<string, string> } {
  const module = { exports: {} as Record<string, unknown> & { refs: Record<string, string> } };
  new Function('exports', 'require', 'module', code)(module.exports, createRequire(import.meta.url), module);
  return module.exports;
}

function precompiled(code: string, key: string): ValidateFunction {
  const set = evaluate(code);
  const name = Object.keys(set.refs).find((candidate) => set.refs[candidate] === key);
  expect(name, key).toBeDefined();
  return set[name!] as ValidateFunction;
}

function onTheSpot(ref: string): ValidateFunction {
  const ajv = createSchemaAjv();
  for (const { schema } of readValidatedSchemas().files) ajv.addSchema(schema);
  return ajv.getSchema(ref)!;
}

/** The errors as messages use them: keyword, where, parameters, the data found and the schema around it. */
function errorsOf(validate: ValidateFunction, value: unknown): unknown {
  expect(validate(value)).toBe(false);
  return JSON.parse(JSON.stringify(validate.errors));
}

describe('validators precompiled by the build', () => {
  it('report a bad pack exactly as Ajv compiling the schema on the spot, schema details included (for "Did you mean")', () => {
    const pack = { id: 'x', description: 'd', rules: { 'implicit-grant': { severty: 'high' }, 'app-disabled': 'hihg' } };
    const built = precompiled(schemaFileModule('pack.schema.json'), 'pack.schema.json');
    expect(errorsOf(built, pack)).toEqual(errorsOf(onTheSpot('https://pingone-audit.dev/schemas/pack.schema.json'), pack));
  });

  it('check a config through the pack schema it refers to, and a snapshot file by its definition', () => {
    const config = precompiled(schemaFileModule('config.schema.json'), 'config.schema.json');
    expect(config({ extends: ['recommended'], rules: { 'app-disabled': 'high' } })).toBe(true);
    expect(config({ rules: { 'app-disabled': 'loud' } })).toBe(false);
    const application = precompiled(schemaFileModule('snapshot.schema.json'), 'snapshot.schema.json#/definitions/application');
    const broken = { id: 7, name: 'app' };
    expect(errorsOf(application, broken)).toEqual(errorsOf(onTheSpot('https://pingone-audit.dev/schemas/snapshot.schema.json#/definitions/application'), broken));
  });

  it('hold of the snapshot schema exactly the definitions its files are checked against, and compile any other on the spot', () => {
    const keys = Object.values(evaluate(schemaFileModule('snapshot.schema.json')).refs).sort();
    expect(keys).toEqual(FILE_DEFINITIONS.map((definition) => `snapshot.schema.json#/definitions/${definition}`).sort());
    const whole = schemaValidator('snapshot.schema.json');
    expect(whole({ manifest: {}, roles: [], environments: [] })).toBe(false);
    expect(whole.errors?.[0]?.instancePath).toBe('/manifest');
    const idRef = schemaValidator('snapshot.schema.json', 'idRef');
    expect(idRef({ id: 'a' })).toBe(true);
    expect(idRef({ id: '' })).toBe(false);
  });

  it("check each rule's options by rule id, and say what they were compiled from", () => {
    const rule = rules.find((candidate) => candidate.id === 'password-policy-weak')!;
    const code = ruleOptionsModule(rules);
    expect(evaluate(code).sources).toMatchObject({ 'password-policy-weak': JSON.stringify(rule.meta.options!.schema) });
    const validate = precompiled(code, 'password-policy-weak');
    expect(validate({ minLength: 12 })).toBe(true);
    expect(errorsOf(validate, { minLength: 0 })).toEqual(errorsOf(createSchemaAjv().compile(rule.meta.options!.schema), { minLength: 0 }));
  });

  it('compile on the spot the options schema of a rule the build never saw, or one changed since', () => {
    const fresh = ruleOptionsValidator('a-rule-of-this-test', { type: 'object', properties: { days: { type: 'integer' } } });
    expect(fresh({ days: 3 })).toBe(true);
    expect(fresh({ days: 'three' })).toBe(false);
    const changed = ruleOptionsValidator('password-policy-weak', { type: 'object', properties: { minLength: { type: 'string' } } });
    expect(changed({ minLength: 'long' })).toBe(true);
  });
});
