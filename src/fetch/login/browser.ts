import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Opens `url` in a browser; resolves true when one was launched, false when there is none to launch. */
export type BrowserOpener = (url: string) => Promise<boolean>;

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => {
    if (dir === '') return false;
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The system browser: `open` on macOS, `start` on Windows, `xdg-open` elsewhere when it is on the
 * `PATH` of `env` (the CLI's own environment, which in-process runs choose, not necessarily the
 * process's). A headless machine has none, and the caller prints the URL instead.
 */
export const systemBrowserOpener =
  (env: NodeJS.ProcessEnv): BrowserOpener =>
  async (url) => {
    const launch =
      process.platform === 'darwin'
        ? { command: 'open', args: [url] }
        : process.platform === 'win32'
          ? // Quoted, so the `&`s of the query are not command separators for cmd.
            { command: 'cmd', args: ['/c', 'start', '""', `"${url}"`], verbatim: true }
          : onPath('xdg-open', env)
            ? { command: 'xdg-open', args: [url] }
            : undefined;
    if (launch === undefined) return false;
    return new Promise((resolve) => {
      const child = spawn(launch.command, launch.args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: launch.verbatim === true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    });
  };
