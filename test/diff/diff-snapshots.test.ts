import { describe, expect, it } from 'vitest';
import { setupFromConfig } from '../../src/audit/audit-setup.js';
import { diffSnapshots } from '../../src/diff/diff-snapshots.js';
import { diffValues } from '../../src/diff/diff-values.js';
import { auditBoth, buildDriftReport } from '../../src/diff/drift-report.js';
import { decideDriftVerdict } from '../../src/diff/drift-gate.js';
import { formatDrift } from '../../src/diff/format-drift.js';
import { textWidth } from '../../src/output/terminal-layout.js';
import type { Snapshot } from '../../src/snapshot/model.js';
import { assignment, BUILT_IN_ROLES, buildSnapshot, group, PROD_ENV_ID, user, webApp } from '../helpers/snapshot-builder.js';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const EMPTY_CONFIG = setupFromConfig({ config: {}, file: undefined });
/** Two rules only, so that rules added later do not change the reviewed drift snapshots. */
const TWO_RULES = setupFromConfig({ config: { extends: [], rules: { 'implicit-grant': 'medium', 'app-disabled': 'medium' } }, file: undefined });

/** Last week's tenant. */
function lastWeek(): Snapshot {
  const snapshot = buildSnapshot({
    environments: [
      {
        applications: [webApp({ updatedAt: '2026-11-01T00:00:00.000Z' })],
        groups: [group({ id: 'group-old', name: 'Old Admins' })],
        users: [
          user({
            lastSignOn: { at: '2026-11-14T08:00:00.000Z', remoteIp: '203.0.113.7' },
            _embedded: { roleAssignments: [assignment('Environment Admin', undefined, { id: 'ra-a' }), assignment('Identity Data Admin', undefined, { id: 'ra-b' })] },
          }),
        ],
      },
    ],
  });
  snapshot.manifest.createdAt = '2026-11-15T00:00:00.000Z';
  return snapshot;
}

/**
 * This week's: the web app gained a redirect URI and was disabled (and its timestamp moved), an
 * app with the implicit grant was added, a group was deleted, a user only signed in again (and
 * their role assignments come back in another order), a built-in role was reworded, and a
 * sandbox environment appeared.
 */
function thisWeek(): Snapshot {
  const snapshot = buildSnapshot({
    environments: [
      {
        applications: [
          webApp({ updatedAt: '2026-11-20T00:00:00.000Z', enabled: false, redirectUris: ['https://app.example.com/callback', 'https://app.example.com/v2/callback'] }),
          webApp({ id: 'app-legacy', name: 'Legacy SPA', grantTypes: ['IMPLICIT'], responseTypes: ['TOKEN', 'ID_TOKEN'], tokenEndpointAuthMethod: 'NONE' }),
        ],
        users: [
          user({
            lastSignOn: { at: '2026-11-21T09:30:00.000Z', remoteIp: '198.51.100.4' },
            _embedded: { roleAssignments: [assignment('Identity Data Admin', undefined, { id: 'ra-b' }), assignment('Environment Admin', undefined, { id: 'ra-a' })] },
          }),
        ],
      },
      { id: 'env-sandbox', name: 'Sandbox', type: 'SANDBOX' },
    ],
    roles: BUILT_IN_ROLES.map((role) => (role.name === 'Environment Admin' ? { ...role, description: 'Full control of an environment' } : role)),
  });
  snapshot.manifest.createdAt = '2026-11-22T00:00:00.000Z';
  return snapshot;
}

describe('diffValues', () => {
  it('reports changed, added and removed properties by JSON pointer, escaping keys', () => {
    expect(diffValues({ a: 1, 'x/y': 'old', gone: true }, { a: 2, 'x/y': 'new', fresh: [1] })).toEqual([
      { pointer: '/a', change: 'changed', before: 1, after: 2 },
      { pointer: '/fresh', change: 'added', after: [1] },
      { pointer: '/gone', change: 'removed', before: true },
      { pointer: '/x~1y', change: 'changed', before: 'old', after: 'new' },
    ]);
  });

  it('ignores volatile fields at any depth, and matches lists of values as sets and lists of objects by id', () => {
    expect(diffValues({ updatedAt: 'a', nested: { createdAt: 'b', lastSignOn: { at: 'c' } } }, { updatedAt: 'z', nested: { createdAt: 'y', lastSignOn: { at: 'x' } } })).toEqual([]);
    expect(
      diffValues(
        {
          list: [
            { id: 'a', v: 1 },
            { id: 'b', v: 2 },
          ],
        },
        {
          list: [
            { id: 'b', v: 3 },
            { id: 'a', v: 1 },
          ],
        },
      ),
    ).toEqual([{ pointer: '/list/0/v', change: 'changed', before: 2, after: 3 }]);
    expect(diffValues({ uris: ['a', 'b'] }, { uris: ['b', 'c'] })).toEqual([
      { pointer: '/uris/1', change: 'added', after: 'c' },
      { pointer: '/uris/0', change: 'removed', before: 'a' },
    ]);
    expect(diffValues({ uris: ['a', 'b'] }, { uris: ['b', 'a'] })).toEqual([{ pointer: '/uris', change: 'changed', before: ['a', 'b'], after: ['b', 'a'] }]);
  });

  it('does not call an _embedded collection present on one side only a change: it was not collected', () => {
    expect(diffValues({ _embedded: { roleAssignments: [] } }, { _embedded: {} })).toEqual([]);
    expect(diffValues({ _embedded: { roleAssignments: [] } }, { _embedded: { roleAssignments: [{ id: 'ra' }] } })).toEqual([
      { pointer: '/_embedded/roleAssignments/0', change: 'added', after: { id: 'ra' } },
    ]);
  });
});

describe('diffSnapshots', () => {
  it('lists per environment and resource what was added, removed and changed, and nothing for volatile changes', () => {
    const diff = diffSnapshots(lastWeek(), thisWeek());
    expect(diff.summary).toEqual({ added: 2, removed: 1, changed: 2 });
    expect(diff.environments.map((env) => [env.environmentId, env.change])).toEqual([
      [null, 'changed'],
      ['env-prod', 'changed'],
      ['env-sandbox', 'added'],
    ]);
    const prod = diff.environments[1]!;
    expect(prod.resources.map((resource) => [resource.change, resource.type, resource.id])).toEqual([
      ['added', 'application', 'app-legacy'],
      ['changed', 'application', 'app-web'],
      ['removed', 'group', 'group-old'],
    ]);
    expect(prod.resources.find((resource) => resource.id === 'app-web')).toEqual({
      type: 'application',
      id: 'app-web',
      name: 'Web',
      change: 'changed',
      file: `environments/${PROD_ENV_ID}/applications/app-web.json`,
      properties: [
        { pointer: '/enabled', change: 'changed', before: true, after: false },
        { pointer: '/redirectUris/1', change: 'added', after: 'https://app.example.com/v2/callback' },
      ],
    });
    expect(diff.environments[0]!.resources).toEqual([
      {
        type: 'role',
        id: 'role-environment-admin',
        name: 'Environment Admin',
        change: 'changed',
        file: 'roles/role-environment-admin.json',
        properties: [{ pointer: '/description', change: 'added', after: 'Full control of an environment' }],
      },
    ]);
    expect(diff.gaps).toEqual([]);
  });

  it('reports no drift between a snapshot and itself', () => {
    expect(diffSnapshots(lastWeek(), lastWeek()).environments).toEqual([]);
  });

  it('does not report resources of a kind that failed to collect as removed, and lists the gap', () => {
    const after = buildSnapshot({ failed: [{ kind: 'groups', environmentId: PROD_ENV_ID, status: 'failed', httpStatus: 403 }] });
    const before = buildSnapshot({ environments: [{ groups: [group()] }] });
    const diff = diffSnapshots(before, after);
    expect(diff.environments).toEqual([]);
    expect(diff.gaps).toEqual([{ snapshot: 'new', environmentId: PROD_ENV_ID, kind: 'groups' }]);
    expect(decideDriftVerdict(buildDriftReport({ before, after }, auditBoth(before, after, EMPTY_CONFIG, NOW)), { failOn: 'drift', allowIncomplete: false }).verdict).toBe('incomplete');
  });
});

describe('drift report', () => {
  const before = lastWeek();
  const after = thisWeek();
  const report = buildDriftReport({ before, after }, auditBoth(before, after, TWO_RULES, NOW), { before: 'snapshots/last-week', after: 'snapshots/this-week' });

  it('names the findings that appeared and disappeared, by fingerprint', () => {
    expect(report.findings.appeared.map((finding) => [finding.ruleId, finding.resource.id])).toEqual([
      ['app-disabled', 'app-web'],
      ['implicit-grant', 'app-legacy'],
    ]);
    expect(report.findings.disappeared).toEqual([]);
    const reverse = buildDriftReport({ before: after, after: before }, auditBoth(after, before, TWO_RULES, NOW));
    expect(reverse.findings.disappeared.map((finding) => finding.ruleId)).toEqual(['app-disabled', 'implicit-grant']);
    expect(reverse.summary).toMatchObject({ added: 1, removed: 2, changed: 2, findingsAppeared: 0, findingsDisappeared: 2 });
    expect(report.summary.findingsAppeared).toBe(report.findings.appeared.length);
  });

  it('calls no finding disappeared whose rule could not run on the new snapshot (its data was not collected)', () => {
    const unread = buildSnapshot({ failed: [{ kind: 'applications', environmentId: PROD_ENV_ID, status: 'failed', httpStatus: 403 }] });
    const partial = buildDriftReport({ before: after, after: unread }, auditBoth(after, unread, TWO_RULES, NOW));
    expect(partial.findings.disappeared).toEqual([]);
    expect(partial.summary.findingsDisappeared).toBe(0);
    expect(partial.gaps).toEqual([{ snapshot: 'new', environmentId: PROD_ENV_ID, kind: 'applications' }]);
  });

  it('gates on drift, on appeared findings only, or never', () => {
    expect(decideDriftVerdict(report, { failOn: 'drift', allowIncomplete: false }).verdict).toBe('findings');
    expect(decideDriftVerdict(report, { failOn: 'findings', allowIncomplete: false }).verdict).toBe('findings');
    expect(decideDriftVerdict(report, { failOn: 'none', allowIncomplete: false }).verdict).toBe('clean');
    const same = buildDriftReport({ before, after: before }, auditBoth(before, before, TWO_RULES, NOW));
    expect(decideDriftVerdict(same, { failOn: 'drift', allowIncomplete: false })).toEqual({ verdict: 'clean', reasons: [] });
    expect(formatDrift(same, 'table')).toContain('No drift');
  });

  it('renders as a terminal listing, Markdown and JSON (reviewed snapshots)', async () => {
    await expect(formatDrift(report, 'table')).toMatchFileSnapshot('__snapshots__/drift.txt');
    await expect(formatDrift(report, 'markdown')).toMatchFileSnapshot('__snapshots__/drift.md');
    const json = JSON.parse(formatDrift(report, 'json')) as typeof report;
    expect(json.summary).toEqual(report.summary);
    expect(json.environments[1]?.resources[1]?.properties[0]).toEqual({ pointer: '/enabled', change: 'changed', before: true, after: false });
  });

  it('fits the terminal it is given, with rule ids and file paths whole', () => {
    const wide = formatDrift(report, 'table').split('\n');
    expect(Math.max(...wide.map((line) => textWidth(line)))).toBeGreaterThan(80);
    const narrow = formatDrift(report, 'table', { columns: 80 }).split('\n');
    for (const line of narrow) expect(textWidth(line), line).toBeLessThanOrEqual(80);
    expect(narrow).toContain('  MEDIUM implicit-grant: Application Legacy SPA allows the implicit grant, so');
    const heading = narrow.indexOf('  + application Legacy SPA (app-legacy)');
    expect(narrow[heading + 1]).toBe('    environments/env-prod/applications/app-legacy.json');
    // Wrapping only moves words: the same words in the same order.
    expect(narrow.join(' ').split(/\s+/)).toEqual(wide.join(' ').split(/\s+/));
    const coloured = formatDrift(report, 'table', { columns: 80, color: true });
    expect(coloured).toContain('\u001b[33mMEDIUM\u001b[39m implicit-grant');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(narrow.join('\n'));
  });
});
