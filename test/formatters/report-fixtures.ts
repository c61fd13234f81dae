import type { AuditResult } from '../../src/engine/types.js';
import { ENV_DEV, ENV_PROD, makeFinding, sampleResult } from './fixtures.js';

/**
 * The sample run as a reviewer sees it after suppressions and a baseline: named environments, one
 * finding fixed since the baseline, and a warning about an expired suppression. A resource name
 * carries markup, to prove every report escapes tenant text.
 */
export function reviewedResult(): AuditResult {
  const sample = sampleResult();
  const findings = sample.findings.map((finding, index) => ({ ...finding, baselineState: index === 1 ? ('new' as const) : index === 3 ? ('updated' as const) : ('unchanged' as const) }));
  findings[4] = { ...findings[4]!, resource: { ...findings[4]!.resource, name: 'Batch <script>alert(1)</script> "Worker", =HYPERLINK' } };
  return {
    ...sample,
    snapshot: {
      ...sample.snapshot,
      environments: [
        { id: ENV_PROD, name: 'Production', type: 'PRODUCTION' },
        { id: ENV_DEV, name: 'Development', type: 'SANDBOX' },
      ],
    },
    findings,
    baseline: {
      file: 'reports/last-week.json',
      generatedAt: '2026-11-13T10:00:00.000Z',
      new: 1,
      unchanged: 4,
      updated: 1,
      fixed: [
        makeFinding({
          ruleId: 'app-implicit-grant',
          severity: 'high',
          environmentId: ENV_DEV,
          id: 'a1c3e5f7-0000-4000-8000-000000000009',
          name: 'Retired Kiosk',
          pointer: '/grantTypes/0',
          message: 'Retired Kiosk allows the implicit grant.',
        }),
      ],
    },
    warnings: [
      {
        code: 'suppression-expired',
        file: 'pingone-audit.suppressions.json',
        pointer: '/suppressions/2',
        message: 'expired on 2026-10-31 (owner: iam-team); it suppresses nothing, so this finding is reported: policy-mfa-missing on signOnPolicy "Single_Factor" at /_embedded/actions.',
      },
    ],
  };
}
