import rule from '../../rules/applications/access-token-lifetime-long.js';
import type { Resource } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot } from '../helpers/snapshot-builder.js';

const withResources = (...resources: Resource[]) => buildSnapshot({ environments: [{ resources }] });
const api = (overrides: Partial<Resource> = {}): Resource => ({
  id: 'res-orders',
  name: 'Orders API',
  type: 'CUSTOM',
  audience: 'https://api.acme.test/orders',
  accessTokenValiditySeconds: 3_600,
  ...overrides,
});
const pingOneApi = (seconds: number): Resource => ({ id: 'res-p1', name: 'PingOne API', type: 'PINGONE_API', accessTokenValiditySeconds: seconds });
/** A resource that leaves the lifetime to PingOne's default. */
const { accessTokenValiditySeconds: _unset, ...unsetLifetime } = api();
const ORDERS = { type: 'resource' as const, id: 'res-orders' };

testRule(rule, {
  valid: [
    { name: 'one hour, the default maximum', snapshot: withResources(api()) },
    { name: 'not set: PingOne’s one hour', snapshot: withResources(unsetLifetime) },
    { name: 'the PingOne API resource at two hours, its product default', snapshot: withResources(pingOneApi(7_200)) },
    {
      name: 'a resource type this version does not know is not judged, and named',
      snapshot: withResources(api({ type: 'AGENT_GATEWAY', accessTokenValiditySeconds: 28_800 })),
      skipped: [{ resource: ORDERS, reason: 'resource type AGENT_GATEWAY, which this version does not know' }],
    },
    { name: 'a maximum raised by options', snapshot: withResources(api({ accessTokenValiditySeconds: 14_400 })), options: { maxSeconds: 14_400 } },
  ],
  invalid: [
    {
      name: 'eight hours on a custom resource',
      snapshot: withResources(api({ accessTokenValiditySeconds: 28_800 })),
      errors: [{ messageId: 'lifetimeLong', resource: ORDERS, pointer: '/accessTokenValiditySeconds', data: { resource: 'Orders API', actual: '8 hours', max: '1 hour' } }],
    },
    {
      name: 'the PingOne API resource lengthened to four hours',
      snapshot: withResources(pingOneApi(14_400)),
      errors: [{ messageId: 'lifetimeLong', resource: { type: 'resource', id: 'res-p1' }, pointer: '/accessTokenValiditySeconds', data: { actual: '4 hours', max: '2 hours' } }],
    },
    {
      name: 'a day or more is medium',
      snapshot: withResources(api({ accessTokenValiditySeconds: 86_400 })),
      errors: [{ messageId: 'lifetimeLong', resource: ORDERS, pointer: '/accessTokenValiditySeconds', severity: 'medium', data: { actual: '1 day' } }],
    },
    {
      name: 'a stricter policy catches the unset lifetime',
      snapshot: withResources(unsetLifetime),
      options: { maxSeconds: 900 },
      errors: [{ messageId: 'lifetimeLong', resource: ORDERS, pointer: '/accessTokenValiditySeconds', data: { actual: '1 hour', max: '15 minutes' } }],
    },
  ],
});
