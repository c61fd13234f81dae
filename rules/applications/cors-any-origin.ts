import { defineRule } from '../../src/engine/define-rule.js';

import type { Application } from '../../src/snapshot/model.js';
import { applicationRef, customerApplicationsOf, isOidc, whetherUserGrant } from '../../src/pingone/applications.js';
import { reportsIf, type Answer } from '../../src/pingone/unknown-answers.js';
import { REFERENCES } from '../shared/references.js';

export default defineRule({
  id: 'cors-any-origin',
  meta: {
    title: 'CORS open to any origin',
    description: 'Require explicit CORS settings that name the origins allowed to call PingOne for the application, without wildcards.',
    severity: 'low',
    category: 'applications',
    tags: ['cors', 'browser', 'hygiene'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['AC-4', 'SC-8'], 'iso-27001-2022': ['A.8.26'], 'soc2-2017': ['CC6.6'], 'cis-v8.1': ['16.7'], 'pci-dss-4.0.1': [] },
    docs: {
      frameworkRationale: 'Wildcard CORS lets any web origin call PingOne for the app, an information flow the app never meant to allow.',
      unmappedFrameworks: { 'pci-dss-4.0.1': 'CORS settings are not an authentication control of requirement 8.' },
      rationale:
        'Browsers let a web page call PingOne’s authorization and authentication endpoints for an application only from the origins PingOne allows. An application without `corsSettings` keeps PingOne’s legacy behaviour: CORS requests from any origin are allowed except on the operations that expose sensitive information, and Ping recommends that applications move to explicit settings. With `ALLOW_SPECIFIC_ORIGINS` only the listed origins may call (PingOne’s session-cookie endpoints, such as `/as/authorize` and `/as/resume`, trust only those), and `ALLOW_NO_ORIGINS` refuses them all. An origin with a wildcard (`https://*.example.com`) trusts every current and future subdomain, including a forgotten or taken-over one. Only applications a browser signs in to are checked: OIDC apps with a user grant, and SAML apps. PingOne’s own applications are not reported.',
      remediation: [
        'List the origins of the pages that call PingOne for this application (usually the app’s own origin), or none if it never calls PingOne from the browser.',
        'Console: Applications > Applications > the application > Configuration > edit, and set the CORS settings to allow specific origins (listing them) or no origins.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"corsSettings": { "behavior": "ALLOW_SPECIFIC_ORIGINS", "origins": ["https://app.example.com"] }` (or `{ "behavior": "ALLOW_NO_ORIGINS" }`).',
      ],
      references: [REFERENCES.pingApplicationsCors, REFERENCES.fetchCors, REFERENCES.pingUpdateApplication],
      severityRationale:
        'Low: PingOne already keeps its most sensitive operations from untrusted origins, and the browser’s cookie rules limit what a foreign page can do; explicit settings shrink what remains and follow Ping’s recommendation. The rule is hygiene that closes a door rather than a hole known to be open.',
    },
    messages: {
      legacyAnyOrigin:
        'Application {{app}} has no CORS settings, so PingOne’s legacy behaviour lets pages of any origin call it: set corsSettings to ALLOW_SPECIFIC_ORIGINS with the app’s own origins, or ALLOW_NO_ORIGINS.',
      wildcardOrigin: 'CORS origin {{origin}} of {{app}} is a wildcard, trusting every matching subdomain, including forgotten or taken-over ones: list the exact origins.',
    },
    precision: 'high',
  },
  check(snapshot, { report, leaveUnjudged }) {
    return customerApplicationsOf(snapshot).flatMap((located) => {
      const { app } = located;
      const resource = applicationRef(located);
      return reportsIf(signsBrowserUsersIn(app), resource, leaveUnjudged, () => {
        if (app.corsSettings == null) return [report('legacyAnyOrigin', { app: app.name }, { resource, pointer: '/corsSettings' })];
        if (app.corsSettings.behavior !== 'ALLOW_SPECIFIC_ORIGINS') return [];
        return (app.corsSettings.origins ?? []).flatMap((origin, i) =>
          origin.includes('*') ? [report('wildcardOrigin', { app: app.name, origin }, { resource, pointer: `/corsSettings/origins/${i}` })] : [],
        );
      });
    });
  },
});

function signsBrowserUsersIn(app: Application): Answer {
  return app.protocol === 'SAML' || (isOidc(app) && whetherUserGrant(app));
}
