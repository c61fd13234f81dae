import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packagePath } from '../../src/paths.js';

// The README's workflows are copied into CI as they are: one that does not parse, names an input the action
// lacks, or keeps a failing run as the baseline fails its users on their first night.
interface Step {
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  name: string;
  jobs: Record<string, { steps: Step[] }>;
}

const readme = readFileSync(packagePath('README.md'), 'utf8');
const workflows = [...readme.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map(([, text]) => parse(text ?? '') as Workflow);
const actionInputs = Object.keys((parse(readFileSync(packagePath('action.yml'), 'utf8')) as { inputs: object }).inputs);
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('the workflows in the README', () => {
  it('parse as YAML, each a named workflow with jobs', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(3);
    for (const workflow of workflows) expect(Object.keys(workflow.jobs ?? {}).length, workflow.name).toBeGreaterThan(0);
  });

  it('give the action only inputs action.yml declares', () => {
    const given = workflows.flatMap(steps).filter((step) => step.uses?.startsWith('pingone-audit/pingone-audit@'));
    expect(given.length).toBeGreaterThan(0);
    for (const step of given) expect(actionInputs).toEqual(expect.arrayContaining(Object.keys(step.with ?? {})));
  });

  it('keep the nightly report as the next baseline only when the gate passed, or a manual run accepts the findings', () => {
    const nightly = workflows.find((workflow) => workflow.name === 'PingOne nightly audit');
    const keeping = steps(nightly!).filter((step) => step.run?.includes('baseline.json') === true || step.uses?.startsWith('actions/cache/save') === true);
    expect(keeping).toHaveLength(2);
    for (const step of keeping) {
      expect(step.if).toBe("always() && (steps.audit.outputs.exit-code == '0' || (inputs.accept_findings && steps.audit.outputs.exit-code == '1'))");
    }
  });
});
