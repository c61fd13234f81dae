import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../src/terraform/plan/read-plan.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';
import { auditConfiguration } from './audit-terraform.js';

const ENV = '8e5c1a5e-0b0e-4c43-9e2c-2a6f0c1d3b11';

/** A plan of two new for_each apps, a sign-on policy, and one assignment per app written `for_each = pingone_application.oidc` plus one indexing an app by key. */
function plan() {
  const app = (key: string) => ({
    address: `pingone_application.oidc["${key}"]`,
    mode: 'managed',
    type: 'pingone_application',
    name: 'oidc',
    index: key,
    values: {
      environment_id: ENV,
      name: key,
      enabled: true,
      oidc_options: { type: 'WEB_APP', grant_types: ['AUTHORIZATION_CODE'], response_types: ['CODE'], pkce_enforcement: 'S256_REQUIRED', redirect_uris: [`https://${key}.example.com/cb`] },
    },
  });
  const assignment = (address: string, name: string, index?: string) => ({
    address,
    mode: 'managed',
    type: 'pingone_application_sign_on_policy_assignment',
    name,
    ...(index === undefined ? {} : { index }),
    values: { environment_id: ENV, priority: 1 },
  });
  const resources = [
    app('web'),
    app('admin'),
    { address: 'pingone_sign_on_policy.mfa', mode: 'managed', type: 'pingone_sign_on_policy', name: 'mfa', values: { environment_id: ENV, name: 'mfa' } },
    assignment('pingone_application_sign_on_policy_assignment.each["web"]', 'each', 'web'),
    assignment('pingone_application_sign_on_policy_assignment.each["admin"]', 'each', 'admin'),
    assignment('pingone_application_sign_on_policy_assignment.web', 'web'),
  ];
  const unknownIds = { id: true, application_id: true, sign_on_policy_id: true };
  const ref = (...refs: string[]) => ({ references: refs });
  return {
    format_version: '1.2',
    planned_values: { root_module: { resources } },
    resource_changes: resources.map((resource) => ({ address: resource.address, change: { actions: ['create'], after_unknown: unknownIds } })),
    configuration: {
      root_module: {
        resources: [
          { address: 'pingone_application.oidc', expressions: {}, for_each_expression: ref('local.apps') },
          { address: 'pingone_sign_on_policy.mfa', expressions: {} },
          {
            address: 'pingone_application_sign_on_policy_assignment.each',
            expressions: { application_id: ref('each.value.id', 'each.value'), sign_on_policy_id: ref('pingone_sign_on_policy.mfa.id', 'pingone_sign_on_policy.mfa') },
            for_each_expression: ref('pingone_application.oidc'),
          },
          {
            address: 'pingone_application_sign_on_policy_assignment.web',
            expressions: {
              application_id: ref('pingone_application.oidc["web"].id', 'pingone_application.oidc["web"]', 'pingone_application.oidc'),
              sign_on_policy_id: ref('pingone_sign_on_policy.mfa.id', 'pingone_sign_on_policy.mfa'),
            },
          },
        ],
      },
    },
  };
}

describe('a plan whose references name resource instances', () => {
  it('links an id read through an instance key or through each.value of a for_each over the resource', () => {
    const cwd = temporaryFolder('plan-');
    writeFileSync(path.join(cwd, 'plan.json'), JSON.stringify(plan()));
    const read = readPlan({ file: 'plan.json', cwd });
    const { mapped, result } = auditConfiguration(read.configuration, read.ids);
    expect(mapped.warnings).toEqual([]);
    expect(mapped.notEvaluated).toEqual([]);
    const apps = mapped.snapshot.environments[0]!.applications;
    const assigned = (name: string) => apps.find((app) => app.name === name)?._embedded?.signOnPolicyAssignments?.length;
    expect([assigned('web'), assigned('admin')]).toEqual([1, 1]);
    expect(result.findings.filter((finding) => finding.ruleId === 'app-no-sign-on-policy')).toEqual([]);
  });
});
