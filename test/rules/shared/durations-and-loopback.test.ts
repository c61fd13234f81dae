import { describe, expect, it } from 'vitest';
import { describeDuration } from '../../../src/pingone/durations.js';
import { isLoopbackHost } from '../../../src/pingone/redirect-uris.js';
import { severityOverride } from '../../../rules/shared/severity.js';

describe('describeDuration', () => {
  it('uses the largest unit that divides the value exactly', () => {
    expect(describeDuration(15_552_000)).toBe('180 days');
    expect(describeDuration(86_400)).toBe('1 day');
    expect(describeDuration(90_000)).toBe('25 hours');
    expect(describeDuration(5_400)).toBe('90 minutes');
    expect(describeDuration(61)).toBe('61 seconds');
    expect(describeDuration(0)).toBe('0 seconds');
  });
});

describe('isLoopbackHost', () => {
  it('knows localhost, 127/8 and [::1], and nothing that only looks like them', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.255.0.9', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['localhost.example.com', '127.0.0.1.nip.io', '10.0.0.1', '[::2]', 'mylocalhost']) expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe('severityOverride', () => {
  it('stays silent at the rule default so packs and config decide it', () => {
    expect(severityOverride('medium', 'medium')).toEqual({});
    expect(severityOverride('high', 'medium')).toEqual({ severity: 'high' });
  });
});
