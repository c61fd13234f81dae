import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import { applicationRef, customerApplicationsOf, hasGrant, isOidc } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';
import { daysUntilJwtRefreshSunset, JWT_REFRESH_TOKEN_SUNSET } from '../../src/pingone/refresh-token-sunset.js';

export default defineRule({
  id: 'refresh-token-jwt-sunset',
  meta: {
    title: 'JWT refresh tokens retired on 2027-03-02',
    description: 'Disallow JSON Web Token refresh tokens, which PingOne stops issuing on 2027-03-02.',
    severity: 'medium',
    category: 'integrations',
    tags: ['refresh-token', 'deprecation', 'deadline'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['CM-6'], 'iso-27001-2022': ['A.8.9'], 'soc2-2017': ['CC8.1'], 'cis-v8.1': ['4.1'], 'pci-dss-4.0.1': [] },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { urgentWithinDays: { type: 'integer', minimum: 0 } },
      },
      defaults: { urgentWithinDays: 90 },
    },
    docs: {
      frameworkRationale: 'A token format PingOne stops issuing is a configuration that must change before the date.',
      unmappedFrameworks: { 'pci-dss-4.0.1': 'The token format weakens no requirement 8 control.' },
      rationale:
        'Ping is retiring JWT refresh tokens: from 2027-03-02 PingOne issues only opaque refresh tokens, and applications still set to JSON Web Token get errors when they refresh, so their users lose access until they sign in again or the app is fixed. Apps created before 2026-01-27 default to JWT, so many are set to it without anyone choosing it. Ping calls opaque the more private and recommended format. Only OIDC apps that allow the refresh_token grant are reported. If an integrator asks for JWT (StackOne does), settle it with them first: see refresh-token-not-jwt.',
      remediation: [
        'Check that the client treats the refresh token as an opaque string (it should never parse it).',
        'Console: Applications > Applications > the application > Configuration > edit, and set Refresh Token Format to Opaque Token.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"refreshTokenType": "OPAQUE_TOKEN"`.',
      ],
      references: [REFERENCES.pingRefreshTokens, { title: 'PingOne Platform API changelog (opaque refresh tokens)', url: 'https://developer.pingidentity.com/pingone-api/changelog.html' }],
      severityRationale: 'Medium while the deadline is far, high within `urgentWithinDays` (90 by default) of it, critical once it has passed and refreshes fail.',
    },
    messages: {
      beforeSunset:
        'Application {{app}} issues JSON Web Token refresh tokens, which PingOne stops issuing on {{sunset}} ({{days}} days left); after that its refresh requests fail: switch Refresh Token Format to Opaque Token.',
      afterSunset:
        'Application {{app}} is still set to JSON Web Token refresh tokens, which PingOne stopped issuing on {{sunset}}: its refresh requests get errors until you switch Refresh Token Format to Opaque Token.',
    },
    precision: 'very-high',
  },
  check(snapshot, { now, options, report }) {
    const days = daysUntilJwtRefreshSunset(now);
    const severity: Severity = days <= 0 ? 'critical' : days <= options.urgentWithinDays ? 'high' : 'medium';
    return customerApplicationsOf(snapshot)
      .filter(({ app }) => isOidc(app) && app.refreshTokenType === 'JSON_WEB_TOKEN' && hasGrant(app, 'REFRESH_TOKEN'))
      .map((located) => {
        const data = { app: located.app.name, sunset: JWT_REFRESH_TOKEN_SUNSET };
        // Escalations only: while the deadline is far, the configured severity applies.
        const target = { resource: applicationRef(located), pointer: '/refreshTokenType', ...(severity === 'medium' ? {} : { severity }) };
        return days <= 0 ? report('afterSunset', data, target) : report('beforeSunset', { ...data, days }, target);
      });
  },
});
