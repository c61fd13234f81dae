import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { FINGERPRINT_KEY, MIN_RESULT_BYTES, sarifResultWriter, type SarifResultInput } from '../../src/formatters/sarif-result-text.js';
import { referenceJson } from '../helpers/reference-json.js';
import { ENV_PROD, makeFinding } from './fixtures.js';

const HOSTILE = 'App "x"\n</script>\\ \u2028 \ud800 end';

const sarifResultText = sarifResultWriter();

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ...makeFinding({ ruleId: 'app-implicit-grant', severity: 'high', environmentId: ENV_PROD, id: 'app-1', name: HOSTILE, pointer: '/grantTypes/0', message: `${HOSTILE} is affected.`, line: 7 }),
    ...overrides,
  };
}

function input(overrides: Partial<SarifResultInput> = {}): SarifResultInput {
  return { finding: finding(), ruleIndex: 3, uriJson: JSON.stringify('environments/e/applications/app-1.json'), suppressed: false, absent: false, ...overrides };
}

/**
 * The text must be compact JSON exactly as `JSON.stringify` prints what it parses to (same members, same order, same
 * escapes), hidden characters escaped too.
 */
function parsedCanonical(text: string): Record<string, unknown> {
  const value = JSON.parse(text) as Record<string, unknown>;
  expect(referenceJson(JSON.stringify(value))).toBe(text);
  return value;
}

describe('sarifResultWriter', () => {
  it('writes a result as compact JSON, with every tenant string escaped', () => {
    const result = parsedCanonical(sarifResultText(input()));
    expect(Object.keys(result)).toEqual(['ruleId', 'ruleIndex', 'level', 'message', 'locations', 'partialFingerprints', 'properties']);
    expect(result).toMatchObject({
      ruleId: 'app-implicit-grant',
      ruleIndex: 3,
      level: 'error',
      message: { text: `${HOSTILE} is affected.` },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'environments/e/applications/app-1.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 7 } },
          logicalLocations: [
            { name: HOSTILE, fullyQualifiedName: `environments/${ENV_PROD}/applications/app-1`, kind: 'resource', properties: { pointer: '/grantTypes/0', resourceType: 'application' } },
          ],
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: finding().fingerprint },
      properties: { severity: 'high', environmentId: ENV_PROD, resource: { type: 'application', id: 'app-1', name: HOSTILE }, pointer: '/grantTypes/0' },
    });
    // One result per line of the log: no raw newline.
    expect(sarifResultText(input())).not.toContain('\n');
  });

  it('points at the top of the file when the line is unknown or 0, and leaves out the index of a rule the run does not list', () => {
    for (const line of [undefined, 0]) {
      const result = parsedCanonical(sarifResultText(input({ finding: finding({ location: { file: 'f.json', ...(line === undefined ? {} : { line }) } }), ruleIndex: undefined })));
      expect(result).not.toHaveProperty('ruleIndex');
      expect(result).toMatchObject({ locations: [{ physicalLocation: { region: { startLine: 1 } } }] });
    }
  });

  it('names a Terraform resource by its address', () => {
    const result = parsedCanonical(sarifResultText(input({ finding: finding({ location: { file: 'main.tf', line: 3, address: 'pingone_application.a["eu"]' } }) })));
    expect(result).toMatchObject({ locations: [{ logicalLocations: [{ fullyQualifiedName: 'pingone_application.a["eu"]' }] }] });
  });

  it('carries the baseline state, the suppression with its disposition, and marks a fixed finding absent', () => {
    const disposition = { kind: 'accepted-risk' as const, owner: 'sec@example.com', reason: 'legacy "client"', expires: '2027-01-01' };
    const suppressedText = sarifResultText(input({ finding: finding({ baselineState: 'new', suppression: { reason: 'legacy "client"' }, disposition }), suppressed: true }));
    const suppressed = parsedCanonical(suppressedText);
    expect(Object.keys(suppressed)).toEqual(['ruleId', 'ruleIndex', 'level', 'message', 'locations', 'partialFingerprints', 'baselineState', 'suppressions', 'properties']);
    expect(suppressed).toMatchObject({ baselineState: 'new', suppressions: [{ kind: 'external', justification: expect.stringMatching(/: legacy "client"$/) }], properties: { disposition } });

    // A fixed finding is never printed as suppressed; its state replaces the one it had, or comes last.
    const fixedWithState = parsedCanonical(sarifResultText(input({ finding: finding({ baselineState: 'unchanged' }), absent: true })));
    expect(Object.keys(fixedWithState).indexOf('baselineState')).toBe(6);
    expect(fixedWithState).toMatchObject({ baselineState: 'absent' });
    const fixed = parsedCanonical(sarifResultText(input({ absent: true })));
    expect(Object.keys(fixed).at(-1)).toBe('baselineState');
    expect(fixed).toMatchObject({ baselineState: 'absent' });
    expect(fixed).not.toHaveProperty('suppressions');
  });

  it('escapes ids, environment ids, pointers and fingerprints as JSON.stringify does and hidden characters too, plain or not', () => {
    // Plain text, every escape JSON has, a pair of surrogates (kept) and a lone one (escaped), U+2028 (escaped), a bidi
    // override, a zero-width space, a tag character (a pair, escaped) and a C1 control.
    for (const text of ['plain', HOSTILE, 'tab\there \u0001 \ud83d\ude00 \udc00', 'admin\u202Egpj \u200B \u{E0041} \u0085', '']) {
      const hostile = makeFinding({ ruleId: text, severity: 'low', environmentId: text, id: text, name: text, pointer: `/${text}`, message: text });
      for (const type of ['application', 'environment', 'role'] as const) {
        const result = parsedCanonical(sarifResultText(input({ finding: { ...hostile, fingerprint: text, resource: { ...hostile.resource, type } } })));
        const qualified = type === 'environment' ? `environments/${text}` : `environments/${text}/${type === 'role' ? 'roles' : 'applications'}/${text}`;
        expect(result).toMatchObject({ ruleId: text, message: { text }, partialFingerprints: { [FINGERPRINT_KEY]: text }, properties: { environmentId: text, resource: { id: text, name: text } } });
        expect(result).toMatchObject({ locations: [{ logicalLocations: [{ name: text, fullyQualifiedName: qualified, properties: { pointer: `/${text}` } }] }] });
      }
      const orgWide = parsedCanonical(sarifResultText(input({ finding: makeFinding({ ruleId: 'r', severity: 'low', environmentId: null, id: text, name: text, message: text, type: 'role' }) })));
      expect(orgWide).toMatchObject({ locations: [{ logicalLocations: [{ fullyQualifiedName: `organization/roles/${text}` }] }] });
    }
  });

  it('writes no result shorter than MIN_RESULT_BYTES, even with every string of the finding empty', () => {
    const empty = makeFinding({ ruleId: '', severity: 'info', environmentId: null, id: '', name: '', pointer: '', message: '' });
    const text = sarifResultText(input({ finding: { ...empty, resource: { type: 'user', id: '', name: '' }, location: { file: '' } }, ruleIndex: undefined, uriJson: '""' }));
    parsedCanonical(text);
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(MIN_RESULT_BYTES);
  });
});
