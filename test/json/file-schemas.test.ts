import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Suppression } from '../../src/suppressions/parse-suppressions.js';
import type { AuditConfig, Pack } from '../../src/engine/config.js';
import * as fileSchemas from '../../src/json/file-schemas.js';
import type { Profile } from '../../src/profiles/types.js';

// The types of config, pack, profile, suppressions and baseline files are inferred from these mirrors,
// so a mirror that drifts from its shipped JSON file would type the code against a schema no file is checked by.
const MIRRORS: Record<string, unknown> = {
  'config.schema.json': fileSchemas.configSchema,
  'pack.schema.json': fileSchemas.packSchema,
  'profile.schema.json': fileSchemas.profileSchema,
  'suppressions.schema.json': fileSchemas.suppressionsSchema,
  'baseline.schema.json': fileSchemas.baselineSchema,
  'dispositions.schema.json': fileSchemas.dispositionsSchema,
};

describe('src/json/file-schemas.ts', () => {
  it.each(Object.entries(MIRRORS))('mirrors schemas/%s exactly (copy the JSON over the value when one changes)', (file, mirror) => {
    const json: unknown = JSON.parse(readFileSync(new URL(`../../schemas/${file}`, import.meta.url), 'utf8'));
    expect(mirror).toStrictEqual(json);
  });

  it('mirrors every file schema it exports', () => {
    expect(Object.keys(fileSchemas).sort()).toEqual(
      Object.values(fileSchemas)
        .map((schema) => `${String(schema.$id).split('/').pop()?.replace('.schema.json', '')}Schema`)
        .sort(),
    );
    expect(Object.keys(fileSchemas)).toHaveLength(Object.keys(MIRRORS).length);
  });
});

// Checked by `tsc -p test/tsconfig.json`: each @ts-expect-error must meet an error, so the inferred types hold
// what the schemas say rather than `any`.
it('infers the file types from the schemas', () => {
  const typed: [Pack, AuditConfig, Suppression, Profile['checks'][number]['severity']] = [
    // @ts-expect-error 'warning' is no severity of the pack schema
    { id: 'p', description: 'd', rules: { 'a-rule': 'warning' } },
    // @ts-expect-error the config schema has no `packs`
    { packs: ['recommended'] },
    // @ts-expect-error a suppression needs an owner
    { ruleId: 'a', environmentId: null, resourceId: 'r', reason: 'x', expires: '2030-01-01' },
    // @ts-expect-error 'warning' is no severity of the profile schema
    'warning',
  ];
  expect(typed).toHaveLength(4);
});
