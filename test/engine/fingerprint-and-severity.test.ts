import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../src/engine/closest-match.js';
import { fingerprintFinding } from '../../src/engine/fingerprint.js';
import { atOrAbove, countAtOrAbove, severityRank } from '../../src/engine/severity.js';
import { SEVERITIES, type Finding, type Severity } from '../../src/engine/types.js';

describe('fingerprintFinding', () => {
  const base = ['implicit-grant', 'env-1', 'application', 'app-1', '/grantTypes/1'] as const;

  it('is the SHA-256 of the tuple as a JSON array: pinned, since baselines and suppressions store it', () => {
    // printf '%s' '["implicit-grant","env-1","application","app-1","/grantTypes/1"]' | sha256sum
    expect(fingerprintFinding(...base)).toBe('91139c3bc7a99a600d192dd839249804a06911a39be14eb20d71cdf2c4fae8bb');
  });

  it('changes with each part of the identity', () => {
    const variants = [
      fingerprintFinding('other-rule', 'env-1', 'application', 'app-1', '/grantTypes/1'),
      fingerprintFinding('implicit-grant', 'env-2', 'application', 'app-1', '/grantTypes/1'),
      fingerprintFinding('implicit-grant', null, 'application', 'app-1', '/grantTypes/1'),
      fingerprintFinding('implicit-grant', 'env-1', 'user', 'app-1', '/grantTypes/1'),
      fingerprintFinding('implicit-grant', 'env-1', 'application', 'app-2', '/grantTypes/1'),
      fingerprintFinding('implicit-grant', 'env-1', 'application', 'app-1', '/grantTypes/0'),
    ];
    expect(new Set([fingerprintFinding(...base), ...variants]).size).toBe(variants.length + 1);
  });

  it('hashes exactly the JSON.stringify text of the tuple, hidden characters raw: the outputs escape them, the identity must not change', () => {
    const tuple = ['implicit-grant', 'env\u202E-1', 'application', 'app\u200B\u2066\u0085\u007F\u2028\u{E0041}\uFEFF', '/grantTypes/\u061C\u180E'] as const;
    expect(fingerprintFinding(...tuple)).toBe(createHash('sha256').update(JSON.stringify(tuple), 'utf8').digest('hex'));
  });

  it('hashes the tuple as UTF-8, non-ASCII ids included', () => {
    const tuple = ['implicit-grant', 'env-1', 'application', 'app-é-日本-🔑', '/grantTypes/1'] as const;
    expect(fingerprintFinding(...tuple)).toBe(createHash('sha256').update(JSON.stringify(tuple), 'utf8').digest('hex'));
  });

  it('hashes the text JSON.stringify makes of the tuple, whatever its strings hold', () => {
    for (const text of ['', 'quote " and \\ backslash', 'line\nbreak \u0001', 'pair \ud83d\udd11 lone \ud800', '\u2028']) {
      for (const environmentId of [text, null]) {
        const tuple = [text, environmentId, 'application', text, `/${text}`] as const;
        expect(fingerprintFinding(...tuple)).toBe(createHash('sha256').update(JSON.stringify(tuple), 'utf8').digest('hex'));
      }
    }
  });

  it('cannot be confused by separators inside ids', () => {
    expect(fingerprintFinding('a', 'b|c', 'application', 'd', '')).not.toBe(fingerprintFinding('a', 'b', 'application', 'c|d', ''));
  });
});

describe('severity helpers', () => {
  it('ranks critical highest and info lowest', () => {
    const ranks = SEVERITIES.map(severityRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(severityRank('critical')).toBeGreaterThan(severityRank('info'));
  });

  it('atOrAbove compares against a threshold inclusively', () => {
    expect(atOrAbove('high', 'high')).toBe(true);
    expect(atOrAbove('critical', 'high')).toBe(true);
    expect(atOrAbove('medium', 'high')).toBe(false);
  });

  it('countAtOrAbove counts open findings for --fail-on; none never fails', () => {
    const findings = (['critical', 'high', 'medium', 'low', 'info', 'high'] as Severity[]).map((severity) => ({ severity }) as Finding);
    expect(countAtOrAbove({ findings }, 'high')).toBe(3);
    expect(countAtOrAbove({ findings }, 'info')).toBe(6);
    expect(countAtOrAbove({ findings }, 'none')).toBe(0);
  });
});

describe('closestMatch', () => {
  it('suggests the nearest candidate for a typo, case-insensitively', () => {
    expect(closestMatch('implicit-grnt', ['app-disabled', 'implicit-grant'])).toBe('implicit-grant');
    expect(closestMatch('HIGH', ['low', 'high'])).toBe('high');
  });

  it('suggests nothing when nothing is close', () => {
    expect(closestMatch('completely-different', ['app-disabled', 'implicit-grant'])).toBeUndefined();
  });
});
