import { describe, expect, it } from 'vitest';
import { auditConfiguration, webApp, withEnvironment } from './audit-terraform.js';
import { unknown } from './tf-builder.js';

describe('a child resource whose parent id is unknown', () => {
  it('may belong to any application of the environment: no app is reported as lacking it, the rule is not evaluated', () => {
    const { builder, env } = withEnvironment();
    builder.resource('pingone_application', 'web', webApp(env));
    const policy = builder.resource('pingone_sign_on_policy', 'p', { environment_id: env, name: 'p' });
    builder.resource('pingone_sign_on_policy_action', 'login', { environment_id: env, sign_on_policy_id: policy, priority: 1, login: {} });
    builder.resource('pingone_application_sign_on_policy_assignment', 'web', {
      environment_id: env,
      application_id: unknown('data.terraform_remote_state.apps.outputs.web_id'),
      sign_on_policy_id: policy,
      priority: 1,
    });
    const { of, outcome, mapped } = auditConfiguration(builder.build());
    expect(mapped.warnings.join('\n')).toContain('refers to an unknown application_id');
    expect(of('app-no-sign-on-policy')).toEqual([]);
    expect(outcome('app-no-sign-on-policy')).toBe('not-evaluated');
  });
});
