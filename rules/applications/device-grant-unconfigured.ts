import { defineRule } from '../../src/engine/define-rule.js';
import type { Application } from '../../src/snapshot/model.js';
import { applicationRef, hasGrant, isPublicClient, isWorker, oidcApplicationsOf } from '../../src/pingone/applications.js';
import { REFERENCES } from '../shared/references.js';
import { severityOverride } from '../shared/severity.js';
import { grantPointer } from '../../src/pingone/sign-in-grants.js';

const SEVERITY = 'low';
const DEVICE_SETTINGS = ['deviceTimeout', 'devicePollingInterval', 'devicePathId', 'deviceCustomVerificationUri'] as const;

export default defineRule({
  id: 'device-grant-unconfigured',
  meta: {
    title: 'Device code or CIBA grant enabled but not set up',
    description: 'Disallow device_code and CIBA grants on applications that show no sign of using them.',
    severity: SEVERITY,
    category: 'applications',
    tags: ['oauth', 'grants', 'device-code', 'ciba', 'phishing', 'attack-surface'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['CM-7', 'AC-3'], 'iso-27001-2022': ['A.8.9', 'A.8.26'], 'soc2-2017': ['CC6.1'], 'cis-v8.1': ['4.8'], 'pci-dss-4.0.1': ['8.3.1'] },
    docs: {
      frameworkRationale: 'Device and CIBA grants an app does not use are unneeded functions an attacker can use for phishing-style consent, which least functionality (CM-7, CIS 4.8) removes.',
      rationale:
        'The device authorization grant (RFC 8628) and CIBA let a token be issued to a client the user never sees: the user approves on another device. That is what makes them the tool of "device code phishing": an attacker starts a flow, sends the victim the code or triggers the approval, and collects the tokens (RFC 8628 §5.4). A grant nobody uses is that attack surface for nothing. An app set up for the device flow carries its device settings (`deviceTimeout` and `devicePollingInterval`, which PingOne’s API defaults to 600 and 5 seconds, and `devicePathId` or `deviceCustomVerificationUri` for the verification page); an app with DEVICE_CODE and none of them most likely had the grant ticked, or sent by a tool that set only `grantTypes`, and never used. That is a heuristic, hence medium precision: an app may use the defaults without the API returning them. PingOne has no CIBA settings on the app, so CIBA is reported only where it cannot work: PingOne requires a confidential client (a token endpoint auth method other than NONE) for CIBA.',
      remediation: [
        'If the app does not serve input-constrained devices or back-channel approvals, remove the grant.',
        'Console: Applications > Applications > the application > Configuration > edit, and clear Device Authorization or CIBA under Grant Type.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"grantTypes"` without `DEVICE_CODE` / `CIBA`.',
        'If the app does use the device flow, set its settings explicitly (`"deviceTimeout"`, `"devicePollingInterval"`, and `"devicePathId"` or `"deviceCustomVerificationUri"`) so that the configuration shows it.',
      ],
      references: [
        { title: 'RFC 8628 §5.4 (remote phishing with the device flow)', url: 'https://www.rfc-editor.org/rfc/rfc8628#section-5.4' },
        REFERENCES.rfc9700PrivilegeRestriction,
        { title: 'OpenID Connect CIBA Core 1.0', url: 'https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html' },
        {
          title: 'PingOne API: CIBA grant type (confidential clients only)',
          url: 'https://developer.pingidentity.com/pingone-api/foundations/authentication-concepts/authorization-flow-by-grant-type/ciba-grant-type.html',
        },
        {
          title: 'PingOne API: device code grant type',
          url: 'https://developer.pingidentity.com/pingone-api/foundations/authentication-concepts/authorization-flow-by-grant-type/device-code-grant-type.html',
        },
      ],
      severityRationale:
        'Low: an unused grant is attack surface, and phishing with it still needs a victim to approve. Medium for worker apps, whose device-code tokens carry the approving admin’s roles over the Management API.',
    },
    messages: {
      deviceCodeUnconfigured:
        'Application {{app}} allows device_code but has none of the device settings (deviceTimeout, devicePollingInterval, devicePathId, deviceCustomVerificationUri), so the grant looks unused: remove it, or set it up explicitly if a device uses it.',
      cibaPublicClient: 'Application {{app}} allows CIBA, but PingOne only runs CIBA for confidential clients and this one authenticates with NONE, so the grant cannot be used: remove it.',
    },
    precision: 'medium',
  },
  check(snapshot, { report }) {
    return oidcApplicationsOf(snapshot).flatMap((located) => {
      const { app } = located;
      const data = { app: app.name };
      const resource = applicationRef(located);
      const reports = [];
      if (hasUnusedDeviceGrant(app)) {
        const severity = severityOverride(isWorker(app) ? 'medium' : SEVERITY, SEVERITY);
        reports.push(report('deviceCodeUnconfigured', data, { resource, pointer: grantPointer(app, 'DEVICE_CODE'), ...severity }));
      }
      // PingOne runs CIBA for confidential clients only, so on a public client the grant cannot work.
      if (hasGrant(app, 'CIBA') && isPublicClient(app))
        reports.push(
          report('cibaPublicClient', data, {
            resource,
            pointer: grantPointer(app, 'CIBA'),
          }),
        );
      return reports;
    });
  },
});

function hasUnusedDeviceGrant(app: Application): boolean {
  return hasGrant(app, 'DEVICE_CODE') && !DEVICE_SETTINGS.some((setting) => app[setting] !== undefined);
}
