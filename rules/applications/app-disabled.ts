import { defineRule } from '../../src/engine/define-rule.js';
import { listNames } from '../shared/wording.js';

import { REFERENCES } from '../shared/references.js';
import { applicationRef, applicationsOf, isPingOneBuiltIn, isWorker } from '../../src/pingone/applications.js';

export default defineRule({
  id: 'app-disabled',
  meta: {
    title: 'Application is disabled',
    description: 'Disallow disabled applications, which fail at the authorize or token step of every OAuth flow.',
    severity: 'medium',
    category: 'applications',
    tags: ['availability', 'oauth', 'integration'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['CM-6'], 'iso-27001-2022': ['A.8.9'], 'soc2-2017': ['CC8.1'], 'cis-v8.1': ['4.1'], 'pci-dss-4.0.1': [] },
    docs: {
      frameworkRationale: 'A disabled application is a configuration left out of step with its use, which configuration management (CM-6, A.8.9, CC8.1, CIS 4.1) asks to keep current.',
      unmappedFrameworks: { 'pci-dss-4.0.1': 'A disabled app breaks sign-in but weakens no requirement 8 authentication control.' },
      rationale:
        'PingOne refuses a disabled application at the authorization or token endpoint, so every sign-in or token request fails. New applications are created disabled unless `enabled: true` is sent, and integrators’ guides (StackOne, PingDataSync, Synqly) all include a separate step to switch the app on, which is easy to miss. A disabled app left in place on purpose is dead configuration that should be deleted instead. PingOne’s own applications (admin console, self-service, application portal) are not reported: switching them off is a deliberate product choice.',
      remediation: [
        'Console: Applications > Applications, open the application and switch the toggle next to its name on (it turns blue). If the app is no longer used, delete it instead.',
        'API: `PUT /environments/{envId}/applications/{appId}` with the application’s current body and `"enabled": true` (PUT replaces the whole resource, so send every field).',
      ],
      references: [REFERENCES.pingUpdateApplication, REFERENCES.stackOneGuide],
      severityRationale:
        'Medium by default: the rule cannot tell a forgotten toggle from an app retired on purpose. High for worker apps and apps bound to an integration profile, which exist to be called by a machine and break its integration outright.',
    },
    messages: {
      disabled: 'Application {{app}} is disabled, so PingOne refuses it at the authorize or token step: enable it, or delete it if it is no longer used.',
      integrationDisabled: 'Application {{app}}, used by {{integration}}, is disabled, so every token request of the integration fails: switch it on (new applications start disabled).',
      workerDisabled: 'Worker app {{app}} is disabled, so every token request of the integration or script that uses it fails: switch it on (new applications start disabled).',
    },
    precision: 'high',
  },
  check(snapshot, context) {
    return applicationsOf(snapshot)
      .filter(({ app }) => app.enabled === false && !isPingOneBuiltIn(app))
      .map((located) => {
        const { app } = located;
        const profiles = context.integrations.profilesFor(app);
        const resource = applicationRef(located);
        if (!isWorker(app) && profiles.length === 0) return context.report('disabled', { app: app.name }, { resource, pointer: '/enabled' });
        const at = { resource, pointer: '/enabled', severity: 'high' } as const;
        if (profiles.length === 0) return context.report('workerDisabled', { app: app.name }, at);
        return context.report('integrationDisabled', { app: app.name, integration: listNames(profiles.map(context.integrations.titleOf)) }, at);
      });
  },
});
