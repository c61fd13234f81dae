import rule from '../../rules/integrations/webhook-http-destination.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot } from '../helpers/snapshot-builder.js';
import { webhook } from './key-fixtures.js';

const SUB = { type: 'subscription' as const, id: 'sub-1' };
const at = (url: string, enabled = true) => buildSnapshot({ environments: [{ subscriptions: [webhook({ httpEndpoint: { url }, enabled })] }] });

testRule(rule, {
  valid: [
    { name: 'https', snapshot: at('https://siem.example.com/events') },
    { name: 'http to 127.0.0.1', snapshot: at('http://127.0.0.1:8080/events') },
    { name: 'http to localhost', snapshot: at('http://localhost/events') },
    { name: 'http to [::1]', snapshot: at('http://[::1]:9000/events') },
    { name: 'no HTTP endpoint', snapshot: buildSnapshot({ environments: [{ subscriptions: [webhook({ httpEndpoint: undefined, protocol: 'TCP_IP' })] }] }) },
    { name: 'a URL that does not parse: left unjudged', snapshot: at('http//siem'), skipped: [{ resource: SUB, reason: 'does not parse' }] },
  ],
  invalid: [
    {
      name: 'plain http to a remote host',
      snapshot: at('http://siem.example.com:8080/events'),
      errors: [{ messageId: 'plainHttp', resource: SUB, pointer: '/httpEndpoint/url', data: { name: 'SIEM', host: 'siem.example.com:8080' } }],
    },
    {
      name: 'a host of 100,000 characters is cut in the finding',
      snapshot: at(`http://${'a'.repeat(100_000)}.example/`),
      errors: [{ messageId: 'plainHttp', resource: SUB, pointer: '/httpEndpoint/url', data: { host: `${'a'.repeat(260)}…` } }],
    },
    {
      name: 'HTTP in capitals to a private address',
      snapshot: at('HTTP://10.0.0.5/events'),
      errors: [{ messageId: 'plainHttp', resource: SUB, pointer: '/httpEndpoint/url', data: { host: '10.0.0.5' } }],
    },
    {
      name: 'a disabled webhook: low',
      snapshot: at('http://siem.example.com/events', false),
      errors: [{ messageId: 'plainHttp', resource: SUB, pointer: '/httpEndpoint/url', severity: 'low' }],
    },
  ],
});
