import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/engine/types.js';
import { loadDataset, startSimulator, type Dataset } from '../../src/simulator/index.js';
import type { CollectionEntry } from '../../src/snapshot/model.js';
import { runCli } from '../helpers/run-cli.js';
import { auditorEnv } from '../helpers/simulator-env.js';

// Issue 12's invariant with the API answering fields of the wrong JSON type: scan keeps such a
// resource out of the snapshot, says which and where, and the snapshot it writes always loads.

const demo = loadDataset('demo');
const auditor = demo.credentials[0]!;
let work: string;

/** A value that must never be echoed: the wrong-typed string stands for a tenant's own text. */
const TELLTALE = 'CLIENT_CREDENTIALS-telltale';

function wrongTyped(): { dataset: Dataset; expected: Array<{ type: string; id: string; pointer: string }> } {
  const dataset = structuredClone(demo);
  const env = dataset.environments.find((candidate) => candidate.applications.length >= 5 && candidate.roleAssignments.length >= 2)!;
  const apps = env.applications.filter((app) => app.id !== auditor.clientId).slice(0, 5);
  const edits: Array<[Record<string, unknown>, string]> = [
    [{ grantTypes: TELLTALE }, '/grantTypes'],
    [{ grantTypes: ['AUTHORIZATION_CODE', 42, null] }, '/grantTypes/1'],
    [{ tokenEndpointAuthMethod: { secret: TELLTALE } }, '/tokenEndpointAuthMethod'],
    [{ pkceEnforcement: 7 }, '/pkceEnforcement'],
    [{ redirectUris: [{ url: 'x' }] }, '/redirectUris/0'],
  ];
  const expected = apps.map((app, index) => {
    Object.assign(app, edits[index]![0]);
    return { type: 'application', id: app.id, pointer: edits[index]![1] };
  });
  const byUser = env.roleAssignments.find((assignment) => assignment.user !== undefined)!;
  const byGroup = env.roleAssignments.find((assignment) => assignment.group !== undefined)!;
  (byUser as Record<string, unknown>).scope = { type: null, id: 5 };
  (byGroup as Record<string, unknown>).scope = { type: 'GROUP' };
  expected.push({ type: 'user', id: byUser.user!.id, pointer: '/_embedded/roleAssignments/' });
  expected.push({ type: 'group', id: byGroup.group!.id, pointer: '/_embedded/roleAssignments/' });
  return { dataset, expected };
}

async function scan(dataset: Dataset, name: string) {
  const simulator = await startSimulator({ dataset });
  try {
    const out = path.join(work, name);
    const reportFile = path.join(work, `${name}.json`);
    const run = await runCli(['scan', '--all-environments', '--max-rps', '500', '--out', out, '-f', 'json', '-o', reportFile], { env: auditorEnv(simulator, auditor) });
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as AuditResult;
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { collection: { entries: CollectionEntry[]; notes?: string[] } };
    return { ...run, out, report, entries: manifest.collection.entries, notes: manifest.collection.notes ?? [] };
  } finally {
    await simulator.close();
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-wrong-types-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('fields of the wrong JSON type from the API', () => {
  it('are kept out of the snapshot as failed reads naming resource and pointer; the snapshot audits, never exit 2', async () => {
    const { dataset, expected } = wrongTyped();
    const scanned = await scan(dataset, 'wrong');
    expect(scanned.code, scanned.stderr).toBe(3);
    expect(scanned.report.ruleErrors).toEqual([]);
    expect(scanned.report.summary.collectionComplete).toBe(false);
    const notes = scanned.notes.join('\n');
    const failed = scanned.entries.flatMap((entry) => entry.failedResources ?? []);
    for (const { type, id, pointer } of expected) {
      expect(failed).toContainEqual({ type, id });
      const note = scanned.notes.find((text) => text.startsWith(`${type} ${id} was left out of the snapshot`));
      expect(note, notes).toContain(pointer);
    }
    expect(notes).toMatch(/\/grantTypes must be array, found a string/);
    // Per resource: what was left out is unknown alone; every rule still ran and judged the rest.
    expect(scanned.report.summary.rulesRun).toBe(scanned.report.rules.length);
    const unknownResources = scanned.report.notEvaluated.flatMap((entry) => entry.resources ?? []);
    for (const { type, id } of expected) expect(unknownResources).toContainEqual({ type, id });
    const judged = (ruleId: string) => scanned.report.ruleResults.filter((result) => result.ruleId === ruleId && result.outcome !== 'not-evaluated');
    expect(judged('admin-role-missing').length).toBeGreaterThan(0);
    expect(judged('admin-user-without-mfa').length).toBeGreaterThan(0);
    // Pointer and expected type only: the value the API sent is not repeated.
    const written = await readFile(path.join(scanned.out, 'manifest.json'), 'utf8');
    expect(written).not.toContain(TELLTALE);
    expect(scanned.stdout + scanned.stderr).not.toContain(TELLTALE);
    expect(scanned.stderr).not.toMatch(/grant type "C"/);

    const audited = await runCli(['audit', scanned.out]);
    expect(audited.code, audited.stderr).toBe(3);
    const allowed = await runCli(['audit', scanned.out, '--allow-incomplete']);
    expect([0, 1], allowed.stderr).toContain(allowed.code);
    expect(allowed.stdout + allowed.stderr).not.toMatch(/rule error|threw/i);
  }, 60_000);

  it('leave a correct dataset as it was: complete, nothing left out', async () => {
    const scanned = await scan(demo, 'demo');
    expect([0, 1], scanned.stderr).toContain(scanned.code);
    expect(scanned.report.summary.collectionComplete).toBe(true);
    expect(scanned.notes.filter((note) => note.includes('left out'))).toEqual([]);
    expect(scanned.entries.filter((entry) => entry.status === 'failed')).toEqual([]);
    expect((await runCli(['audit', scanned.out])).code).toBe(scanned.code);
  }, 60_000);
});
