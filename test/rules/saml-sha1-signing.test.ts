import rule from '../../rules/applications/saml-sha1-signing.js';
import type { IdentityProvider } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot, webApp } from '../helpers/snapshot-builder.js';
import { WIKI, samlApp, withApps } from './saml-fixtures.js';

const IDP = { type: 'identityProvider' as const, id: 'idp-corp' };
const samlIdp = (algorithm: string | undefined): IdentityProvider => ({
  id: 'idp-corp',
  name: 'Corporate',
  type: 'SAML',
  enabled: true,
  idpEntityId: 'https://idp.example.com',
  spSigning: algorithm === undefined ? { key: { id: 'key-1' } } : { key: { id: 'key-1' }, algorithm },
});
const withIdps = (...identityProviders: IdentityProvider[]) => buildSnapshot({ environments: [{ identityProviders }] });

testRule(rule, {
  valid: [
    { name: 'a SAML app signing with SHA256withRSA', snapshot: withApps(samlApp({ idpSigning: { key: { id: 'key-1' }, algorithm: 'SHA256withRSA' } })) },
    { name: 'a SAML app with no algorithm set (the key’s own: key-weak judges it)', snapshot: withApps(samlApp()) },
    { name: 'an OIDC app is not SAML', snapshot: withApps(webApp({ idpSigning: { algorithm: 'SHA1withRSA' } })) },
    { name: 'a SAML identity provider signing with SHA512withECDSA', snapshot: withIdps(samlIdp('SHA512withECDSA')) },
    { name: 'an OIDC identity provider has no SAML signing', snapshot: withIdps({ ...samlIdp('SHA1withRSA'), type: 'OPENID_CONNECT' }) },
    {
      name: 'an algorithm this version does not know: left unjudged',
      snapshot: withApps(samlApp({ idpSigning: { key: { id: 'key-1' }, algorithm: 'SHA3-512withRSA' } })),
      skipped: [{ resource: WIKI, reason: 'signature algorithm SHA3-512withRSA' }],
    },
  ],
  invalid: [
    {
      name: 'a SAML app signing with SHA1withRSA',
      snapshot: withApps(samlApp({ idpSigning: { key: { id: 'key-1' }, algorithm: 'SHA1withRSA' } })),
      errors: [{ messageId: 'sha1', resource: WIKI, pointer: '/idpSigning/algorithm', data: { what: 'SAML application', name: 'Wiki', algorithm: 'SHA1withRSA' } }],
    },
    {
      name: 'a SAML identity provider signing requests with SHA1withECDSA',
      snapshot: withIdps(samlIdp('SHA1withECDSA')),
      errors: [{ messageId: 'sha1', resource: IDP, pointer: '/spSigning/algorithm', data: { what: 'SAML identity provider', name: 'Corporate' } }],
    },
  ],
});
