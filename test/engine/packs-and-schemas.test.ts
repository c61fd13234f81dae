import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SnapshotKind } from '../../src/snapshot/model.js';
import { ORGANIZATION_WIDE_KINDS } from '../../src/engine/data-gaps.js';
import { loadConfig } from '../../src/audit/load-config.js';
import { loadPacks } from '../../src/audit/load-packs.js';
import { ruleMetaValidator } from '../formatters/schema-validators.js';
import { UserFacingError } from '../../src/errors.js';
import { packagePath } from '../../src/paths.js';
import { catchUserFacingError, fakeRule } from './engine-fixtures.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

describe('rule packs', () => {
  it('every pack file validates against the schema and is keyed by its id', () => {
    const packs = loadPacks();
    expect(Object.keys(packs).sort()).toEqual(['all', 'recommended']);
    for (const [id, pack] of Object.entries(packs)) expect(pack.id).toBe(id);
  });

  it('recommended enables at least the core rule ids; all takes every rule', () => {
    const { recommended, all } = loadPacks();
    expect(Object.keys(recommended!.rules)).toEqual(
      expect.arrayContaining(['admin-role-missing', 'app-disabled', 'implicit-grant', 'redirect-uri-trailing-slash', 'refresh-token-jwt-sunset', 'refresh-token-not-jwt']),
    );
    expect(all!.rules).toBe('*');
  });

  it('a pack whose id differs from its file name is refused', () => {
    const directory = temporaryFolder('packs-');
    writeFileSync(path.join(directory, 'mine.json'), JSON.stringify({ description: 'd', id: 'yours', rules: {} }, null, 2));
    expect(() => loadPacks(directory)).toThrow('rules/packs/mine.json:3: $.id: pack id "yours" differs from its file name');
  });

  it('a malformed pack names the file and the path', () => {
    const directory = temporaryFolder('packs-');
    writeFileSync(path.join(directory, 'bad.json'), JSON.stringify({ id: 'bad', description: 'd', rules: { 'x-y': 'warn' } }));
    expect(() => loadPacks(directory)).toThrow('rules/packs/bad.json:1: $.rules["x-y"]: "warn" is not allowed');
  });
});

describe('config file', () => {
  const directoryWith = (name: string, text: string) => {
    const directory = temporaryFolder('config-');
    writeFileSync(path.join(directory, name), text);
    return directory;
  };

  it('no --config and no default file: the empty config', () => {
    expect(loadConfig(undefined, temporaryFolder('config-'))).toEqual({ config: {}, file: undefined });
  });

  it('reads ./pingone-audit.config.json when present', () => {
    const config = { extends: ['all'], rules: { 'implicit-grant': 'off' }, integrations: { 'app-1': ['stackone'] } };
    const text = JSON.stringify(config);
    expect(loadConfig(undefined, directoryWith('pingone-audit.config.json', text))).toEqual({ config, file: 'pingone-audit.config.json', text });
  });

  it('a missing --config file is a user error naming it', () => {
    expect(() => loadConfig('nope.json', tmpdir())).toThrow(UserFacingError);
    expect(() => loadConfig('nope.json', tmpdir())).toThrow('Config file nope.json does not exist.');
  });

  it('invalid JSON is a user error naming the file, the line and the column', () => {
    const directory = directoryWith('c.json', '{\n  "extends": ["all"],\n}');
    expect(() => loadConfig('c.json', directory)).toThrow(/^c\.json:3:1: not valid JSON: expected a property name in double quotes, found "\}"$/);
  });

  it('unknown top-level key, with a suggestion ("now" is not config)', () => {
    const error = catchUserFacingError(() => loadConfig('c.json', directoryWith('c.json', '{ "extend": ["all"] }')));
    expect(error.message).toBe('c.json:1: $.extend: unknown property "extend"');
    expect(error.hint).toBe('Did you mean "extends"?');
    expect(() => loadConfig('c.json', directoryWith('c.json', '{ "now": "2026-01-01" }'))).toThrow('unknown property "now"');
  });

  it('integration bindings must be lists of profile ids', () => {
    const directory = directoryWith('c.json', '{ "integrations": { "app-1": ["stackone", 7] } }');
    expect(() => loadConfig('c.json', directory)).toThrow('c.json:1: $.integrations["app-1"][1]: must be string');
  });

  it('a bad severity in an object setting is located precisely despite the oneOf', () => {
    const config = '{\n  "rules": {\n    "implicit-grant": {\n      "severity": "hihg"\n    }\n  }\n}\n';
    const error = catchUserFacingError(() => loadConfig('c.json', directoryWith('c.json', config)));
    expect(error.message).toBe('c.json:4: $.rules["implicit-grant"].severity: "hihg" is not allowed');
    expect(error.hint).toContain('Did you mean "high"?');
  });
});

describe('rule metadata schema', () => {
  const validate = ruleMetaValidator();

  it('accepts well-formed metadata (with and without options)', () => {
    expect(validate(fakeRule('x').meta), JSON.stringify(validate.errors)).toBe(true);
    const withOptions = { ...fakeRule('y').meta, options: { schema: { type: 'object' }, defaults: {} }, precision: 'high' };
    expect(validate(withOptions), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a description not starting with Require/Disallow', { description: 'Checks things.' }],
    ['an unknown severity', { severity: 'warning' }],
    ['an unknown category', { category: 'misc' }],
    ['an unknown snapshot kind', { requires: ['apps'] }],
    ['no remediation steps', { docs: { rationale: 'r', remediation: [], references: [{ title: 't' }] } }],
    ['no references', { docs: { rationale: 'r', remediation: ['s'], references: [] } }],
    ['no messages', { messages: {} }],
    ['options without defaults', { options: { schema: { type: 'object' } } }],
  ])('rejects %s', (_, override) => {
    expect(validate({ ...fakeRule('x').meta, ...override })).toBe(false);
  });

  it('lists exactly the SnapshotKind union, organization-wide kinds included', () => {
    // A Record over the union fails to compile when a kind is added to the model and not here.
    const kinds: Record<SnapshotKind, true> = {
      environments: true,
      applications: true,
      applicationGrants: true,
      applicationSignOnPolicyAssignments: true,
      applicationFlowPolicyAssignments: true,
      applicationRoleAssignments: true,
      users: true,
      userRoleAssignments: true,
      groups: true,
      groupRoleAssignments: true,
      groupMembers: true,
      populations: true,
      signOnPolicies: true,
      signOnPolicyActions: true,
      roles: true,
      customRoles: true,
      gateways: true,
      gatewayRoleAssignments: true,
      passwordPolicies: true,
      deviceAuthenticationPolicies: true,
      fido2Policies: true,
      identityProviders: true,
      resources: true,
      resourceScopes: true,
      keys: true,
      certificates: true,
      subscriptions: true,
      customDomains: true,
    };
    const schema = JSON.parse(readFileSync(packagePath('schemas', 'rule-meta.schema.json'), 'utf8')) as {
      properties: { requires: { items: { enum: string[] } } };
    };
    const listed = schema.properties.requires.items.enum;
    expect([...listed].sort()).toEqual(Object.keys(kinds).sort());
    for (const kind of ORGANIZATION_WIDE_KINDS) expect(listed).toContain(kind);
  });
});
