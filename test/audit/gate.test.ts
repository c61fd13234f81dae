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

describe("the gate's reasons for a Terraform configuration", () => {
  const decide = (snapshot: Snapshot, configuration?: { entries: number; values: number; modules: number }) =>
    decideGate(auditSnapshot(snapshot, EMPTY_CONFIG, NOW), { failOn: 'high', allowIncomplete: false, ...(configuration === undefined ? {} : { configuration }) }).reasons[0];
  const unknownApps: CollectionEntry = { kind: 'applications', environmentId: PROD_ENV_ID, status: 'failed', error: 'pingone_application.web.oidc_options.redirect_uris = var.x is unknown' };
  const liveFailure: CollectionEntry = { kind: 'gateways', environmentId: PROD_ENV_ID, status: 'failed', httpStatus: 403 };

  it('counts unknown values, not reads, and says so; a snapshot scan keeps its wording', () => {
    const snapshot = buildSnapshot({ failed: [unknownApps] });
    expect(decide(snapshot, { entries: 1, values: 2, modules: 0 })).toMatch(
      /^incomplete: 2 value\(s\) the rules need are unknown in the Terraform configuration, \d+ rule\/environment pair\(s\) not evaluated$/,
    );
    expect(decide(snapshot)).toMatch(/^incomplete: 1 read\(s\) failed during collection, /);
  });

  it("over a live snapshot, names the snapshot's failed reads and the configuration's unknowns apart", () => {
    expect(decide(buildSnapshot({ failed: [unknownApps, liveFailure] }), { entries: 1, values: 1, modules: 0 })).toMatch(
      /^incomplete: 1 read\(s\) failed during collection, 1 value\(s\) the rules need are unknown in the Terraform configuration, /,
    );
  });

  it('names modules not read, and a configuration without any PingOne resource, in its terms', () => {
    const incomplete = buildSnapshot({});
    incomplete.manifest.collection.complete = false;
    expect(decide(incomplete, { entries: 0, values: 0, modules: 1 })).toBe('incomplete: 1 module(s) not audited (a registry or git source is not fetched)');
    expect(decide(buildSnapshot({ environments: [] }), { entries: 0, values: 0, modules: 0 })).toBe('not audited: the Terraform configuration declares no PingOne resource in an environment');
  });
});
