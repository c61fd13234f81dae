import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAuditStep } from '../helpers/action-step.js';

describe('the GitHub Action with a private key', () => {
  it('hands the key to the tool as a 0600 file in the runner temp folder, keeps its text out of the environment and output, and deletes it', async () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const { recorded, stdout, stderr, runnerTemp } = await runAuditStep({ 'client-id': 'id', 'environment-id': 'env', 'private-key': pem, 'key-id': 'ci', environments: 'env' });
    expect(recorded.file?.startsWith(runnerTemp)).toBe(true);
    expect(recorded.mode).toBe(0o600);
    expect(recorded.content?.trim()).toBe(pem.trim());
    expect(recorded.environment.PINGONE_CLIENT_KEY_ID).toBe('ci');
    const keyLine = pem.split('\n')[1]!;
    expect(Object.values(recorded.environment).some((value) => value.includes(keyLine))).toBe(false);
    expect(`${stdout}${stderr}`).not.toContain(keyLine);
    expect(existsSync(recorded.file!)).toBe(false);
  });

  it('passes no key file when the app uses a secret', async () => {
    const { recorded } = await runAuditStep({ 'client-id': 'id', 'environment-id': 'env', 'client-secret': 'a-secret', environments: 'env' });
    expect(recorded.file).toBeUndefined();
    expect(recorded.environment.PINGONE_CLIENT_SECRET).toBe('a-secret');
  });
});
