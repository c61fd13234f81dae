import type { AuditResult, Finding, Severity } from '../../src/engine/types.js';
import { HOSTILE_STRINGS } from '../helpers/hostile-strings.js';
import { ENV_DEV, ENV_PROD, makeFinding, sampleResult } from './fixtures.js';

/** A severity as a hostile baseline file could give it. */
const HOSTILE_SEVERITY = '"><meta http-equiv=refresh content="0;url=https://evil.example/">' as Severity;

/** Every hostile string joined: one value that tries everything at once. */
export const EVERY_HOSTILE = HOSTILE_STRINGS.filter((hostile) => hostile.name !== 'very long')
  .map((hostile) => hostile.value)
  .join(' ');

/**
 * The sample run with hostile text wherever the tenant, a snapshot or a baseline file can put
 * text: environment names and ids, the organization id, resource names and ids, messages,
 * suppression reasons, server error text behind a not-evaluated rule, a rule error, a warning,
 * and a finding fixed since the baseline; `long` sets one resource name of that many characters.
 */
export function hostileResult(options: { long?: number } = {}): AuditResult {
  const sample = sampleResult();
  const hostile = (finding: Finding, index: number): Finding => {
    const value = HOSTILE_STRINGS[index % HOSTILE_STRINGS.length]!.value;
    return { ...finding, message: `${finding.message} ${value}`, resource: { ...finding.resource, name: `${EVERY_HOSTILE} ${value}`, id: `${finding.resource.id}${EVERY_HOSTILE}` } };
  };
  const findings = sample.findings.map(hostile);
  if (options.long !== undefined) findings[0] = { ...findings[0]!, resource: { ...findings[0]!.resource, name: 'N'.repeat(options.long) } };
  return {
    ...sample,
    snapshot: {
      ...sample.snapshot,
      organizationId: `org${EVERY_HOSTILE}`,
      environments: [
        { id: ENV_PROD, name: `Prod ${EVERY_HOSTILE}`, type: `PRODUCTION${EVERY_HOSTILE}` },
        { id: ENV_DEV, name: `Dev\t\r${EVERY_HOSTILE}`, type: 'SANDBOX' },
      ],
    },
    findings,
    suppressed: sample.suppressed.map((finding) => ({ ...hostile(finding, 3), suppression: { reason: EVERY_HOSTILE, owner: EVERY_HOSTILE, expires: EVERY_HOSTILE } })),
    notEvaluated: sample.notEvaluated.map((item) => ({ ...item, reasons: item.reasons.map((reason) => ({ ...reason, error: EVERY_HOSTILE })) })),
    ruleErrors: sample.ruleErrors.map((error) => ({ ...error, message: EVERY_HOSTILE })),
    collection: { ...sample.collection, entries: sample.collection.entries.map((entry) => (entry.status === 'failed' ? { ...entry, error: EVERY_HOSTILE } : entry)) },
    warnings: [{ code: 'suppression-expired', file: `s.json${EVERY_HOSTILE}`, pointer: `/x${EVERY_HOSTILE}`, message: EVERY_HOSTILE }],
    baseline: {
      file: `baseline${EVERY_HOSTILE}.json`,
      generatedAt: `2026-11-13T10:00:00.000Z${EVERY_HOSTILE}`,
      new: 0,
      unchanged: 6,
      updated: 0,
      // What an unchecked baseline file could hold: a severity that leaves an HTML attribute.
      fixed: [
        {
          ...hostile(
            makeFinding({
              ruleId: 'app-implicit-grant',
              severity: 'high',
              environmentId: ENV_DEV,
              id: 'a1c3e5f7-0000-4000-8000-000000000009',
              name: 'Kiosk',
              message: 'Kiosk allows the implicit grant.',
            }),
            5,
          ),
          severity: HOSTILE_SEVERITY,
        },
      ],
    },
  };
}
