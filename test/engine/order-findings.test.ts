import { describe, expect, it } from 'vitest';
import { fingerprintFinding } from '../../src/engine/fingerprint.js';
import { compareFindings, orderFindings } from '../../src/engine/order-findings.js';
import { SEVERITIES, type Finding } from '../../src/engine/types.js';
import type { ResourceType } from '../../src/snapshot/model.js';

/** The order as the contract states it: one stable sort by every key, then the first of each fingerprint. */
function reference(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return [...findings].sort(compareFindings).filter((finding) => !seen.has(finding.fingerprint) && Boolean(seen.add(finding.fingerprint)));
}

/** A deterministic pseudo-random source (Park–Miller), so a failure reproduces. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 16807) % 2147483647;
    return state % n;
  };
}

function finding(ruleId: string, environmentId: string | null, type: ResourceType, id: string, pointer: string, severity: Finding['severity'], serial: number): Finding {
  return {
    ruleId,
    severity,
    environmentId,
    resource: { type, id, name: `#${serial}`, ...(environmentId === null ? {} : { environmentId }) },
    pointer,
    messageId: 'm',
    message: `finding ${serial}`,
    data: {},
    fingerprint: fingerprintFinding(ruleId, environmentId, type, id, pointer),
    location: { file: `f${serial}` },
  };
}

/** Findings drawn from small sets of each key, so that ties, shared groups and duplicate fingerprints are common. */
function randomFindings(seed: number, count: number): Finding[] {
  const pick = random(seed);
  const environments = ['env-b', 'env-a', null, '', 'env-\u0000a', 'Env-a'];
  const ruleIds = ['rule-b', 'rule-a', 'rule-a-b'];
  const types: ResourceType[] = ['user', 'application', 'group'];
  const ids = ['b', 'a', 'a\u0000', 'ab', 'é', '10', '9'];
  const pointers = ['', '/x', '/x/0', '/y'];
  return Array.from({ length: count }, (_, serial) =>
    finding(
      ruleIds[pick(ruleIds.length)]!,
      environments[pick(environments.length)]!,
      types[pick(types.length)]!,
      ids[pick(ids.length)]!,
      pointers[pick(pointers.length)]!,
      SEVERITIES[pick(SEVERITIES.length)]!,
      serial,
    ),
  );
}

describe('orderFindings', () => {
  it('orders and de-duplicates exactly as one sort by every key then the first of each fingerprint', () => {
    for (const seed of [1, 7, 42, 2026]) {
      const findings = randomFindings(seed, 600);
      const ordered = orderFindings(findings);
      // The reference keeps fewer than it was given: the draw does make duplicates to collapse.
      expect(ordered.length).toBeLessThan(findings.length);
      expect(ordered.map((item) => item.location.file)).toEqual(reference(findings).map((item) => item.location.file));
    }
  });

  it('keeps the most severe of one fingerprint, and the first given of equally severe ones', () => {
    const low = finding('rule-a', 'env-a', 'application', 'app-1', '/x', 'low', 1);
    const high = finding('rule-a', 'env-a', 'application', 'app-1', '/x', 'high', 2);
    const highAgain = finding('rule-a', 'env-a', 'application', 'app-1', '/x', 'high', 3);
    expect(orderFindings([low, high, highAgain])).toEqual([high]);
  });

  it('keeps findings whose keys tie but whose fingerprints differ (no environment and an empty one), in input order', () => {
    const organization = finding('rule-a', null, 'role', 'r', '', 'medium', 1);
    const empty = finding('rule-a', '', 'role', 'r', '', 'medium', 2);
    expect(orderFindings([empty, organization])).toEqual([empty, organization]);
    expect(orderFindings([organization, empty])).toEqual([organization, empty]);
  });
});
