import type { FrameworkId } from './framework-ids.js';

/** One control of a framework, as the framework numbers and names it. */
export interface FrameworkControl {
  id: string;
  title: string;
}

/**
 * The part of a framework a PingOne tenant's configuration can show, kept as data so that a
 * framework view can say which of these controls no rule covers. Titles are the frameworks' own
 * short names; the controls themselves are listed from the source named here.
 */
export interface FrameworkCatalog {
  id: FrameworkId;
  title: string;
  source: { title: string; url: string };
  /** Which controls are listed: those that bear on an identity provider's configuration. */
  scope: string;
  controls: FrameworkControl[];
}

const SCOPE = 'controls an identity provider’s configuration can satisfy or break: accounts, privileges, authentication, sessions, cryptography in transit, configuration';

/** Each framework's title, source, scope and the controls a PingOne configuration bears on, by framework id. */
export const FRAMEWORK_CATALOGS: Readonly<Record<FrameworkId, FrameworkCatalog>> = {
  'nist-800-53-r5': {
    id: 'nist-800-53-r5',
    title: 'NIST SP 800-53 Rev. 5',
    source: { title: 'NIST SP 800-53 Rev. 5 (Update 1), Security and Privacy Controls for Information Systems and Organizations', url: 'https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final' },
    scope: SCOPE,
    controls: [
      { id: 'AC-2', title: 'Account Management' },
      { id: 'AC-2(3)', title: 'Account Management | Disable Accounts' },
      { id: 'AC-3', title: 'Access Enforcement' },
      { id: 'AC-4', title: 'Information Flow Enforcement' },
      { id: 'AC-6', title: 'Least Privilege' },
      { id: 'AC-6(1)', title: 'Least Privilege | Authorize Access to Security Functions' },
      { id: 'AC-6(5)', title: 'Least Privilege | Privileged Accounts' },
      { id: 'AC-6(7)', title: 'Least Privilege | Review of User Privileges' },
      { id: 'AC-7', title: 'Unsuccessful Logon Attempts' },
      { id: 'AC-12', title: 'Session Termination' },
      { id: 'AU-2', title: 'Event Logging' },
      { id: 'CM-2', title: 'Baseline Configuration' },
      { id: 'CM-6', title: 'Configuration Settings' },
      { id: 'CM-7', title: 'Least Functionality' },
      { id: 'IA-2', title: 'Identification and Authentication (Organizational Users)' },
      { id: 'IA-2(1)', title: 'Identification and Authentication | Multi-factor Authentication to Privileged Accounts' },
      { id: 'IA-2(2)', title: 'Identification and Authentication | Multi-factor Authentication to Non-privileged Accounts' },
      { id: 'IA-2(8)', title: 'Identification and Authentication | Access to Accounts — Replay Resistant' },
      { id: 'IA-4', title: 'Identifier Management' },
      { id: 'IA-5', title: 'Authenticator Management' },
      { id: 'IA-5(1)', title: 'Authenticator Management | Password-based Authentication' },
      { id: 'IA-5(2)', title: 'Authenticator Management | Public Key-based Authentication' },
      { id: 'IA-8', title: 'Identification and Authentication (Non-organizational Users)' },
      { id: 'IA-9', title: 'Service Identification and Authentication' },
      { id: 'IA-11', title: 'Re-authentication' },
      { id: 'SC-8', title: 'Transmission Confidentiality and Integrity' },
      { id: 'SC-8(1)', title: 'Transmission Confidentiality and Integrity | Cryptographic Protection' },
      { id: 'SC-12', title: 'Cryptographic Key Establishment and Management' },
      { id: 'SC-13', title: 'Cryptographic Protection' },
      { id: 'SC-17', title: 'Public Key Infrastructure Certificates' },
      { id: 'SC-23', title: 'Session Authenticity' },
      { id: 'SI-10', title: 'Information Input Validation' },
    ],
  },
  'iso-27001-2022': {
    id: 'iso-27001-2022',
    title: 'ISO/IEC 27001:2022 Annex A',
    source: { title: 'ISO/IEC 27001:2022, Annex A (information security controls reference)', url: 'https://www.iso.org/standard/27001' },
    scope: SCOPE,
    controls: [
      { id: 'A.5.14', title: 'Information transfer' },
      { id: 'A.5.15', title: 'Access control' },
      { id: 'A.5.16', title: 'Identity management' },
      { id: 'A.5.17', title: 'Authentication information' },
      { id: 'A.5.18', title: 'Access rights' },
      { id: 'A.8.2', title: 'Privileged access rights' },
      { id: 'A.8.3', title: 'Information access restriction' },
      { id: 'A.8.5', title: 'Secure authentication' },
      { id: 'A.8.9', title: 'Configuration management' },
      { id: 'A.8.15', title: 'Logging' },
      { id: 'A.8.20', title: 'Networks security' },
      { id: 'A.8.24', title: 'Use of cryptography' },
      { id: 'A.8.26', title: 'Application security requirements' },
    ],
  },
  'soc2-2017': {
    id: 'soc2-2017',
    title: 'SOC 2 (2017 Trust Services Criteria)',
    source: {
      title: 'AICPA 2017 Trust Services Criteria (with revised points of focus, 2022)',
      url: 'https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022',
    },
    scope: SCOPE,
    controls: [
      { id: 'CC6.1', title: 'Logical access security software, infrastructure and architectures' },
      { id: 'CC6.2', title: 'Registration and authorization of users' },
      { id: 'CC6.3', title: 'Role-based access and least privilege' },
      { id: 'CC6.6', title: 'Protection against threats from outside system boundaries' },
      { id: 'CC6.7', title: 'Restriction of the transmission of information' },
      { id: 'CC7.1', title: 'Detection of configuration changes that introduce vulnerabilities' },
      { id: 'CC7.2', title: 'Monitoring of system components for anomalies' },
      { id: 'CC8.1', title: 'Change management' },
    ],
  },
  'cis-v8.1': {
    id: 'cis-v8.1',
    title: 'CIS Critical Security Controls v8.1',
    source: { title: 'CIS Critical Security Controls Version 8.1', url: 'https://www.cisecurity.org/controls/v8-1' },
    scope: SCOPE,
    controls: [
      { id: '3.10', title: 'Encrypt Sensitive Data in Transit' },
      { id: '4.1', title: 'Establish and Maintain a Secure Configuration Process' },
      { id: '4.8', title: 'Uninstall or Disable Unnecessary Services on Enterprise Assets and Software' },
      { id: '5.2', title: 'Use Unique Passwords' },
      { id: '5.3', title: 'Disable Dormant Accounts' },
      { id: '5.4', title: 'Restrict Administrator Privileges to Dedicated Administrator Accounts' },
      { id: '6.3', title: 'Require MFA for Externally-Exposed Applications' },
      { id: '6.5', title: 'Require MFA for Administrative Access' },
      { id: '6.7', title: 'Centralize Access Control' },
      { id: '6.8', title: 'Define and Maintain Role-Based Access Control' },
      { id: '8.2', title: 'Collect Audit Logs' },
      { id: '16.7', title: 'Use Standard Hardening Configuration Templates for Application Infrastructure' },
      { id: '16.11', title: 'Leverage Vetted Modules or Services for Application Security Components' },
    ],
  },
  'pci-dss-4.0.1': {
    id: 'pci-dss-4.0.1',
    title: 'PCI DSS v4.0.1',
    source: { title: 'PCI DSS v4.0.1 (June 2024), requirements 4.2, 7.2 and 8', url: 'https://www.pcisecuritystandards.org/document_library/' },
    scope: `${SCOPE}; requirement 8 (identify users and authenticate access) with 7.2 (least privilege) and 4.2.1 (certificates for transmission)`,
    controls: [
      { id: '4.2.1', title: 'Strong cryptography and valid certificates protect data over open, public networks' },
      { id: '7.2.1', title: 'An access control model is defined' },
      { id: '7.2.2', title: 'Access is assigned by job classification and least privilege' },
      { id: '7.2.5', title: 'Application and system accounts are assigned least privilege' },
      { id: '8.2.1', title: 'Each user has a unique ID' },
      { id: '8.2.6', title: 'Inactive user accounts are removed or disabled within 90 days' },
      { id: '8.2.8', title: 'Sessions idle for more than 15 minutes require re-authentication' },
      { id: '8.3.1', title: 'User and administrator access is authenticated' },
      { id: '8.3.2', title: 'Strong cryptography renders authentication factors unreadable in transmission and storage' },
      { id: '8.3.4', title: 'Invalid authentication attempts are limited' },
      { id: '8.3.6', title: 'Passwords meet minimum length and complexity' },
      { id: '8.4.1', title: 'MFA for non-console administrative access to the CDE' },
      { id: '8.4.2', title: 'MFA for all non-console access to the CDE' },
      { id: '8.5.1', title: 'MFA systems resist replay and cannot be bypassed' },
      { id: '8.6.1', title: 'Interactive use of system and application accounts is managed' },
      { id: '8.6.2', title: 'Passwords of system and application accounts are not hard-coded' },
      { id: '8.6.3', title: 'Passwords of system and application accounts are protected against misuse' },
    ],
  },
};
