import rule from '../../rules/applications/saml-sp-verification-missing.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { WIKI, samlApp, withApps } from './saml-fixtures.js';
import { describe, expect, it } from 'vitest';

testRule(rule, {
  valid: [{ name: 'a certificate and signed requests required', snapshot: withApps(samlApp()) }],
  invalid: [
    {
      name: 'no spVerification at all',
      snapshot: withApps(samlApp({ spVerification: undefined })),
      errors: [{ messageId: 'noCertificate', resource: WIKI, pointer: '/spVerification/certificates', data: { context: '' } }],
    },
    {
      name: 'an empty certificate list, even with authnRequestSigned true',
      snapshot: withApps(samlApp({ spVerification: { authnRequestSigned: true, certificates: [] } })),
      errors: [{ messageId: 'noCertificate', resource: WIKI, pointer: '/spVerification/certificates' }],
    },
    {
      name: 'a certificate, but unsigned requests still accepted',
      snapshot: withApps(samlApp({ spVerification: { certificates: [{ id: 'cert-wiki' }] } })),
      errors: [{ messageId: 'signatureNotRequired', resource: WIKI, pointer: '/spVerification/authnRequestSigned' }],
    },
    {
      name: 'requests that choose the authentication context: medium',
      snapshot: withApps(samlApp({ spVerification: undefined, enableRequestedAuthnContext: true })),
      errors: [{ messageId: 'noCertificate', resource: WIKI, pointer: '/spVerification/certificates', severity: 'medium' }],
    },
  ],
});

describe('saml-sp-verification-missing wording', () => {
  it('says when forged requests can choose the authentication context', () => {
    const [report] = runRule(rule, { name: 'context', snapshot: withApps(samlApp({ spVerification: { certificates: [{ id: 'c' }] }, enableRequestedAuthnContext: true })) });
    expect(String(report?.data?.context)).toContain('enableRequestedAuthnContext');
  });
});
