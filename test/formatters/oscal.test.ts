import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oscalControlId, stableUuid } from '../../src/oscal/oscal-ids.js';
import { formatOscalPoam } from '../../src/formatters/oscal-poam.js';
import { packagePath } from '../../src/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { sampleResult } from './fixtures.js';

async function validator(file: string) {
  // NIST's schemas are draft-07 and compile in ajv's strict mode.
  const ajv = new Ajv({ allErrors: true });
  ajvFormats.default(ajv);
  return ajv.compile(JSON.parse(await readFile(packagePath('schemas', 'oscal', file), 'utf8')));
}

let work: string;
let snapshot: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-oscal-'));
  snapshot = path.join(work, 'demo');
  const demo = await runCli(['demo', '--out', snapshot]);
  expect(demo.code, demo.stderr).toBe(0);
});
afterAll(() => rm(work, { recursive: true, force: true }));

interface Prop {
  name: string;
  value: string;
}
interface Observation {
  uuid: string;
  props: Prop[];
  'relevant-evidence': Array<{ href: string; props: Prop[] }>;
}
const propValues = (props: Prop[], name: string) => props.filter((item) => item.name === name).map((item) => item.value);

describe('OSCAL from the demo snapshot', () => {
  it('writes assessment results valid against NIST’s OSCAL 1.1.3 schema, with evidence, rule and catalog-style control ids', async () => {
    const run = await runCli(['audit', snapshot, '-f', 'oscal-ar', '--fail-on', 'none']);
    expect(run.code, run.stderr).toBe(0);
    const validate = await validator('oscal_assessment-results_schema.json');
    const document = JSON.parse(run.stdout);
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const [result] = document['assessment-results'].results;
    expect(result.observations.length).toBeGreaterThan(0);
    const observation: Observation = result.observations[0];
    const [evidence] = observation['relevant-evidence'];
    const file = propValues(evidence!.props, 'snapshot-file')[0]!;
    expect(propValues(evidence!.props, 'sha256')[0]).toBe(
      createHash('sha256')
        .update(await readFile(path.join(snapshot, file)))
        .digest('hex'),
    );
    expect(Number(propValues(evidence!.props, 'line')[0])).toBeGreaterThan(0);
    expect(propValues(observation.props, 'rule-id')).toHaveLength(1);
    for (const control of propValues(observation.props, 'control-id')) expect(control).toMatch(/^[a-z]{2}-\d+(\.\d+)?$/);
    expect(JSON.stringify(result.findings)).not.toMatch(/"target-id": ?"[A-Z]/);
    const again = JSON.parse((await runCli(['audit', snapshot, '-f', 'oscal-ar', '--fail-on', 'none'])).stdout);
    expect(again['assessment-results'].results[0].observations.map((item: Observation) => item.uuid)).toEqual(result.observations.map((item: Observation) => item.uuid));
  });

  it('writes a plan of action and milestones valid against NIST’s OSCAL 1.1.3 schema, one item per open finding', async () => {
    const run = await runCli(['audit', snapshot, '-f', 'oscal-poam', '--fail-on', 'none']);
    expect(run.code, run.stderr).toBe(0);
    const validate = await validator('oscal_poam_schema.json');
    const document = JSON.parse(run.stdout);
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const json = JSON.parse((await runCli(['audit', snapshot, '-f', 'json', '--fail-on', 'none'])).stdout);
    expect(document['plan-of-action-and-milestones']['poam-items']).toHaveLength(json.findings.length + json.suppressed.length);
  });
});

describe('--framework on the demo snapshot', () => {
  it('views the run through the framework named, and refuses an unknown one as a usage error', async () => {
    const run = await runCli(['audit', snapshot, '--framework', 'cis-v8.1', '--fail-on', 'none']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/CIS Critical Security Controls v8\.1: FAIL\n {2}\d+ fail/);
    const wrong = await runCli(['audit', snapshot, '--framework', 'nist']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('nist-800-53-r5');
  });
});

describe('OSCAL details', () => {
  it('writes control ids as the catalog does and derives stable version-5 UUIDs', () => {
    expect(oscalControlId('AC-6(5)')).toBe('ac-6.5');
    expect(oscalControlId('IA-2')).toBe('ia-2');
    expect(stableUuid('finding:abc')).toBe(stableUuid('finding:abc'));
    expect(stableUuid('finding:abc')).not.toBe(stableUuid('finding:abd'));
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('carries a disposition’s owner into the POA&M item, and hostile names stay valid one-line values', async () => {
    const result = sampleResult();
    result.findings[0] = { ...result.findings[0]!, resource: { ...result.findings[0]!.resource, name: ' evil\nname\u0007 ' } };
    const document = JSON.parse(formatOscalPoam(result, { color: false }));
    const validate = await validator('oscal_poam_schema.json');
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const accepted = document['plan-of-action-and-milestones']['poam-items'].find((item: { props: Prop[] }) => propValues(item.props, 'disposition').length > 0);
    expect(propValues(accepted.props, 'owner')).toEqual(['iam-team']);
    expect(propValues(accepted.props, 'expires')).toEqual(['2027-01-31']);
  });

  it('carries a planned fix’s owner and due date (--dispositions) into the POA&M item, and says when it is overdue', async () => {
    const result = sampleResult();
    const [first, second] = result.findings;
    if (first === undefined || second === undefined) throw new Error('the sample has two findings');
    result.findings[0] = { ...first, disposition: { kind: 'planned-fix', owner: 'iam\nteam <b>', reason: 'PKCE migration', due: '2026-11-01', overdue: true } };
    result.findings[1] = { ...second, disposition: { kind: 'planned-fix', owner: 'web-team', reason: 'Next sprint', due: '2027-01-15', overdue: false } };
    const document = JSON.parse(formatOscalPoam(result, { color: false }));
    const validate = await validator('oscal_poam_schema.json');
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const items: Array<{ props: Prop[] }> = document['plan-of-action-and-milestones']['poam-items'];
    const planned = items.filter((item) => propValues(item.props, 'disposition').includes('planned-fix'));
    expect(planned.map((item) => [propValues(item.props, 'owner'), propValues(item.props, 'due-date'), propValues(item.props, 'overdue')])).toEqual(
      expect.arrayContaining([
        [['iam team <b>'], ['2026-11-01'], ['true']],
        [['web-team'], ['2027-01-15'], ['false']],
      ]),
    );
  });
});
