import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { checkSarifForGitHub } from '../helpers/github-checks.js';
import { formatSarif } from '../../src/formatters/sarif.js';
import { sampleResult } from './fixtures.js';

/** A log that uploads, to break one way at a time. */
function validLog(): Log {
  return JSON.parse(formatSarif(sampleResult(), { color: false })) as Log;
}

function firstResult(log: Log): Result {
  return log.runs[0]!.results![0]!;
}

function withUri(uri: string | undefined): Log {
  const log = validLog();
  firstResult(log).locations![0]!.physicalLocation!.artifactLocation = uri === undefined ? {} : { uri };
  return log;
}

describe('checkSarifForGitHub', () => {
  it('finds nothing wrong with what the SARIF formatter writes', () => {
    expect(checkSarifForGitHub(validLog())).toEqual([]);
  });

  it('rejects a result without locations, or with only logical ones', () => {
    const none = validLog();
    delete firstResult(none).locations;
    expect(checkSarifForGitHub(none)).toEqual(['runs[0].results[0].locations: no physical location; GitHub rejects results without one']);

    const logicalOnly = validLog();
    firstResult(logicalOnly).locations = [{ logicalLocations: [{ fullyQualifiedName: 'environments/e/applications/a' }] }];
    expect(checkSarifForGitHub(logicalOnly)).toHaveLength(1);
  });

  it.each([
    ['a missing URI', undefined, /empty/],
    ['an empty URI', '', /empty/],
    ['a URI with a space', 'snapshots/acme prod/app.json', /contains whitespace/],
    ['a custom scheme', 'pingone://environments/e/applications/a', /scheme "pingone:"/],
    ['an https URI', 'https://console.pingone.com/app', /scheme "https:"/],
    ['a Windows path', 'C:\\snapshots\\app.json', /not a valid URI/],
    ['a broken percent escape', 'snapshots/100%/app.json', /not a valid URI/],
  ])('rejects %s', (_label, uri, problem) => {
    const problems = checkSarifForGitHub(withUri(uri));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^runs\[0\]\.results\[0\]\.locations\[0\]\.physicalLocation\.artifactLocation\.uri: /);
    expect(problems[0]).toMatch(problem);
  });

  it('accepts relative paths and file: URIs', () => {
    expect(checkSarifForGitHub(withUri('snapshots/acme%20prod/app.json'))).toEqual([]);
    expect(checkSarifForGitHub(withUri('file:///github/workspace/snapshots/app.json'))).toEqual([]);
  });

  it.each([0, -3, 1.5])('rejects startLine %s', (startLine) => {
    const log = validLog();
    firstResult(log).locations![0]!.physicalLocation!.region = { startLine };
    expect(checkSarifForGitHub(log)).toEqual([`runs[0].results[0].locations[0].physicalLocation.region.startLine: ${startLine}; GitHub needs a line number of 1 or more`]);
  });

  it('rejects a security-severity that is not a string, or not a score', () => {
    const numeric = validLog();
    numeric.runs[1]!.tool.driver.rules![2]!.properties!['security-severity'] = 8;
    expect(checkSarifForGitHub(numeric)).toEqual(['runs[1].tool.driver.rules[2].properties["security-severity"]: 8 is a number; GitHub only reads it as a string such as "8.0"']);
    const wordy = validLog();
    wordy.runs[0]!.tool.driver.rules![0]!.properties!['security-severity'] = 'high';
    expect(checkSarifForGitHub(wordy)).toEqual([expect.stringMatching(/"high" is not a score/)]);
  });

  it('rejects two runs with the same category', () => {
    const log = validLog();
    log.runs[2]!.automationDetails = { id: log.runs[0]!.automationDetails!.id! };
    expect(checkSarifForGitHub(log)).toEqual([expect.stringMatching(/^runs\[2\]\.automationDetails\.id: .* repeats runs\[0\]/)]);
    const unnamed = validLog();
    for (const run of unnamed.runs) delete run.automationDetails;
    expect(checkSarifForGitHub(unnamed)).toHaveLength(2);
  });

  it('rejects more than 20 runs and more than 25,000 results in a run', () => {
    const log = validLog();
    const template = log.runs[0]!;
    log.runs = Array.from({ length: 21 }, (_, index) => ({ ...template, automationDetails: { id: `pingone-audit/env-${index}/` } }));
    expect(checkSarifForGitHub(log)).toEqual(['runs: 21 runs; GitHub accepts at most 20 per upload']);

    const crowded = validLog();
    const result = firstResult(crowded);
    crowded.runs[0]!.results = Array.from({ length: 25_001 }, () => result);
    expect(checkSarifForGitHub(crowded)).toEqual(['runs[0].results: 25001 results; GitHub accepts at most 25000 per run']);
  });
});
