import { defineRule } from '../../src/engine/define-rule.js';
import type { ResourceRef } from '../../src/snapshot/model.js';
import { certificateRef, customDomainRef, daysUntil, keysAndCertificatesOf } from '../../src/pingone/keys-and-webhooks.js';
import { REFERENCES } from '../shared/references.js';
import { severityOverride } from '../shared/severity.js';

const SEVERITY = 'high';

/** One expiry date to judge: a key's, a certificate's, or the certificate a custom domain serves. */
interface Expiry {
  resource: ResourceRef;
  what: string;
  expiresAt: string;
  pointer: string;
}

export default defineRule({
  id: 'certificate-expiring',
  meta: {
    title: 'Certificate expired or expiring soon',
    description: 'Require signing keys, certificates and custom domain certificates to stay valid beyond the warning thresholds.',
    severity: SEVERITY,
    category: 'keys',
    tags: ['keys', 'certificates', 'availability'],
    requires: ['keys', 'certificates', 'customDomains'],
    frameworks: { 'nist-800-53-r5': ['SC-12', 'SC-17'], 'iso-27001-2022': ['A.8.24'], 'soc2-2017': ['CC6.1', 'CC6.7'], 'cis-v8.1': ['3.10'], 'pci-dss-4.0.1': ['4.2.1'] },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          highDays: { type: 'integer', minimum: 0, description: 'Days before expiry from which the finding is high.' },
          mediumDays: { type: 'integer', minimum: 0, description: 'Days before expiry from which the finding is medium (at least highDays).' },
        },
      },
      defaults: { highDays: 30, mediumDays: 90 },
    },
    docs: {
      frameworkRationale: 'Expired keys and certificates stop signing and TLS from working and must be renewed under key and certificate management.',
      rationale:
        'When a signing key’s certificate expires, service providers reject the SAML assertions it signs and every sign-in to them fails; when a partner’s certificate PingOne verifies with expires, its requests or assertions are refused; when a custom domain’s certificate expires, browsers refuse the sign-in pages served on it. Replacing a certificate takes coordination (partners must import the new one before the switch), which is why the warning starts 90 days out and turns high at 30. An expired key or certificate is reported too: if nothing uses it any more, delete it so that nobody picks it by mistake. The date is compared with the audit’s clock, fixed for the whole run.',
      remediation: [
        'Console: Settings > Certificates & Keys: create or import the replacement, give partners the new certificate, switch the applications and identity providers to it (or make it the default), then delete the old one.',
        'API: `POST /environments/{envId}/keys` (or `/certificates`) for the replacement, then update `idpSigning.key` of each SAML application and `spSigning.key` of each SAML identity provider.',
        'Custom domain: upload a renewed certificate with `PUT /environments/{envId}/customDomains/{domainId}/certificate` (console: Settings > Domains).',
      ],
      references: [REFERENCES.pingCertificateManagement, { title: 'PingOne API: custom domains', url: 'https://developer.pingidentity.com/pingone-api/platform/custom-domains.html' }],
      severityRationale:
        'High when expired or within highDays (30): sign-in through whatever uses it breaks on that date, and a replacement that partners must import rarely fits in less. Medium within mediumDays (90): time remains, but the change needs planning. The thresholds are options.',
    },
    messages: {
      expired: '{{what}} {{name}} expired on {{date}}: replace it, or delete it if nothing uses it.',
      expiring: '{{what}} {{name}} expires on {{date}}, in {{days}} days: replace it before then.',
    },
    precision: 'very-high',
  },
  check(snapshot, { options, report, now, leaveUnjudged }) {
    const expiries: Expiry[] = [
      ...keysAndCertificatesOf(snapshot).flatMap((located): Expiry[] =>
        located.item.expiresAt === undefined
          ? []
          : [{ resource: certificateRef(located), what: located.type === 'key' ? 'Key' : 'Certificate', expiresAt: located.item.expiresAt, pointer: '/expiresAt' }],
      ),
      ...snapshot.environments.flatMap((env) =>
        env.customDomains.flatMap((domain): Expiry[] => {
          const expiresAt = domain.certificate?.expiresAt;
          return expiresAt === undefined ? [] : [{ resource: customDomainRef(domain, env), what: 'The certificate of custom domain', expiresAt, pointer: '/certificate/expiresAt' }];
        }),
      ),
    ];
    return expiries.flatMap(({ resource, what, expiresAt, pointer }) => {
      const days = daysUntil(expiresAt, now);
      if (days === undefined) {
        leaveUnjudged(resource, `has an expiry that is not a date (${pointer})`);
        return [];
      }
      const date = expiresAt.slice(0, 10);
      if (days < 0) return [report('expired', { what, name: resource.name, date }, { resource, pointer })];
      if (days > options.mediumDays) return [];
      const severity = days <= options.highDays ? 'high' : 'medium';
      return [report('expiring', { what, name: resource.name, date, days }, { resource, pointer, ...severityOverride(severity, SEVERITY) })];
    });
  },
});
