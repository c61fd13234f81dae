import rule from '../../rules/applications/saml-response-unsigned.js';
import { testRule } from '../helpers/rule-tester.js';
import { WIKI, samlApp, withApps } from './saml-fixtures.js';

testRule(rule, {
  valid: [
    { name: 'assertion and response signed', snapshot: withApps(samlApp()) },
    { name: 'nothing signed belongs to saml-assertion-unsigned, reported once there', snapshot: withApps(samlApp({ assertionSigned: false, responseSigned: false })) },
  ],
  invalid: [
    {
      name: 'only the assertion signed',
      snapshot: withApps(samlApp({ responseSigned: false })),
      errors: [{ messageId: 'responseUnsigned', resource: WIKI, pointer: '/responseSigned', data: { app: 'Wiki' } }],
    },
    {
      name: 'PingOne’s defaults (both fields absent): the response is unsigned',
      snapshot: withApps(samlApp({ assertionSigned: undefined, responseSigned: undefined })),
      errors: [{ messageId: 'responseUnsigned', resource: WIKI, pointer: '/responseSigned' }],
    },
  ],
});
