import type { ApiApplication } from '../../../../src/simulator/api-types.js';
import { seededId, signsInWithMfa, type Fragment } from '../fragment.js';

const sha1 = seededId(35, 1);
const sha256 = seededId(35, 2);

/** A SAML application that signs everything and verifies signed requests, signing with `algorithm`. */
function samlApp(id: string, name: string, algorithm: string): ApiApplication {
  return {
    id,
    name,
    enabled: true,
    type: 'WEB_APP',
    protocol: 'SAML',
    spEntityId: `urn:seeded:${id}`,
    acsUrls: [`https://${id}.apps.example.com/saml/acs`],
    assertionDuration: 60,
    assertionSigned: true,
    responseSigned: true,
    spVerification: { authnRequestSigned: true, certificates: [{ id: seededId(35, 9) }] },
    idpSigning: { key: { id: seededId(35, 8) }, algorithm },
    corsSettings: { behavior: 'ALLOW_NO_ORIGINS' },
  };
}

/** A SAML application signing with SHA1withRSA beside one signing with SHA256withRSA. */
export const samlSha1Signing: Fragment = {
  rule: 'saml-sha1-signing',
  bad: { type: 'application', id: sha1 },
  good: [{ type: 'application', id: sha256 }],
  seed: {
    applications: [samlApp(sha1, 'SAML app, SHA-1', 'SHA1withRSA'), samlApp(sha256, 'SAML app, SHA-256', 'SHA256withRSA')],
    signOnPolicyAssignments: signsInWithMfa(sha1, sha256),
  },
};
