import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/engine/types.js';
import type { FormatContext } from '../../src/formatters/format-context.js';
import { FORMATS_READING } from '../../src/formatters/format-names.js';
import { FORMAT_NAMES, formatters } from '../../src/formatters/index.js';
import { sampleResult } from './fixtures.js';

/** The sample result compared with a baseline (one finding fixed since), so that every report option has something to show. */
function comparedResult(): AuditResult {
  const result = sampleResult();
  const fixed = { ...result.findings[0]!, fingerprint: 'f'.repeat(64) };
  return { ...result, baseline: { file: 'old.json', generatedAt: '2026-11-01T00:00:00.000Z', new: 1, unchanged: result.findings.length - 1, updated: 0, fixed: [fixed] } };
}

/** Reports hold fresh UUIDs (OSCAL): two renderings of the same input compare equal without them. */
function render(format: (typeof FORMAT_NAMES)[number], result: AuditResult, context: Partial<FormatContext> = {}): string {
  return formatters[format](result, { color: false, columns: 100, ...context }).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
}

describe('FORMATS_READING names exactly the formats each report option changes', () => {
  const options = { includeSuppressed: { includeSuppressed: true }, includeFixed: { includeFixed: true }, verbose: { verbose: true }, framework: { framework: 'soc2-2017' } } as const;
  it.each(Object.entries(options))('%s', (option, context) => {
    const result = comparedResult();
    const changed = FORMAT_NAMES.filter((format) => render(format, result) !== render(format, result, context));
    expect([...changed].sort()).toEqual([...FORMATS_READING[option as keyof typeof options]].sort());
  });

  it('history: the dates --history adds show in the formats it names, and in stylish only with verbose', () => {
    const result = comparedResult();
    const dated: AuditResult = {
      ...result,
      findings: result.findings.map((finding) => ({ ...finding, firstSeen: '2026-10-01', age: 50 })),
      history: { folder: 'runs', runs: [] },
    };
    const changed = FORMAT_NAMES.filter((format) => render(format, result) !== render(format, dated));
    const changedVerbose = FORMAT_NAMES.filter((format) => render(format, result, { verbose: true }) !== render(format, dated, { verbose: true }));
    expect([...changed].sort()).toEqual(FORMATS_READING.history.filter((format) => format !== 'stylish').sort());
    expect([...changedVerbose].sort()).toEqual([...FORMATS_READING.history].sort());
  });
});
