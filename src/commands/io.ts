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

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(io: CliIo): boolean {
  return io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
}
