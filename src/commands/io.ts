import { DEFAULT_TERMINAL_COLUMNS } from '../output/terminal-layout.js';

/** A stream the CLI writes text to: `process.stdout`/`process.stderr`, or a buffer in tests. */
export interface OutputStream {
  write(text: string): unknown;
  /** True on a terminal: colour, progress lines and table width depend on it. */
  readonly isTTY?: boolean | undefined;
  /** Terminal width in characters, when known. */
  readonly columns?: number | undefined;
}

/**
 * Everything a command may take from the process it runs in. `src/cli.ts` passes the real process;
 * tests pass buffers, a chosen environment and a working folder, and run the CLI in-process.
 */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Environment variables (credentials, NO_COLOR, …): read from here, never from `process.env`. */
  env: NodeJS.ProcessEnv;
  /** The folder relative paths on the command line are resolved against. */
  cwd: string;
}

/**
 * The width reports for people fit: the terminal's own when stdout is one that knows it, else
 * `COLUMNS` when it holds a positive whole number (so `COLUMNS=120 pingone-audit … | less` and CI
 * logs can choose), else {@link DEFAULT_TERMINAL_COLUMNS} (80, the width every terminal offers).
 */
export function terminalColumns(io: CliIo): number {
  const own = io.stdout.isTTY === true ? io.stdout.columns : undefined;
  if (own !== undefined && Number.isInteger(own) && own > 0) return own;
  const fromEnv = /^\d{1,4}$/.test(io.env.COLUMNS ?? '') ? Number(io.env.COLUMNS) : 0;
  return fromEnv > 0 ? fromEnv : DEFAULT_TERMINAL_COLUMNS;
}

/**
 * ANSI colour for stdout: `FORCE_COLOR` decides when set (`0` or `false` turn colour off, any other
 * value on: Node's own rule, which lets it win over `NO_COLOR`), then a non-empty `NO_COLOR` turns
 * it off (https://no-color.org), else colour only on a terminal.
 */
export function useColor(io: CliIo): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true;
}
