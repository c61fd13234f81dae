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
  pingApplicationTypes: { title: 'PingOne: application types', url: 'https://docs.pingidentity.com/pingone/applications/p1_application_types.html' },
  pingApplicationsCors: { title: 'PingOne API: applications, cross-origin resource sharing', url: 'https://developer.pingidentity.com/pingone-api/platform/applications/applications-1.html' },
  fetchCors: { title: 'Fetch Standard: CORS protocol', url: 'https://fetch.spec.whatwg.org/#http-cors-protocol' },
  pingUpdateApplication: {
    title: 'PingOne API: Update Application (OIDC)',
    url: 'https://developer.pingidentity.com/pingone-api/platform/applications/applications-1/update-application-oidc.html',
  },
  fapi2SecurityProfile: {
    title: 'FAPI 2.0 Security Profile (PAR, PKCE S256, private_key_jwt or mTLS)',
    url: 'https://openid.net/specs/fapi-security-profile-2_0.html',
  },
  rfc9700PrivilegeRestriction: {
    title: 'RFC 9700 §2.3 (access token privilege restriction)',
    url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.3',
  },
  pingWorkerApplications: {
    title: 'PingOne API: worker applications (whose roles apply to which grant; inherited roles)',
    url: 'https://developer.pingidentity.com/pingone-api/foundations/authentication-concepts/authorization-and-authentication-by-application-type/worker-applications.html',
  },
  pingBuiltInRoles: {
    title: 'PingOne API: built-in admin roles',
    url: 'https://developer.pingidentity.com/pingone-api/platform/roles/predefined-roles.html',
  },
  pingAdminRoleAssignments: {
    title: 'PingOne API: administrator permissions and role assignments',
    url: 'https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/administrator-permissions-and-role-assignments.html',
  },
  pingCertificateManagement: {
    title: 'PingOne API: certificate management (keys and certificates)',
    url: 'https://developer.pingidentity.com/pingone-api/platform/certificate-management.html',
  },
  nistTransitions: {
    title: 'NIST SP 800-131A Rev. 2 (RSA under 2048 bits and SHA-1 signature generation disallowed)',
    url: 'https://csrc.nist.gov/pubs/sp/800/131/a/r2/final',
  },
  pingWebhooks: {
    title: 'PingOne API: subscriptions (webhooks), verifyTlsCertificates',
    url: 'https://developer.pingidentity.com/pingone-api/platform/subscriptions-webhooks.html',
  },
  pingCreateWebhook: {
    title: 'PingOne: creating or editing a webhook (HTTPS destinations)',
    url: 'https://docs.pingidentity.com/pingone/integrations/p1_create_webhook.html',
  },
} satisfies Record<string, RuleReference>;
