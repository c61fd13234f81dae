import { describe, expect, it } from 'vitest';
import { formatters, FORMAT_NAMES } from '../../src/formatters/index.js';
import { formatCsv } from '../../src/formatters/csv.js';
import { formatHtml } from '../../src/formatters/html.js';
import { formatJunit } from '../../src/formatters/junit.js';
import { formatMarkdown } from '../../src/formatters/markdown.js';
import { formatTable } from '../../src/formatters/table.js';
import { RAW_TERMINAL_CONTROL } from '../helpers/hostile-strings.js';
import { referenceJson } from '../helpers/reference-json.js';
import { EVERY_HOSTILE, hostileResult } from './hostile-result.js';

const context = { color: false, snapshotDir: 'snapshots/acme', includeSuppressed: true };
const OUR_SGR = /\u001b\[\d+m/g;
/** A tag that Markdown would pass to HTML: not backslash-escaped. */
const RAW_TAG = /(?<!\\)<(img|meta|script)\b/i;

describe('every formatter with hostile tenant text', () => {
  it.each(FORMAT_NAMES)('%s renders without throwing', (format) => {
    expect(() => formatters[format](hostileResult(), context)).not.toThrow();
  });

  it('JSON keeps every value whole, hidden characters escaped', () => {
    expect(formatters.json(hostileResult({ long: 200_000 }), context)).toContain(referenceJson(JSON.stringify(EVERY_HOSTILE)).slice(1, -1));
    expect(formatters.json(hostileResult({ long: 200_000 }), context)).toContain('N'.repeat(200_000));
  });
});

describe('table', () => {
  it('lays out TABs and lone CRs (the table package throws on them) and lets no control character through', () => {
    const text = formatTable(hostileResult(), { ...context, columns: 120 });
    expect(text.replace(/\n/g, '')).not.toMatch(RAW_TERMINAL_CONTROL);
    expect(text).toContain('Harmless app\\rEVIL');
    expect(text).toContain('\\x1B]52;c;');
  });

  it('paints only its own colours', () => {
    const text = formatTable(hostileResult(), { ...context, color: true, columns: 120 });
    expect(text).toMatch(OUR_SGR);
    expect(text.replace(OUR_SGR, '').replace(/\n/g, '')).not.toMatch(RAW_TERMINAL_CONTROL);
  });

  it('cuts a 30,000-character name and points at the JSON report', () => {
    const text = formatTable(hostileResult({ long: 30_000 }), { ...context, columns: 100 });
    expect(text.match(/N/g)!.length).toBeLessThan(400);
    // The note wraps in the narrow column; its count does not.
    expect(text).toContain('[29,880');
  });
});

describe('Markdown', () => {
  const text = formatMarkdown(hostileResult(), context);

  it('renders no HTML from the tenant and closes exactly the <details> it opens', () => {
    expect(text).not.toMatch(RAW_TAG);
    expect(text.match(/<details>/g)!.length).toBe(text.match(/<\/details>/g)!.length);
    expect(text).not.toMatch(/`[^`\n]*<\/details>/);
  });

  it('neutralises mentions and bare URLs and keeps every row on its line', () => {
    expect(text).not.toMatch(/@octocat|@github\/security|https:\/\/evil|www\.evil/);
    expect(text).not.toMatch(/[\r\u2028\u2029]/);
    expect(text.replace(/\n/g, '')).not.toMatch(RAW_TERMINAL_CONTROL);
    for (const line of text.split('\n').filter((row) => row.startsWith('| '))) expect(line.endsWith(' |')).toBe(true);
  });

  it('escapes the organization and environment ids it used to put raw inside backticks', () => {
    const breakOut = 'x`) <img src=x onerror=alert(1)> </details> (`y';
    const base = hostileResult();
    const result = {
      ...base,
      snapshot: { ...base.snapshot, organizationId: breakOut, environments: [{ id: breakOut, name: 'Prod' }] },
      findings: base.findings.map((finding) => ({ ...finding, environmentId: breakOut })),
    };
    const markdown = formatMarkdown(result, context);
    expect(markdown).not.toMatch(RAW_TAG);
    expect(markdown).toContain('Organization x\\`) \\<img src=x onerror=alert(1)\\> \\</details\\> (\\`y');
    expect(markdown).toContain('#### Prod (x\\`) \\<img');
  });

  it("stays under GitHub's 1 MiB job-summary limit with a 200,000-character name, and says what was cut", () => {
    const long = formatMarkdown(hostileResult({ long: 200_000 }), context);
    expect(Buffer.byteLength(long)).toBeLessThan(1024 * 1024);
    expect(long).toContain('more characters: the JSON report has the whole value');
  });
});

describe('CSV', () => {
  const text = formatCsv(hostileResult(), context);

  it('quotes every cell and keeps no raw ESC, CR or TAB inside one', () => {
    const body = text.replace(/\r\n/g, '\n');
    expect(body).not.toMatch(/[\u001b\r\t]/);
    for (const line of body.trimEnd().split('\n')) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
  });

  it('leaves no formula start after any separator', () => {
    const cells = text.split('\r\n').flatMap((line) => line.split('","'));
    for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/(^|[,;|])\s*[=+\-@]/);
  });
});

describe('HTML', () => {
  const text = formatHtml(hostileResult(), context);

  it('lets no tag or attribute out of tenant text', () => {
    expect(text).not.toMatch(/<(img|meta http-equiv=refresh|script)\b/i);
    expect(text.match(/<meta /g)).toHaveLength(4);
    expect(text).not.toContain('content="0;url=');
  });

  it('shows control and bidi characters as escapes', () => {
    expect(text.replace(/\n/g, '')).not.toMatch(RAW_TERMINAL_CONTROL);
  });
});

describe('JUnit', () => {
  it('keeps tenant text inside its attributes and text, controls shown', () => {
    const text = formatJunit(hostileResult(), context);
    expect(text).not.toMatch(/<(img|meta|script)\b/i);
    expect(text.replace(/\n/g, '')).not.toMatch(RAW_TERMINAL_CONTROL);
  });
});

describe('Markdown size', () => {
  it('cuts a report over 1 MiB at a line, closes its <details> and says what was cut', () => {
    const base = hostileResult();
    const many = Array.from({ length: 1000 }, (_, index) => ({ ...base.suppressed[0]!, resource: { ...base.suppressed[0]!.resource, id: `app-${index}` } }));
    const text = formatMarkdown({ ...base, suppressed: many }, context);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024 * 1024);
    expect(text).toMatch(/> This report was cut to stay under GitHub's 1024 KiB limit for a job summary: the last [\d,]+ of [\d,]+ lines are left out\./);
    expect(text.match(/<details>/g)!.length).toBe(text.match(/<\/details>/g)!.length);
    expect(text.startsWith('## pingone-audit: ')).toBe(true);
  });
});

describe('HTML chart labels', () => {
  it('cut a long environment name without splitting a surrogate pair', () => {
    const base = hostileResult();
    const result = { ...base, snapshot: { ...base.snapshot, environments: [{ id: base.snapshot.environmentIds[0]!, name: `${'a'.repeat(93)}😀😀😀` }] } };
    const text = formatHtml(result, context);
    expect(text).toContain(`<text class="label" x="0" y="40">${'a'.repeat(93)}😀…</text>`);
    expect(text).not.toMatch(/\\uD83D/);
  });

  it('stand above their bars, starting at the chart’s left edge, so no name is clipped', () => {
    const base = hostileResult();
    const wide = '生产环境'.repeat(12);
    const result = { ...base, snapshot: { ...base.snapshot, environments: [{ id: base.snapshot.environmentIds[0]!, name: wide }] } };
    const text = formatHtml(result, context);
    // 48 wide characters take 96 columns: shown whole, from x = 0, with nothing to their left.
    expect(text).toContain(`<text class="label" x="0" y="40">${wide}</text>`);
  });
});
