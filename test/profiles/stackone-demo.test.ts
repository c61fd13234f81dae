import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistStatus, evaluateProfile } from '../../src/profiles/evaluate-profile.js';
import { loadDataset, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { buildSnapshotIndex } from '../../src/snapshot/index-builder.js';
import type { Snapshot } from '../../src/snapshot/model.js';
import { fakeClock } from '../fetch/stub-server.js';
import { collectFromSimulator } from '../helpers/collect-from-simulator.js';
import { shippedProfile } from './profile-fixtures.js';

/** The demo organization as the collector reads it from the simulator: the data `check` and `scan` see. */
const dataset = loadDataset('demo');
const clock = fakeClock();
let simulator: RunningSimulator;
let snapshot: Snapshot;

beforeAll(async () => {
  simulator = await startSimulator({ dataset, now: clock.now });
  snapshot = await collectFromSimulator(simulator, dataset, clock);
});
afterAll(() => simulator.close());

function checklistFor(appName: string) {
  const located = snapshot.environments.flatMap((env) => env.applications.map((app) => ({ app, env }))).find(({ app }) => app.name === appName);
  if (!located) throw new Error(`the demo has no application ${appName}`);
  return evaluateProfile(shippedProfile('stackone'), located, snapshot, buildSnapshotIndex(snapshot));
}

describe('the StackOne profile on the demo organization', () => {
  it('passes every item on the correct StackOne app, noting the two guide settings security rules report', () => {
    const checklist = checklistFor('StackOne');
    expect(checklist.items.filter((item) => item.status !== 'pass').map((item) => `${item.check.id}: ${item.actual}`)).toEqual([]);
    expect(checklistStatus(checklist)).toBe('pass');
    expect(checklist.items.filter((item) => item.conflict).map((item) => item.conflict!.rule)).toEqual(['pkce-not-enforced', 'refresh-token-jwt-sunset']);
    expect(checklist.items.find((item) => item.check.id === 'signing-in-admin-role')?.actual).toMatch(/Environment Admin .* through group/);
  });

  it('lists each failing item of the misconfigured StackOne (legacy) app with its fix', () => {
    const checklist = checklistFor('StackOne (legacy)');
    const failing = checklist.items.filter((item) => item.status === 'fail');
    expect(failing.map((item) => item.check.id)).toEqual(['enabled', 'refresh-token-format', 'callback-uri', 'group-policy-unrestricted']);
    expect(failing.every((item) => item.check.fix.length > 0)).toBe(true);
    expect(failing.find((item) => item.check.id === 'callback-uri')).toMatchObject({ pointer: '/redirectUris/0', actual: 'https://api.stackone.com/connect/oauth2/pingone/callback/' });
    expect(checklistStatus(checklist)).toBe('fail');
  });

  it('does not guess who may sign in to the legacy app: its allowed group holds no role, so its members were not collected', () => {
    const admin = checklistFor('StackOne (legacy)').items.find((item) => item.check.id === 'signing-in-admin-role')!;
    expect(admin).toMatchObject({ status: 'not-evaluated', pointer: '/accessControl/group' });
    expect(admin.reason).toMatch(/^the app restricts sign-in to groups whose members were not collected/);
  });
});
