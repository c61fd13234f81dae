import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../../src/snapshot/snapshot-folder.js';
import { expectedKinds } from '../../src/snapshot/collection-coverage.js';
import type { Snapshot } from '../../src/snapshot/model.js';
import { temporaryFolder as temporaryTestFolder } from '../helpers/temporary-folder.js';
import { assignment, buildSnapshot, group, PROD_ENV_ID, user, webApp, workerApp } from '../helpers/snapshot-builder.js';

export const STAGING_ENV_ID = 'env-staging';

/** A fresh temporary folder, removed when the calling test finishes. */
export async function temporaryFolder(): Promise<string> {
  return temporaryTestFolder('pingone-audit-snapshot-');
}

/** Two environments with a resource of every kind, `_embedded` children and an id that needs encoding. */
export function richSnapshot(): Snapshot {
  const snapshot = buildSnapshot({
    environments: [
      {
        id: PROD_ENV_ID,
        applications: [webApp(), workerApp(), webApp({ id: 'app/../with space', name: 'Odd id' })],
        users: [user({ _embedded: { roleAssignments: [assignment('Environment Admin'), assignment('Identity Data Admin')] } }), user({ id: 'user-2', username: 'bob', memberOfGroupIDs: ['group-1'] })],
        groups: [group({ _embedded: { roleAssignments: [assignment('Configuration Read Only')] } })],
        populations: [{ id: 'pop-1', name: 'Staff', default: true }],
        signOnPolicies: [
          {
            id: 'sop-mfa',
            name: 'MFA',
            _embedded: {
              actions: [
                { id: 'act-2', type: 'MULTI_FACTOR_AUTHENTICATION', priority: 2, noDevicesMode: 'BLOCK' },
                { id: 'act-1', type: 'LOGIN', priority: 1 },
              ],
            },
          },
        ],
        roles: [{ id: 'custom-role', name: 'Helpdesk', type: 'CUSTOM', applicableTo: ['ENVIRONMENT'], permissions: [{ id: 'users:read' }] }],
        gateways: [{ id: 'gw-1', name: 'LDAP', type: 'LDAP', enabled: true, _embedded: { roleAssignments: [] } }],
      },
      { id: STAGING_ENV_ID, name: 'Staging', type: 'SANDBOX', applications: [webApp({ id: 'app-staging', unknownApiField: { nested: [1, 2] } })] },
    ],
  });
  snapshot.manifest.collection.entries = expectedKinds([PROD_ENV_ID, STAGING_ENV_ID]).map(({ kind, environmentId }) =>
    kind === 'users' && environmentId === STAGING_ENV_ID
      ? { kind, environmentId, status: 'failed', path: `/environments/${STAGING_ENV_ID}/users`, httpStatus: 403 }
      : { kind, ...(environmentId === undefined ? {} : { environmentId }), status: 'complete', requests: 1 },
  );
  snapshot.manifest.collection.complete = false;
  return snapshot;
}

/** Every file of a folder with its text, by relative path. */
export async function folderContents(dir: string): Promise<Record<string, string>> {
  const files = await listFiles(dir);
  const texts = await Promise.all(files.map((file) => readFile(path.join(dir, file), 'utf8')));
  return Object.fromEntries(files.map((file, index) => [file, texts[index]!]));
}

/** The same snapshot with every resource array and `_embedded` list reversed. */
export function reversed(snapshot: Snapshot): Snapshot {
  const copy = structuredClone(snapshot);
  copy.roles.reverse();
  copy.environments.reverse();
  copy.manifest.environmentIds.reverse();
  copy.manifest.collection.entries.reverse();
  for (const env of copy.environments) {
    for (const list of [env.applications, env.users, env.groups, env.populations, env.signOnPolicies, env.roles, env.gateways]) {
      list.reverse();
      for (const resource of list) {
        for (const children of Object.values(resource._embedded ?? {})) if (Array.isArray(children)) children.reverse();
      }
    }
  }
  return copy;
}

export { reseal } from '../helpers/reseal-snapshot.js';
