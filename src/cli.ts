#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';
import { runCli } from './run-cli.js';

// The only place that knows it runs in a process: everything else gets the process through `io`.
// A reader that stops early (`| head`) closes the pipe: the rest of the report has nowhere to go, which is not an
// error of this run, so the writes after it are dropped and the run ends with its own exit code (the gate's verdict).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
const exitCode = await runCli(hideBin(process.argv), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
// Exit as soon as stdout and stderr have taken every byte: a process left to wind down first hands back a large
// audit's heap piece by piece (0.1 s of system time after the realistic snapshot of issue 19), for nothing.
await Promise.all([process.stdout, process.stderr].map(flushed));
process.exit(exitCode);

/** Resolves once every write queued on `stream` before has been handed to the system (at once for a closed stream). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) resolve();
    else stream.write('', () => resolve());
  });
}
