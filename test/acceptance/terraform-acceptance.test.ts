import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchemaProblems, sarifSchemaProblems } from '../formatters/schema-validators.js';
import { checkSarifForGitHub } from '../helpers/github-checks.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Issue 18's acceptance: a realistic configuration (variables, tfvars, locals, for_each, a local module)
 * with seven mistakes and their correct counterparts, audited with `pingone-audit terraform`.
 */
const FIXTURE = 'test/fixtures/terraform/acceptance';
const MAIN = `${FIXTURE}/main.tf`;
const MODULE = `${FIXTURE}/modules/legacy-portal/main.tf`;

interface JsonFinding {
  ruleId: string;
  fingerprint: string;
  location: { file: string; line?: number; address?: string };
}
interface JsonReport {
  findings: JsonFinding[];
  notEvaluated: Array<{ ruleId: string; reasons: Array<{ error?: string }>; resources?: Array<{ id: string }> }>;
}

let report: JsonReport;
let exitCode: number;
let workdir: string;

beforeAll(async () => {
  workdir = mkdtempSync(path.join(tmpdir(), 'tf-acceptance-'));
  const run = await runCli(['terraform', FIXTURE, '-f', 'json', '-o', path.join(workdir, 'report.json'), '-f', 'sarif', '-o', path.join(workdir, 'report.sarif')]);
  exitCode = run.code;
  report = JSON.parse(readFileSync(path.join(workdir, 'report.json'), 'utf8')) as JsonReport;
});
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

const where = (ruleId: string) => report.findings.filter((finding) => finding.ruleId === ruleId).map(({ location }) => location);

describe('pingone-audit terraform on the acceptance configuration', () => {
  it.each([
    // A worker left without `enabled`: the provider's default is false; nothing to point at but the block.
    ['app-disabled', { file: MAIN, line: 78, address: 'pingone_application.crm_sync' }],
    // for_each over a map set in regions.auto.tfvars: only the "us" instance has the trailing slash.
    ['redirect-uri-trailing-slash', { file: MAIN, line: 24, address: 'pingone_application.storefront["us"]' }],
    ['implicit-grant', { file: MODULE, line: 17, address: 'module.legacy_portal.pingone_application.spa' }],
    ['redirect-uri-wildcard', { file: MAIN, line: 57, address: 'pingone_application.partner_portal' }],
    ['redirect-uri-not-https', { file: MAIN, line: 73, address: 'pingone_application.intranet' }],
    ['pkce-not-enforced', { file: MAIN, line: 38, address: 'pingone_application.mobile' }],
    ['actor-organization-admin', { file: MAIN, line: 109, address: 'pingone_application_role_assignment.provisioner_org_admin' }],
  ])('reports %s once, on the right .tf file and line, and nowhere else', (ruleId, location) => {
    expect(where(ruleId)).toEqual([location]);
  });

  it('judges the app whose redirect URI comes from remote state as not evaluated, naming the expression, and exits 3', () => {
    const desk = 'tf:pingone_application.support_desk';
    expect(report.findings.filter((finding) => finding.location.address === 'pingone_application.support_desk')).toEqual([]);
    const notJudged = report.notEvaluated.find((entry) => entry.ruleId === 'redirect-uri-not-https');
    expect(notJudged?.resources).toEqual([{ id: desk, type: 'application' }]);
    expect(notJudged?.reasons.map((reason) => reason.error).join('\n')).toContain('data.terraform_remote_state.support.outputs.callback_url is unknown (remote state)');
    expect(exitCode).toBe(3);
  });

  it('writes a JSON report that matches its schema, and SARIF that passes the schema and GitHub checks with the address as logical location', () => {
    expect(reportSchemaProblems(report)).toEqual([]);
    const sarif = JSON.parse(readFileSync(path.join(workdir, 'report.sarif'), 'utf8')) as Log;
    expect(sarifSchemaProblems(sarif)).toEqual([]);
    expect(checkSarifForGitHub(sarif)).toEqual([]);
    const results = sarif.runs.flatMap((run) => run.results ?? []);
    const slash = results.find((result) => result.ruleId === 'redirect-uri-trailing-slash');
    expect(slash?.locations?.[0]).toMatchObject({
      physicalLocation: { artifactLocation: { uri: `${MAIN}`, uriBaseId: '%SRCROOT%' }, region: { startLine: 24 } },
      logicalLocations: [{ fullyQualifiedName: 'pingone_application.storefront["us"]', kind: 'resource' }],
    });
  });

  it('gives --allow-incomplete the gate on findings alone (exit 1 for the high ones)', async () => {
    const run = await runCli(['terraform', FIXTURE, '-f', 'json', '--allow-incomplete']);
    expect(run.code).toBe(1);
  });
});

describe('terraform finding fingerprints', () => {
  it('stay the same when unrelated lines of the .tf file move, while the lines follow the code', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'tf-reformat-'));
    try {
      cpSync(FIXTURE, path.join(copy, 'acceptance'), { recursive: true });
      const main = path.join(copy, 'acceptance', 'main.tf');
      writeFileSync(main, `# Owned by the identity team.\n\n\n${readFileSync(main, 'utf8').replace('  type = "PRODUCTION"', '  type   = "PRODUCTION"')}`);
      const run = await runCli(['terraform', 'acceptance', '-f', 'json'], { cwd: copy });
      const moved = JSON.parse(run.stdout) as JsonReport;
      const key = (finding: JsonFinding) => `${finding.ruleId} ${finding.location.address}`;
      const before = new Map(report.findings.map((finding) => [key(finding), finding]));
      expect(moved.findings.map(key).sort()).toEqual([...before.keys()].sort());
      for (const finding of moved.findings) {
        const original = before.get(key(finding));
        expect(finding.fingerprint).toBe(original?.fingerprint);
        if (original?.location.file === MAIN) expect(finding.location.line).toBe((original.location.line ?? 0) + 3);
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
