import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import { applicationRef, customerApplicationsOf, hasGrant, isOidc, skipUnknownValue } from '../../src/pingone/applications.js';
import { corsOriginAllows, webOriginOf } from '../../src/pingone/redirect-uris.js';
import { REFERENCES } from '../shared/references.js';
import { listNames } from '../shared/wording.js';

const SEVERITY: Severity = 'medium';

export default defineRule({
  id: 'cors-origin-missing',
  meta: {
    title: 'Single-page app whose CORS settings block its own token call',
    description: 'Require a single-page app’s CORS settings to allow the origin of at least one of its redirect URIs.',
    severity: SEVERITY,
    category: 'applications',
    tags: ['cors', 'browser', 'availability', 'single-page-app'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['CM-6'], 'iso-27001-2022': ['A.8.9'], 'soc2-2017': ['CC8.1'], 'cis-v8.1': ['4.1'], 'pci-dss-4.0.1': [] },
    docs: {
      frameworkRationale: 'A single-page app whose CORS settings exclude its own origin is a configuration error that breaks its token calls.',
      unmappedFrameworks: { 'pci-dss-4.0.1': 'A broken token call weakens no requirement 8 control.' },
      rationale:
        'A single-page app with the authorization code grant redeems the code from the browser: the page PingOne redirected back to calls the token endpoint with fetch, a cross-origin request that succeeds only when PingOne answers it with CORS headers for that page’s origin. PingOne decides from the application’s `corsSettings`: `ALLOW_NO_ORIGINS` rejects every CORS request, and `ALLOW_SPECIFIC_ORIGINS` rejects all but the listed origins. A SPA set to either without the origin of any of its redirect URIs gets its sign-in back and then fails the token call with a CORS error in the browser console, which users see as a sign-in that loops or stops on a blank page. Applications without `corsSettings` keep PingOne’s legacy behaviour and are reported by cors-any-origin instead. Precision is medium because the rule infers the calling page from the redirect URIs: a SPA whose code exchange happens on a server (a backend for frontend) makes no CORS call and is reported wrongly, and so is one whose callback page hands the code to another origin that the settings do allow.',
      remediation: [
        'Note the origin (scheme, host and port) of the page the app is redirected back to, for example `https://app.example.com`.',
        'Console: Applications > Applications > the application > Configuration > edit, and under CORS settings allow specific origins, listing that origin.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"corsSettings": { "behavior": "ALLOW_SPECIFIC_ORIGINS", "origins": ["https://app.example.com"] }`.',
        'If the code is redeemed by a server instead, suppress the finding with that reason.',
      ],
      references: [
        REFERENCES.pingApplicationsCors,
        REFERENCES.fetchCors,
        { title: 'OAuth 2.0 for Browser-Based Applications §6.3 (browser-based OAuth client)', url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps#section-6.3' },
        REFERENCES.pingUpdateApplication,
      ],
      severityRationale:
        'Medium: nothing is exposed, but nobody can sign in to the app, and the fix tried under pressure is often to drop the CORS settings or allow a wildcard, which opens PingOne’s endpoints to every origin.',
    },
    messages: {
      noOriginAllowed:
        'Single-page app {{app}} allows no CORS origin, so the browser blocks its token call from {{origins}} and every sign-in fails after the redirect: set corsSettings to ALLOW_SPECIFIC_ORIGINS with the app’s origin.',
      redirectOriginNotAllowed:
        'Single-page app {{app}} allows CORS only from {{allowed}}, not from the origin of its redirect URIs ({{origins}}), so the browser blocks its token call and every sign-in fails after the redirect: add the app’s origin to corsSettings.origins.',
    },
    precision: 'medium',
  },
  check(snapshot, { report, leaveUnjudged }) {
    return customerApplicationsOf(snapshot)
      .filter(({ app }) => app.enabled && isOidc(app) && app.type === 'SINGLE_PAGE_APP' && hasGrant(app, 'AUTHORIZATION_CODE') && app.corsSettings != null)
      .filter((located) => !skipUnknownValue(located, 'CORS behavior', located.app.corsSettings?.behavior, leaveUnjudged))
      .flatMap((located) => {
        const { app } = located;
        const origins = [...new Set((app.redirectUris ?? []).flatMap((uri) => webOriginOf(uri) ?? []))];
        // No web redirect URI, no page to call from: redirect-uri-missing speaks for an app with none.
        if (origins.length === 0) return [];
        const at = { resource: applicationRef(located), pointer: '/corsSettings' };
        if (app.corsSettings?.behavior === 'ALLOW_NO_ORIGINS') return [report('noOriginAllowed', { app: app.name, origins: listNames(origins) }, at)];
        const allowed = app.corsSettings?.origins ?? [];
        if (origins.some((origin) => allowed.some((entry) => corsOriginAllows(entry, origin)))) return [];
        return [
          report(
            'redirectOriginNotAllowed',
            { app: app.name, allowed: allowed.length === 0 ? 'no origin' : listNames(allowed), origins: listNames(origins) },
            { ...at, pointer: '/corsSettings/origins' },
          ),
        ];
      });
  },
});
