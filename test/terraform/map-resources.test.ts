import { describe, expect, it } from 'vitest';
import { auditConfiguration, webApp, withEnvironment } from './audit-terraform.js';
import { unknown } from './tf-builder.js';

const ORG_ID = '7f3e1d2c-0000-4000-8000-00000000000a';

function workerWithRole(roleName: string, scope: Record<string, unknown>) {
  const { builder, env } = withEnvironment();
  const role = builder.resource('pingone_role', 'admin', { name: roleName }, 'data');
  const worker = builder.resource('pingone_application', 'sync', {
    environment_id: env,
    name: 'Directory sync',
    enabled: true,
    oidc_options: { type: 'WORKER', grant_types: ['CLIENT_CREDENTIALS'], token_endpoint_auth_method: 'CLIENT_SECRET_BASIC' },
  });
  const line = builder.nextLine;
  builder.resource('pingone_application_role_assignment', 'sync_admin', { environment_id: env, application_id: worker, role_id: role, ...scope });
  return { builder, env, line };
}

describe('role assignments and data.pingone_role', () => {
  it('reports a worker holding Organization Admin on the role assignment block', () => {
    const { builder, line } = workerWithRole('Organization Admin', { scope_organization_id: ORG_ID });
    const { addresses, of, where } = auditConfiguration(builder.build());
    expect(addresses('actor-organization-admin')).toEqual(['pingone_application_role_assignment.sync_admin']);
    expect(where(of('actor-organization-admin')[0]!)?.span.line).toBe(line);
  });

  it('reports a gateway holding Organization Admin through pingone_gateway_role_assignment', () => {
    const { builder, env } = withEnvironment();
    const role = builder.resource('pingone_role', 'org_admin', { name: 'Organization Admin' }, 'data');
    const gateway = builder.resource('pingone_gateway', 'ldap', { environment_id: env, name: 'Directory', enabled: true, type: 'LDAP' });
    builder.resource('pingone_gateway_role_assignment', 'ldap_admin', { environment_id: env, gateway_id: gateway, role_id: role, scope_organization_id: ORG_ID });
    const { addresses } = auditConfiguration(builder.build());
    expect(addresses('actor-organization-admin')).toEqual(['pingone_gateway_role_assignment.ldap_admin']);
  });

  it('keeps a worker with environment-scoped Identity Data Admin quiet', () => {
    const { builder, env } = workerWithRole('Identity Data Admin', {});
    builder.resources.at(-1)!.body.entries.scope_environment_id = { kind: 'scalar', value: env, span: { file: 'main.tf', line: 99, column: 1 } };
    const { of } = auditConfiguration(builder.build());
    expect(of('actor-organization-admin')).toEqual([]);
    expect(of('actor-environment-admin-org-scope')).toEqual([]);
  });

  it('reads the deprecated pingone_role_assignment_user, and leaves the rules that need every user not evaluated', () => {
    const { builder, env } = withEnvironment();
    const role = builder.resource('pingone_role', 'env_admin', { name: 'Environment Admin' }, 'data');
    builder.resource('pingone_role_assignment_user', 'alice', { environment_id: env, user_id: 'b1f0c3a4-0000-4000-8000-000000000002', role_id: role, scope_environment_id: env });
    const { outcome, result } = auditConfiguration(builder.build());
    expect(outcome('admin-role-missing')).toBe('not-evaluated');
    expect(outcome('admin-user-without-mfa')).toBe('not-evaluated');
    expect(result.notEvaluated.find((entry) => entry.ruleId === 'admin-role-missing')?.reasons.map((reason) => reason.kind)).toContain('users');
  });

  it('leaves a role assignment whose role is unknown not evaluated for its application', () => {
    const { builder, env } = withEnvironment();
    const worker = builder.resource('pingone_application', 'sync', {
      environment_id: env,
      name: 'Sync',
      enabled: true,
      oidc_options: { type: 'WORKER', grant_types: ['CLIENT_CREDENTIALS'], token_endpoint_auth_method: 'CLIENT_SECRET_BASIC' },
    });
    builder.resource('pingone_application_role_assignment', 'sync_role', {
      environment_id: env,
      application_id: worker,
      role_id: unknown('module.roles.admin_id', 'registry module'),
      scope_organization_id: ORG_ID,
    });
    const { outcome, mapped } = auditConfiguration(builder.build());
    expect(outcome('actor-organization-admin', mapped.snapshot.environments[0]!.environment.id)).toBe('not-evaluated');
    expect(mapped.notEvaluated[0]).toMatchObject({ expression: 'module.roles.admin_id', kind: 'applicationRoleAssignments' });
  });
});

describe('sign-on policies, actions and assignments', () => {
  function appWithPolicy(action: Record<string, unknown>) {
    const { builder, env } = withEnvironment();
    const app = builder.resource('pingone_application', 'shop', webApp(env));
    const policy = builder.resource('pingone_sign_on_policy', 'shop', { environment_id: env, name: 'Shop sign-on' });
    builder.resource('pingone_sign_on_policy_action', 'first', { environment_id: env, sign_on_policy_id: policy, priority: 1, login: { recovery_enabled: true } });
    const actionLine = builder.nextLine;
    builder.resource('pingone_sign_on_policy_action', 'second', { environment_id: env, sign_on_policy_id: policy, priority: 2, ...action });
    builder.resource('pingone_application_sign_on_policy_assignment', 'shop', { environment_id: env, application_id: app, sign_on_policy_id: policy, priority: 1 });
    return { builder, env, actionLine };
  }

  it('reports an MFA action that bypasses users without a device, on that action', () => {
    const { builder, actionLine } = appWithPolicy({ mfa: { device_sign_on_policy_id: 'c0ffee00-0000-4000-8000-000000000003', no_device_mode: 'BYPASS' } });
    const { addresses, of, where } = auditConfiguration(builder.build());
    expect(addresses('mfa-bypass-no-device')).toEqual(['pingone_sign_on_policy_action.second']);
    expect(where(of('mfa-bypass-no-device')[0]!)?.span.line).toBeGreaterThan(actionLine);
  });

  it('takes the provider default no_device_mode (BLOCK) and sees the MFA action', () => {
    const { builder } = appWithPolicy({ mfa: { device_sign_on_policy_id: 'c0ffee00-0000-4000-8000-000000000003' } });
    const { of } = auditConfiguration(builder.build());
    expect(of('mfa-bypass-no-device')).toEqual([]);
    expect(of('sign-on-policy-no-mfa')).toEqual([]);
    expect(of('app-no-sign-on-policy')).toEqual([]);
  });

  it('reports a policy without an MFA action, and an app without any policy', () => {
    const { builder, env } = appWithPolicy({ identifier_first: {} });
    builder.resource('pingone_application', 'orphan', { ...webApp(env), name: 'Orphan' });
    const { addresses } = auditConfiguration(builder.build());
    expect(addresses('sign-on-policy-no-mfa')).toEqual(['pingone_sign_on_policy.shop']);
    expect(addresses('app-no-sign-on-policy')).toEqual(['pingone_application.orphan']);
  });
});

describe('directory, webhooks, resources and keys', () => {
  it('judges the password policy a population uses, with the provider default for excludes_commonly_used_passwords (false)', () => {
    const { builder, env } = withEnvironment();
    const weak = builder.resource('pingone_password_policy', 'weak', { environment_id: env, name: 'Weak', length: { min: 6, max: 255 } });
    const strong = builder.resource('pingone_password_policy', 'strong', {
      environment_id: env,
      name: 'Strong',
      excludes_commonly_used_passwords: true,
      length: { min: 15 },
      lockout: { failure_count: 5, duration_seconds: 900 },
    });
    builder.resource('pingone_population', 'customers', { environment_id: env, name: 'Customers', password_policy: { id: weak } });
    builder.resource('pingone_population', 'staff', { environment_id: env, name: 'Staff', password_policy_id: strong });
    const { of, where } = auditConfiguration(builder.build());
    expect(
      of('password-policy-weak')
        .map((finding) => [where(finding)?.address, finding.messageId])
        .sort(),
    ).toEqual([
      ['pingone_password_policy.weak', 'commonPasswordsAllowed'],
      ['pingone_password_policy.weak', 'noLockout'],
      ['pingone_password_policy.weak', 'tooShort'],
    ]);
  });

  it('reads the v0.x password policy names (password_length, account_lockout, exclude_commonly_used_passwords)', () => {
    const { builder, env } = withEnvironment();
    const policy = builder.resource('pingone_password_policy', 'old', {
      environment_id: env,
      name: 'Old',
      exclude_commonly_used_passwords: true,
      password_length: { min: 15 },
      account_lockout: { fail_count: 5 },
    });
    builder.resource('pingone_population', 'customers', { environment_id: env, name: 'Customers', password_policy_id: policy });
    const { of } = auditConfiguration(builder.build());
    expect(of('password-policy-weak')).toEqual([]);
  });

  it('reports a plain-http webhook and one that skips TLS verification; the provider default verifies', () => {
    const { builder, env } = withEnvironment();
    builder.resource('pingone_webhook', 'siem', { environment_id: env, name: 'SIEM', enabled: true, http_endpoint_url: 'http://siem.example.com/events', format: 'SPLUNK' });
    builder.resource('pingone_webhook', 'lax', {
      environment_id: env,
      name: 'Lax',
      enabled: true,
      http_endpoint_url: 'https://lax.example.com/events',
      format: 'ACTIVITY',
      verify_tls_certificates: false,
    });
    builder.resource('pingone_webhook', 'good', { environment_id: env, name: 'Good', enabled: true, http_endpoint_url: 'https://good.example.com/events', format: 'ACTIVITY' });
    const { addresses } = auditConfiguration(builder.build());
    expect(addresses('webhook-http-destination')).toEqual(['pingone_webhook.siem']);
    expect(addresses('webhook-tls-verification-off')).toEqual(['pingone_webhook.lax']);
  });

  it('reports a long-lived access token on a custom resource and a weak key; their sound counterparts stay quiet', () => {
    const { builder, env } = withEnvironment();
    builder.resource('pingone_resource', 'orders', { environment_id: env, name: 'Orders API', audience: 'https://orders.example.com', access_token_validity_seconds: 86400 });
    builder.resource('pingone_resource', 'stock', { environment_id: env, name: 'Stock API', access_token_validity_seconds: 900 });
    builder.resource('pingone_key', 'legacy', {
      environment_id: env,
      name: 'Legacy',
      algorithm: 'RSA',
      key_length: 1024,
      signature_algorithm: 'SHA256withRSA',
      usage_type: 'SIGNING',
      subject_dn: 'CN=Legacy',
      validity_period: 365,
    });
    builder.resource('pingone_key', 'current', {
      environment_id: env,
      name: 'Current',
      algorithm: 'RSA',
      key_length: 4096,
      signature_algorithm: 'SHA256withRSA',
      usage_type: 'SIGNING',
      subject_dn: 'CN=Current',
      validity_period: 365,
    });
    const { addresses } = auditConfiguration(builder.build());
    expect(addresses('access-token-lifetime-long')).toEqual(['pingone_resource.orders']);
    expect(addresses('key-weak')).toEqual(['pingone_key.legacy']);
  });

  it('attaches grants to their application and scopes to their resource', () => {
    const { builder, env } = withEnvironment();
    const app = builder.resource('pingone_application', 'shop', webApp(env));
    const api = builder.resource('pingone_resource', 'orders', { environment_id: env, name: 'Orders API' });
    const scope = builder.resource('pingone_resource_scope', 'read', { environment_id: env, resource_id: api, name: 'orders:read' });
    builder.resource('pingone_application_resource_grant', 'shop_orders', { environment_id: env, application_id: app, resource_type: 'CUSTOM', custom_resource_id: api, scopes: [scope] });
    const { mapped } = auditConfiguration(builder.build());
    const [environment] = mapped.snapshot.environments;
    expect(environment!.applications[0]!._embedded?.grants).toEqual([
      { id: 'tf:pingone_application_resource_grant.shop_orders', application: { id: app }, resource: { id: api }, scopes: [{ id: scope }] },
    ]);
    expect(environment!.resources[0]!._embedded?.scopes).toEqual([{ id: scope, name: 'orders:read', resource: { id: api } }]);
  });

  it('warns about a child whose parent is neither declared nor live, and does not pass the rules that read it', () => {
    const { builder, env } = withEnvironment();
    builder.resource('pingone_application_sign_on_policy_assignment', 'stray', { environment_id: env, application_id: 'a1b2c3d4-0000-4000-8000-000000000004', sign_on_policy_id: 'x', priority: 1 });
    const { mapped, outcome } = auditConfiguration(builder.build());
    expect(mapped.warnings[0]).toContain('pingone_application_sign_on_policy_assignment.stray refers to application');
    expect(outcome('app-no-sign-on-policy')).toBe('not-evaluated');
  });
});
