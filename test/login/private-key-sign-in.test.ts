import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConnectionSettings, signIn } from '../../src/fetch/index.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { datasetWithReviewerApp, REVIEWER_APP_ID, reviewerIds } from '../simulator/reviewer-app.js';
import { browserSigningInAs, freePort } from './login-fixture.js';
import { testRsaKeys } from '../helpers/test-keys.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

let simulator: RunningSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

describe('a reviewer sign-in to a confidential app using PRIVATE_KEY_JWT', () => {
  it('redeems the code with a client assertion, no secret', async () => {
    const keys = testRsaKeys();
    const port = await freePort();
    const dataset = datasetWithReviewerApp(port, { tokenEndpointAuthMethod: 'PRIVATE_KEY_JWT', jwks: JSON.stringify({ keys: [{ ...keys.publicKey.export({ format: 'jwk' }), kid: 'reviewer' }] }) });
    simulator = await startSimulator({ dataset });
    const keyFile = path.join(temporaryFolder('pingone-audit-reviewer-key-'), 'key.pem');
    writeFileSync(keyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
    const flags = { clientId: REVIEWER_APP_ID, environmentId: reviewerIds(dataset).adminEnv, apiUrl: simulator.apiUrl, authUrl: simulator.authUrl, redirectPort: port, auth: 'authorization-code' };

    const settings = resolveConnectionSettings({ ...flags, privateKeyFile: keyFile, keyId: 'reviewer' }, {});
    expect(settings.credentials).toMatchObject({ kind: 'userSignIn', tokenAuthMethod: 'PRIVATE_KEY_JWT' });
    const session = await signIn(settings, { openBrowser: browserSigningInAs('bruno.costa').open, write: () => undefined });
    expect(session.accessToken.reveal().length).toBeGreaterThan(0);

    // The same app without a key is a public client to the tool, and PingOne (here the simulator) refuses it.
    const publicClient = resolveConnectionSettings(flags, {});
    expect(publicClient.credentials).toMatchObject({ tokenAuthMethod: 'NONE' });
    await expect(signIn(publicClient, { openBrowser: browserSigningInAs('bruno.costa').open, write: () => undefined })).rejects.toThrow(/invalid_client/);
  });
});
