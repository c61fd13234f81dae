import type { Application } from '../../src/snapshot/model.js';
import { buildSnapshot, type Overrides, withOverrides } from '../helpers/snapshot-builder.js';

export const WIKI = { type: 'application' as const, id: 'app-wiki' };

/** A hardened SAML app: assertion and response signed, signed AuthnRequests required and verifiable. */
export function samlApp(overrides: Overrides<Application> = {}): Application {
  return withOverrides(
    {
      id: 'app-wiki',
      name: 'Wiki',
      enabled: true,
      type: 'WEB_APP',
      protocol: 'SAML',
      spEntityId: 'urn:acme:wiki',
      acsUrls: ['https://wiki.example.com/saml/acs'],
      assertionDuration: 60,
      assertionSigned: true,
      responseSigned: true,
      spVerification: { authnRequestSigned: true, certificates: [{ id: 'cert-wiki' }] },
      _embedded: { signOnPolicyAssignments: [{ id: 'sopa-1', signOnPolicy: { id: 'sop-mfa' }, priority: 1 }] },
    },
    overrides,
  );
}

export const withApps = (...applications: Application[]) => buildSnapshot({ environments: [{ applications }] });
