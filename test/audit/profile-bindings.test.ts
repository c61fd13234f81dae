import { describe, expect, it } from 'vitest';
import { profileBindingsFromConfig } from '../../src/audit/audit-setup.js';
import { UserFacingError } from '../../src/errors.js';

describe('profileBindingsFromConfig', () => {
  it('keeps the configured bindings, empty lists included', () => {
    const bindings = profileBindingsFromConfig({ 'app-1': ['stackone', 'terraform'], 'app-2': [] });
    expect([...bindings]).toEqual([
      ['app-1', ['stackone', 'terraform']],
      ['app-2', []],
    ]);
  });

  it('refuses a profile id that names no profile, with where and a suggestion', () => {
    let error: unknown;
    try {
      profileBindingsFromConfig({ 'app-1': ['stackone', 'stakone'] }, { file: 'audit.json', text: '{\n  "integrations": {\n    "app-1": [\n      "stackone",\n      "stakone"\n    ]\n  }\n}\n' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toBe('audit.json:5: $.integrations["app-1"][1]: no integration profile "stakone"');
    expect((error as UserFacingError).hint).toContain('Did you mean "stackone"?');
  });
});
