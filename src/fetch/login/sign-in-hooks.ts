import type { BrowserOpener } from './browser.js';

/** What a sign-in needs from the outside world; each has a real default, and tests replace them. */
export interface SignInHooks {
  /** Opens the authorize URL (default: the system browser when there is one). */
  openBrowser?: BrowserOpener;
  /** Where instructions go (default stderr); never receives a token. */
  write?: (text: string) => void;
  /** Waits between device code polls (default a real timer). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** How long the loopback listener waits for the browser (default 5 minutes). */
  callbackTimeoutMs?: number;
}
