import type { LocatedApplication } from '../../src/pingone/applications.js';
import { buildSnapshotIndex } from '../../src/snapshot/index-builder.js';
import type { Application, Snapshot } from '../../src/snapshot/model.js';
import { evaluateCheck, type ChecklistItem } from '../../src/profiles/evaluate-profile.js';
import type { Expectation, Profile, ProfileCheck } from '../../src/profiles/types.js';
import { bundledProfiles } from '../../src/profiles/load-profiles.js';
import { buildSnapshot, type Overrides, type SnapshotSpec, webApp, workerApp } from '../helpers/snapshot-builder.js';

export const STACKONE_CALLBACK = 'https://api.stackone.com/connect/oauth2/pingone/callback';

/** A check around one expectation; the rest of a check is not what these tests are about. */
export function checkOf(expect: Expectation, extra: Partial<ProfileCheck> = {}): ProfileCheck {
  return { id: 'the-check', title: 'The check', expect, severity: 'medium', fix: 'Fix it.', source: { url: 'https://guide.example/setup', section: 'Setup' }, ...extra };
}

/** A profile with only the binding a test states. */
export function profileOf(id: string, bind: Profile['bind']): Profile {
  return { id, title: id, description: id, guides: [{ title: id, url: 'https://guide.example' }], authorizedBy: 'application', bind, checks: [checkOf({ field: 'enabled', equals: true })] };
}

export function shippedProfile(id: string): Profile {
  const profile = bundledProfiles().find((candidate) => candidate.id === id);
  if (profile === undefined) throw new Error(`no shipped profile ${id}`);
  return profile;
}

/** The first application of the snapshot's first environment that has one, with its environment. */
export function locate(snapshot: Snapshot, appId: string): LocatedApplication {
  for (const env of snapshot.environments) {
    const app = env.applications.find((candidate) => candidate.id === appId);
    if (app) return { app, env };
  }
  throw new Error(`no application ${appId}`);
}

/** One check against one app in a snapshot built from `spec` (default: the app alone in production). */
export function evaluate(check: ProfileCheck, app: Application, spec: SnapshotSpec = { environments: [{ applications: [app] }] }): ChecklistItem {
  const snapshot = buildSnapshot(spec);
  return evaluateCheck(check, locate(snapshot, app.id), snapshot, buildSnapshotIndex(snapshot));
}

/** A StackOne worker set up exactly as its guide says (the signing-in admin is added per test). */
export function stackOneApp(overrides: Overrides<Application> = {}): Application {
  return workerApp({
    id: 'app-stackone',
    name: 'StackOne',
    grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
    responseTypes: ['CODE'],
    pkceEnforcement: 'OPTIONAL',
    tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
    redirectUris: [STACKONE_CALLBACK],
    refreshTokenType: 'JSON_WEB_TOKEN',
    refreshTokenDuration: 2_592_000,
    refreshTokenRollingDuration: 15_552_000,
    accessControl: { role: { type: 'ADMIN_USERS_ONLY' } },
    _embedded: { roleAssignments: [] },
    ...overrides,
  });
}

export { webApp, workerApp };
