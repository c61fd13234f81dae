import { describe, expect, it } from 'vitest';
import { auditConfiguration, webApp, withEnvironment } from './audit-terraform.js';
import { unknown } from './tf-builder.js';

describe('pingone_application mapped into the snapshot', () => {
  it('takes the provider default for enabled (false): an app left without it is disabled, reported on its block', () => {
    const { builder, env } = withEnvironment();
    const { enabled: _enabled, ...withoutEnabled } = webApp(env, {});
    const blockLine = builder.nextLine;
    builder.resource('pingone_application', 'integration', { ...withoutEnabled, name: 'Integration' });
    const { of, where } = auditConfiguration(builder.build());
    const [finding] = of('app-disabled');
    expect(finding).toBeDefined();
    expect(where(finding!)).toEqual({ address: 'pingone_application.integration', span: { file: 'main.tf', line: blockLine, column: 1 } });
  });

  it('keeps an enabled app quiet for app-disabled, and one written enabled = false points at that line', () => {
    const { builder, env } = withEnvironment();
    builder.resource('pingone_application', 'on', webApp(env, {}));
    const offLine = builder.nextLine;
    builder.resource('pingone_application', 'off', webApp(env, {}, { enabled: false }));
    const { of, where } = auditConfiguration(builder.build());
    expect(of('app-disabled').map((finding) => where(finding)?.address)).toEqual(['pingone_application.off']);
    // block line, then environment_id, name, enabled: `enabled` sits three lines below the block.
    expect(where(of('app-disabled')[0]!)?.span.line).toBe(offLine + 3);
  });

  it('reports a trailing-slash, a wildcard and a plain-http redirect URI on the line of that URI, and nothing on the correct one', () => {
    const { builder, env } = withEnvironment();
    builder.resource('pingone_application', 'good', webApp(env, {}));
    builder.resource('pingone_application', 'slash', webApp(env, { redirect_uris: ['https://shop.example.com/callback/'] }));
    builder.resource('pingone_application', 'wild', webApp(env, { redirect_uris: ['https://*.example.com/callback'], allow_wildcard_in_redirect_uris: true }));
    builder.resource('pingone_application', 'http', webApp(env, { redirect_uris: ['http://shop.example.com/callback'] }));
    const { of, where } = auditConfiguration(builder.build());
    const addresses = (ruleId: string) => of(ruleId).map((finding) => where(finding)?.address);
    expect(addresses('redirect-uri-trailing-slash')).toEqual(['pingone_application.slash']);
    expect(addresses('redirect-uri-wildcard')).toEqual(['pingone_application.wild']);
    expect(addresses('redirect-uri-not-https')).toEqual(['pingone_application.http']);
    const slash = of('redirect-uri-trailing-slash')[0]!;
    const uriNode = builder.resources.find((resource) => resource.name === 'slash')!.body.entries.oidc_options;
    const redirectUris = uriNode?.kind === 'object' ? uriNode.entries.redirect_uris : undefined;
    expect(where(slash)?.span).toEqual(redirectUris?.kind === 'list' ? redirectUris.items[0]!.span : undefined);
  });

  it('reports the implicit grant and a public client left at the provider default pkce_enforcement (OPTIONAL)', () => {
    const { builder, env } = withEnvironment();
    builder.resource(
      'pingone_application',
      'legacy',
      webApp(env, { type: 'SINGLE_PAGE_APP', grant_types: ['IMPLICIT'], response_types: ['TOKEN'], token_endpoint_auth_method: 'NONE', pkce_enforcement: 'S256_REQUIRED' }),
    );
    const { pkce_enforcement: _pkce, ...noPkce } = webApp(env, { type: 'SINGLE_PAGE_APP', token_endpoint_auth_method: 'NONE' }).oidc_options;
    builder.resource('pingone_application', 'spa', { environment_id: env, name: 'SPA', enabled: true, oidc_options: noPkce });
    builder.resource('pingone_application', 'spa_ok', webApp(env, { type: 'SINGLE_PAGE_APP', token_endpoint_auth_method: 'NONE' }));
    const { of, where } = auditConfiguration(builder.build());
    expect(of('implicit-grant').map((finding) => where(finding)?.address)).toEqual(['pingone_application.legacy']);
    expect(of('pkce-not-enforced').map((finding) => where(finding)?.address)).toEqual(['pingone_application.spa']);
  });

  it('reads the v0.x attribute names the provider renamed in v1.0.0 (token_endpoint_authn_method)', () => {
    const { builder, env } = withEnvironment();
    const { token_endpoint_auth_method: _method, ...oidc } = webApp(env, { type: 'NATIVE_APP' }).oidc_options;
    builder.resource('pingone_application', 'native', { environment_id: env, name: 'Native', enabled: true, oidc_options: { ...oidc, token_endpoint_authn_method: 'CLIENT_SECRET_POST' } });
    const { of } = auditConfiguration(builder.build());
    expect(of('public-client-with-secret')).toHaveLength(1);
  });

  it('leaves an app whose redirect URIs are unknown not evaluated, naming the expression, never a pass', () => {
    const { builder, env } = withEnvironment();
    builder.resource('pingone_application', 'remote', webApp(env, { redirect_uris: unknown('data.terraform_remote_state.shop.outputs.callbacks') }));
    const { mapped, result, of } = auditConfiguration(builder.build());
    expect(of('redirect-uri-trailing-slash')).toEqual([]);
    expect(mapped.notEvaluated).toEqual([
      expect.objectContaining({
        address: 'pingone_application.remote',
        attribute: 'oidc_options.redirect_uris',
        expression: 'data.terraform_remote_state.shop.outputs.callbacks',
        reason: 'remote state',
      }),
    ]);
    const outcome = result.ruleResults.find((entry) => entry.ruleId === 'redirect-uri-trailing-slash');
    expect(outcome?.outcome).toBe('not-evaluated');
    expect(result.notEvaluated.find((entry) => entry.ruleId === 'redirect-uri-trailing-slash')?.reasons[0]?.error).toContain('data.terraform_remote_state.shop.outputs.callbacks');
  });

  it('judges localhost redirects by the environment type the configuration declares, and not at all for an undeclared environment', () => {
    const { builder, env } = withEnvironment();
    builder.resource('pingone_application', 'local', webApp(env, { redirect_uris: ['https://localhost:3000/callback'] }));
    builder.resource('pingone_application', 'elsewhere', webApp('0b6d1f52-0000-4000-8000-000000000001', { redirect_uris: ['https://localhost:3000/callback'] }));
    const { of, result, where } = auditConfiguration(builder.build());
    expect(of('redirect-uri-localhost-in-production').map((finding) => where(finding)?.address)).toEqual(['pingone_application.local']);
    const elsewhere = result.ruleResults.find((entry) => entry.ruleId === 'redirect-uri-localhost-in-production' && entry.environmentId === '0b6d1f52-0000-4000-8000-000000000001');
    expect(elsewhere?.outcome).toBe('not-evaluated');
  });
});

describe('an unknown options object', () => {
  it('names the expression once and leaves the app unjudged rather than judged on defaults', () => {
    const { builder, env } = withEnvironment();
    builder.resource('pingone_application', 'opaque', { environment_id: env, name: 'Opaque', enabled: true, oidc_options: unknown('local.shared_options', 'unresolvable function call') });
    const { mapped, of, outcome } = auditConfiguration(builder.build());
    expect(mapped.notEvaluated.map((value) => [value.attribute, value.expression])).toEqual([['oidc_options', 'local.shared_options']]);
    expect(mapped.snapshot.environments[0]!.applications[0]!.pkceEnforcement).toBeUndefined();
    expect(of('pkce-not-enforced')).toEqual([]);
    expect(outcome('pkce-not-enforced')).toBe('not-evaluated');
  });
});
