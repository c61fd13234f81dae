import rule from '../../rules/applications/app-disabled.js';
import { buildSnapshot, webApp, workerApp } from '../helpers/snapshot-builder.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });

testRule(rule, {
  valid: [
    { name: 'enabled apps', snapshot: withApps(webApp(), workerApp()) },
    {
      name: 'a disabled PingOne built-in app (switching it off is a product choice)',
      snapshot: withApps(webApp({ id: 'app-portal', name: 'PingOne Application Portal', type: 'PING_ONE_PORTAL', enabled: false })),
    },
  ],
  invalid: [
    {
      name: 'a disabled web app',
      snapshot: withApps(webApp({ enabled: false })),
      errors: [{ messageId: 'disabled', resource: { type: 'application', id: 'app-web' }, pointer: '/enabled', data: { app: 'Web' } }],
    },
    {
      name: 'a disabled worker app is high',
      snapshot: withApps(workerApp({ enabled: false })),
      errors: [{ messageId: 'workerDisabled', resource: { type: 'application', id: 'app-worker' }, pointer: '/enabled', severity: 'high', data: { app: 'Worker' } }],
    },
    {
      name: 'a disabled app bound to an integration by configuration is high',
      snapshot: withApps(webApp({ enabled: false })),
      profileBindings: { 'app-web': ['stackone'] },
      errors: [
        {
          messageId: 'integrationDisabled',
          resource: { type: 'application', id: 'app-web' },
          pointer: '/enabled',
          severity: 'high',
          data: { app: 'Web', integration: 'StackOne connector' },
        },
      ],
    },
    {
      name: 'a disabled app recognised as StackOne by its callback',
      snapshot: withApps(webApp({ enabled: false, redirectUris: ['https://api.stackone.com/connect/oauth2/pingone/callback'] })),
      errors: [{ messageId: 'integrationDisabled', resource: { type: 'application', id: 'app-web' }, pointer: '/enabled', severity: 'high' }],
    },
  ],
});
