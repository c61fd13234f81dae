import { afterEach, describe, expect, it } from 'vitest';
import { createHostileScans, expectNoCredential } from '../helpers/hostile-scan.js';

const scans = createHostileScans();
afterEach(() => scans.cleanup());

describe('a server that echoes the request never gets a credential into an output', () => {
  it.each([
    ['CLIENT_SECRET_BASIC', []],
    ['CLIENT_SECRET_POST', ['--token-auth-method', 'CLIENT_SECRET_POST']],
  ])('the token endpoint echoes a %s request: exit 2, nothing leaked', async (_, extra) => {
    const { run, simulator, outputs } = await scans.scan({ faults: { echoRequest: { pattern: '/*/as/token', status: 401 } } }, extra);
    expect(simulator.requestLog.some((entry) => entry.fault === 'echoRequest')).toBe(true);
    expect(run.code).toBe(2);
    expect(run.stderr.includes('[redacted]')).toBe(true);
    expectNoCredential(outputs);
  });

  it('the API echoes the bearer token in a 403: the collection record, the reports and stderr hold none', async () => {
    const { run, simulator, outputs } = await scans.scan({ faults: { echoRequest: '/environments/*/applications' } });
    expect(simulator.requestLog.filter((entry) => entry.fault === 'echoRequest')).toHaveLength(2);
    expect(run.code).toBe(3);
    expect(outputs.some((text) => text.includes('authorization: [redacted]'))).toBe(true);
    expectNoCredential(outputs);
  });
});

describe('caps on reads, from the command line', () => {
  it('a list longer than --max-pages is a named failed read: incomplete, exit 3', async () => {
    const { run } = await scans.scan({ pageSize: { users: 1 } }, ['--max-pages', '1']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/users in .*: .*past 1 pages \(--max-pages\)/);
  });

  // A proxy or captive portal answering `{}` to everything must not pass for a tenant with no applications.
  it('a list answered with a bare {} is a named failed read: incomplete, exit 3', async () => {
    const { run, simulator } = await scans.scan({ faults: { bareObject: '/environments/*/applications' } });
    expect(simulator.requestLog.some((entry) => entry.fault === 'bareObject')).toBe(true);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/applications in .*: .*the answer has no _embedded\.applications list/);
  });

  it('a list longer than --max-list-items is a named failed read: incomplete, exit 3', async () => {
    const { run } = await scans.scan({}, ['--max-list-items', '1']);
    expect(run.code).toBe(3);
    // One space between the parts of the line, whether or not the read had an HTTP status.
    expect(run.stderr).toMatch(/^ {2}applications in [\w-]+: \/environments\/[\w-]+\/applications the list holds more than 1 items \(--max-list-items\)/m);
  });

  it('an answer larger than --max-answer-mb is a named failed read: incomplete, exit 3', async () => {
    const { run } = await scans.scan({}, ['--max-answer-mb', '0.001']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('(--max-answer-mb); not read');
  });
});
