import rule from '../../rules/applications/redirect-uri-localhost-in-production.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, type Overrides, webApp, workerApp } from '../helpers/snapshot-builder.js';

const inProduction = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WEB = { type: 'application' as const, id: 'app-web' };
const spa = (overrides: Overrides<Application>) => webApp({ type: 'SINGLE_PAGE_APP', tokenEndpointAuthMethod: 'NONE', ...overrides });

testRule(rule, {
  valid: [
    {
      name: 'an application type this version does not know may listen on loopback: not judged, naming it',
      snapshot: inProduction(webApp({ type: 'AI_AGENT_APP', redirectUris: ['http://127.0.0.1:7464/callback'] })),
      skipped: [{ resource: WEB, reason: 'application type AI_AGENT_APP' }],
    },
    { name: 'production URIs only', snapshot: inProduction(webApp()) },
    {
      name: 'a sandbox may keep localhost',
      snapshot: buildSnapshot({ environments: [{ id: 'env-dev', type: 'SANDBOX', applications: [spa({ redirectUris: ['http://localhost:3000/cb'] })] }] }),
    },
    { name: 'a native app listens on loopback by design', snapshot: inProduction(webApp({ type: 'NATIVE_APP', tokenEndpointAuthMethod: 'NONE', redirectUris: ['http://127.0.0.1:8080/cb'] })) },
    {
      name: 'a public worker app is a command-line tool (Ping CLI, MCP server)',
      snapshot: inProduction(workerApp({ tokenEndpointAuthMethod: 'NONE', grantTypes: ['AUTHORIZATION_CODE'], redirectUris: ['http://127.0.0.1:7464/callback'] })),
    },
    { name: 'a host that merely contains "localhost" is not loopback', snapshot: inProduction(webApp({ redirectUris: ['https://localhost.example.com/cb'] })) },
  ],
  invalid: [
    {
      name: 'a SPA with localhost in production: medium',
      snapshot: inProduction(spa({ redirectUris: ['https://app.example.com/cb', 'http://localhost:3000/cb'] })),
      errors: [{ messageId: 'loopbackInProduction', resource: WEB, pointer: '/redirectUris/1', data: { host: 'localhost', environment: 'Production' } }],
    },
    {
      name: 'a confidential web app with a loopback IP, and a post-logout loopback URI, are low',
      snapshot: inProduction(webApp({ redirectUris: ['https://127.0.0.1:8443/cb'], postLogoutRedirectUris: ['http://[::1]/bye'] })),
      errors: [
        { messageId: 'loopbackInProduction', resource: WEB, pointer: '/redirectUris/0', severity: 'low', data: { host: '127.0.0.1' } },
        { messageId: 'loopbackInProduction', resource: WEB, pointer: '/postLogoutRedirectUris/0', severity: 'low', data: { host: '[::1]' } },
      ],
    },
    {
      name: 'a confidential worker app is not a command-line tool',
      snapshot: inProduction(workerApp({ grantTypes: ['AUTHORIZATION_CODE'], redirectUris: ['http://localhost:8000'] })),
      errors: [{ messageId: 'loopbackInProduction', resource: { type: 'application', id: 'app-worker' }, pointer: '/redirectUris/0', severity: 'low' }],
    },
  ],
});
