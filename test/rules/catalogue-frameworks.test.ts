import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { FRAMEWORK_CATALOGS } from '../../src/frameworks/framework-catalogs.js';
import { CONTROL_ID_PATTERNS, FRAMEWORK_IDS } from '../../src/frameworks/framework-ids.js';

describe('the rule catalogue’s framework mappings', () => {
  it('maps every rule to every framework, an empty framework with a reason, and says why in one sentence', () => {
    for (const rule of rules) {
      const { frameworks, docs } = rule.meta;
      expect(frameworks, `${rule.id}: meta.frameworks`).toBeDefined();
      expect(docs.frameworkRationale, `${rule.id}: docs.frameworkRationale`).toMatch(/^[^.]+(\.[^ ][^.]*)*\.$/);
      for (const framework of FRAMEWORK_IDS) {
        const controls = frameworks?.[framework] ?? [];
        if (controls.length === 0) expect(docs.unmappedFrameworks?.[framework], `${rule.id}: why no ${framework} control`).toMatch(/\S/);
        else expect(docs.unmappedFrameworks?.[framework], `${rule.id}: ${framework} is mapped, so no reason for leaving it empty`).toBeUndefined();
      }
    }
  });

  it('writes each control id as its framework does and lists it in the framework’s kept control list', () => {
    for (const rule of rules) {
      for (const framework of FRAMEWORK_IDS) {
        const known = new Set(FRAMEWORK_CATALOGS[framework].controls.map((control) => control.id));
        for (const control of rule.meta.frameworks?.[framework] ?? []) {
          expect(control, `${rule.id}: ${framework}`).toMatch(CONTROL_ID_PATTERNS[framework]);
          expect(known.has(control), `${rule.id}: ${framework} ${control} is not in src/frameworks/framework-catalogs.ts`).toBe(true);
        }
      }
    }
  });

  it('gives at least 90 % of rules NIST SP 800-53 Rev. 5 controls', () => {
    const mapped = rules.filter((rule) => (rule.meta.frameworks?.['nist-800-53-r5'] ?? []).length > 0);
    expect(mapped.length / rules.length).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps each framework’s control list well-formed: ids unique and in the framework’s pattern', () => {
    for (const framework of FRAMEWORK_IDS) {
      const ids = FRAMEWORK_CATALOGS[framework].controls.map((control) => control.id);
      expect(new Set(ids).size, framework).toBe(ids.length);
      for (const id of ids) expect(id, framework).toMatch(CONTROL_ID_PATTERNS[framework]);
    }
  });
});
