import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const credentials = {
  PINGONE_CLIENT_ID: '3f9c1a2e-7b4d-4e8f-9a61-0c2d5e7f8a90',
  PINGONE_CLIENT_SECRET: 'not-used-the-run-stops-first',
  PINGONE_ENVIRONMENT_ID: '0c2d5e7f-8a90-4e8f-9a61-3f9c1a2e7b4d',
};

describe('Terraform service hostnames on the command line', () => {
  it('exits 2 before any request when a hostname and the URL for the same service are both set', async () => {
    // Port 9 on loopback answers nothing: a request would fail differently, so exit 2 with this message means none was sent.
    const run = await runCli(['whoami'], { env: { ...credentials, PINGONE_AUTH_SERVICE_HOSTNAME: 'auth.example.org', PINGONE_AUTH_URL: 'http://127.0.0.1:9' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Both PINGONE_AUTH_SERVICE_HOSTNAME (auth.example.org) and PINGONE_AUTH_URL (--auth-url)');
    expect(run.stderr).toContain('Keep one');
    expect(run.stderr).not.toContain(credentials.PINGONE_CLIENT_SECRET);
  });

  it('lists the sign-in flags in --help', async () => {
    const run = await runCli(['scan', '--help']);
    for (const flag of ['--private-key-file', '--key-id', 'PRIVATE_KEY_JWT', 'PINGONE_CLIENT_PRIVATE_KEY_FILE', '--custom-domain', 'PINGONE_API_SERVICE_HOSTNAME', 'PINGONE_AUTH_SERVICE_HOSTNAME']) {
      expect(run.stdout).toContain(flag);
    }
  });
});
