import { describe, expect, it } from 'vitest';
import type { AuditResult, Finding, FindingDisposition } from '../../src/engine/types.js';
import { formatHtml } from '../../src/formatters/html.js';
import { formatMarkdown } from '../../src/formatters/markdown.js';
import { ENV_PROD, makeFinding, sampleResult } from './fixtures.js';

const context = { color: false, snapshotDir: 'snapshots/acme' };

function hidden(id: string, disposition?: Omit<FindingDisposition, 'owner' | 'reason'>): Finding {
  const finding = makeFinding({ ruleId: 'webhook-http-destination', severity: 'high', environmentId: ENV_PROD, type: 'subscription', id, name: `Relay ${id.slice(-1)}`, message: 'Plain http.' });
  const suppression = { reason: 'Internal network only.', owner: 'net-team', expires: '2027-03-31' };
  return disposition === undefined ? { ...finding, suppression } : { ...finding, suppression, disposition: { ...disposition, owner: 'net-team', reason: suppression.reason } };
}

/** A run whose hidden findings were hidden by a suppression and by each kind of hiding disposition. */
function reviewed(): AuditResult {
  const sample = sampleResult();
  const suppressed = [
    hidden('5a6b7c8d-0000-4000-8000-000000000001'),
    hidden('5a6b7c8d-0000-4000-8000-000000000002', { kind: 'false-positive', expires: '2027-03-31' }),
    hidden('5a6b7c8d-0000-4000-8000-000000000003', { kind: 'compensating-control', control: 'WAF rule <17>', expires: '2027-03-31' }),
  ];
  return { ...sample, suppressed, summary: { ...sample.summary, suppressed: suppressed.length } };
}

// A signer must tell an accepted risk from a false positive, and see the control a finding leans on.
describe('the suppressed findings of the Markdown and HTML reports', () => {
  it('say which decision hid each finding, with the compensating control it names', () => {
    const markdown = formatMarkdown(reviewed(), context);
    const rows = markdown.split('\n').filter((line) => line.includes('`webhook-http-destination`'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('| accepted risk |');
    expect(rows[1]).toContain('| false positive |');
    expect(rows[2]).toContain('| compensating control "WAF rule \\<17\\>" |');
  });

  it('in HTML too, escaped', () => {
    const html = formatHtml(reviewed(), context);
    const section = html.slice(html.indexOf('id="suppressed"'));
    expect(section).toContain('<th>Decision</th>');
    expect(section).toContain('<td>accepted risk</td>');
    expect(section).toContain('<td>false positive</td>');
    expect(section).toContain('<td>compensating control &quot;WAF rule &lt;17&gt;&quot;</td>');
  });
});
