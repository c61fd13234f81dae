import { describe, expect, it } from 'vitest';
import { setupFromConfig } from '../../src/audit/audit-setup.js';
import { auditSnapshot } from '../../src/audit/audit-snapshot.js';
import { decideGate } from '../../src/audit/gate.js';
import { auditBoth, buildDriftReport, decideDriftVerdict } from '../../src/diff/index.js';
import { expectedKinds } from '../../src/snapshot/collection-coverage.js';
import type { CollectionEntry, Snapshot } from '../../src/snapshot/model.js';
import { ADMIN_ENV_ID, buildSnapshot, PROD_ENV_ID } from '../helpers/snapshot-builder.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const EMPTY_CONFIG = setupFromConfig({ config: {}, file: undefined });

/** Every read of `environmentId` answered 429, as in a rate-limit storm. */
function throttled(environmentId: string): CollectionEntry[] {
  return expectedKinds([environmentId])
    .filter((expected) => expected.environmentId === environmentId)
    .map((expected) => ({ ...expected, status: 'failed', httpStatus: 429, error: 'Too Many Requests' }));
}

function twoEnvironments(failed: CollectionEntry[]): Snapshot {
  return buildSnapshot({ environments: [{ id: ADMIN_ENV_ID, name: 'Administrators' }, { id: PROD_ENV_ID }], failed });
}

const gate = (snapshot: Snapshot) => decideGate(auditSnapshot(snapshot, EMPTY_CONFIG, NOW), { failOn: 'high', allowIncomplete: true });

describe('--allow-incomplete', () => {
  it('accepts a partial read of every environment', () => {
    const partial = throttled(PROD_ENV_ID).filter((entry) => entry.kind === 'gateways');
    expect(gate(twoEnvironments(partial)).verdict).toBe('clean');
  });

  it('never passes a snapshot with an environment of which nothing was read', () => {
    const decision = gate(twoEnvironments(throttled(PROD_ENV_ID)));
    expect(decision.verdict).toBe('incomplete');
    expect(decision.reasons).toContain(`not audited: nothing was read in environment ${PROD_ENV_ID} (--allow-incomplete accepts a partial read, not this)`);
  });

  it('never passes a snapshot without any environment', () => {
    const snapshot = buildSnapshot({ environments: [], failed: [{ kind: 'environments', status: 'failed', httpStatus: 429 }] });
    expect(gate(snapshot)).toMatchObject({ verdict: 'incomplete', reasons: expect.arrayContaining([expect.stringContaining('no environment was read')]) });
  });

  it('never passes a diff against a snapshot with an environment of which nothing was read', () => {
    const before = twoEnvironments([]);
    const after = twoEnvironments(throttled(ADMIN_ENV_ID));
    const report = buildDriftReport({ before, after }, auditBoth(before, after, EMPTY_CONFIG, NOW));
    const decision = decideDriftVerdict(report, { failOn: 'none', allowIncomplete: true });
    expect(decision.verdict).toBe('incomplete');
    expect(decision.reasons).toContainEqual(expect.stringContaining(`nothing was read in environment ${ADMIN_ENV_ID} (new snapshot)`));
  });
});
