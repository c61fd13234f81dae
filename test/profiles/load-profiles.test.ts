import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { UserFacingError } from '../../src/errors.js';
import { loadProfiles } from '../../src/profiles/load-profiles.js';
import { compileNamePattern } from '../../src/profiles/name-pattern.js';
import { packagePath } from '../../src/paths.js';

const SHIPPED = [
  'pingcli-auth-code',
  'pingcli-client-credentials',
  'pingctl-auth-code',
  'pingctl-client-credentials',
  'pingctl-implicit',
  'pingdatasync',
  'pingone-mcp-server-device',
  'pingone-mcp-server',
  'scim-outbound',
  'stackone',
  'terraform',
];

describe('the shipped profiles', () => {
  const profiles = loadProfiles();

  it('are the shipped integrations, each valid against schemas/profile.schema.json', () => {
    expect(profiles.map((profile) => profile.id)).toEqual(SHIPPED);
  });

  it('cite an https guide for every check and name only real rules', () => {
    const ruleIds = new Set(rules.map((rule) => rule.id));
    for (const profile of profiles) {
      for (const check of profile.checks) {
        expect(check.source.url, `${profile.id}/${check.id}`).toMatch(/^https:\/\//);
        if (check.reportedBy) expect(ruleIds, `${profile.id}/${check.id} reportedBy`).toContain(check.reportedBy);
        if (check.conflictsWith) expect(ruleIds, `${profile.id}/${check.id} conflictsWith`).toContain(check.conflictsWith.rule);
      }
    }
  });

  it('give StackOne every setting of its guide', () => {
    const stackone = profiles.find((profile) => profile.id === 'stackone')!;
    expect(stackone.checks.map((check) => check.id)).toEqual([
      'worker',
      'enabled',
      'response-type-code',
      'grant-types',
      'pkce-optional',
      'refresh-token-format',
      'refresh-token-duration',
      'refresh-token-rolling-duration',
      'callback-uri',
      'no-redirect-patterns',
      'token-endpoint-auth',
      'admin-users-only',
      'group-policy-unrestricted',
      'signing-in-admin-role',
    ]);
  });

  it('say on the pingctl implicit grant check that implicit is insecure', () => {
    const implicit = profiles.find((profile) => profile.id === 'pingctl-implicit')!;
    const grants = implicit.checks.find((check) => check.id === 'grant-types')!;
    expect(grants.conflictsWith).toMatchObject({ rule: 'implicit-grant', prefer: 'rule' });
    expect(grants.conflictsWith?.why).toMatch(/RFC 9700 §2\.1\.2/);
  });
});

describe('loadProfiles errors', () => {
  let dir: string;
  let stackone: Record<string, unknown>;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'profiles-'));
    stackone = JSON.parse(await readFile(packagePath('rules', 'profiles', 'stackone.json'), 'utf8')) as Record<string, unknown>;
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function loadWith(fileName: string, change: (profile: Record<string, unknown>) => void): Promise<() => unknown> {
    const profile = structuredClone(stackone);
    change(profile);
    await writeFile(path.join(dir, fileName), JSON.stringify(profile, null, 2));
    return () => loadProfiles(dir);
  }

  /** The 1-based line of the first line of the written profile (`fileName`) that `matches`. */
  async function lineWhere(fileName: string, matches: RegExp): Promise<number> {
    return (await readFile(path.join(dir, fileName), 'utf8')).split('\n').findIndex((line) => matches.test(line)) + 1;
  }

  it('locate an unknown property with a suggestion', async () => {
    const load = await loadWith('stackone.json', (profile) => {
      (profile.checks as Array<Record<string, unknown>>)[0]!.severty = 'high';
    });
    expect(load).toThrow(UserFacingError);
    expect(load).toThrow(`rules/profiles/stackone.json:${await lineWhere('stackone.json', /"severty"/)}: $.checks[0].severty: unknown property "severty"`);
  });

  it('locate a field the vocabulary does not know', async () => {
    const load = await loadWith('stackone.json', (profile) => {
      (profile.checks as Array<{ expect: Record<string, unknown> }>)[0]!.expect = { field: 'grantType', equals: 'X' };
    });
    expect(load).toThrow(/\$\.checks\[0\]\.expect/);
  });

  it('refuse an id that differs from the file name', async () => {
    const load = await loadWith('other.json', () => undefined);
    expect(load).toThrow(`rules/profiles/other.json:${await lineWhere('other.json', /"id": "stackone"/)}: $.id: profile id "stackone" differs from its file name`);
  });

  it('refuse a check id used twice and a name pattern that does not compile, at their lines', async () => {
    const twice = await loadWith('stackone.json', (profile) => {
      const checks = profile.checks as Array<{ id: string }>;
      checks[1]!.id = checks[0]!.id;
    });
    const secondWorker = (await readFile(path.join(dir, 'stackone.json'), 'utf8')).split('\n').findLastIndex((line) => line.includes('"id": "worker"')) + 1;
    expect(twice).toThrow(`rules/profiles/stackone.json:${secondWorker}: $.checks[1].id: check id "worker" is used twice`);
    const badRegex = await loadWith('stackone.json', (profile) => {
      (profile.bind as { namePatterns: string[] }).namePatterns = ['/(unclosed/'];
    });
    expect(badRegex).toThrow(`rules/profiles/stackone.json:${await lineWhere('stackone.json', /"\/\(unclosed\/"/)}: $.bind.namePatterns[0]: not a valid regular expression`);
  });

  it('refuse, given the registered rules, a rule a check leaves its failures to or conflicts with that does not exist', async () => {
    const ruleIds = rules.map((rule) => rule.id);
    const reported = await loadWith('stackone.json', (profile) => {
      (profile.checks as Array<Record<string, unknown>>)[1]!.reportedBy = 'app-disabld';
    });
    expect(reported).not.toThrow();
    expect(() => loadProfiles(dir, ruleIds)).toThrow(
      `rules/profiles/stackone.json:${await lineWhere('stackone.json', /"reportedBy": "app-disabld"/)}: $.checks[1].reportedBy: unknown rule "app-disabld"`,
    );
    await loadWith('stackone.json', (profile) => {
      (profile.checks as Array<Record<string, unknown>>)[1]!.conflictsWith = { rule: 'no-such-rule', prefer: 'rule', why: 'w' };
    });
    expect(() => loadProfiles(dir, ruleIds)).toThrow(
      `rules/profiles/stackone.json:${await lineWhere('stackone.json', /"rule": "no-such-rule"/)}: $.checks[1].conflictsWith.rule: unknown rule "no-such-rule"`,
    );
  });

  it('refuse a duration range upside down', async () => {
    const load = await loadWith('stackone.json', (profile) => {
      (profile.checks as Array<{ id: string; expect: unknown }>).find((check) => check.id === 'refresh-token-duration')!.expect = {
        field: 'refreshTokenDuration',
        duration: { min: 10, max: 5 },
      };
    });
    const duration = await lineWhere('stackone.json', /"duration": \{/);
    expect(duration).toBeGreaterThan(1);
    expect(load).toThrow(`rules/profiles/stackone.json:${duration}: $.checks[6].expect.duration: min 10 is above max 5`);
  });
});

describe('name patterns', () => {
  it('read a glob over the whole name, case-insensitive, and a regular expression between slashes', () => {
    expect(compileNamePattern('*stackone*').test('My StackOne (prod)')).toBe(true);
    expect(compileNamePattern('stack?ne').test('STACKONE')).toBe(true);
    expect(compileNamePattern('stackone').test('stackone legacy')).toBe(false);
    expect(compileNamePattern('a.b*').test('axb')).toBe(false);
    expect(compileNamePattern('/^ping ?ctl\\b/').test('Ping CTL tool')).toBe(true);
  });
});
