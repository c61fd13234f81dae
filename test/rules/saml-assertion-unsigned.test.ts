import rule from '../../rules/applications/saml-assertion-unsigned.js';
import { testRule } from '../helpers/rule-tester.js';
import { webApp } from '../helpers/snapshot-builder.js';
import { WIKI, samlApp, withApps } from './saml-fixtures.js';

testRule(rule, {
  valid: [
    { name: 'a hardened SAML app', snapshot: withApps(samlApp()) },
    { name: 'assertionSigned absent means PingOne’s default, true', snapshot: withApps(samlApp({ assertionSigned: undefined, responseSigned: undefined })) },
    { name: 'an OIDC app has no assertions', snapshot: withApps(webApp({ assertionSigned: false })) },
  ],
  invalid: [
    {
      name: 'nothing signed: high',
      snapshot: withApps(samlApp({ assertionSigned: false, responseSigned: false })),
      errors: [{ messageId: 'nothingSigned', resource: WIKI, pointer: '/assertionSigned', data: { app: 'Wiki' } }],
    },
    {
      name: 'nothing signed, responseSigned left at its default',
      snapshot: withApps(samlApp({ assertionSigned: false, responseSigned: undefined })),
      errors: [{ messageId: 'nothingSigned', resource: WIKI, pointer: '/assertionSigned' }],
    },
    {
      name: 'only the response signed: low',
      snapshot: withApps(samlApp({ assertionSigned: false })),
      errors: [{ messageId: 'onlyResponseSigned', resource: WIKI, pointer: '/assertionSigned', severity: 'low' }],
    },
  ],
});
