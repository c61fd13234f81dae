import { parentPort } from 'node:worker_threads';
import { UserFacingError } from './errors.js';
import { startDemoTenant } from './simulator/demo-tenant.js';
import type { ErrorCode } from './error-codes.js';
import type { DatasetCredential } from './simulator/dataset.js';

/**
 * The demo's simulator on a thread of its own (`src/commands/demo-simulator.ts` starts it): it serves the demo
 * tenant, says where and with which credential, and stops when told. Next to `cli.js` in the build (an entry of
 * the bundle), so that a worker can load it without the CLI.
 */
/** What this thread posts to the one that started it. */
export type FromDemoSimulatorThread =
  | { kind: 'listening'; apiUrl: string; authUrl: string; credential: DatasetCredential }
  | { kind: 'failed'; errorCode: ErrorCode; message: string; hint: string | undefined; seeAlso: string | undefined }
  | { kind: 'closed' };

if (parentPort === null) throw new Error('demo-simulator-thread runs as a worker thread only.');
const port = parentPort;
const say = (message: FromDemoSimulatorThread) => port.postMessage(message);

try {
  const { simulator, credential } = await startDemoTenant();
  port.once('message', () => {
    void simulator.close().then(() => {
      say({ kind: 'closed' });
      port.close();
    });
  });
  say({ kind: 'listening', apiUrl: simulator.apiUrl, authUrl: simulator.authUrl, credential });
} catch (error) {
  // A worker's error reaches the caller as a plain Error: a user's mistake (a missing dataset) must stay one.
  if (!(error instanceof UserFacingError)) throw error;
  say({ kind: 'failed', errorCode: error.errorCode, message: error.message, hint: error.hint, seeAlso: error.seeAlso });
  port.close();
}
