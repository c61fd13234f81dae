import { describe, expect, it } from 'vitest';
import { loadDataset, startSimulator } from '../../src/simulator/index.js';
import { runCli } from '../helpers/run-cli.js';
import { clientSecret } from '../fetch/stub-server.js';
import { requestToken } from '../simulator/simulator-client.js';

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

  it('refuses a control character at either end rather than trimming it: only whitespace is trimmed', async () => {
    const run = await runCli(['whoami', '--api-url', 'http://127.0.0.1:9/v1', '--auth-url', 'http://127.0.0.1:9'], { env: { PINGONE_API_ACCESS_TOKEN: `${clientSecret}\u0000` } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`it holds a control character at character ${clientSecret.length + 1}`);
    expect(`${run.stdout}${run.stderr}`).not.toContain(clientSecret);
  });
});

describe('PINGONE_API_ACCESS_TOKEN with whitespace around it', () => {
  const dataset = loadDataset('demo');
  const auditor = dataset.credentials[0]!;

  // A token pasted from a Windows file or `curl` output ends in CR LF: trimmed, the same token is sent and accepted.
  it.each([
    ['a trailing CR LF', (token: string) => `${token}\r\n`],
    ['spaces and a tab around it', (token: string) => ` ${token}\t `],
  ])('sends the token without %s, and PingOne accepts it', async (_label, surround) => {
    const simulator = await startSimulator({ dataset });
    try {
      const token = ((await (await requestToken(simulator, auditor)).json()) as { access_token: string }).access_token;
      const run = await runCli(['whoami', '--api-url', simulator.apiUrl, '--auth-url', simulator.authUrl], { env: { PINGONE_API_ACCESS_TOKEN: surround(token) } });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(auditor.clientId);
    } finally {
      await simulator.close();
    }
  });

  // What a token that looks right but is refused most often is: one from another PingOne, here a simulator since restarted.
  it('says a refused ready token may come from another PingOne than the API it was sent to', async () => {
    const issuer = await startSimulator({ dataset });
    const token = ((await (await requestToken(issuer, auditor)).json()) as { access_token: string }).access_token;
    await issuer.close();
    const simulator = await startSimulator({ dataset });
    try {
      const run = await runCli(['whoami', '--api-url', simulator.apiUrl, '--auth-url', simulator.authUrl], { env: { PINGONE_API_ACCESS_TOKEN: `${token}\r\n` } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error code: credentials-rejected');
      expect(run.stderr).toContain('or was issued by another PingOne');
      expect(`${run.stdout}${run.stderr}`).not.toContain(token);
    } finally {
      await simulator.close();
    }
  });
});
