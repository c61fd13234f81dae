import { defineRule } from '../../src/engine/define-rule.js';
import type { Severity } from '../../src/engine/types.js';
import { describeDuration } from '../../src/pingone/durations.js';
import { accessTokenValidityOf, resourceRef } from '../../src/pingone/resources.js';
import { describeUnknown, unknownValuesOf } from '../../src/pingone/unknown-answers.js';
import { severityOverride } from '../shared/severity.js';

const SEVERITY: Severity = 'low';

export default defineRule({
  id: 'access-token-lifetime-long',
  meta: {
    title: 'Access tokens valid longer than the configured maximum',
    description: 'Disallow resources whose access tokens stay valid longer than the configured maximum.',
    severity: SEVERITY,
    category: 'applications',
    tags: ['access-token', 'session-lifetime', 'rfc9700'],
    requires: ['resources'],
    frameworks: { 'nist-800-53-r5': ['AC-12', 'IA-11'], 'iso-27001-2022': ['A.8.5'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['16.11'], 'pci-dss-4.0.1': ['8.2.8'] },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          maxSeconds: { type: 'integer', minimum: 300, description: 'Longest accepted accessTokenValiditySeconds of your own resources and of openid.' },
          maxPingOneApiSeconds: { type: 'integer', minimum: 300, description: 'Longest accepted accessTokenValiditySeconds of the PingOne API resource (type PINGONE_API).' },
        },
      },
      defaults: { maxSeconds: 3_600, maxPingOneApiSeconds: 7_200 },
    },
    docs: {
      frameworkRationale: 'Long-lived access tokens stay usable after a session should have ended.',
      rationale:
        'A PingOne access token is a bearer JWT that the resource server checks by signature and expiry alone: once issued it cannot be revoked, so its lifetime is how long a leaked token (a log line, a browser extension, a proxy) keeps working and how long a removed user keeps access. Each resource sets it in `accessTokenValiditySeconds` (PingOne accepts 300 seconds to 30 days; one hour when not set). RFC 9700 §4.14 relies on short-lived access tokens to make refresh-token rotation and revocation mean something. The default maximum is one hour, PingOne’s own default for a resource (“The access token lifetime defaults to 1 hour”, Ping’s “Customizing access token lifetime” page), so on your own resources and `openid` the rule reports only lifetimes someone lengthened. The PingOne API resource (type PINGONE_API, the audience of every Management API token) is held to a maximum of its own, two hours by default: that is the product default reported for it by people who set PingOne up (Ping’s public pages do not state it), and holding it to one hour would report every tenant that never touched it. Its tokens carry admin roles, so if yours is above two hours someone lengthened it. Lower either option to hold every resource to a stricter policy.',
      remediation: [
        'Decide how long each API may accept a token and set the rule’s options to your policy (e.g. `{ "maxSeconds": 900 }`).',
        'Console: Applications > Resources > the resource > Overview > edit, and lower the access token time to live.',
        'API: `PUT /environments/{envId}/resources/{resourceId}` with the current body and a lower `accessTokenValiditySeconds`; clients keep working, they only refresh sooner.',
      ],
      references: [
        { title: 'RFC 9700 §4.14 (refresh token protection relies on short-lived access tokens)', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14' },
        { title: 'RFC 6750 §5.3 (issue short-lived bearer tokens)', url: 'https://www.rfc-editor.org/rfc/rfc6750#section-5.3' },
        {
          title: 'PingOne API: resources data model (accessTokenValiditySeconds: default 3600, 300 to 2592000)',
          url: 'https://developer.pingidentity.com/pingone-api/platform/resources/resources-1.html',
        },
        { title: 'PingOne: customizing access token lifetime', url: 'https://docs.pingidentity.com/pingone/applications/p1_customizing_access_token_lifetime.html' },
      ],
      severityRationale:
        'Low: a long lifetime widens the window a stolen token is useful in, it does not leak one. Medium from a day up, when a leaked token outlives any incident response that relies on disabling the user.',
    },
    messages: {
      lifetimeLong: 'Resource {{resource}} issues access tokens valid for {{actual}}, above the maximum of {{max}}: lower accessTokenValiditySeconds.',
    },
    precision: 'very-high',
  },
  check(snapshot, { options, report, leaveUnjudged }) {
    return snapshot.environments.flatMap((env) =>
      env.resources.flatMap((resource) => {
        // A resource type PingOne added later may have a product default of its own: not judged, and named.
        const unknown = unknownValuesOf('resource type', [resource.type]);
        if (unknown.length > 0) {
          leaveUnjudged(resourceRef(resource, env), describeUnknown(unknown));
          return [];
        }
        const max = resource.type === 'PINGONE_API' ? options.maxPingOneApiSeconds : options.maxSeconds;
        const actual = accessTokenValidityOf(resource);
        if (actual <= max) return [];
        const severity: Severity = actual >= 86_400 ? 'medium' : SEVERITY;
        const data = { resource: resource.name, actual: describeDuration(actual), max: describeDuration(max) };
        return [report('lifetimeLong', data, { resource: resourceRef(resource, env), pointer: '/accessTokenValiditySeconds', ...severityOverride(severity, SEVERITY) })];
      }),
    );
  },
});
