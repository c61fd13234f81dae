import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import type { AuditResult } from '../../src/engine/types.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { auditorEnv } from '../helpers/simulator-env.js';
import { SEEDED_ENV_ID, type SeededResource } from './seeded/fragment.js';
import { fragments } from './seeded/fragments/index.js';
import { auditor, seededDataset } from './seeded/seeded-dataset.js';

/** The rules issue 16 adds: each one registered needs a fragment here. */
const ISSUE_16_RULES = [
  'redirect-uri-missing',
  'cors-origin-missing',
  'public-client-with-secret',
  'refresh-token-rolling-not-longer',
  'admin-dormant',
  'password-policy-weak',
  'admin-mfa-not-phishing-resistant',
  'saml-sha1-signing',
  'certificate-expiring',
  'key-weak',
  'webhook-tls-verification-off',
  'webhook-http-destination',
  'access-token-lifetime-long',
];

const same = (resource: SeededResource) => (other: SeededResource) => other.type === resource.type && other.id === resource.id;

let simulator: RunningSimulator;
let folder: string;
let run: CliRun;
let result: AuditResult;

beforeAll(async () => {
  simulator = await startSimulator({ dataset: seededDataset(fragments) });
  folder = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-seeded-'));
  const report = path.join(folder, 'report.json');
  // Every rule, not the recommended pack: a fragment's rule need not be in it.
  const config = path.join(folder, 'config.json');
  await writeFile(config, JSON.stringify({ extends: ['all'] }));
  const args = ['scan', '--max-rps', '500', '-e', SEEDED_ENV_ID, '--config', config, '--fail-on', 'info', '--out', path.join(folder, 'snapshot'), '-f', 'json', '-o', report];
  run = await runCli(args, { env: auditorEnv(simulator, auditor) });
  result = JSON.parse(await readFile(report, 'utf8')) as AuditResult;
});

afterAll(async () => {
  await simulator?.close();
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

describe('a tenant seeded with one misconfiguration and its correct counterparts per rule', () => {
  it('is scanned whole: findings, and no rule not evaluated or in error', () => {
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.code).toBe(1);
    expect(result.collection.complete).toBe(true);
    expect(result.notEvaluated).toEqual([]);
    expect(result.ruleErrors).toEqual([]);
  });

  it('has a fragment for every registered rule of issue 16, naming a registered rule, with ids no other fragment uses', () => {
    const registered = new Set(rules.map((rule) => rule.id));
    expect(fragments.map((fragment) => fragment.rule).filter((id) => !registered.has(id))).toEqual([]);
    expect(ISSUE_16_RULES.filter((id) => registered.has(id) && !fragments.some((fragment) => fragment.rule === id))).toEqual([]);
    const ids = fragments.flatMap((fragment) => [fragment.bad, ...fragment.good].map((resource) => resource.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const fragment of fragments) {
    describe(fragment.rule, () => {
      it('reports the misconfigured resource', () => {
        expect(JSON.stringify(fragment.seed)).toContain(fragment.bad.id);
        const reported = result.findings.filter((finding) => finding.ruleId === fragment.rule && same(fragment.bad)(finding.resource));
        expect(reported.length, `${fragment.rule} on ${fragment.bad.type} ${fragment.bad.id}`).toBeGreaterThan(0);
      });

      it('reports nothing on the correct counterparts, from any rule, and judges them all', () => {
        for (const resource of fragment.good) expect(JSON.stringify(fragment.seed)).toContain(resource.id);
        const onGood = (candidate: SeededResource) => fragment.good.some(same(candidate));
        expect(result.findings.filter((finding) => onGood(finding.resource)).map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
        expect((result.skipped ?? []).filter((skipped) => onGood(skipped.resource)).map((skipped) => skipped.ruleId)).toEqual([]);
      });
    });
  }
});
