import { describe, expect, it } from 'vitest';
import type { AuditConfig, Pack } from '../../src/engine/config.js';
import { resolveRules } from '../../src/engine/resolve-rules.js';
import { UserFacingError } from '../../src/errors.js';
import { catchUserFacingError, fakeRule, ruleWithOptions } from './engine-fixtures.js';

const RULES = [
  fakeRule('implicit-grant', { severity: 'high' }),
  fakeRule('app-disabled', { severity: 'info' }),
  fakeRule('wildcard-redirect', { severity: 'critical' }),
  ruleWithOptions('stale-secret'),
];

const PACKS: Record<string, Pack> = {
  recommended: { id: 'recommended', description: 'r', rules: { 'implicit-grant': {}, 'app-disabled': 'low' } },
  strict: { id: 'strict', description: 's', extends: ['recommended'], rules: { 'app-disabled': 'off', 'stale-secret': { options: { maxDays: 30 } } } },
  all: { id: 'all', description: 'a', rules: '*' },
};

const summary = (config: AuditConfig, packs = PACKS) => resolveRules(RULES, packs, config).map(({ rule, severity, options }) => ({ id: rule.id, severity, options }));

const resolveError = (config: AuditConfig, packs = PACKS) => catchUserFacingError(() => resolveRules(RULES, packs, config, { config: { file: 'audit.json' } }));

describe('resolveRules: packs', () => {
  it('uses the recommended pack when the config names none', () => {
    expect(summary({})).toEqual([
      { id: 'implicit-grant', severity: 'high', options: {} },
      { id: 'app-disabled', severity: 'low', options: {} },
    ]);
  });

  it('applies extended packs first, then the pack itself (off, options merged over defaults)', () => {
    expect(summary({ extends: ['strict'] })).toEqual([
      { id: 'implicit-grant', severity: 'high', options: {} },
      { id: 'stale-secret', severity: 'medium', options: { maxDays: 30, mode: 'strict' } },
    ]);
  });

  it('"*" enables every registered rule at its default, in registration order', () => {
    expect(summary({ extends: ['all'] })).toEqual([
      { id: 'implicit-grant', severity: 'high', options: {} },
      { id: 'app-disabled', severity: 'info', options: {} },
      { id: 'wildcard-redirect', severity: 'critical', options: {} },
      { id: 'stale-secret', severity: 'medium', options: { maxDays: 90, mode: 'strict' } },
    ]);
  });

  it('later packs in the config win over earlier ones', () => {
    const ids = summary({ extends: ['all', 'strict'] }).map((rule) => rule.id);
    expect(ids).toEqual(['implicit-grant', 'wildcard-redirect', 'stale-secret']);
  });

  it('no packs at all: only what the config itself enables', () => {
    expect(summary({ extends: [], rules: { 'wildcard-redirect': 'low' } })).toEqual([{ id: 'wildcard-redirect', severity: 'low', options: {} }]);
  });
});

describe('resolveRules: config overrides', () => {
  it('turns a rule off, enables another at a severity, and keeps pack options under config options', () => {
    const config: AuditConfig = {
      extends: ['strict'],
      rules: { 'implicit-grant': 'off', 'app-disabled': 'critical', 'stale-secret': { severity: 'low', options: { mode: 'loose' } } },
    };
    expect(summary(config)).toEqual([
      { id: 'app-disabled', severity: 'critical', options: {} },
      { id: 'stale-secret', severity: 'low', options: { maxDays: 30, mode: 'loose' } },
    ]);
  });

  it('an object setting without severity enables the rule at its default severity', () => {
    expect(summary({ extends: [], rules: { 'stale-secret': { options: { maxDays: 7 } } } })).toEqual([{ id: 'stale-secret', severity: 'medium', options: { maxDays: 7, mode: 'strict' } }]);
  });

  it('{ severity: "off" } disables a rule', () => {
    expect(summary({ rules: { 'implicit-grant': { severity: 'off' } } }).map((rule) => rule.id)).toEqual(['app-disabled']);
  });
});

describe('resolveRules: errors name the file, the JSON path and a hint', () => {
  it('unknown rule id in the config, with the closest id', () => {
    const error = resolveError({ rules: { 'implicit-grnt': 'high' } });
    expect(error.message).toBe('audit.json: $.rules["implicit-grnt"]: unknown rule "implicit-grnt"');
    expect(error.hint).toContain('Did you mean "implicit-grant"?');
  });

  it('unknown rule id far from every id: no suggestion, but where to look', () => {
    const error = resolveError({ rules: { 'totally-unrelated-thing': 'high' } });
    expect(error.hint).not.toContain('Did you mean');
    expect(error.hint).toContain('pingone-audit rules');
  });

  it('unknown rule id in a pack names the pack file', () => {
    const packs = { ...PACKS, recommended: { id: 'recommended', description: 'r', rules: { 'app-disabld': {} } } };
    const error = resolveError({}, packs);
    expect(error.message).toBe('rules/packs/recommended.json: $.rules["app-disabld"]: unknown rule "app-disabld"');
    expect(error.hint).toContain('"app-disabled"');
  });

  it('unknown pack, with the closest pack id', () => {
    const error = resolveError({ extends: ['all', 'recomended'] });
    expect(error.message).toBe('audit.json: $.extends[1]: unknown pack "recomended"');
    expect(error.hint).toContain('Did you mean "recommended"?');
  });

  it('packs that extend each other in a cycle', () => {
    const packs: Record<string, Pack> = {
      a: { id: 'a', description: 'a', extends: ['b'], rules: {} },
      b: { id: 'b', description: 'b', extends: ['a'], rules: {} },
    };
    expect(resolveError({ extends: ['a'] }, packs).message).toContain('a → b → a');
  });

  it('bad severity string', () => {
    const error = resolveError({ rules: { 'implicit-grant': 'hihg' } as never });
    expect(error.message).toBe('audit.json: $.rules["implicit-grant"]: "hihg" is not a rule setting');
    expect(error.hint).toContain('Did you mean "high"?');
  });

  it('bad severity inside an object setting', () => {
    const error = resolveError({ rules: { 'implicit-grant': { severity: 'warn' } } as never });
    expect(error.message).toBe('audit.json: $.rules["implicit-grant"].severity: "warn" is not a severity');
  });

  it('unknown key in an object setting', () => {
    const error = resolveError({ rules: { 'implicit-grant': { severty: 'low' } } as never });
    expect(error.message).toBe('audit.json: $.rules["implicit-grant"].severty: unknown property "severty"');
    expect(error.hint).toContain('Did you mean "severity"?');
  });

  it("options that fail the rule's schema, located inside the options", () => {
    const error = resolveError({ rules: { 'stale-secret': { options: { maxDays: 0 } } } });
    expect(error.message).toBe('audit.json: $.rules["stale-secret"].options.maxDays: must be >= 1');
  });

  it('an unknown option, with the closest option name', () => {
    const error = resolveError({ rules: { 'stale-secret': { options: { maxDay: 5 } } } });
    expect(error.message).toBe('audit.json: $.rules["stale-secret"].options.maxDay: unknown property "maxDay"');
    expect(error.hint).toBe('Did you mean "maxDays"?');
  });

  it('bad options in a pack are blamed on the pack even when the config overrides the severity', () => {
    const packs = { ...PACKS, strict: { ...PACKS.strict!, rules: { 'stale-secret': { options: { mode: 'loos' } } } } };
    const error = resolveError({ extends: ['strict'], rules: { 'stale-secret': 'high' } }, packs);
    expect(error.message).toBe('rules/packs/strict.json: $.rules["stale-secret"].options.mode: "loos" is not allowed');
    expect(error.hint).toContain('Did you mean "loose"?');
  });

  it('options for a rule that takes none', () => {
    const error = resolveError({ rules: { 'implicit-grant': { options: { x: 1 } } } });
    expect(error.message).toBe('audit.json: $.rules["implicit-grant"].options: rule "implicit-grant" takes no options');
  });

  it('a rule whose own defaults break its schema is a bug, not a user error', () => {
    const broken = { ...ruleWithOptions('broken'), id: 'broken' };
    broken.meta = { ...broken.meta, options: { schema: broken.meta.options!.schema, defaults: { maxDays: -1 } } };
    expect(() => resolveRules([broken], {}, { extends: [], rules: { broken: {} } })).toThrow(/default options/);
    expect(() => resolveRules([broken], {}, { extends: [], rules: { broken: {} } })).not.toThrow(UserFacingError);
  });
});

describe('resolveRules: errors name the line too, given the texts of the files', () => {
  /** The error of resolving `config` written as pretty JSON, with `packs` written likewise; and the line of `needle` there. */
  const located = (config: AuditConfig, packs: Record<string, Pack> = PACKS) => {
    const text = JSON.stringify(config, null, 2);
    const packTexts = Object.fromEntries(Object.entries(packs).map(([id, pack]) => [id, JSON.stringify(pack, null, 2)]));
    const error = catchUserFacingError(() => resolveRules(RULES, packs, config, { config: { file: 'audit.json', text }, packTexts }));
    const lineIn = (file: string, needle: string) => file.split('\n').findIndex((line) => line.includes(needle)) + 1;
    return { message: error.message, configLine: (needle: string) => lineIn(text, needle), packLine: (id: string, needle: string) => lineIn(packTexts[id] ?? '', needle) };
  };

  it('an unknown rule id, a bad setting and an unknown key in the config', () => {
    const unknown = located({ extends: ['all'], rules: { 'implicit-grant': 'high', 'implicit-grnt': 'high' } });
    expect(unknown.message).toBe(`audit.json:${unknown.configLine('"implicit-grnt"')}: $.rules["implicit-grnt"]: unknown rule "implicit-grnt"`);
    const setting = located({ rules: { 'app-disabled': 'low', 'implicit-grant': 'hihg' } as never });
    expect(setting.message).toBe(`audit.json:${setting.configLine('"hihg"')}: $.rules["implicit-grant"]: "hihg" is not a rule setting`);
    const key = located({ rules: { 'implicit-grant': { severity: 'low', severty: 'low' } } as never });
    expect(key.message).toBe(`audit.json:${key.configLine('"severty"')}: $.rules["implicit-grant"].severty: unknown property "severty"`);
  });

  it('an option of the wrong type, an unknown option and options for a rule that takes none', () => {
    const wrongType = located({ rules: { 'stale-secret': { severity: 'low', options: { mode: 'loose', maxDays: 'ninety' } } } } as never);
    expect(wrongType.message).toBe(`audit.json:${wrongType.configLine('"maxDays"')}: $.rules["stale-secret"].options.maxDays: must be integer`);
    const unknownOption = located({ rules: { 'stale-secret': { options: { mode: 'loose', maxDay: 5 } } } });
    expect(unknownOption.message).toBe(`audit.json:${unknownOption.configLine('"maxDay"')}: $.rules["stale-secret"].options.maxDay: unknown property "maxDay"`);
    const none = located({ rules: { 'app-disabled': 'low', 'implicit-grant': { options: { x: 1 } } } });
    expect(none.message).toBe(`audit.json:${none.configLine('"options"')}: $.rules["implicit-grant"].options: rule "implicit-grant" takes no options`);
  });

  it('an unknown pack in the config, and an unknown rule, bad options and an unknown pack in a pack', () => {
    const pack = located({ extends: ['all', 'recomended'] });
    expect(pack.message).toBe(`audit.json:${pack.configLine('"recomended"')}: $.extends[1]: unknown pack "recomended"`);
    const ruleInPack = located({}, { recommended: { id: 'recommended', description: 'r', rules: { 'implicit-grant': {}, 'app-disabld': {} } } });
    expect(ruleInPack.message).toBe(`rules/packs/recommended.json:${ruleInPack.packLine('recommended', '"app-disabld"')}: $.rules["app-disabld"]: unknown rule "app-disabld"`);
    const optionsInPack = located({ extends: ['strict'] }, { ...PACKS, strict: { ...PACKS.strict!, rules: { 'app-disabled': 'off', 'stale-secret': { options: { mode: 'loos' } } } } });
    expect(optionsInPack.message).toBe(`rules/packs/strict.json:${optionsInPack.packLine('strict', '"mode"')}: $.rules["stale-secret"].options.mode: "loos" is not allowed`);
    const extended = located({ extends: ['strict'] }, { ...PACKS, strict: { ...PACKS.strict!, extends: ['recommended', 'recomended'] } });
    expect(extended.message).toBe(`rules/packs/strict.json:${extended.packLine('strict', '"recomended"')}: $.extends[1]: unknown pack "recomended"`);
  });
});
