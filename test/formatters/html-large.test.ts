import { describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '../../src/engine/types.js';
import { chunkedFormatterFor } from '../../src/formatters/index.js';
import { formatHtml, MAX_ROWS_LISTED } from '../../src/formatters/html.js';
import { ENV_PROD, makeFinding, sampleResult, summarize } from './fixtures.js';

const context = { color: false, snapshotDir: 'snapshots/acme' };

function wildcards(count: number): Finding[] {
  return Array.from({ length: count }, (_, index) =>
    makeFinding({
      ruleId: 'app-wildcard-redirect-uri',
      severity: 'critical',
      environmentId: ENV_PROD,
      id: `app-${String(index).padStart(4, '0')}`,
      name: `App <${index}>`,
      message: `App ${index} allows a wildcard.`,
    }),
  );
}

/** The sample result with `extra` more wildcard findings in production and `suppressed` more suppressed ones. */
function largeResult(extra: number, suppressed: number): AuditResult {
  const sample = sampleResult();
  const hidden = wildcards(suppressed).map((finding) => ({ ...finding, resource: { ...finding.resource, id: `hidden-${finding.resource.id}` }, suppression: { reason: 'Reviewed.', owner: 'iam' } }));
  const { summary: _summary, ...rest } = sample;
  return summarize({ ...rest, findings: [...wildcards(extra), ...sample.findings.filter((finding) => finding.ruleId !== 'app-wildcard-redirect-uri')], suppressed: [...sample.suppressed, ...hidden] });
}

/** The table of one rule's article in the findings section. */
function articleOf(html: string, ruleId: string): string {
  const findings = html.slice(html.indexOf('<section id="findings"'));
  const start = findings.indexOf(`<code>${ruleId}</code></h4>`);
  return findings.slice(start, findings.indexOf('</article>', start));
}

describe('HTML report of many findings', () => {
  it('lists at most MAX_ROWS_LISTED findings per rule and environment, says how many more and where they are, and counts them all', () => {
    const extra = MAX_ROWS_LISTED + 150;
    const html = formatHtml(largeResult(extra, 0), context);
    const article = articleOf(html, 'app-wildcard-redirect-uri');
    expect(article.match(/<tr><td><span class="badge/g)).toHaveLength(MAX_ROWS_LISTED);
    expect(article).toContain('App &lt;0&gt;');
    expect(article).not.toContain(`App &lt;${MAX_ROWS_LISTED}&gt;`);
    expect(article).toContain('…and 150 more of this rule in this environment, not listed here: the JSON and CSV reports list them all.');
    expect(html).toContain('<strong>150 findings are not listed here</strong>');
    // Counts, controls and the heading still include every finding.
    expect(html).toContain(`<span class="muted">(${extra} open)</span>`);
    expect(html).toMatch(new RegExp(`<h3>[^<]*<code>${ENV_PROD}</code>: ${extra + 1} findings</h3>`));
  });

  it('lists every finding and says nothing is left out when each table fits', () => {
    const html = formatHtml(largeResult(MAX_ROWS_LISTED, 0), context);
    expect(articleOf(html, 'app-wildcard-redirect-uri').match(/<tr><td><span class="badge/g)).toHaveLength(MAX_ROWS_LISTED);
    expect(html).not.toContain('not listed here');
  });

  it('caps the suppressed findings the same way', () => {
    const html = formatHtml(largeResult(1, MAX_ROWS_LISTED + 30), context);
    const section = html.slice(html.indexOf('<section id="suppressed"'), html.indexOf('</section>', html.indexOf('<section id="suppressed"')));
    expect(section.match(/<tr><td><span class="badge/g)).toHaveLength(MAX_ROWS_LISTED);
    expect(section).toContain('…and 31 more suppressed findings, not listed here: the JSON report lists them all.');
  });

  it('counts only open findings as not listed in the findings section, never the suppressed ones left out of theirs', () => {
    const html = formatHtml(largeResult(MAX_ROWS_LISTED + 7, MAX_ROWS_LISTED + 50), context);
    expect(html.match(/<strong>[\d,]+ findings are not listed here<\/strong>/g)).toEqual(['<strong>7 findings are not listed here</strong>']);
    expect(html).toContain(`<span class="muted">(${MAX_ROWS_LISTED + 7} open, ${MAX_ROWS_LISTED + 50} suppressed)</span>`);
  });

  it('is written in pieces, an article at most each, that join into the formatter’s own text', () => {
    const result = largeResult(MAX_ROWS_LISTED + 5, 3);
    const pieces = [...chunkedFormatterFor('html')!(result, context)];
    expect(pieces.join('')).toBe(formatHtml(result, context));
    expect(pieces.length).toBeGreaterThan(new Set(result.findings.map((finding) => `${finding.environmentId} ${finding.ruleId}`)).size);
  });
});
