import { describe, expect, it } from 'vitest';
import { readConfiguration } from '../../src/terraform/read-configuration.js';
import { auditConfiguration } from './audit-terraform.js';

const FIXTURE = 'test/fixtures/terraform/resources';

/** The per-resource fixture read by the HCL reader and evaluator, mapped and audited: the two halves agree on the model. */
async function auditFixture() {
  return auditConfiguration(await readConfiguration({ dir: FIXTURE, cwd: process.cwd() }));
}

describe('every mapped provider resource, from .tf text to findings', () => {
  it('reports each commented mistake on its own line, and nothing on the sound resources', async () => {
    const { result, where, mapped } = await auditFixture();
    expect(mapped.notEvaluated).toEqual([]);
    const located = result.findings.map((finding) => `${finding.ruleId} ${where(finding)?.address}:${where(finding)?.span.line}`).sort();
    expect(located).toEqual([
      'mfa-bypass-no-device pingone_sign_on_policy_action.portal_mfa:88',
      'password-policy-weak pingone_password_policy.shoppers:22',
      'password-policy-weak pingone_password_policy.shoppers:22',
      'password-policy-weak pingone_password_policy.shoppers:26',
      'webhook-http-destination pingone_webhook.siem:125',
    ]);
  });

  it('links every child to its parent through the placeholders of ids known only after apply', async () => {
    const { mapped } = await auditFixture();
    const [env] = mapped.snapshot.environments;
    expect(env!.environment).toMatchObject({ name: 'Retail production', type: 'PRODUCTION' });
    const portal = env!.applications[0]!;
    expect(portal._embedded?.signOnPolicyAssignments?.map((assignment) => assignment.signOnPolicy.id)).toEqual([env!.signOnPolicies[0]!.id]);
    expect(portal._embedded?.grants?.[0]?.scopes).toEqual([{ id: env!.resources[0]!._embedded!.scopes![0]!.id }]);
    expect(env!.signOnPolicies[0]!._embedded?.actions?.map((action) => [action.type, action.noDevicesMode])).toEqual([
      ['LOGIN', undefined],
      ['MULTI_FACTOR_AUTHENTICATION', 'BYPASS'],
    ]);
    expect(env!.groups[0]!._embedded?.roleAssignments).toEqual([expect.objectContaining({ role: { id: mapped.snapshot.roles[0]!.id }, scope: { id: env!.environment.id, type: 'ENVIRONMENT' } })]);
    expect(env!.populations[0]!.passwordPolicy).toEqual({ id: env!.passwordPolicies[0]!.id });
    expect(env!.keys[0]).toMatchObject({ algorithm: 'RSA', keyLength: 3072, usageType: 'SIGNING' });
  });
});
