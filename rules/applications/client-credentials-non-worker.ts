import { defineRule } from '../../src/engine/define-rule.js';
import type { Application } from '../../src/snapshot/model.js';
import { applicationRef, hasGrant, isPublicClient, isWorker, oidcApplicationsOf, runsOnUserDevice } from '../../src/pingone/applications.js';
import { answer, not, reportsIf, unknownValuesOf } from '../../src/pingone/unknown-answers.js';
import { REFERENCES } from '../shared/references.js';
import { severityOverride } from '../shared/severity.js';
import { grantPointer } from '../../src/pingone/sign-in-grants.js';

const SEVERITY = 'low';

export default defineRule({
  id: 'client-credentials-non-worker',
  meta: {
    title: 'Client credentials on an app that is not a worker or service',
    description: 'Disallow the client_credentials grant on user-facing applications (web, single-page, native and custom apps).',
    severity: SEVERITY,
    category: 'applications',
    tags: ['oauth', 'grants', 'client-credentials', 'least-privilege'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['AC-6', 'IA-9', 'CM-7'], 'iso-27001-2022': ['A.8.2', 'A.8.5'], 'soc2-2017': ['CC6.1', 'CC6.3'], 'cis-v8.1': ['6.8', '4.8'], 'pci-dss-4.0.1': ['7.2.5', '8.6.1'] },
    docs: {
      frameworkRationale: 'A user-facing app that can also get tokens for itself acts as a service without being managed as one, against least privilege and service authentication controls.',
      rationale:
        'With client_credentials an application gets tokens for itself, with no user: every scope its resource grants hold is then available to whoever holds its credentials, without anyone signing in. On a user-facing app (web, single-page, native, custom) the grants were chosen for users, so the machine use inherits scopes it does not need and the user-facing use keeps scopes granted for the machine one; downstream APIs that expect a user in every token may also accept one without. PingOne has types for machine clients: Worker for the Management API and the non-interactive SERVICE type for other APIs, which are left alone here. A single-page or native app cannot keep a secret at all (OAuth 2.1 §2.1), so client credentials there are available to anyone who has the app.',
      remediation: [
        'Create a separate non-interactive (or worker) application for the machine use, grant it only the scopes it needs, and move the service to its client id.',
        'Console: Applications > Applications > the application > Configuration > edit, and clear Client Credentials under Grant Type.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and `"grantTypes"` without `CLIENT_CREDENTIALS`.',
      ],
      references: [
        { title: 'OAuth 2.1 §4.2 (client credentials grant: confidential clients acting on their own behalf)', url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-4.2' },
        { title: 'OAuth 2.1 §2.1 (public clients cannot keep credentials)', url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-2.1' },
        REFERENCES.rfc9700PrivilegeRestriction,
        REFERENCES.pingApplicationTypes,
      ],
      severityRationale:
        'Low on a confidential web or custom app: the tokens carry only resource scopes (never admin roles, which only workers hold), and the fix is separation of duties. Medium on single-page and native apps and on any public client, where the credential is effectively public.',
    },
    messages: {
      userFacingApp:
        'Application {{app}} ({{type}}) allows client_credentials, so it also gets tokens with all its granted scopes and no user: move the machine use to its own non-interactive application.',
      publicClient:
        'Application {{app}} ({{type}}) allows client_credentials but cannot keep a secret, so anyone who has the app can get tokens with all its granted scopes and no user: remove the grant and use a separate non-interactive application on a server.',
    },
    precision: 'very-high',
  },
  check(snapshot, { report, leaveUnjudged }) {
    return oidcApplicationsOf(snapshot)
      .filter(({ app }) => hasGrant(app, 'CLIENT_CREDENTIALS'))
      .flatMap((located) => {
        const { app } = located;
        // A type PingOne added later may be one made for client credentials, as SERVICE is.
        const machineType = answer(isWorker(app) || app.type === 'SERVICE', unknownValuesOf('application type', [app.type]));
        return reportsIf(not(machineType), applicationRef(located), leaveUnjudged, () => {
          const isPublic = cannotKeepSecret(app);
          return [
            report(
              isPublic ? 'publicClient' : 'userFacingApp',
              { app: app.name, type: app.type },
              {
                resource: applicationRef(located),
                pointer: grantPointer(app, 'CLIENT_CREDENTIALS'),
                ...severityOverride(isPublic ? 'medium' : SEVERITY, SEVERITY),
              },
            ),
          ];
        });
      });
  },
});

function cannotKeepSecret(app: Application): boolean {
  return isPublicClient(app) || runsOnUserDevice(app);
}
