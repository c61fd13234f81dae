import { setupFromConfig } from '../../src/audit/audit-setup.js';
import { auditSnapshot } from '../../src/audit/audit-snapshot.js';
import type { Finding } from '../../src/engine/types.js';
import { mapConfiguration } from '../../src/terraform/map/map-configuration.js';
import type { TfConfiguration } from '../../src/terraform/model.js';
import { ConfigBuilder } from './tf-builder.js';

export const NOW = new Date('2026-11-22T12:00:00Z');
const SETUP = setupFromConfig({ config: {}, file: undefined });

/** Maps a configuration and audits it with the recommended rules, as `pingone-audit terraform` would. */
export function auditConfiguration(config: TfConfiguration, ids?: ReadonlyMap<string, string>) {
  const mapped = mapConfiguration(config, { now: NOW, toolVersion: 'test' }, ids);
  const result = auditSnapshot(mapped.snapshot, SETUP, NOW);
  const where = (finding: Finding) => mapped.provenance.locate(finding.location.file, finding.pointer);
  const of = (ruleId: string) => result.findings.filter((finding) => finding.ruleId === ruleId);
  /** Addresses of the resources a rule reported, in finding order. */
  const addresses = (ruleId: string) => of(ruleId).map((finding) => where(finding)?.address);
  const outcome = (ruleId: string, environmentId?: string) =>
    result.ruleResults.find((entry) => entry.ruleId === ruleId && (environmentId === undefined || entry.environmentId === environmentId))?.outcome;
  return { mapped, result, where, of, addresses, outcome };
}

/** A configuration with one production environment, whose placeholder id is `env`. */
export function withEnvironment(): { builder: ConfigBuilder; env: string } {
  const builder = new ConfigBuilder();
  const env = builder.resource('pingone_environment', 'prod', { name: 'Production', type: 'PRODUCTION' });
  return { builder, env };
}

/** A correct confidential web app's body; `oidc` and `extra` override its attributes. */
export const webApp = (env: string, oidc: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  environment_id: env,
  name: 'Storefront',
  enabled: true,
  ...extra,
  oidc_options: {
    type: 'WEB_APP',
    grant_types: ['AUTHORIZATION_CODE'],
    response_types: ['CODE'],
    token_endpoint_auth_method: 'CLIENT_SECRET_BASIC',
    pkce_enforcement: 'S256_REQUIRED',
    redirect_uris: ['https://shop.example.com/callback'],
    ...oidc,
  },
});
