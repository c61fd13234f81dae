import { createServer, type ServerResponse } from 'node:http';
import { UserFacingError } from '../../errors.js';

/** The loopback end of the authorization code redirect (RFC 8252 §7.3), listening for one answer. */
export interface LoopbackReceiver {
  /** `http://127.0.0.1:<port>/callback`: must be registered on the application, exactly. */
  redirectUri: string;
  /** The code, once the browser comes back with it and the expected `state`. */
  code: Promise<string>;
  close(): Promise<void>;
}

const seeAlso = 'README.md#signing-in-as-a-reviewer';

function page(response: ServerResponse, status: number, text: string): void {
  const html = `<!doctype html><meta charset="utf-8"><title>pingone-audit</title><p>${text}</p>`;
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  response.end(html);
}

/**
 * Listens on 127.0.0.1 only (never a public interface) for the one `/callback` request carrying
 * `expectedState`, answers the browser, and closes. Other paths get a 404 and change nothing; a
 * callback with another state is refused and ends the sign-in (it was not started here).
 */
export async function listenForCallback(port: number, expectedState: string, timeoutMs: number): Promise<LoopbackReceiver> {
  let settle: { resolve(code: string): void; reject(error: Error): void } | undefined;
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (request.method !== 'GET' || url.pathname !== '/callback' || settle === undefined) {
      page(response, 404, 'Not found.');
      return;
    }
    const { resolve, reject } = settle;
    settle = undefined;
    const params = url.searchParams;
    if (params.get('state') !== expectedState) {
      page(response, 400, 'Sign-in refused: this answer does not belong to the sign-in pingone-audit started. Close this tab and try again.');
      reject(
        new UserFacingError('sign-in-failed', 'Sign-in refused: the redirect carried a state this sign-in did not send (a stale tab, or a forged request).', {
          hint: 'Run the sign-in again and finish it in the browser tab it opens.',
          seeAlso,
        }),
      );
    } else if (params.get('error') !== null) {
      const said = [params.get('error'), params.get('error_description')].filter(Boolean).join(': ');
      page(response, 400, 'Sign-in failed; pingone-audit shows why in the terminal. You can close this tab.');
      reject(
        new UserFacingError('sign-in-failed', `PingOne did not sign you in (${said}).`, {
          hint: 'Check that the application is enabled, allows the Authorization Code grant with PKCE S256, lists the redirect URI exactly, and admits your user (access control, group restrictions).',
          seeAlso,
        }),
      );
    } else if (params.get('code') === null) {
      page(response, 400, 'Sign-in failed: no authorization code. You can close this tab.');
      reject(new UserFacingError('sign-in-failed', 'The sign-in redirect carried no authorization code.', { seeAlso }));
    } else {
      page(response, 200, 'Signed in to pingone-audit. You can close this tab and return to the terminal.');
      resolve(params.get('code')!);
    }
    response.on('finish', () => server.close());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new UserFacingError('sign-in-failed', `Cannot receive the sign-in on 127.0.0.1:${port}: the port is in use.`, {
              hint: 'Free the port, or register http://127.0.0.1:<another port>/callback on the application and pass --redirect-port.',
              seeAlso,
            })
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const timer = setTimeout(() => {
    settle?.reject(
      new UserFacingError('sign-in-failed', `No sign-in came back within ${Math.round(timeoutMs / 1000)} seconds.`, { hint: 'Run the command again and finish signing in in the browser.', seeAlso }),
    );
    settle = undefined;
    server.close();
  }, timeoutMs);
  timer.unref();
  void code.catch(() => undefined).finally(() => clearTimeout(timer));

  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    code,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
