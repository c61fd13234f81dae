import { defineRule } from '../../src/engine/define-rule.js';

import { applicationRef, customerApplicationsOf, skipUnknownValue } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';
import { daysUntilJwtRefreshSunset, JWT_REFRESH_TOKEN_SUNSET } from '../../src/pingone/refresh-token-sunset.js';

export default defineRule({
  id: 'refresh-token-not-jwt',
  meta: {
    title: 'Integration asks for JWT refresh tokens',
    description: 'Require the refresh token format that a bound integration’s setup guide asks for (JSON Web Token for StackOne).',
    severity: 'medium',
    category: 'integrations',
    tags: ['integration', 'stackone', 'refresh-token'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['CM-6'], 'iso-27001-2022': ['A.8.9'], 'soc2-2017': ['CC8.1'], 'cis-v8.1': ['4.1'], 'pci-dss-4.0.1': [] },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { profiles: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } },
      },
      defaults: { profiles: ['stackone'] },
    },
    docs: {
      frameworkRationale: 'A token format other than the one the integration needs is a configuration error that breaks the integration.',
      unmappedFrameworks: { 'pci-dss-4.0.1': 'The token format weakens no requirement 8 control.' },
      rationale:
        'StackOne’s PingOne guide asks for JSON Web Token refresh tokens, so an app bound to StackOne (by configuration, or because a redirect URI is on api.stackone.com) with opaque tokens is not set up as its integrator documents. Ping, however, calls opaque the recommended format and retires JWT refresh tokens on 2027-03-02, after which they can no longer be chosen. The two sources conflict: this finding asks you to settle it with StackOne, not to weaken anything. Opaque tokens are not less secure. Apps whose refresh token format is absent from the snapshot are not reported.',
      remediation: [
        'Ask StackOne whether its connector accepts opaque refresh tokens; if it does, keep opaque and suppress this finding with that answer as the reason.',
        'If StackOne needs JWT until the sunset: Console: Applications > Applications > the application > Configuration > edit, and set Refresh Token Format to JSON Web Token.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"refreshTokenType": "JSON_WEB_TOKEN"`.',
      ],
      references: [REFERENCES.stackOneGuide, REFERENCES.pingRefreshTokens],
      severityRationale:
        'Medium: the integrator’s documented setup is not met, which may break token refresh, but Ping’s own direction points the other way. Info after the sunset, when JWT can no longer be chosen and only StackOne can resolve it.',
    },
    messages: {
      notJwt:
        'Application {{app}} is bound to {{profile}}, whose setup guide asks for JSON Web Token refresh tokens, but it issues {{format}} ones; Ping retires JWT refresh tokens on {{sunset}} and recommends opaque, so confirm with {{profile}} which format its connector needs before changing anything.',
      notJwtAfterSunset:
        'Application {{app}} is bound to {{profile}}, whose setup guide asks for JSON Web Token refresh tokens, but PingOne has issued only opaque ones since {{sunset}}: ask {{profile}} to confirm its connector works with opaque refresh tokens.',
    },
    precision: 'high',
  },
  check(snapshot, context) {
    const profilesNeedingJwt = new Set(context.options.profiles);
    const sunsetPassed = daysUntilJwtRefreshSunset(context.now) <= 0;
    return customerApplicationsOf(snapshot).flatMap((located) => {
      const { app } = located;
      // Absent means the snapshot does not say which format is issued: no finding from missing data.
      if (app.refreshTokenType === undefined || app.refreshTokenType === 'JSON_WEB_TOKEN') return [];
      const profile = context.integrations.profilesFor(app).find((id) => profilesNeedingJwt.has(id));
      if (profile === undefined || skipUnknownValue(located, 'refresh token type', app.refreshTokenType, context.leaveUnjudged)) return [];
      const data = { app: app.name, profile, format: 'opaque', sunset: JWT_REFRESH_TOKEN_SUNSET };
      const target = { resource: applicationRef(located), pointer: '/refreshTokenType' };
      return [sunsetPassed ? context.report('notJwtAfterSunset', data, { ...target, severity: 'info' }) : context.report('notJwt', data, target)];
    });
  },
});
