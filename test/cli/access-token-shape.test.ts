import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { clientSecret } from '../fetch/stub-server.js';

describe('PINGONE_API_ACCESS_TOKEN that cannot be a bearer token', () => {
  // Before, undici refused the Authorization header and the run said the API could not be reached.
  it.each(['whoami', 'scan'])('ends %s as a user mistake (token-invalid) before any request, and never prints the token', async (command) => {
    const token = `${clientSecret}\r\nX-Injected: 1`;
    // Port 9 on loopback has no listener: a request sent anyway would end as unreachable.
    const run = await runCli([command, '--api-url', 'http://127.0.0.1:9/v1', '--auth-url', 'http://127.0.0.1:9'], { env: { PINGONE_API_ACCESS_TOKEN: token } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PINGONE_API_ACCESS_TOKEN does not hold a bearer token (RFC 6750 §2.1): it holds a line break at character');
    expect(run.stderr).toContain('error code: token-invalid');
    expect(`${run.stdout}${run.stderr}`).not.toContain(clientSecret);
  });
});
