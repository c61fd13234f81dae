import { describe, expect, it } from 'vitest';
import { runAuditStep } from '../helpers/action-step.js';

describe('the GitHub Action in terraform mode', () => {
  it('runs pingone-audit terraform on terraform-dir with each var file, the gate and the reports, and no credentials', async () => {
    const { recorded } = await runAuditStep({ mode: 'terraform', 'terraform-dir': 'infra/pingone', 'terraform-var-files': 'env/prod vars.tfvars,\n ci.tfvars.json' });
    const args = recorded.args;
    expect(args.slice(0, 6)).toEqual(['terraform', 'infra/pingone', '--var-file', 'env/prod vars.tfvars', '--var-file', 'ci.tfvars.json']);
    expect(args).toContain('--fail-on');
    expect(args.join(' ')).toContain('-f sarif -o pingone-audit-results/pingone-audit.sarif');
    expect(args).not.toContain('scan');
    // Rules out of scope (users) no longer make a terraform run incomplete: the gate needs no --allow-incomplete.
    expect(args).not.toContain('--allow-incomplete');
  });

  it('keeps the old behaviour without mode: audit with a snapshot, scan without', async () => {
    expect((await runAuditStep({ snapshot: 'pingone-snapshot' })).recorded.args.slice(0, 2)).toEqual(['audit', 'pingone-snapshot']);
    expect((await runAuditStep({ environments: 'env' })).recorded.args[0]).toBe('scan');
  });

  it('refuses a mode it does not know (exit 2)', async () => {
    await expect(runAuditStep({ mode: 'plan' })).rejects.toMatchObject({ code: 2 });
  });
});
