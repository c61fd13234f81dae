import type { RuleReference } from '../../src/engine/types.js';

/** Sources cited by more than one rule, spelled once. */
export const REFERENCES = {
  stackOneGuide: {
    title: 'StackOne PingOne connector guide',
    url: 'https://docs.stackone.com/connectors/pingone/guides/connector-profile/oauth-2-0',
  },
  pingRefreshTokens: {
    title: 'PingOne: refresh tokens (JWT format retired on 2027-03-02)',
    url: 'https://docs.pingidentity.com/pingone/applications/p1_refresh_tokens.html',
  },
  pingUpdateApplication: {
    title: 'PingOne API: Update Application (OIDC)',
    url: 'https://developer.pingidentity.com/pingone-api/platform/applications/applications-1/update-application-oidc.html',
  },
  fapi2SecurityProfile: {
    title: 'FAPI 2.0 Security Profile (PAR, PKCE S256, private_key_jwt or mTLS)',
    url: 'https://openid.net/specs/fapi-security-profile-2_0.html',
  },
} satisfies Record<string, RuleReference>;
