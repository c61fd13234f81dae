import { describe, expect, it } from 'vitest';
import { setupFromConfig } from '../../src/audit/audit-setup.js';
import { auditBoth, buildDriftReport } from '../../src/diff/drift-report.js';
import { formatDrift } from '../../src/diff/format-drift.js';
import { RAW_TERMINAL_CONTROL } from '../helpers/hostile-strings.js';
import { buildSnapshot, webApp } from '../helpers/snapshot-builder.js';
import { EVERY_HOSTILE } from './hostile-result.js';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const RULES = setupFromConfig({ config: { extends: [], rules: { 'implicit-grant': 'medium' } }, file: undefined });

/** A tenant where one application was renamed to every hostile string and got a hostile redirect URI. */
function hostileDrift() {
  const before = buildSnapshot({ environments: [{ applications: [webApp({ id: 'app-web', name: 'Web' })] }] });
  const renamed = webApp({ id: 'app-web', name: EVERY_HOSTILE, redirectUris: [`https://ok.example/cb`, `x\`|${EVERY_HOSTILE}`], grantTypes: ['IMPLICIT'], responseTypes: ['TOKEN'] });
  const after = buildSnapshot({ environments: [{ applications: [renamed] }] });
  return buildDriftReport({ before, after }, auditBoth(before, after, RULES, NOW), { before: 'old', after: 'new' });
}

describe('diff output with hostile tenant text', () => {
  it('prints no control, bidi or line-break character from the tenant in the terminal listing', () => {
    const text = formatDrift(hostileDrift(), 'table');
    expect(text.replace(/\n/g, '')).not.toMatch(RAW_TERMINAL_CONTROL);
    expect(text).toContain('Harmless app\\rEVIL');
  });

  it('keeps the Markdown free of raw HTML, mentions and autolinks, each table row on one line', () => {
    const text = formatDrift(hostileDrift(), 'markdown');
    expect(text).not.toMatch(/(?<!\\)<(img|meta|script)\b/i);
    expect(text).not.toMatch(/@octocat|https:\/\/evil/);
    expect(text).not.toMatch(/[\r\u2028\u2029]/);
    for (const line of text.split('\n').filter((row) => row.startsWith('| '))) expect(line.endsWith(' |')).toBe(true);
  });
});
