import { describe, expect, it } from 'vitest';
import { runAuditStep } from '../helpers/action-step.js';

const REPORTS = { 'sarif-file': 'pingone-audit-results/pingone-audit.sarif', 'json-file': 'pingone-audit-results/pingone-audit.json', 'markdown-file': 'pingone-audit-results/pingone-audit.md' };

describe("the GitHub Action's outputs", () => {
  it('name the reports the run wrote, with its exit code', async () => {
    const { outputs, code } = await runAuditStep({ snapshot: 'pingone-snapshot' }, { writesReports: true, exitCode: 1 });
    expect(code).toBe(1);
    expect(outputs).toMatchObject({ ...REPORTS, 'exit-code': '1' });
  });

  // A later `upload-sarif` or `cp "$json-file" baseline.json` guarded by `!= ''` would fail on a missing file, or carry
  // a report of an earlier step (the same output-dir) as this run's.
  it('are empty for reports the run did not write (refused credentials: exit 2), even when an earlier step left files there', async () => {
    const { outputs, code } = await runAuditStep({ snapshot: 'pingone-snapshot' }, { exitCode: 2, earlierFiles: Object.values(REPORTS) });
    expect(code).toBe(2);
    expect(outputs).toMatchObject({ 'sarif-file': '', 'json-file': '', 'markdown-file': '', 'exit-code': '2' });
  });
});
