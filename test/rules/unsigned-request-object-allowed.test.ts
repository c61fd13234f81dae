import rule from '../../rules/applications/unsigned-request-object-allowed.js';
import type { Application } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp } from '../helpers/snapshot-builder.js';

const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
const WEB = { type: 'application' as const, id: 'app-web' };

testRule(rule, {
  valid: [
    { name: 'signed request objects required', snapshot: withApps(webApp()) },
    { name: 'PingOne’s default (neither flag set) refuses unsigned objects', snapshot: withApps(webApp({ requireSignedRequestObject: undefined, supportUnsignedRequestObject: undefined })) },
    { name: 'explicitly false', snapshot: withApps(webApp({ supportUnsignedRequestObject: false })) },
  ],
  invalid: [
    {
      name: 'unsigned accepted on a client without a key: low',
      snapshot: withApps(webApp({ tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC', jwksUrl: undefined, requireSignedRequestObject: false, supportUnsignedRequestObject: true })),
      errors: [{ messageId: 'unsignedAllowed', resource: WEB, pointer: '/supportUnsignedRequestObject' }],
    },
    {
      name: 'unsigned accepted although the client has a key: signature downgrade, medium',
      snapshot: withApps(webApp({ requireSignedRequestObject: false, supportUnsignedRequestObject: true })),
      errors: [{ messageId: 'signatureDowngrade', resource: WEB, pointer: '/supportUnsignedRequestObject', severity: 'medium' }],
    },
    {
      name: 'a JWKS string counts as a key too',
      snapshot: withApps(webApp({ jwksUrl: undefined, jwks: '{"keys":[]}', requireSignedRequestObject: false, supportUnsignedRequestObject: true })),
      errors: [{ messageId: 'signatureDowngrade', resource: WEB, pointer: '/supportUnsignedRequestObject', severity: 'medium' }],
    },
  ],
});
