import { describe, expect, it } from 'vitest';
import { formatCsv, CSV_COLUMNS } from '../../src/formatters/csv.js';
import { csvCell } from '../../src/output/csv-cell.js';
import { formatJunit } from '../../src/formatters/junit.js';
import { formatMarkdown, MAX_LISTED_FINDINGS } from '../../src/formatters/markdown.js';
import { FORMAT_NAMES } from '../../src/formatters/index.js';
import type { AuditResult } from '../../src/engine/types.js';
import { cleanResult, ENV_PROD, makeFinding, sampleResult, summarize } from './fixtures.js';
import { reviewedResult } from './report-fixtures.js';

const context = { color: false, snapshotDir: 'snapshots/acme' };

/** A minimal RFC 4180 reader: enough to prove the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

describe('registry', () => {
  it('offers every report format to --format', () => {
    expect(FORMAT_NAMES).toEqual(['stylish', 'grid', 'json', 'sarif', 'markdown', 'html', 'junit', 'csv', 'oscal-ar', 'oscal-poam']);
  });
});

describe('Markdown formatter', () => {
  it('renders the verdict, fix first, posture, counts, baseline, collapsible per-environment list, suppressed, fixed, gaps and warnings (reviewed snapshot)', async () => {
    const text = formatMarkdown(reviewedResult(), context);
    await expect(text).toMatchFileSnapshot('__snapshots__/markdown-reviewed.md');
    expect(text).toContain('<details>\n<summary>All findings by environment (6)</summary>');
    expect(text).toContain('#### Production (`4f2c0a6e-1b9d-4c77-9a51-0d3e8f2b6a10`): 2 findings');
    expect(text).toContain('#### organization: 1 finding');
    expect(text).not.toContain('<script>');
  });

  it('opens as the HTML report does: the verdict against the gate, then what to fix first (info left out), then the posture, then the rest', () => {
    const text = formatMarkdown(reviewedResult(), { ...context, gate: { verdict: 'incomplete', failOn: 'high', failOnNew: false } });
    const [heading, , why] = text.split('\n');
    expect(heading).toBe('## pingone-audit: Not compliant');
    expect(why).toBe(
      '**3 findings of high severity or above; 6 of 8 rules evaluated; 1 not evaluated because groupRoleAssignments could not be read; 1 rule failed with an error and reported nothing** (gate: --fail-on high)',
    );
    const fixFirst = text.split('### Fix first')[1]?.split('### Posture by framework')[0] ?? '';
    const rules = [...fixFirst.matchAll(/ `([\w-]+)` \|/g)].map((match) => match[1]);
    // Most severe first; between the two highs, the one in a PRODUCTION environment; never the info finding.
    expect(rules).toEqual(['app-wildcard-redirect-uri', 'app-implicit-grant', 'role-org-admin-sprawl', 'policy-mfa-missing', 'app-stale-secret']);
    expect(fixFirst).toContain('1 info finding: advice');
    expect(text.indexOf('### Posture by framework')).toBeLessThan(text.indexOf('<summary>All findings by environment'));
    expect(text).toMatch(/^\| NIST SP 800-53 Rev\. 5 \| Not evaluated \| 0 \| 0 \| 0 \| 0 \| \d+ \|$/m);
  });

  it('with --framework, shows that framework alone and its controls', () => {
    const text = formatMarkdown(reviewedResult(), { ...context, framework: 'soc2-2017' });
    expect(text).toContain('| SOC 2');
    expect(text).not.toContain('| NIST SP 800-53');
    expect(text).toMatch(/<summary>SOC 2[^<]*: \d+ controls<\/summary>/);
  });

  it('reads well when there is nothing to report (reviewed snapshot)', async () => {
    await expect(formatMarkdown(cleanResult(), { color: false })).toMatchFileSnapshot('__snapshots__/markdown-clean.md');
  });

  it('stays within a PR comment on a large tenant by listing at most MAX_LISTED_FINDINGS findings', () => {
    const many = Array.from({ length: 2000 }, (_, index) =>
      makeFinding({
        ruleId: 'app-implicit-grant',
        severity: 'high',
        environmentId: ENV_PROD,
        id: `app-${String(index).padStart(5, '0')}`,
        name: `App ${index}`,
        message: `App ${index} allows the implicit grant.`,
      }),
    );
    const result: AuditResult = summarize({ ...sampleResult(), findings: many });
    const text = formatMarkdown(result, context);
    expect(text.length).toBeLessThan(65_536);
    expect(text.match(/^\| \*\*high\*\* \| `app-implicit-grant` \| application App /gm)).toHaveLength(MAX_LISTED_FINDINGS);
    expect(text).toContain(`…and ${2000 - MAX_LISTED_FINDINGS} more in this environment: the JSON report lists them all.`);
  });
});

describe('JUnit formatter', () => {
  it('writes one testsuite per environment, a testcase per rule, and one per finding of a rule that fired (reviewed snapshot)', async () => {
    const xml = formatJunit(reviewedResult(), context);
    await expect(xml).toMatchFileSnapshot('__snapshots__/junit-reviewed.xml');
    // Two environments, the organization, and the run's warnings (one expired suppression) as skipped testcases.
    expect(xml.match(/<testsuite /g)).toHaveLength(4);
    expect(xml).toMatch(/<testsuites name="pingone-audit" tests="18" failures="6" errors="1" skipped="2"/);
    expect(xml).toContain('name="app-stale-secret: Client secret never rotated (application Batch &lt;script');
    expect(xml).toContain('<skipped message="Not evaluated: data it needs could not be collected (GET /environments/');
    expect(xml).toContain('Batch &lt;script&gt;alert(1)&lt;/script&gt; "Worker"');
    expect(xml).not.toContain('<script>');
  });

  it('counts in each attribute exactly the elements it holds, also when a rule fires on several resources', () => {
    const sample = sampleResult();
    const extra = ['a1c3e5f7-0000-4000-8000-000000000011', 'a1c3e5f7-0000-4000-8000-000000000012'].map((id, index) =>
      makeFinding({ ruleId: 'app-implicit-grant', severity: 'high', environmentId: ENV_PROD, id, name: `SPA ${index}`, message: `SPA ${index} allows the implicit grant.` }),
    );
    for (const result of [reviewedResult(), summarize({ ...sample, findings: [...sample.findings, ...extra] }), cleanResult()]) {
      const xml = formatJunit(result, context);
      const blocks = [xml, ...xml.split('<testsuite ').slice(1)];
      for (const block of blocks) {
        const declared = /tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)"/.exec(block)!.slice(1).map(Number);
        const held = ['<testcase ', '<failure ', '<error ', '<skipped '].map((element) => block.split(element).length - 1);
        expect(held).toEqual(declared);
      }
      const failures = Number(/<testsuites [^>]*failures="(\d+)"/.exec(xml)![1]);
      expect(failures).toBe(result.findings.length);
    }
  });

  it('passes every testcase of a clean run', () => {
    const xml = formatJunit(cleanResult(), { color: false });
    expect(xml).toMatch(/<testsuites name="pingone-audit" tests="16" failures="0" errors="0" skipped="0"/);
    expect(xml).not.toContain('<failure');
  });
});

describe('CSV formatter', () => {
  it('writes one RFC 4180 row per finding (reviewed snapshot)', async () => {
    const text = formatCsv(reviewedResult(), { ...context, includeSuppressed: true });
    await expect(text).toMatchFileSnapshot('__snapshots__/csv-reviewed.csv');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 6 + 1);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    expect(rows.at(-1)?.slice(0, 3)).toEqual(['suppressed', 'high', 'app-implicit-grant']);
    expect(rows.find((row) => row[2] === 'app-stale-secret')?.[8]).toBe('Batch <script>alert(1)</script> "Worker", \'=HYPERLINK');
    expect(text.split('\r\n').at(-1)).toBe('');
  });

  it('leaves suppressed findings out unless asked', () => {
    expect(parseCsv(formatCsv(reviewedResult(), context))).toHaveLength(7);
  });

  it('quotes every field and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\\nlines"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('-1+1')).toBe(`"'-1+1"`);
  });
});

describe('coverage of DaVinci apps and resources not judged', () => {
  const withSkips = (): AuditResult => {
    const result = sampleResult();
    return {
      ...result,
      snapshot: { ...result.snapshot, applications: { total: 12, signingInThroughDaVinci: 3 } },
      skipped: [
        {
          ruleId: 'sign-on-policy-no-mfa',
          resource: { type: 'application', id: 'app-shop', name: 'Shop <b>', environmentId: ENV_PROD },
          reason: 'signs users in through DaVinci (flow policy fp-1): the flow decides MFA, and this audit does not read flows',
        },
      ],
    };
  };

  it('Markdown says how many apps sign in through DaVinci and lists what a rule did not judge', () => {
    const markdown = formatMarkdown(withSkips(), context);
    expect(markdown).toContain('12 applications, 3 of them sign in through DaVinci');
    expect(markdown).toContain('1 resource not judged by a rule');
    expect(markdown).toMatch(/`sign-on-policy-no-mfa` \| .* \| application Shop .* \| signs users in through DaVinci \(flow policy fp-1\)/);
    expect(markdown).not.toContain('<b>');
  });

  it('HTML says the same in its coverage section', async () => {
    const { formatHtml } = await import('../../src/formatters/html.js');
    const html = formatHtml(withSkips(), context);
    expect(html).toContain('12 applications, 3 of them sign in through DaVinci');
    expect(html).toContain('<h3>Resources not judged</h3>');
    expect(html).toContain('Shop &lt;b&gt;');
  });

  it('the summary line every format shares counts the resources not judged, each once', async () => {
    const { summaryParts } = await import('../../src/formatters/summary-line.js');
    const twice = withSkips();
    twice.skipped = [...twice.skipped!, { ...twice.skipped![0]!, ruleId: 'app-no-sign-on-policy' }];
    expect(summaryParts(twice).map((part) => part.text)).toContain('1 resource not judged');
    expect(
      summaryParts(sampleResult())
        .map((part) => part.text)
        .join(' · '),
    ).not.toContain('not judged');
  });

  it('JUnit gives each resource not judged a skipped testcase of its own, counted', () => {
    const xml = formatJunit(withSkips(), context);
    const plain = formatJunit(sampleResult(), context);
    const skippedCount = (text: string) => Number(/<testsuites [^>]*skipped="(\d+)"/.exec(text)![1]);
    expect(skippedCount(xml)).toBe(skippedCount(plain) + 1);
    expect(xml).toContain('name="sign-on-policy-no-mfa: ');
    expect(xml).toMatch(/\(application Shop &lt;b&gt;\)">\s*<skipped message="Not judged: it signs users in through DaVinci \(flow policy fp-1\)/);
    for (const block of [xml, ...xml.split('<testsuite ').slice(1)]) {
      const declared = /tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)"/.exec(block)!.slice(1).map(Number);
      expect(['<testcase ', '<failure ', '<error ', '<skipped '].map((element) => block.split(element).length - 1)).toEqual(declared);
    }
  });

  it('SARIF notes each resource not judged in the run of its environment, naming rule and resource', async () => {
    const { formatSarif } = await import('../../src/formatters/sarif.js');
    const log = JSON.parse(formatSarif(withSkips(), context)) as {
      runs: Array<{
        automationDetails: { id: string };
        invocations: Array<{
          toolExecutionNotifications: Array<{ descriptor?: { id: string }; level: string; message: { text: string }; associatedRule?: { id: string }; properties?: Record<string, string> }>;
        }>;
      }>;
    };
    const notes = log.runs.map((run) => ({ run: run.automationDetails.id, notes: run.invocations[0]!.toolExecutionNotifications.filter((note) => note.descriptor?.id === 'resource-not-judged') }));
    expect(notes.filter((entry) => entry.notes.length > 0).map((entry) => entry.run)).toEqual([`pingone-audit/${ENV_PROD}/`]);
    const [note] = notes.flatMap((entry) => entry.notes);
    expect(note).toMatchObject({ level: 'note', associatedRule: { id: 'sign-on-policy-no-mfa' }, properties: { resourceType: 'application', resourceId: 'app-shop' } });
    expect(note!.message.text).toContain('did not judge application Shop <b> (app-shop): it signs users in through DaVinci (flow policy fp-1)');
  });
});
