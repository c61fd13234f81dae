import { describe, expect, it } from 'vitest';
import { evaluateProfile } from '../../src/profiles/evaluate-profile.js';
import { formatChecklist } from '../../src/profiles/format-checklist.js';
import { buildSnapshotIndex } from '../../src/snapshot/index-builder.js';
import { RAW_TERMINAL_CONTROL } from '../helpers/hostile-strings.js';
import { buildSnapshot, workerApp } from '../helpers/snapshot-builder.js';
import { checkOf, locate, profileOf } from '../profiles/profile-fixtures.js';
import { EVERY_HOSTILE } from './hostile-result.js';

/** A checklist for an app named with every hostile string, whose failing check quotes a hostile value. */
function hostileChecklist() {
  const app = workerApp({ id: 'app-hostile', name: EVERY_HOSTILE, tokenEndpointAuthMethod: EVERY_HOSTILE as 'CLIENT_SECRET_BASIC' });
  const snapshot = buildSnapshot({ environments: [{ applications: [app] }] });
  const profile = { ...profileOf('hostile', { namePatterns: ['x'] }), checks: [checkOf({ field: 'tokenEndpointAuthMethod', equals: 'CLIENT_SECRET_POST' })] };
  return evaluateProfile(profile, locate(snapshot, app.id), snapshot, buildSnapshotIndex(snapshot));
}

describe('check output with hostile tenant text', () => {
  it('prints the checklist without a control, bidi or line-break character from the tenant', () => {
    const text = formatChecklist(hostileChecklist(), 'table');
    expect(text.replace(/\n/g, '')).not.toMatch(RAW_TERMINAL_CONTROL);
    expect(text).toContain('Harmless app\\rEVIL');
  });

  it('keeps the Markdown checklist free of raw HTML and mentions', () => {
    const text = formatChecklist(hostileChecklist(), 'markdown');
    expect(text).not.toMatch(/(?<!\\)<(img|meta|script)\b/i);
    expect(text).not.toMatch(/@octocat|[\r\u2028]/);
  });
});
