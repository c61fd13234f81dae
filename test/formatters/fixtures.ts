import { fingerprintFinding } from '../../src/engine/fingerprint.js';
import { SEVERITIES, type AuditResult, type Finding, type RuleMeta, type Severity } from '../../src/engine/types.js';
import { RESOURCE_COLLECTION } from '../../src/formatters/sarif-location.js';
import type { ResourceType } from '../../src/snapshot/model.js';

export const ENV_PROD = '4f2c0a6e-1b9d-4c77-9a51-0d3e8f2b6a10';
export const ENV_DEV = '9b1d7e3a-5c2f-4e88-b0a4-7f6c2d1e3b55';

export function ruleMeta(title: string, severity: Severity, overrides: Partial<RuleMeta> = {}): RuleMeta {
  return {
    title,
    description: `Require that ${title.toLowerCase()} is fixed.`,
    severity,
    category: 'applications',
    tags: ['oauth'],
    requires: ['applications'],
    docs: {
      rationale: `${title} weakens the tenant.`,
      remediation: ['In the PingOne console, open the application.', 'With the Management API, PUT the corrected configuration.'],
      references: [{ title: 'RFC 9700 §2.1.2', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2' }, { title: 'Internal runbook' }],
    },
    messages: { found: '{{name}} is affected.' },
    ...overrides,
  };
}

export interface FindingSpec {
  ruleId: string;
  severity: Severity;
  environmentId: string | null;
  type?: ResourceType;
  id: string;
  name: string;
  pointer?: string;
  message: string;
  line?: number;
}

/** A finding as the engine would produce it: fingerprint and resource file derived from its identity. */
export function makeFinding(spec: FindingSpec): Finding {
  const type = spec.type ?? 'application';
  const pointer = spec.pointer ?? '';
  const folder = spec.environmentId === null ? '' : `environments/${spec.environmentId}/`;
  return {
    ruleId: spec.ruleId,
    severity: spec.severity,
    environmentId: spec.environmentId,
    resource: { type, id: spec.id, name: spec.name, ...(spec.environmentId === null ? {} : { environmentId: spec.environmentId }) },
    pointer,
    messageId: 'found',
    message: spec.message,
    data: { name: spec.name },
    fingerprint: fingerprintFinding(spec.ruleId, spec.environmentId, type, spec.id, pointer),
    location: { file: `${folder}${RESOURCE_COLLECTION[type]}/${spec.id}.json`, ...(spec.line === undefined ? {} : { line: spec.line }) },
  };
}

/** Counts derived from the lists, as the engine and the suppression step leave them. */
export function summarize(result: Omit<AuditResult, 'summary'>, rulesRun = result.rules.length): AuditResult {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, result.findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  return {
    ...result,
    summary: {
      findings: result.findings.length,
      bySeverity,
      suppressed: result.suppressed.length,
      notEvaluated: result.notEvaluated.length,
      ruleErrors: result.ruleErrors.length,
      rulesRun,
      collectionComplete: result.collection.complete,
    },
  };
}

const RULES: AuditResult['rules'] = [
  { id: 'app-wildcard-redirect-uri', severity: 'critical', meta: ruleMeta('Wildcard redirect URI', 'critical', { precision: 'very-high' }) },
  { id: 'app-implicit-grant', severity: 'high', meta: ruleMeta('Implicit grant enabled', 'high') },
  {
    id: 'role-org-admin-sprawl',
    severity: 'high',
    meta: ruleMeta('Too many organization admins', 'high', { category: 'roles', tags: ['least-privilege'], requires: ['roles', 'userRoleAssignments'] }),
  },
  { id: 'policy-mfa-missing', severity: 'medium', meta: ruleMeta('Sign-on policy without MFA', 'medium', { category: 'policies', tags: ['mfa'] }) },
  { id: 'app-stale-secret', severity: 'low', meta: ruleMeta('Client secret never rotated', 'low') },
  { id: 'app-missing-description', severity: 'info', meta: ruleMeta('Application without description', 'info') },
  { id: 'group-admin-roles', severity: 'high', meta: ruleMeta('Admin roles granted to groups', 'high', { category: 'roles', requires: ['groupRoleAssignments'] }) },
  { id: 'gateway-broken-check', severity: 'medium', meta: ruleMeta('Gateway check', 'medium', { requires: ['gateways'] }) },
];

/**
 * Two environments, findings of every severity (one organization-wide, one without a known line,
 * one new against a baseline), a suppressed finding, a rule not evaluated in one environment
 * because an endpoint returned 403, and a rule that threw.
 */
export function sampleResult(): AuditResult {
  const findings = [
    makeFinding({
      ruleId: 'app-wildcard-redirect-uri',
      severity: 'critical',
      environmentId: ENV_PROD,
      id: 'a1c3e5f7-0000-4000-8000-000000000001',
      name: 'Customer Portal',
      pointer: '/redirectUris/1',
      message: 'Customer Portal accepts the redirect URI "https://*.example.com/callback", so any subdomain can receive authorization codes.',
      line: 24,
    }),
    makeFinding({
      ruleId: 'app-implicit-grant',
      severity: 'high',
      environmentId: ENV_PROD,
      id: 'a1c3e5f7-0000-4000-8000-000000000002',
      name: 'Legacy SPA',
      pointer: '/grantTypes/0',
      message: 'Legacy SPA allows the implicit grant.',
      line: 17,
    }),
    makeFinding({
      ruleId: 'role-org-admin-sprawl',
      severity: 'high',
      environmentId: null,
      type: 'role',
      id: 'b2d4f6a8-0000-4000-8000-000000000003',
      name: 'Organization Admin',
      message: 'Organization Admin is held by 7 users; at most 3 are recommended.',
    }),
    makeFinding({
      ruleId: 'policy-mfa-missing',
      severity: 'medium',
      environmentId: ENV_DEV,
      type: 'signOnPolicy',
      id: 'c3e5a7b9-0000-4000-8000-000000000004',
      name: 'Single_Factor',
      pointer: '/_embedded/actions',
      message: 'Single_Factor signs users on without a second factor.',
      line: 9,
    }),
    makeFinding({
      ruleId: 'app-stale-secret',
      severity: 'low',
      environmentId: ENV_DEV,
      id: 'a1c3e5f7-0000-4000-8000-000000000005',
      name: 'Batch Worker',
      pointer: '/tokenEndpointAuthMethod',
      message: 'Batch Worker authenticates with a client secret older than 365 days.',
      line: 31,
    }),
    makeFinding({
      ruleId: 'app-missing-description',
      severity: 'info',
      environmentId: ENV_DEV,
      id: 'a1c3e5f7-0000-4000-8000-000000000005',
      name: 'Batch Worker',
      message: 'Batch Worker has no description.',
      line: 5,
    }),
  ];
  findings[1] = { ...findings[1]!, baselineState: 'new' };
  const suppressed = [
    {
      ...makeFinding({
        ruleId: 'app-implicit-grant',
        severity: 'high',
        environmentId: ENV_DEV,
        id: 'a1c3e5f7-0000-4000-8000-000000000006',
        name: 'Test Harness',
        pointer: '/grantTypes/1',
        message: 'Test Harness allows the implicit grant.',
        line: 12,
      }),
      suppression: { reason: 'Test-only app, no real users; replaced in Q3.', owner: 'iam-team', expires: '2027-01-31' },
    },
  ];
  const denied = { kind: 'groupRoleAssignments' as const, path: `/environments/${ENV_DEV}/groups/g-1/roleAssignments`, httpStatus: 403, error: 'ACCESS_FAILED: insufficient role' };
  return summarize(
    {
      tool: { name: 'pingone-audit', version: '0.1.0' },
      generatedAt: '2026-11-20T10:00:00.000Z',
      snapshot: { createdAt: '2026-11-20T09:58:12.000Z', organizationId: 'org-acme', environmentIds: [ENV_PROD, ENV_DEV], path: 'snapshots/acme' },
      rules: RULES,
      findings,
      suppressed,
      notEvaluated: [{ ruleId: 'group-admin-roles', environmentId: ENV_DEV, reasons: [denied] }],
      ruleErrors: [{ ruleId: 'gateway-broken-check', message: "Cannot read properties of undefined (reading 'type')", stack: 'TypeError: Cannot read properties…' }],
      ruleResults: [
        { ruleId: 'app-implicit-grant', environmentId: ENV_PROD, outcome: 'fail', findings: 1 },
        { ruleId: 'app-implicit-grant', environmentId: ENV_DEV, outcome: 'pass', findings: 0 },
        { ruleId: 'group-admin-roles', environmentId: ENV_PROD, outcome: 'pass', findings: 0 },
        { ruleId: 'group-admin-roles', environmentId: ENV_DEV, outcome: 'not-evaluated', findings: 0 },
        { ruleId: 'gateway-broken-check', environmentId: ENV_PROD, outcome: 'error', findings: 0 },
      ],
      collection: {
        complete: false,
        entries: [
          { kind: 'applications', environmentId: ENV_PROD, status: 'complete', requests: 2 },
          { ...denied, environmentId: ENV_DEV, status: 'failed', requests: 1 },
          { kind: 'roles', status: 'complete', requests: 1 },
        ],
        requestsByEndpoint: { 'GET /environments/{id}/applications': 2 },
      },
    },
    7,
  );
}

/** The same tenant after everything was fixed and collected: nothing to report. */
export function cleanResult(): AuditResult {
  const sample = sampleResult();
  return summarize(
    {
      ...sample,
      findings: [],
      suppressed: [],
      notEvaluated: [],
      ruleErrors: [],
      ruleResults: [],
      collection: {
        complete: true,
        entries: sample.collection.entries.map((entry) => ({ kind: entry.kind, ...(entry.environmentId === undefined ? {} : { environmentId: entry.environmentId }), status: 'complete' as const })),
      },
    },
    8,
  );
}
